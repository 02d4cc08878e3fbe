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
    /// The annotations file, instead of `<folder>/.parallax/annotations.json` (or, for the seeds
    /// and read-only folders, `$XDG_DATA_HOME/parallax/annotations/<corpus>.json`).
    #[arg(long, value_name = "FILE")]
    pub annotations: Option<PathBuf>,
    /// Neither read nor write the analysis cache (`$XDG_CACHE_HOME/parallax`).
    #[arg(long)]
    pub no_cache: bool,
    /// The config file, instead of `$XDG_CONFIG_HOME/parallax/config.toml` (default
    /// `~/.config/parallax/config.toml`).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// No colours, whatever the terminal (as the NO_COLOR variable).
    #[arg(long)]
    pub no_color: bool,
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
    /// Align two articles: sentence links (primary and secondary), one-sided sentences,
    /// possible discrepancies, near-duplicate pairs.
    Compare {
        /// The left article: an id, a unique id prefix, or a path.
        left: String,
        /// The right article: an id, a unique id prefix, or a path.
        right: String,
        #[command(flatten)]
        corpus: CorpusArgs,
        /// Output format (JSON by default when stdout is not a terminal).
        #[arg(long, value_enum)]
        format: Option<Format>,
    },
    /// The story map: sentences of every source grouped into facts, most widely reported first.
    Map {
        #[command(flatten)]
        corpus: CorpusArgs,
        /// Output format (JSON by default when stdout is not a terminal).
        #[arg(long, value_enum)]
        format: Option<Format>,
        /// Only story N, numbered as `parallax stories` prints them (largest first).
        #[arg(long, value_name = "N")]
        story: Option<usize>,
    },
    /// How often each source mentions each entity.
    Coverage {
        #[command(flatten)]
        corpus: CorpusArgs,
        /// Output format (JSON by default when stdout is not a terminal).
        #[arg(long, value_enum)]
        format: Option<Format>,
        /// Only story N, numbered as `parallax stories` prints them (largest first).
        #[arg(long, value_name = "N")]
        story: Option<usize>,
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
    /// Group the articles into stories by shared entities and words, each with a label.
    Stories {
        #[command(flatten)]
        corpus: CorpusArgs,
        /// Output format (JSON by default when stdout is not a terminal).
        #[arg(long, value_enum)]
        format: Option<Format>,
        /// A generated corpus's `stories.json`: also report how the grouping agrees with it.
        #[arg(long, value_name = "FILE")]
        truth: Option<PathBuf>,
    },
    /// Download pages (or a feed's items) into a corpus folder: `<DIR>/<slug>.txt` plus their
    /// metadata in `<DIR>/parallax.toml`.
    Fetch {
        /// Page or feed URLs (http:// or https://).
        #[arg(required = true, value_name = "URL")]
        urls: Vec<String>,
        /// The corpus folder to save into (created if missing).
        #[arg(long, value_name = "DIR")]
        into: PathBuf,
        /// Replace an article fetched before from the same URL.
        #[arg(long)]
        force: bool,
        /// Give up on a URL after this many seconds (redirects and body included).
        #[arg(long, default_value_t = 30.0, value_name = "SECS")]
        timeout: f64,
        /// Refuse responses larger than this many MiB.
        #[arg(long, default_value_t = 16, value_name = "MIB")]
        max_mib: u64,
    },
    /// Check the config file and print its warnings; `--default` prints the commented default.
    Config {
        /// Print the default config, every setting commented out.
        #[arg(long)]
        default: bool,
        /// The config file to check, instead of the default path.
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
    },
    /// Print the keys in effect (defaults plus the config's) as a Markdown table.
    Keys {
        /// The config file, instead of the default path.
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
    },
    /// List, export and import annotations.
    Annotations {
        #[command(subcommand)]
        command: AnnotationsCommand,
    },
    /// Write a generated corpus for measuring: N articles in K stories, and `stories.json`.
    #[command(hide = true)]
    Generate {
        /// How many articles.
        #[arg(long, default_value_t = 1000)]
        articles: usize,
        /// Mean words of body text per article.
        #[arg(long, default_value_t = 800)]
        words: usize,
        /// How many stories the articles are about.
        #[arg(long, default_value_t = 10)]
        stories: usize,
        /// Seed: the same seed writes the same bytes.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The folder to write into (created if missing).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
}

#[derive(Subcommand, Debug)]
pub enum AnnotationsCommand {
    /// List the annotations and where each stands in the current text.
    List {
        #[command(flatten)]
        corpus: CorpusArgs,
        /// Output format (JSON by default when stdout is not a terminal).
        #[arg(long, value_enum)]
        format: Option<Format>,
    },
    /// Export to W3C Web Annotation JSON-LD, brat standoff, CSV or a Markdown report.
    Export {
        #[command(flatten)]
        corpus: CorpusArgs,
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Write to this file (or, for brat, this folder) instead of stdout.
        #[arg(long, value_name = "FILE|DIR")]
        out: Option<PathBuf>,
    },
    /// Merge W3C Web Annotations (JSON-LD) into the corpus's annotations and re-anchor them.
    Import {
        /// The JSON-LD file (`-` for stdin).
        file: PathBuf,
        #[command(flatten)]
        corpus: CorpusArgs,
    },
    /// Test aid: adds an annotation and saves, forever, printing each saved count.
    #[command(hide = true)]
    DevSaveLoop {
        /// The annotations file.
        file: PathBuf,
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

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// W3C Web Annotation JSON-LD (an AnnotationCollection).
    W3c,
    /// brat standoff: `<id>.ann` and `<id>.txt` per article, into a folder.
    Brat,
    /// One row per annotation, with a header row.
    Csv,
    /// A report grouped by source.
    #[value(alias = "md")]
    Markdown,
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
        Some(Command::Stories {
            corpus,
            format,
            truth,
        }) => commands::stories::run(&corpus, format, truth.as_deref()),
        Some(Command::Annotations { command }) => commands::annotations::run(command),
        Some(Command::Compare {
            left,
            right,
            corpus,
            format,
        }) => commands::compare::run(&left, &right, &corpus, format),
        Some(Command::Map {
            corpus,
            format,
            story,
        }) => commands::map::run(&corpus, format, story),
        Some(Command::Coverage {
            corpus,
            format,
            story,
        }) => commands::coverage::run(&corpus, format, story),
        Some(Command::Find {
            query,
            corpus,
            kind,
            limit,
            format,
        }) => commands::find::run(&corpus, &query, kind, limit, format),
        Some(Command::Generate {
            articles,
            words,
            stories,
            seed,
            out,
        }) => {
            let config = parallax::generate::GeneratorConfig {
                articles,
                mean_words: words,
                stories,
                seed,
            };
            commands::generate::run(&config, &out)
        }
        Some(Command::Fetch {
            urls,
            into,
            force,
            timeout,
            max_mib,
        }) => commands::fetch::run(&urls, &into, force, timeout, max_mib),
        Some(Command::Config { default, config }) => {
            commands::config::run(default, config.as_deref())
        }
        Some(Command::Keys { config }) => commands::keys::run(config.as_deref()),
        None => commands::read::run(&cli.corpus),
    }
}
