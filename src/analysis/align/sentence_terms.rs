//! One sentence as the aligner sees it: its weighted terms (content-word stems, canonical
//! entities, numbers and dates), its figures and its named mentions.

use super::figures::{find_figures, Figure, FigureValue};
use super::given_words::is_definite;
use super::lexicon::{Lexicon, SERIES_CONCEPT};
use super::tokens::{tokenize, Token};
use crate::analysis::entities::EntityId;
use crate::analysis::entity_kind::EntityKind;
use crate::text::ByteSpan;
use serde::{Deserialize, Serialize};

/// An index into `CorpusTerms`' vocabulary.
pub type TermId = u32;

/// What a term stands for.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TermClass {
    /// A content word, stemmed and grouped: "withdrew" and "withdrawal" are "withdraw".
    Word,
    /// A canonical entity (or a name that stands for it: "Kremlin" for Russia).
    Name,
    /// A number: "15" of "15 days".
    Number,
    /// A year, month or weekday.
    Date,
    /// A word for a span of time ("year", "decade"): it weighs, but is no evidence of a fact.
    TimeSpan,
    /// A paraphrase concept ("presence" for "bases", "foothold"), beside the word's own term.
    Concept,
}

/// A named mention inside a sentence, with its canonical entity.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NamedMention {
    pub span: ByteSpan,
    pub entity: EntityId,
    pub kind: EntityKind,
    /// The name's term key: two names with one key stand for the same thing.
    pub key: TermId,
}

/// One sentence's terms, sorted and unique, with the weights the corpus gave them.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct SentenceTerms {
    /// The sentence in its article's source text.
    pub span: ByteSpan,
    pub terms: Vec<TermId>,
    pub figures: Vec<Figure>,
    /// Mentions of non-date entities, in order.
    pub names: Vec<NamedMention>,
    /// The terms of each clause (split at commas, dashes, brackets, quotes and subordinating
    /// words): a fact usually sits in one clause.
    pub clauses: Vec<Vec<TermId>>,
    /// Terms that only point back at what the article told before ("the withdrawal" after the
    /// sentence that reported it), sorted: they weigh, but are no evidence of a shared fact.
    #[serde(default)]
    pub given: Vec<TermId>,
    /// Sum of the terms' IDF weights.
    pub weight: f32,
    /// Euclidean norm of the IDF weights.
    pub norm: f32,
}

/// A term found in a sentence before interning: its key, class and the text it came from.
pub struct RawTerm<'a> {
    /// Key, class and what to show: the surface word, or the canonical name of an entity.
    pub key: String,
    pub class: TermClass,
    pub surface: &'a str,
    /// Byte offset in the source, to place the term in its clause.
    pub at: usize,
    /// After a definite determiner ("the withdrawal"): it may point back at what the article
    /// told before (`given_words::given_terms` decides).
    pub definite: bool,
}

/// A mention given to `sentence_raw_terms`: where it is, its entity, the entity's name.
#[derive(Copy, Clone, Debug)]
pub struct MentionRef<'a> {
    pub span: ByteSpan,
    pub entity: EntityId,
    pub kind: EntityKind,
    pub name: &'a str,
}

/// The raw terms, figures and named mentions of `source[span]`. `mentions` are the article's
/// non-date entity mentions inside the span, in order.
pub fn sentence_raw_terms<'a>(
    source: &'a str,
    span: ByteSpan,
    mentions: &[MentionRef<'a>],
) -> (Vec<RawTerm<'a>>, Vec<Figure>, Vec<(NamedMention, String)>) {
    let lexicon = Lexicon::get();
    let tokens = tokenize(source, span);
    let mut raw = Vec::new();
    let mut names = Vec::new();
    let mut in_name = vec![false; tokens.len()];
    for mention in mentions {
        for (flag, token) in in_name.iter_mut().zip(&tokens) {
            // A token that overlaps a name ("Assad’s" around "Assad") belongs to it.
            if mention.span.start < token.span.end && token.span.start < mention.span.end {
                *flag = true;
            }
        }
        let key = lexicon.name_key(mention.name);
        raw.push(RawTerm {
            key: key.clone(),
            class: TermClass::Name,
            surface: mention.name,
            at: mention.span.start,
            definite: false,
        });
        let named = NamedMention {
            span: mention.span,
            entity: mention.entity,
            kind: mention.kind,
            key: 0,
        };
        names.push((named, key));
    }
    let (figures, in_figure) = find_figures(&tokens);
    for figure in &figures {
        let surface = &source[figure.span.range()];
        let span_in_passing = is_span_in_passing(figure, surface);
        for key in figure.terms() {
            let class = if key.starts_with("d:") {
                TermClass::Date
            } else if span_in_passing {
                TermClass::TimeSpan
            } else {
                TermClass::Number
            };
            raw.push(RawTerm {
                key,
                class,
                surface,
                at: figure.span.start,
                definite: false,
            });
        }
    }
    let mut occasions = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        if in_name[i] || in_figure[i] {
            continue;
        }
        let Some(key) = lexicon.word_key(&token.folded) else {
            continue;
        };
        let definite = is_definite(&tokens, i);
        if lexicon.is_occasion(&key) {
            occasions.push(i);
        }
        if let Some(concept) = lexicon.concept_key(&key) {
            raw.push(RawTerm {
                key: concept.to_string(),
                class: TermClass::Concept,
                surface: token.text,
                at: token.span.start,
                definite,
            });
        }
        let class = match lexicon.is_time_span(&key) {
            true => TermClass::TimeSpan,
            false => TermClass::Word,
        };
        raw.push(RawTerm {
            key,
            class,
            surface: token.text,
            at: token.span.start,
            definite,
        });
    }
    if let Some(ordinal) = ordinal_of_an_occasion(lexicon, &tokens, &occasions) {
        raw.push(RawTerm {
            key: SERIES_CONCEPT.to_string(),
            class: TermClass::Concept,
            surface: ordinal.text,
            at: ordinal.span.start,
            definite: false,
        });
    }
    (raw, figures, names)
}

/// How far from an occasion word an ordinal may stand and still count it: "their second
/// meeting", "a previous trip", "his first official visit", "an encounter in October, the
/// first since…".
const ORDINAL_REACH: usize = 6;

/// The first ordinal that counts one of the occasion words (token indexes): the sentence speaks
/// of a meeting in a series, so of an earlier one.
fn ordinal_of_an_occasion<'t, 'a>(
    lexicon: &Lexicon,
    tokens: &'t [Token<'a>],
    occasions: &[usize],
) -> Option<&'t Token<'a>> {
    tokens.iter().enumerate().find_map(|(i, token)| {
        let counts = lexicon.is_ordinal(&token.folded)
            && occasions.iter().any(|&o| o.abs_diff(i) <= ORDINAL_REACH);
        counts.then_some(token)
    })
}

/// A length of time named by its unit alone ("more than a decade", "a year after"): no number
/// was stated, so it is a time span like the unit's word, not a figure two reports can share.
fn is_span_in_passing(figure: &Figure, surface: &str) -> bool {
    matches!(figure.value, FigureValue::Duration { .. })
        && !surface.chars().any(|c| c.is_ascii_digit())
        && surface
            .split_whitespace()
            .any(|w| w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an"))
}

/// Words that open a new clause when they follow a space.
const CLAUSE_OPENERS: [&str; 10] = [
    "while", "as", "which", "who", "where", "after", "but", "despite", "amid", "because",
];

/// The letters `CLAUSE_OPENERS` start with: most words need no closer look.
const OPENER_INITIALS: &str = "wabd";

/// Byte offsets in `source[span]` where a new clause starts.
pub fn clause_starts(source: &str, span: ByteSpan) -> Vec<usize> {
    let text = &source[span.range()];
    let mut starts = vec![span.start];
    let mut previous = ' ';
    for (at, c) in text.char_indices() {
        let boundary = matches!(c, ',' | ';' | ':' | '(' | ')' | '—' | '–' | '"' | '“' | '”');
        if boundary {
            starts.push(span.start + at + c.len_utf8());
        } else if previous == ' ' && OPENER_INITIALS.contains(c) {
            let rest = &text[at..];
            let word_end = rest
                .find(|c: char| !c.is_alphabetic())
                .unwrap_or(rest.len());
            if CLAUSE_OPENERS.contains(&&rest[..word_end]) {
                starts.push(span.start + at);
            }
        }
        previous = c;
    }
    starts.dedup();
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_clause_opener_starts_with_a_listed_initial() {
        for opener in CLAUSE_OPENERS {
            let initial = opener.chars().next().unwrap();
            assert!(OPENER_INITIALS.contains(initial), "{opener}");
        }
    }

    #[test]
    fn clauses_start_after_punctuation_and_at_opening_words() {
        let source = "Putin spoke, while Sharaa listened (briefly) as aides watched";
        let span = ByteSpan::from(0..source.len());
        let starts: Vec<&str> = clause_starts(source, span)
            .into_iter()
            .map(|at| source[at..].split(' ').find(|w| !w.is_empty()).unwrap())
            .collect();
        assert_eq!(
            starts,
            ["Putin", "while", "while", "briefly)", "as", "as"],
            "{starts:?}"
        );
    }
}
