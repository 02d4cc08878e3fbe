//! `parallax [PATH]...`: the interactive reader.

use super::load;
use crate::cli::CorpusArgs;
use parallax::corpus::CleanMode;
use parallax::state::{EntityTable, State};
use std::io::IsTerminal;
use std::process::ExitCode;

pub fn run(args: &CorpusArgs) -> ExitCode {
    let Some(corpus) = load(args, CleanMode::Clean) else {
        return ExitCode::from(2);
    };
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        eprintln!("parallax: error: the reader needs a terminal; use `parallax dump` for output to a pipe or file");
        return ExitCode::from(2);
    }
    // Entities, alignment and the story map are analysed by the app, with the user's
    // corrections from the annotation store.
    let state = State::new(corpus, EntityTable::default());
    match parallax::app::run(state, args.annotations.as_deref()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("parallax: error: terminal: {e}");
            ExitCode::from(1)
        }
    }
}
