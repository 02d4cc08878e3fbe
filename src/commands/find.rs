//! `parallax find`: the finder's ranked results for one query, as JSON or text. Annotations come
//! from the corpus's annotation store, read only.

use super::progress::Progress;
use super::{default_format, json_line, load_with_entities, write_stdout};
use crate::cli::{CorpusArgs, FindKind, Format};
use parallax::analysis::finder::{FinderIndex, Hit, Kind, SearchOptions, Target};
use parallax::analysis::CorpusEntities;
use parallax::corpus::annotation::Annotation;
use parallax::corpus::store::AnnotationStore;
use parallax::corpus::Corpus;
use parallax::text::display_safe;
use serde::Serialize;
use std::fmt::Write as _;
use std::process::ExitCode;

/// The version of the `find` output schema.
const FIND_VERSION: u32 = 1;

#[derive(Serialize)]
struct FindDump<'a> {
    version: u32,
    query: &'a str,
    /// How many candidates matched in all (`results` holds the best `--limit`).
    matched: usize,
    results: Vec<ResultDump<'a>>,
}

#[derive(Serialize)]
struct ResultDump<'a> {
    kind: &'static str,
    text: &'a str,
    score: i64,
    /// The article's id, or null for an entity or an annotation whose article is not loaded.
    article: Option<&'a str>,
    /// Code points into the article's source text, for sentences and anchored annotations.
    start: Option<usize>,
    end: Option<usize>,
    /// Matched character positions in `text`.
    matched: &'a [usize],
    /// Sentences: the words around the first match; annotations: the quote in its words.
    context: Option<&'a str>,
    /// Entities: the id (slug) used by `parallax entities` and `dump`.
    #[serde(skip_serializing_if = "Option::is_none")]
    entity: Option<&'a str>,
    /// Annotations: the annotation's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    annotation: Option<&'a str>,
    /// Sentences: the sentence's index in the article.
    #[serde(skip_serializing_if = "Option::is_none")]
    sentence: Option<usize>,
}

pub fn run(
    args: &CorpusArgs,
    query: &str,
    kind: Option<FindKind>,
    limit: usize,
    format: Option<Format>,
) -> ExitCode {
    let mut progress = Progress::on_stderr();
    let Some((corpus, entities)) = load_with_entities(args, &mut progress) else {
        return ExitCode::from(2);
    };
    let annotations = read_annotations(&corpus, args.annotations.as_deref());
    progress.stage("indexing sources, entities and sentences");
    let index = FinderIndex::build(&corpus, &entities.index, &annotations);
    let options = SearchOptions {
        limit,
        kind: kind.map(|k| match k {
            FindKind::Source => Kind::Source,
            FindKind::Entity => Kind::Entity,
            FindKind::Annotation => Kind::Annotation,
            FindKind::Sentence => Kind::Sentence,
        }),
        ..SearchOptions::default()
    };
    let found = index.search(query, &options, None);
    progress.clear();
    let results: Vec<ResultDump> = found
        .hits
        .iter()
        .map(|hit| result_dump(hit, &corpus, &entities))
        .collect();
    let text = match default_format(format) {
        Format::Json => json_line(&FindDump {
            version: FIND_VERSION,
            query,
            matched: found.matched,
            results,
        }),
        Format::Text => to_text(&results),
    };
    write_stdout(&text)
}

/// The store's annotations; none (with a warning) when it cannot be read. Never writes.
fn read_annotations(corpus: &Corpus, explicit: Option<&std::path::Path>) -> Vec<Annotation> {
    let store = AnnotationStore::open(AnnotationStore::locate(corpus, explicit));
    if let Some(why) = store.read_only() {
        eprintln!("parallax: warning: annotations not loaded: {why}");
    }
    store.annotations().to_vec()
}

fn result_dump<'a>(
    hit: &'a Hit,
    corpus: &'a Corpus,
    entities: &'a CorpusEntities,
) -> ResultDump<'a> {
    let span = hit.target.span();
    ResultDump {
        kind: hit.kind.name(),
        text: &hit.text,
        score: hit.score,
        article: hit
            .target
            .article()
            .and_then(|i| corpus.articles.get(i))
            .map(|a| a.id.as_str()),
        start: span.map(|s| s.chars.start.0),
        end: span.map(|s| s.chars.end.0),
        matched: &hit.matched,
        context: hit.context.as_ref().map(|c| c.text.as_str()),
        entity: match &hit.target {
            Target::Entity { entity } => Some(entities.index.entity(*entity).slug.as_str()),
            _ => None,
        },
        annotation: match &hit.target {
            Target::Annotation { id, .. } => Some(id.as_str()),
            _ => None,
        },
        sentence: match &hit.target {
            Target::Sentence { sentence, .. } => Some(*sentence),
            _ => None,
        },
    }
}

/// One line per result: kind, score, text (a sentence by its context), and where it is.
fn to_text(results: &[ResultDump]) -> String {
    let mut out = String::new();
    for r in results {
        let shown = match r.kind {
            "sentence" => r.context.unwrap_or(r.text),
            _ => r.text,
        };
        let _ = write!(out, "{:<10} {:>5}  {}", r.kind, r.score, shown);
        match (r.article, r.start, r.end) {
            (Some(article), Some(start), Some(end)) => {
                let _ = write!(out, "  [{} {start}..{end}]", display_safe(article));
            }
            (Some(article), _, _) => {
                let _ = write!(out, "  [{}]", display_safe(article));
            }
            _ => {}
        }
        out.push('\n');
    }
    if results.is_empty() {
        out.push_str("no match\n");
    }
    out
}
