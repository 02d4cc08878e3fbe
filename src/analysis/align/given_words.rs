//! Words a sentence uses to point back at what its article already told: "The withdrawal
//! follows…" after the sentence that reported the withdrawal. Such a word names the topic; the
//! sentence reports something else about it (what caused it, how it was read), so the word adds
//! to the sentence's weight but is no evidence that two sentences report the same thing.
//! Decided on words alone, without parsing: a definite determiner before the word, and the word
//! (or its concept) among the terms of the few sentences before.

use super::sentence_terms::TermId;
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

/// A term as it occurs in a sentence, as far as pointing back goes.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct TermUse {
    pub id: TermId,
    /// After a definite determiner ([`is_definite`]).
    pub definite: bool,
    /// A word or a concept (what an earlier sentence must have told for a later one to point
    /// back at it).
    pub word: bool,
}

/// The terms sentence `i` of an article only points back at, sorted and unique: marked
/// definite, and one of the `LOOK_BACK` sentences before has the term as a word or a concept
/// ("the meeting" in an article's first sentence introduces the meeting, in its fourth it
/// points back at it), and the sentence does not also state it outright ("the withdrawal"
/// beside "withdrew"). `sentences` in article order.
pub fn given_terms(sentences: &[&[TermUse]], i: usize) -> Vec<TermId> {
    let earlier = &sentences[i.saturating_sub(LOOK_BACK)..i];
    let told_before = |id: TermId| {
        earlier
            .iter()
            .any(|sentence| sentence.iter().any(|e| e.id == id && e.word))
    };
    let (mut given, mut told) = (Vec::new(), Vec::new());
    for term in sentences[i] {
        match term.definite && told_before(term.id) {
            true => given.push(term.id),
            false => told.push(term.id),
        }
    }
    given.sort_unstable();
    given.dedup();
    given.retain(|t| !told.contains(t));
    given
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::align::sentence_terms::{sentence_raw_terms, TermClass};
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
        let mut keys: Vec<String> = Vec::new();
        let uses: Vec<Vec<TermUse>> = spans
            .iter()
            .map(|&span| {
                let raw = sentence_raw_terms(text, span, &[]).0;
                raw.into_iter()
                    .map(|t| {
                        let id = match keys.iter().position(|k| *k == t.key) {
                            Some(id) => id,
                            None => {
                                keys.push(t.key);
                                keys.len() - 1
                            }
                        };
                        TermUse {
                            id: id as TermId,
                            definite: t.definite,
                            word: matches!(t.class, TermClass::Word | TermClass::Concept),
                        }
                    })
                    .collect()
            })
            .collect();
        let uses: Vec<&[TermUse]> = uses.iter().map(Vec::as_slice).collect();
        (0..uses.len())
            .map(|i| {
                given_terms(&uses, i)
                    .into_iter()
                    .map(|id| keys[id as usize].clone())
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
    fn a_word_the_sentence_also_states_is_not_merely_pointed_back_at() {
        let given = given_keys("Troops withdrew. The withdrawal came as they withdrew.");
        assert_eq!(given[1], Vec::<String>::new());
        let given = given_keys("Troops withdrew. The withdrawal came as rain fell.");
        assert_eq!(given[1], ["withdraw"]);
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
