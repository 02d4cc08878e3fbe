//! `parallax map [PATH]... [--story N]`: the story map, facts by how many sources report them;
//! of one story with `--story`.

use super::progress::Progress;
use super::{default_format, json_line, load_with_entities, write_stdout};
use crate::cli::{CorpusArgs, Format};
use parallax::analysis::align::CorpusTerms;
use parallax::analysis::story_map::{SentenceRef, StoryMap};
use parallax::corpus::Corpus;
use parallax::text::display_safe;
use serde::Serialize;
use std::fmt::Write as _;
use std::process::ExitCode;

pub fn run(args: &CorpusArgs, format: Option<Format>, story: Option<usize>) -> ExitCode {
    let mut progress = Progress::on_stderr();
    let Some((corpus, entities)) = load_with_entities(args, &mut progress) else {
        return ExitCode::from(2);
    };
    progress.stage("grouping articles into stories");
    let articles = match super::stories::story_articles(&corpus, &entities, story) {
        Ok(articles) => articles,
        Err(message) => {
            progress.clear();
            eprintln!("parallax: error: {message}");
            return ExitCode::from(2);
        }
    };
    progress.stage("aligning sentences into facts");
    let map = StoryMap::build_for(&CorpusTerms::build(&corpus, &entities), &articles);
    progress.clear();
    let text = match default_format(format) {
        Format::Json => to_json(&corpus, &map),
        Format::Text => to_text(&corpus, &articles, &map),
    };
    write_stdout(&text)
}

fn text_of(corpus: &Corpus, s: SentenceRef) -> String {
    let a = &corpus.articles[s.article];
    display_safe(a.text(a.sentences[s.sentence])).into_owned()
}

/// The `map` JSON document (version 1).
#[derive(Serialize)]
struct MapJson {
    version: u32,
    facts: Vec<FactJson>,
}

#[derive(Serialize)]
struct FactJson {
    text: String,
    sources: usize,
    terms: Vec<String>,
    members: Vec<MemberJson>,
}

#[derive(Serialize)]
struct MemberJson {
    article: String,
    sentence: usize,
}

fn to_json(corpus: &Corpus, map: &StoryMap) -> String {
    let facts = map
        .facts
        .iter()
        .map(|f| FactJson {
            text: text_of(corpus, f.representative),
            sources: f.sources().len(),
            terms: f.terms.clone(),
            members: f
                .members
                .iter()
                .map(|m| MemberJson {
                    article: corpus.articles[m.article].id.clone(),
                    sentence: m.sentence,
                })
                .collect(),
        })
        .collect();
    json_line(&MapJson { version: 1, facts })
}

/// One line per fact: a ● for each source that reports it, ○ for each that does not.
/// (The columns are `articles`: the story's, or all.)
fn to_text(corpus: &Corpus, articles: &[usize], map: &StoryMap) -> String {
    let mut out = String::new();
    for &i in articles {
        let a = &corpus.articles[i];
        let outlet = a.meta.outlet.as_deref().unwrap_or("");
        let _ = writeln!(out, "{:>2}  {}  {}", i + 1, a.id, display_safe(outlet));
    }
    let _ = writeln!(out);
    for fact in &map.facts {
        let sources = fact.sources();
        let marks: String = articles
            .iter()
            .map(|a| if sources.contains(a) { '●' } else { '○' })
            .collect();
        let adds = fact
            .what_it_adds()
            .map(|adds| format!("+ {} · ", display_safe(&adds)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{marks}  {adds}{}",
            text_of(corpus, fact.representative)
        );
    }
    out
}
