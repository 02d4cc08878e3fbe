//! `parallax entities`: the canonical entities with aliases and sources.

use super::{default_format, json_line, load_analysed, write_stdout};
use crate::cli::{CorpusArgs, Format};
use parallax::analysis::{CorpusEntities, EntityCorrections};
use parallax::corpus::CleanMode;
use parallax::dump::{entities_text, entity_dumps};
use std::process::ExitCode;

pub fn run(args: &CorpusArgs, format: Option<Format>) -> ExitCode {
    let Some(analysed) = load_analysed(args, CleanMode::Clean) else {
        return ExitCode::from(2);
    };
    let corpus = &analysed.corpus;
    let corrections = EntityCorrections::default();
    let entities = CorpusEntities::from_mentions(corpus, analysed.mentions, &corrections);
    let text = match default_format(format) {
        Format::Json => json_line(&serde_json::json!({
            "version": 1,
            "entities": entity_dumps(corpus, &entities),
        })),
        Format::Text => entities_text(corpus, &entities),
    };
    write_stdout(&text)
}
