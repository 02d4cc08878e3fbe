//! `parallax [PATH]...`: the interactive reader.

use super::load;
use crate::cli::CorpusArgs;
use parallax::analysis::CorpusEntities;
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
    let entities = EntityTable::from_analysis(&CorpusEntities::analyse(&corpus, &[]));
    let state = State::new(corpus, entities);
    match parallax::app::run(state, args.annotations.as_deref()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("parallax: error: terminal: {e}");
            ExitCode::from(1)
        }
    }
}
