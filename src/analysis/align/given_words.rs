//! Words a sentence uses to point back at what its article already told: "The withdrawal
//! follows…" after the sentence that reported the withdrawal. Such a word names the topic; the
//! sentence reports something else about it (what caused it, how it was read), so the word adds
//! to the sentence's weight but is no evidence that two sentences report the same thing.
//! Decided on words alone, without parsing: a definite determiner before the word, and the word
//! (or its concept) among the terms of the few sentences before.

use super::sentence_terms::{RawTerm, TermClass};
use super::tokens::Token;

/// Determiners that point back at something known. "That" and "those" are left out: far more
/// often a conjunction or a pronoun ("said that forces…", "those fighting").
const DEFINITE: [&str; 3] = ["the", "this", "these"];
/// How many sentences back a referent is looked for: news prose points back at what it has
/// just told, and a word met again much later is more often news of its own.
const LOOK_BACK: usize = 3;

/// Whether token `i` follows a definite determiner and so may point back. "The presence of our
/// soldiers" is not: its "of" phrase, not an earlier sentence, says which presence.
pub fn is_definite(tokens: &[Token], i: usize) -> bool {
    i > 0
        && DEFINITE.contains(&tokens[i - 1].folded.as_str())
        && tokens.get(i + 1).is_none_or(|t| t.folded != "of")
}

/// Keeps a term's `given` mark only where one of the `LOOK_BACK` sentences before it in the
/// article has that term as a word or a concept: "the meeting" in an article's first sentence
/// introduces the meeting, in its fourth it points back at it. `sentences` in article order.
pub fn resolve_given(sentences: &mut [&mut Vec<RawTerm>]) {
    for i in 0..sentences.len() {
        let (before, rest) = sentences.split_at_mut(i);
        let earlier = &before[i.saturating_sub(LOOK_BACK)..];
        for term in rest[0].iter_mut().filter(|t| t.given) {
            term.given = earlier.iter().any(|sentence| {
                sentence.iter().any(|e| {
                    e.key == term.key && matches!(e.class, TermClass::Word | TermClass::Concept)
                })
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::align::sentence_terms::sentence_raw_terms;
    use crate::text::ByteSpan;

    /// The keys of the given terms of each sentence of `text` (sentences end at ". ").
    fn given_keys(text: &str) -> Vec<Vec<String>> {
        let mut spans = Vec::new();
        let mut start = 0;
        for (at, _) in text.match_indices(". ") {
            spans.push(ByteSpan::new(start, at + 1));
            start = at + 2;
        }
        spans.push(ByteSpan::new(start, text.len()));
        let mut raws: Vec<Vec<RawTerm>> = spans
            .iter()
            .map(|&span| sentence_raw_terms(text, span, &[]).0)
            .collect();
        let mut refs: Vec<&mut Vec<RawTerm>> = raws.iter_mut().collect();
        resolve_given(&mut refs);
        raws.iter()
            .map(|raw| {
                raw.iter()
                    .filter(|t| t.given)
                    .map(|t| t.key.clone())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn a_definite_word_told_just_before_is_given() {
        let given = given_keys(
            "Troops withdrew from the airport. The withdrawal follows setbacks. \
             The airport of the city closed.",
        );
        assert_eq!(given[0], Vec::<String>::new(), "first mention");
        assert_eq!(given[1], ["withdraw"]);
        assert_eq!(given[2], Vec::<String>::new(), "an of phrase says which");
    }

    #[test]
    fn a_definite_word_not_told_before_introduces_its_topic() {
        let given = given_keys("Leaders met on Monday. The withdrawal of troops began.");
        assert!(given.iter().all(Vec::is_empty));
        let given =
            given_keys("The talks began. A ceasefire held. Rain fell. Wind rose. The talks ended.");
        assert!(given[4].is_empty(), "told too long before");
    }
}
