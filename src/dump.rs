//! `parallax dump`: the loaded corpus as versioned JSON (for tools) or readable text (for
//! people). Offsets are code points into each article's source text; fields are only ever
//! added, never renamed.

use crate::analysis::entity_kind::EntityKind;
use crate::analysis::CorpusEntities;
use crate::corpus::{Article, Corpus, RemovalReason};
use crate::text::{display_safe, ByteSpan, CharSpan};
use serde::Serialize;
use std::fmt::Write as _;

/// The version of the dump schema.
pub const DUMP_VERSION: u32 = 1;

#[derive(Serialize)]
pub struct Dump<'a> {
    pub version: u32,
    pub articles: Vec<ArticleDump<'a>>,
    /// Canonical entities across the corpus, most mentioned first.
    pub entities: Vec<EntityDump<'a>>,
    /// One line per file that was skipped or loaded with a problem.
    pub warnings: Vec<String>,
}

#[derive(Serialize)]
pub struct ArticleDump<'a> {
    pub id: &'a str,
    pub path: &'a str,
    pub title: Option<&'a str>,
    pub subtitle: Option<&'a str>,
    pub outlet: Option<&'a str>,
    pub byline: Option<&'a str>,
    pub published: Option<&'a str>,
    pub url: Option<&'a str>,
    /// Words in the cleaned body.
    pub words: usize,
    /// Length of the source text in code points.
    pub chars: usize,
    pub headline_span: Option<CharSpan>,
    pub subtitle_span: Option<CharSpan>,
    pub paragraphs: Vec<CharSpan>,
    pub sentences: Vec<SentenceDump>,
    pub removed: Vec<RemovedDump>,
    pub mentions: Vec<MentionDump<'a>>,
}

#[derive(Serialize)]
pub struct MentionDump<'a> {
    pub start: usize,
    pub end: usize,
    /// Display-safe text of the mention.
    pub text: String,
    #[serde(rename = "type")]
    pub kind: EntityKind,
    /// The entity's id (its slug) in the top-level `entities`.
    pub entity: &'a str,
}

#[derive(Serialize)]
pub struct EntityDump<'a> {
    pub id: &'a str,
    pub name: &'a str,
    #[serde(rename = "type")]
    pub kind: EntityKind,
    pub aliases: Vec<AliasDump<'a>>,
    pub mentions: usize,
    /// Ids of the articles that mention it.
    pub articles: Vec<&'a str>,
}

#[derive(Serialize)]
pub struct AliasDump<'a> {
    pub text: &'a str,
    pub count: usize,
}

#[derive(Serialize)]
pub struct SentenceDump {
    pub start: usize,
    pub end: usize,
    /// The sentence, display-safe: control characters shown as placeholders, line breaks as
    /// spaces (one character for one, so `end - start` is its length).
    pub text: String,
}

#[derive(Serialize)]
pub struct RemovedDump {
    pub start: usize,
    pub end: usize,
    pub reason: RemovalReason,
}

impl<'a> Dump<'a> {
    pub fn new(corpus: &'a Corpus, entities: &'a CorpusEntities) -> Dump<'a> {
        Dump {
            version: DUMP_VERSION,
            articles: corpus
                .articles
                .iter()
                .enumerate()
                .map(|(i, a)| ArticleDump::new(a, i, entities))
                .collect(),
            entities: entity_dumps(corpus, entities),
            warnings: corpus.warnings.iter().map(|w| w.to_string()).collect(),
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("the dump serialises") + "\n"
    }
}

/// Writes the dump as JSON (the same bytes as `Dump::new(..).to_json()`), building each
/// article's part only as it is written, so that memory holds the corpus but not its dump too.
pub fn write_json(
    corpus: &Corpus,
    entities: &CorpusEntities,
    mut out: impl std::io::Write,
) -> std::io::Result<()> {
    let dump = StreamedDump {
        version: DUMP_VERSION,
        articles: ArticleStream { corpus, entities },
        entities: entity_dumps(corpus, entities),
        warnings: corpus.warnings.iter().map(|w| w.to_string()).collect(),
    };
    serde_json::to_writer_pretty(&mut out, &dump)?;
    out.write_all(b"\n")?;
    out.flush()
}

/// `Dump` with its articles made on the fly (same fields, same order).
#[derive(Serialize)]
struct StreamedDump<'a> {
    version: u32,
    articles: ArticleStream<'a>,
    entities: Vec<EntityDump<'a>>,
    warnings: Vec<String>,
}

struct ArticleStream<'a> {
    corpus: &'a Corpus,
    entities: &'a CorpusEntities,
}

impl Serialize for ArticleStream<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let articles = self.corpus.articles.iter().enumerate();
        serializer.collect_seq(articles.map(|(i, a)| ArticleDump::new(a, i, self.entities)))
    }
}

impl<'a> ArticleDump<'a> {
    pub fn new(
        article: &'a Article,
        index: usize,
        entities: &'a CorpusEntities,
    ) -> ArticleDump<'a> {
        let span = |s: ByteSpan| article.char_span(s);
        ArticleDump {
            id: &article.id,
            path: &article.path,
            title: article.meta.title.as_deref(),
            subtitle: article.meta.subtitle.as_deref(),
            outlet: article.meta.outlet.as_deref(),
            byline: article.meta.byline.as_deref(),
            published: article.meta.published.as_deref(),
            url: article.meta.url.as_deref(),
            words: article.word_count,
            chars: article.chars.len_chars(),
            headline_span: article.headline.map(span),
            subtitle_span: article.subtitle.map(span),
            paragraphs: article.paragraphs.iter().map(|&p| span(p)).collect(),
            sentences: article
                .sentences
                .iter()
                .map(|&s| {
                    let c = span(s);
                    SentenceDump {
                        start: c.start.0,
                        end: c.end.0,
                        text: display_safe(article.text(s)).into_owned(),
                    }
                })
                .collect(),
            removed: article
                .removed()
                .map(|(s, reason)| {
                    let c = span(s);
                    RemovedDump {
                        start: c.start.0,
                        end: c.end.0,
                        reason,
                    }
                })
                .collect(),
            mentions: match entities.mentions.get(index) {
                Some(_) => entities
                    .resolved(index)
                    .map(|(m, id)| {
                        let c = span(ByteSpan::from(m.span.clone()));
                        MentionDump {
                            start: c.start.0,
                            end: c.end.0,
                            text: display_safe(&article.source[m.span.clone()]).into_owned(),
                            kind: entities.index.entity(id).kind,
                            entity: &entities.index.entity(id).slug,
                        }
                    })
                    .collect(),
                None => Vec::new(),
            },
        }
    }
}

/// The corpus's canonical entities, for the dump and `parallax entities`.
pub fn entity_dumps<'a>(corpus: &'a Corpus, entities: &'a CorpusEntities) -> Vec<EntityDump<'a>> {
    entities
        .index
        .entities
        .iter()
        .map(|e| EntityDump {
            id: &e.slug,
            name: &e.name,
            kind: e.kind,
            aliases: e
                .aliases
                .iter()
                .map(|a| AliasDump {
                    text: &a.text,
                    count: a.count,
                })
                .collect(),
            mentions: e.mentions,
            articles: e
                .articles
                .iter()
                .filter_map(|&i| corpus.articles.get(i))
                .map(|a| a.id.as_str())
                .collect(),
        })
        .collect()
}

/// `parallax entities --format text`: one entity per line with its aliases and sources.
pub fn entities_text(corpus: &Corpus, entities: &CorpusEntities) -> String {
    let mut out = String::new();
    for e in entity_dumps(corpus, entities) {
        let aliases: Vec<String> = e
            .aliases
            .iter()
            .map(|a| format!("{} ×{}", a.text, a.count))
            .collect();
        let _ = writeln!(
            out,
            "{:<7} {:>3}  {}  [{}]  in {}",
            e.kind.as_str(),
            e.mentions,
            display_safe(e.name),
            display_safe(&aliases.join(", ")),
            e.articles.join(", ")
        );
    }
    out
}

/// The readable text form: per article its metadata, hidden lines and body paragraphs.
pub fn to_text(corpus: &Corpus) -> String {
    let mut out = String::new();
    for warning in &corpus.warnings {
        let _ = writeln!(out, "warning: {warning}");
    }
    for article in &corpus.articles {
        let _ = writeln!(out, "━━ {}  ({})", article.id, article.path);
        let field = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".to_string());
        let _ = writeln!(out, "Title:    {}", field(&article.meta.title));
        let _ = writeln!(out, "Subtitle: {}", field(&article.meta.subtitle));
        let _ = writeln!(out, "Byline:   {}", field(&article.meta.byline));
        let _ = writeln!(out, "Outlet:   {}", field(&article.meta.outlet));
        if let Some(published) = &article.meta.published {
            let _ = writeln!(out, "Published: {published}");
        }
        if let Some(url) = &article.meta.url {
            let _ = writeln!(out, "URL:      {url}");
        }
        let _ = writeln!(
            out,
            "Body:     {} paragraphs, {} sentences, {} words",
            article.paragraphs.len(),
            article.sentences.len(),
            article.word_count
        );
        let removed: Vec<_> = article.removed().collect();
        let _ = writeln!(out, "Hidden:   {} lines", removed.len());
        for (span, reason) in removed {
            let _ = writeln!(
                out,
                "  [{reason}] {}",
                clip(&display_safe(article.text(span)), 90)
            );
        }
        let _ = writeln!(out);
        for &paragraph in &article.paragraphs {
            let _ = writeln!(out, "{}\n", display_safe(article.text(paragraph)));
        }
    }
    out
}

fn clip(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut clipped: String = text.chars().take(max - 1).collect();
    clipped.push('…');
    clipped
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{load_seeds, LoadOptions};

    #[test]
    fn streamed_json_is_the_same_bytes_as_the_built_dump() {
        let corpus = load_seeds(&LoadOptions::default());
        let entities = CorpusEntities::analyse(&corpus, &[]);
        let mut streamed = Vec::new();
        write_json(&corpus, &entities, &mut streamed).unwrap();
        assert_eq!(
            String::from_utf8(streamed).unwrap(),
            Dump::new(&corpus, &entities).to_json()
        );
    }
}
