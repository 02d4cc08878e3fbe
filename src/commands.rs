//! The subcommands, and what they share: loading the corpus with warnings on stderr, choosing
//! the output format, writing to a pipe that may close.

pub mod annotations;
pub mod dump;
pub mod entities;
pub mod generate;
pub mod read;

use crate::cli::{CorpusArgs, Format};
use parallax::corpus::{load_paths, CleanMode, Corpus, LoadError, LoadOptions};
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
            for warning in &corpus.warnings {
                eprintln!("parallax: warning: {warning}");
            }
            Some(corpus)
        }
        Err(err) => {
            if let LoadError::NothingLoaded(warnings) = &err {
                for warning in warnings {
                    eprintln!("parallax: warning: {warning}");
                }
            }
            eprintln!("parallax: error: {err}");
            None
        }
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
