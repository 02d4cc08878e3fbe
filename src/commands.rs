//! The subcommands, and what they share: loading the corpus with warnings on stderr, choosing
//! the output format, writing to a pipe that may close.

pub mod annotations;
pub mod compare;
pub mod config;
pub mod coverage;
pub mod dump;
pub mod entities;
pub mod fetch;
pub mod find;
pub mod generate;
pub mod keys;
pub mod map;
pub mod progress;
pub mod read;
pub mod stories;

use crate::cli::{CorpusArgs, Format};
use parallax::corpus::{
    load_paths_analysed_reporting, load_paths_reporting, AnalysedCorpus, AnalysisCache, CleanMode,
    Corpus, LoadError, LoadOptions, LoadWarning,
};
use progress::Progress;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

/// Loads the corpus, printing per-file warnings; `None` after printing a fatal error.
pub fn load(args: &CorpusArgs, clean: CleanMode) -> Option<Corpus> {
    load_with(args, clean, &mut Progress::on_stderr())
}

/// `load`, with a progress bar on stderr while the files load.
pub fn load_with(args: &CorpusArgs, clean: CleanMode, progress: &mut Progress) -> Option<Corpus> {
    let options = load_options(args, clean);
    let loaded = load_paths_reporting(&args.paths, &options, &mut |done, total| {
        progress.files(done, total)
    });
    progress.clear();
    report(loaded, |c| &c.warnings)
}

/// Loads the corpus with every article's mentions, through the analysis cache (unless
/// `--no-cache`), printing per-file warnings; `None` after printing a fatal error.
pub fn load_analysed(args: &CorpusArgs, clean: CleanMode) -> Option<AnalysedCorpus> {
    load_analysed_with(args, clean, &mut Progress::on_stderr())
}

/// `load_analysed`, with a progress bar on stderr while the files load and are analysed.
pub fn load_analysed_with(
    args: &CorpusArgs,
    clean: CleanMode,
    progress: &mut Progress,
) -> Option<AnalysedCorpus> {
    let cache = match args.no_cache {
        true => AnalysisCache::disabled(),
        false => AnalysisCache::open_default(),
    };
    let options = load_options(args, clean);
    let loaded =
        load_paths_analysed_reporting(&args.paths, &options, &cache, &mut |done, total| {
            progress.files(done, total)
        });
    progress.clear();
    report(loaded, |a| &a.corpus.warnings)
}

/// The corpus and its entities, mentions through the analysis cache, with progress on
/// stderr; `None` after printing a fatal error. The progress is left on the last stage.
pub fn load_with_entities(
    args: &CorpusArgs,
    progress: &mut Progress,
) -> Option<(Corpus, parallax::analysis::CorpusEntities)> {
    let analysed = load_analysed_with(args, CleanMode::Clean, progress)?;
    progress.stage("linking entities across articles");
    let corrections = parallax::analysis::EntityCorrections::default();
    let entities = parallax::analysis::CorpusEntities::from_mentions(
        &analysed.corpus,
        analysed.mentions,
        &corrections,
    );
    Some((analysed.corpus, entities))
}

pub fn load_options(args: &CorpusArgs, clean: CleanMode) -> LoadOptions {
    LoadOptions {
        clean,
        max_file_bytes: args.max_file_mib.saturating_mul(1024 * 1024),
    }
}

/// Prints the per-file warnings of a load, or its fatal error.
fn report<T>(loaded: Result<T, LoadError>, warnings: impl Fn(&T) -> &[LoadWarning]) -> Option<T> {
    match loaded {
        Ok(loaded) => {
            print_warnings(warnings(&loaded));
            Some(loaded)
        }
        Err(err) => {
            fail(err);
            None
        }
    }
}

/// Prints a fatal load error (after the warnings that explain it): exit status 2.
pub fn fail(err: LoadError) -> ExitCode {
    if let LoadError::NothingLoaded(warnings) = &err {
        print_warnings(warnings);
    }
    eprintln!("parallax: error: {err}");
    ExitCode::from(2)
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

/// Streams output to stdout through a buffer; a closed pipe is not an error worth a message.
pub fn write_stdout_with(write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> ExitCode {
    let mut stdout = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    match write(&mut stdout).and_then(|()| stdout.flush()) {
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
