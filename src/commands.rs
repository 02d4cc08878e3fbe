//! The subcommands, and what they share: loading the corpus with warnings on stderr, choosing
//! the output format, writing to a pipe that may close.

pub mod annotations;
pub mod compare;
pub mod config;
pub mod coverage;
pub mod dump;
pub mod entities;
pub mod fetch;
pub mod keys;
pub mod map;
pub mod read;

use crate::cli::{CorpusArgs, Format};
use parallax::corpus::{load_paths, CleanMode, Corpus, LoadError, LoadOptions, LoadWarning};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

/// Loads the corpus, printing per-file warnings; `None` after printing a fatal error.
pub fn load(args: &CorpusArgs, clean: CleanMode) -> Option<Corpus> {
    let options = LoadOptions {
        clean,
        max_file_bytes: args.max_file_mib.saturating_mul(1024 * 1024),
    };
    match load_paths(&args.paths, &options) {
        Ok(corpus) => {
            print_warnings(&corpus.warnings);
            Some(corpus)
        }
        Err(err) => {
            if let LoadError::NothingLoaded(warnings) = &err {
                print_warnings(warnings);
            }
            eprintln!("parallax: error: {err}");
            None
        }
    }
}

/// One line per problem file; past a handful with the same problem, one summary line, so a
/// folder of 10,000 empty files does not bury the terminal.
fn print_warnings(warnings: &[LoadWarning]) {
    for line in parallax::corpus::load::summarise_warnings(warnings, 5) {
        eprintln!("parallax: warning: {line}");
    }
}

/// JSON for pipes and files, text for people.
pub fn default_format(format: Option<Format>) -> Format {
    format.unwrap_or(if std::io::stdout().is_terminal() {
        Format::Text
    } else {
        Format::Json
    })
}

/// Writes to stdout; a closed pipe (`parallax dump | head`) is not an error worth a message.
pub fn write_stdout(text: &str) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
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

/// Serialises a JSON value with a trailing newline.
pub fn json_line<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).expect("output serialises") + "\n"
}
