//! `parallax dump`: the loaded corpus as JSON or text. JSON loads through the analysis cache.

use super::{default_format, load, load_analysed, write_stdout, write_stdout_with};
use crate::cli::{CorpusArgs, Format};
use parallax::analysis::{CorpusEntities, EntityCorrections};
use parallax::corpus::CleanMode;
use parallax::dump::{to_text, write_json};
use std::process::ExitCode;

pub fn run(args: &CorpusArgs, format: Option<Format>, no_clean: bool) -> ExitCode {
    let clean = if no_clean {
        CleanMode::Keep
    } else {
        CleanMode::Clean
    };
    match default_format(format) {
        Format::Json => {
            let Some(analysed) = load_analysed(args, clean) else {
                return ExitCode::from(2);
            };
            let corpus = &analysed.corpus;
            let corrections = EntityCorrections::default();
            let entities = CorpusEntities::from_mentions(corpus, analysed.mentions, &corrections);
            write_stdout_with(|out| write_json(corpus, &entities, out))
        }
        Format::Text => {
            let Some(corpus) = load(args, clean) else {
                return ExitCode::from(2);
            };
            write_stdout(&to_text(&corpus))
        }
    }
}
