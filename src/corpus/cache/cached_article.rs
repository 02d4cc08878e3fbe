//! What the cache keeps per article: everything `Article::new` and the recogniser compute from
//! the text, and a check that an entry fits the text it is used with.

use crate::analysis::ner::RawMention;
use crate::corpus::article::Article;
use crate::corpus::line::Line;
use crate::corpus::metadata::Metadata;
use crate::text::{ByteSpan, CharMap};
use serde::{Deserialize, Serialize};

/// An article's cleaned structure (as `Article::new` makes it, before `parallax.toml`
/// overrides) and its recognised mentions. Byte offsets into the source text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CachedArticle {
    pub lines: Vec<Line>,
    pub meta: Metadata,
    pub headline: Option<ByteSpan>,
    pub subtitle: Option<ByteSpan>,
    pub paragraphs: Vec<ByteSpan>,
    pub sentences: Vec<ByteSpan>,
    pub word_count: usize,
    pub mentions: Vec<RawMention>,
}

impl CachedArticle {
    pub fn of(article: &Article, mentions: &[RawMention]) -> CachedArticle {
        CachedArticle {
            lines: article.lines.clone(),
            meta: article.meta.clone(),
            headline: article.headline,
            subtitle: article.subtitle,
            paragraphs: article.paragraphs.clone(),
            sentences: article.sentences.clone(),
            word_count: article.word_count,
            mentions: mentions.to_vec(),
        }
    }

    /// Whether every offset lies on a character boundary of `source` and the lines tile it, so
    /// that nothing built from the entry can slice out of bounds.
    pub fn fits(&self, source: &str) -> bool {
        let span_fits = |s: &ByteSpan| {
            s.start <= s.end && source.is_char_boundary(s.start) && source.is_char_boundary(s.end)
        };
        let mut next = 0;
        for line in &self.lines {
            if line.content.start != next
                || line.content.end > line.end
                || !span_fits(&line.content)
            {
                return false;
            }
            next = line.end;
        }
        let spans_fit = self.headline.iter().all(span_fits)
            && self.subtitle.iter().all(span_fits)
            && self.paragraphs.iter().all(span_fits)
            && self.sentences.iter().all(span_fits);
        let mentions_fit = self
            .mentions
            .iter()
            .all(|m| span_fits(&ByteSpan::from(m.span.clone())));
        next == source.len() && source.is_char_boundary(next) && spans_fit && mentions_fit
    }

    /// The article this entry describes, with its mentions. The entry must `fit` the source.
    pub fn into_article(
        self,
        id: String,
        path: String,
        source: String,
    ) -> (Article, Vec<RawMention>) {
        let article = Article {
            id,
            path,
            chars: CharMap::new(&source),
            source,
            lines: self.lines,
            meta: self.meta,
            headline: self.headline,
            subtitle: self.subtitle,
            paragraphs: self.paragraphs,
            sentences: self.sentences,
            word_count: self.word_count,
        };
        (article, self.mentions)
    }
}
