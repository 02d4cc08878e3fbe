//! `parallax stories`: the corpus's articles grouped into stories, each with a label; with
//! `--truth`, how the grouping agrees with a generated corpus's known stories.

use super::{default_format, json_line, load_analysed, write_stdout};
use crate::cli::{CorpusArgs, Format};
use parallax::analysis::stories::{agreement, Agreement};
use parallax::analysis::{CorpusEntities, EntityCorrections, Stories};
use parallax::corpus::{CleanMode, Corpus};
use parallax::generate::GroundTruth;
use parallax::text::display_safe;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

pub fn run(args: &CorpusArgs, format: Option<Format>, truth: Option<&Path>) -> ExitCode {
    let truth = match truth.map(read_truth).transpose() {
        Ok(truth) => truth,
        Err(message) => {
            eprintln!("parallax: error: {message}");
            return ExitCode::from(2);
        }
    };
    let Some(analysed) = load_analysed(args, CleanMode::Clean) else {
        return ExitCode::from(2);
    };
    let corpus = &analysed.corpus;
    let corrections = EntityCorrections::default();
    let entities = CorpusEntities::from_mentions(corpus, analysed.mentions, &corrections);
    let stories = Stories::group(corpus, &entities);
    let agreement = truth.map(|t| measure(corpus, &stories, &t));
    let text = match default_format(format) {
        Format::Json => json_line(&serde_json::json!({
            "version": 1,
            "stories": stories.stories.iter().map(|s| serde_json::json!({
                "label": s.label,
                "articles": s.articles.iter().map(|&a| &corpus.articles[a].id).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
            "agreement": agreement,
        })),
        Format::Text => text(corpus, &stories, agreement),
    };
    write_stdout(&text)
}

/// The articles of story `n` (1-based, largest first, as `run` prints them), or every article
/// without `n`; an error message when there is no such story.
pub fn story_articles(
    corpus: &Corpus,
    entities: &CorpusEntities,
    n: Option<usize>,
) -> Result<Vec<usize>, String> {
    let Some(n) = n else {
        return Ok((0..corpus.articles.len()).collect());
    };
    let stories = Stories::group(corpus, entities);
    match n.checked_sub(1).and_then(|i| stories.stories.get(i)) {
        Some(story) => Ok(story.articles.clone()),
        None => Err(format!(
            "there is no story {n}: the corpus has {} (see `parallax stories`)",
            stories.stories.len()
        )),
    }
}

fn read_truth(path: &Path) -> Result<GroundTruth, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    GroundTruth::from_json(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Agreement over the articles the ground truth knows (by file name).
fn measure(corpus: &Corpus, stories: &Stories, truth: &GroundTruth) -> Agreement {
    let known: HashMap<&str, usize> = truth
        .articles
        .iter()
        .map(|a| (a.file.as_str(), a.story))
        .collect();
    let story_of = stories.story_of_each(corpus.articles.len());
    let (predicted, expected): (Vec<usize>, Vec<usize>) = corpus
        .articles
        .iter()
        .zip(story_of)
        .filter_map(|(article, story)| {
            let name = Path::new(&article.path).file_name()?.to_str()?;
            Some((story, *known.get(name)?))
        })
        .unzip();
    agreement(&predicted, &expected)
}

fn text(corpus: &Corpus, stories: &Stories, agreement: Option<Agreement>) -> String {
    let mut out = String::new();
    let plural = |n: usize, one: &str, many: &str| match n {
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    };
    let _ = writeln!(
        out,
        "{} in {}",
        plural(stories.stories.len(), "story", "stories"),
        plural(corpus.articles.len(), "article", "articles")
    );
    if let Some(a) = agreement {
        let _ = writeln!(
            out,
            "against the known stories: purity {:.3}, inverse purity {:.3}, adjusted Rand {:.3}",
            a.purity, a.inverse_purity, a.adjusted_rand
        );
    }
    for (n, story) in stories.stories.iter().enumerate() {
        let _ = writeln!(
            out,
            "\n{}. {} ({})",
            n + 1,
            display_safe(&story.label),
            plural(story.articles.len(), "article", "articles")
        );
        for &a in &story.articles {
            let article = &corpus.articles[a];
            let _ = writeln!(out, "   {}  {}", article.id, article.display_title());
        }
    }
    out
}
