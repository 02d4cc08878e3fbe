//! `parallax dump`: the loaded corpus as JSON or text.

use super::{default_format, load, write_stdout};
use crate::cli::{CorpusArgs, Format};
use parallax::analysis::CorpusEntities;
use parallax::corpus::CleanMode;
use parallax::dump::{to_text, Dump};
use std::process::ExitCode;

pub fn run(args: &CorpusArgs, format: Option<Format>, no_clean: bool) -> ExitCode {
    let clean = if no_clean {
        CleanMode::Keep
    } else {
        CleanMode::Clean
    };
    let Some(corpus) = load(args, clean) else {
        return ExitCode::from(2);
    };
    let text = match default_format(format) {
        Format::Json => Dump::new(&corpus, &CorpusEntities::analyse(&corpus, &[])).to_json(),
        Format::Text => to_text(&corpus),
    };
    write_stdout(&text)
}
