//! `parallax annotations list`: every annotation with its current span and status.

use super::super::{default_format, json_line, write_stdout};
use crate::cli::{CorpusArgs, Format};
use parallax::export::listing;
use std::process::ExitCode;

pub fn run(args: &CorpusArgs, format: Option<Format>) -> ExitCode {
    let Some((corpus, store)) = super::open(args) else {
        return ExitCode::from(2);
    };
    let rows = listing::rows(&corpus, store.annotations());
    let text = match default_format(format) {
        Format::Json => json_line(&listing::Listing {
            version: 1,
            file: store.location().path.display().to_string(),
            annotations: rows,
        }),
        Format::Text => listing::text(&rows, &store.location().description),
    };
    write_stdout(&text)
}
