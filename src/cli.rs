//! The command line: clap definitions and the non-interactive subcommands, thin printers over
//! the library.

use clap::{Parser, Subcommand, ValueEnum};
use parallax::analysis::CorpusEntities;
use parallax::corpus::{load_paths, CleanMode, Corpus, LoadError, LoadOptions, LoadWarning};
use parallax::dump::{to_text, Dump};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Read and compare how several news outlets cover the same story.
#[derive(Parser, Debug)]
#[command(name = "parallax", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    corpus: CorpusArgs,
}

/// Where the articles come from; shared by every subcommand.
#[derive(clap::Args, Debug, Clone)]
struct CorpusArgs {
    /// Article files and folders (a folder means the .txt and .md files directly inside it).
    /// Without any, the five built-in seed articles.
    #[arg(global = true)]
    paths: Vec<PathBuf>,
    /// Skip files larger than this many MiB.
    #[arg(long, global = true, default_value_t = 16, value_name = "MIB")]
    max_file_mib: u64,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Print the loaded corpus: metadata, paragraphs, sentences and hidden boilerplate.
    Dump {
        /// Output format (JSON by default when stdout is not a terminal).
        #[arg(long, value_enum)]
        format: Option<Format>,
        /// Treat every line as body (the first line is still the title): for clean text.
        #[arg(long)]
        no_clean: bool,
    },
    /// List the canonical entities, most mentioned first, with aliases and sources.
    Entities {
        /// Output format (JSON by default when stdout is not a terminal).
        #[arg(long, value_enum)]
        format: Option<Format>,
    },
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Json,
    Text,
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Dump { format, no_clean }) => {
            let clean = if no_clean {
                CleanMode::Keep
            } else {
                CleanMode::Clean
            };
            let Some(corpus) = load(&cli.corpus, clean) else {
                return ExitCode::from(2);
            };
            print_dump(&corpus, default_format(format))
        }
        Some(Command::Entities { format }) => {
            let Some(corpus) = load(&cli.corpus, CleanMode::Clean) else {
                return ExitCode::from(2);
            };
            let entities = CorpusEntities::analyse(&corpus, &[]);
            let text = match default_format(format) {
                Format::Json => {
                    let list = parallax::dump::entity_dumps(&corpus, &entities);
                    serde_json::to_string_pretty(
                        &serde_json::json!({"version": 1, "entities": list}),
                    )
                    .expect("entities serialise")
                        + "\n"
                }
                Format::Text => parallax::dump::entities_text(&corpus, &entities),
            };
            write_stdout(&text)
        }
        None => {
            let Some(corpus) = load(&cli.corpus, CleanMode::Clean) else {
                return ExitCode::from(2);
            };
            read(corpus)
        }
    }
}

/// Loads the corpus, printing per-file warnings; `None` after printing a fatal error.
fn load(args: &CorpusArgs, clean: CleanMode) -> Option<Corpus> {
    let options = LoadOptions {
        clean,
        max_file_bytes: args.max_file_mib.saturating_mul(1024 * 1024),
    };
    match load_paths(&args.paths, &options) {
        Ok(corpus) => {
            for warning in &corpus.warnings {
                eprintln!("parallax: warning: {warning}");
            }
            Some(corpus)
        }
        Err(err) => {
            for warning in err_warnings(&err) {
                eprintln!("parallax: warning: {warning}");
            }
            eprintln!("parallax: error: {err}");
            None
        }
    }
}

fn err_warnings(err: &LoadError) -> &[LoadWarning] {
    match err {
        LoadError::NothingLoaded(warnings) => warnings,
        _ => &[],
    }
}

/// Opens the interactive reader.
fn read(corpus: Corpus) -> ExitCode {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        eprintln!("parallax: error: the reader needs a terminal; use `parallax dump` for output to a pipe or file");
        return ExitCode::from(2);
    }
    let entities =
        parallax::state::EntityTable::from_analysis(&CorpusEntities::analyse(&corpus, &[]));
    let state = parallax::state::State::new(corpus, entities);
    match parallax::app::run(state) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("parallax: error: terminal: {e}");
            ExitCode::from(1)
        }
    }
}

/// JSON for pipes and files, text for people.
fn default_format(format: Option<Format>) -> Format {
    format.unwrap_or(if std::io::stdout().is_terminal() {
        Format::Text
    } else {
        Format::Json
    })
}

fn print_dump(corpus: &Corpus, format: Format) -> ExitCode {
    let text = match format {
        Format::Json => Dump::new(corpus, &CorpusEntities::analyse(corpus, &[])).to_json(),
        Format::Text => to_text(corpus),
    };
    write_stdout(&text)
}

fn write_stdout(text: &str) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`parallax dump | head`) is not an error worth a message.
    match stdout
        .write_all(text.as_bytes())
        .and_then(|_| stdout.flush())
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("parallax: error: cannot write output: {e}");
            ExitCode::from(1)
        }
    }
}
