//! `parallax [PATH]...`: the interactive reader.

use super::{fail, load_options};
use crate::cli::CorpusArgs;
use parallax::config::Config;
use parallax::corpus::{AnalysisCache, CleanMode, StreamingLoad};
use parallax::state::{EntityTable, State};
use parallax::ui::theme::Palette;
use std::io::IsTerminal;
use std::process::ExitCode;

pub fn run(args: &CorpusArgs) -> ExitCode {
    // The first articles load here; the rest stream in while the reader is already open.
    let mut loader = match StreamingLoad::plan(&args.paths, load_options(args, CleanMode::Clean)) {
        Ok(loader) if args.no_cache => loader,
        Ok(loader) => loader.with_cache(AnalysisCache::open_default()),
        Err(err) => return fail(err),
    };
    let mut corpus = match loader.head() {
        Ok(corpus) => corpus,
        Err(err) => return fail(err),
    };
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        eprintln!("parallax: error: the reader needs a terminal; use `parallax dump` for output to a pipe or file");
        return ExitCode::from(2);
    }
    // While the rest loads, the head's warnings wait to be shown with everyone else's.
    let warnings = match loader.remaining() {
        0 => Vec::new(),
        _ => std::mem::take(&mut corpus.warnings),
    };
    // Entities, alignment and the story map are analysed by the app, with the user's
    // corrections from the annotation store.
    let mut state = State::new(corpus, EntityTable::default());
    std::sync::Arc::make_mut(&mut state.corpus).warnings = warnings;
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
    match parallax::app::run(state, theme, args.annotations.as_deref(), Some(loader)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("parallax: error: terminal: {e}");
            ExitCode::from(1)
        }
    }
}
