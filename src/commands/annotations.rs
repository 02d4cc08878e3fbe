//! `parallax annotations …`: list, export and import a corpus's annotations, over the store and
//! the exporters in the library.

mod dev_save_loop;
mod export;
mod import;
mod list;

use super::load;
use crate::cli::{AnnotationsCommand, CorpusArgs};
use parallax::corpus::{AnnotationStore, CleanMode, Corpus};
use std::process::ExitCode;

pub fn run(command: AnnotationsCommand) -> ExitCode {
    match command {
        AnnotationsCommand::List { corpus, format } => list::run(&corpus, format),
        AnnotationsCommand::Export {
            corpus,
            format,
            out,
        } => export::run(&corpus, format, out.as_deref()),
        AnnotationsCommand::Import { file, corpus } => import::run(&file, &corpus),
        AnnotationsCommand::DevSaveLoop { file } => dev_save_loop::run(&file),
    }
}

/// Loads the corpus and opens its annotations; `None` after printing why not. A store that
/// opened read-only (unreadable, unparsable, newer format) is an error here: its annotations
/// are not available to list, export or import into.
fn open(args: &CorpusArgs) -> Option<(Corpus, AnnotationStore)> {
    let corpus = load(args, CleanMode::Clean)?;
    let location = AnnotationStore::locate(&corpus, args.annotations.as_deref());
    let store = AnnotationStore::open(location);
    if let Some(why) = store.read_only() {
        eprintln!("parallax: error: {why}");
        return None;
    }
    Some((corpus, store))
}
