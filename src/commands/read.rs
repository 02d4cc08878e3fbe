//! `parallax [PATH]...`: the interactive reader.

use super::load;
use crate::cli::CorpusArgs;
use parallax::config::Config;
use parallax::corpus::CleanMode;
use parallax::state::{EntityTable, State};
use parallax::ui::theme::Palette;
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
    let mut state = State::new(corpus, EntityTable::default());
    let (config, warnings) = Config::load(args.config.as_deref());
    state.keymap = config.keymap.clone();
    state.annotations.labels = config.labels.clone();
    state.show_entities = config.show_entities;
    state.show_boilerplate = config.show_boilerplate;
    state.wrap_width = config.wrap_width;
    for warning in warnings {
        state.notice(warning);
    }
    let theme = config.theme_for(Palette::detect_with(args.no_color));
    match parallax::app::run(state, theme, args.annotations.as_deref()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("parallax: error: terminal: {e}");
            ExitCode::from(1)
        }
    }
}
