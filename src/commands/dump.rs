//! `parallax dump`: the loaded corpus as JSON or text. JSON loads through the analysis cache.

use super::progress::Progress;
use super::{default_format, load_analysed_with, load_with, write_stdout, write_stdout_with};
use crate::cli::{CorpusArgs, Format};
use parallax::analysis::{CorpusEntities, EntityCorrections};
use parallax::corpus::CleanMode;
use parallax::dump::{to_text, write_json};
use std::io::IsTerminal;
use std::process::ExitCode;

pub fn run(args: &CorpusArgs, format: Option<Format>, no_clean: bool) -> ExitCode {
    let clean = if no_clean {
        CleanMode::Keep
    } else {
        CleanMode::Clean
    };
    match default_format(format) {
        Format::Json => {
            let mut progress = Progress::on_stderr();
            let Some(analysed) = load_analysed_with(args, clean, &mut progress) else {
                return ExitCode::from(2);
            };
            let corpus = &analysed.corpus;
            let corrections = EntityCorrections::default();
            progress.stage("linking entities across articles");
            let entities = CorpusEntities::from_mentions(corpus, analysed.mentions, &corrections);
            // A spinner between lines of output on the same terminal would garble both.
            match std::io::stdout().is_terminal() {
                true => progress.clear(),
                false => progress.stage("writing JSON"),
            }
            write_stdout_with(|out| write_json(corpus, &entities, out))
        }
        Format::Text => {
            let Some(corpus) = load_with(args, clean, &mut Progress::on_stderr()) else {
                return ExitCode::from(2);
            };
            write_stdout(&to_text(&corpus))
        }
    }
}
