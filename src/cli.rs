//! The command line: clap definitions and dispatch. Each subcommand lives in `commands/`, a
//! thin printer over the library.

use crate::commands;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

/// Read and compare how several news outlets cover the same story.
#[derive(Parser, Debug)]
#[command(
    name = "parallax",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    corpus: CorpusArgs,
}

/// Where the articles come from; every subcommand takes them.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct CorpusArgs {
    /// Article files and folders (a folder means the .txt and .md files directly inside it).
    /// Without any, the five built-in seed articles.
    pub paths: Vec<PathBuf>,
    /// Skip files larger than this many MiB.
    #[arg(long, default_value_t = 16, value_name = "MIB")]
    pub max_file_mib: u64,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Print the loaded corpus: metadata, paragraphs, sentences, hidden boilerplate, entities.
    Dump {
        #[command(flatten)]
        corpus: CorpusArgs,
        /// Output format (JSON by default when stdout is not a terminal).
        #[arg(long, value_enum)]
        format: Option<Format>,
        /// Treat every line as body (the first line is still the title): for clean text.
        #[arg(long)]
        no_clean: bool,
    },
    /// List the canonical entities, most mentioned first, with aliases and sources.
    Entities {
        #[command(flatten)]
        corpus: CorpusArgs,
        /// Output format (JSON by default when stdout is not a terminal).
        #[arg(long, value_enum)]
        format: Option<Format>,
    },
    /// Rank sources, entities, annotations and sentences against a fuzzy query, as the finder
    /// popup does.
    Find {
        /// Space-separated terms, each matched fuzzily; a first `@`, `#`, `!` or `"` keeps
        /// only sources, entities, annotations or sentences.
        query: String,
        #[command(flatten)]
        corpus: CorpusArgs,
        /// Only this kind of result.
        #[arg(long, value_enum)]
        kind: Option<FindKind>,
        /// At most this many results.
        #[arg(long, default_value_t = 20, value_name = "N")]
        limit: usize,
        /// Output format (JSON by default when stdout is not a terminal).
        #[arg(long, value_enum)]
        format: Option<Format>,
    },
}

/// What `parallax find --kind` keeps.
#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum FindKind {
    Source,
    Entity,
    Annotation,
    Sentence,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Json,
    Text,
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Dump {
            corpus,
            format,
            no_clean,
        }) => commands::dump::run(&corpus, format, no_clean),
        Some(Command::Entities { corpus, format }) => commands::entities::run(&corpus, format),
        Some(Command::Find {
            query,
            corpus,
            kind,
            limit,
            format,
        }) => commands::find::run(&corpus, &query, kind, limit, format),
        None => commands::read::run(&cli.corpus),
    }
}
