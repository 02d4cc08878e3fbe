//! What the tagger knows beyond one sentence: the sentence's casing (headline or body), how
//! each word is written elsewhere in the document, and which label it received before.

use super::features::WordKey;
use super::shape::WordFlags;
use super::tag::NerLabel;
use rustc_hash::FxHashMap;

/// Seed of the lower-case word hash shared by context and features.
pub const LOWER_SEED: u64 = 0x10;

/// How a sentence is capitalised, which changes what a capital letter means.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum SentenceCase {
    Normal,
    /// Every word with letters is upper case: "LEICESTERSHIRE TAKE OVER AT TOP".
    AllCaps,
    /// Nearly every longer word is capitalised: "Meeting Focuses on Bilateral Ties".
    Title,
}

impl SentenceCase {
    pub fn of(words: &[&str]) -> SentenceCase {
        Self::of_flags(words, words.iter().map(|word| WordFlags::of(word)))
    }

    /// The case of a sentence whose words' flags are known already.
    /// The case of a sentence whose words have `flags`.
    pub fn of_flags(words: &[&str], flags: impl Iterator<Item = WordFlags>) -> SentenceCase {
        let (mut lettered, mut upper, mut long, mut long_capitalized) = (0, 0, 0, 0);
        for (word, flags) in words.iter().zip(flags) {
            if !flags.has(WordFlags::HAS_LETTER) {
                continue;
            }
            lettered += 1;
            if flags.has(WordFlags::ALL_UPPER) {
                upper += 1;
            }
            if word.chars().count() > 3 {
                long += 1;
                if flags.is_capitalized() {
                    long_capitalized += 1;
                }
            }
        }
        if lettered > 0 && upper == lettered {
            SentenceCase::AllCaps
        } else if long >= 2 && long_capitalized * 10 >= long * 9 {
            SentenceCase::Title
        } else {
            SentenceCase::Normal
        }
    }

    pub fn code(self) -> u64 {
        self as u64
    }
}

/// Bits of evidence about how a word is written in running text elsewhere in the document.
pub const SEEN_CAPITALIZED_MID_SENTENCE: u8 = 1;
pub const SEEN_LOWER_CASE: u8 = 2;

/// Per-document facts gathered before tagging.
#[derive(Default)]
pub struct DocumentContext {
    case_evidence: FxHashMap<u64, u8>,
}

impl DocumentContext {
    /// What tagging a document starts from: the keys of every sentence's words, and the
    /// casing evidence gathered from them.
    pub fn of_sentences(sentences: &[&[&str]]) -> (DocumentContext, Vec<Vec<WordKey>>) {
        let keys: Vec<Vec<WordKey>> = sentences
            .iter()
            .map(|words| WordKey::of_words(words))
            .collect();
        let mut context = DocumentContext::default();
        for (words, keys) in sentences.iter().zip(&keys) {
            if SentenceCase::of_flags(words, keys.iter().map(|k| k.flags)) != SentenceCase::Normal {
                continue;
            }
            for (index, key) in keys.iter().enumerate() {
                let flags = key.flags;
                if !flags.has(WordFlags::HAS_LETTER) {
                    continue;
                }
                // After punctuation other than a comma: an opening quote, a dash, a bracket.
                let after_opening = index == 0
                    || (keys[index - 1].flags.has(WordFlags::PUNCTUATION)
                        && !words[index - 1].contains(','));
                let bit = if flags.has(WordFlags::ALL_LOWER) {
                    SEEN_LOWER_CASE
                } else if flags.is_capitalized() && !after_opening {
                    SEEN_CAPITALIZED_MID_SENTENCE
                } else {
                    continue;
                };
                *context.case_evidence.entry(key.lower).or_default() |= bit;
            }
        }
        (context, keys)
    }

    /// Casing evidence for a word, by its lower-case hash.
    pub fn case_evidence(&self, lower_hash: u64) -> u8 {
        self.case_evidence.get(&lower_hash).copied().unwrap_or(0)
    }
}

/// Labels already given to capitalised words earlier in the document.
#[derive(Default)]
pub struct LabelHistory {
    last_label: FxHashMap<u64, u8>,
}

impl LabelHistory {
    /// 0 when unseen, 1 for `O`, `2 + label` for an entity label.
    pub fn get(&self, lower_hash: u64) -> u8 {
        self.last_label.get(&lower_hash).copied().unwrap_or(0)
    }

    pub fn record(&mut self, lower_hash: u64, label: Option<NerLabel>) {
        let code = label.map_or(1, |l| 2 + l as u8);
        self.last_label.insert(lower_hash, code);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_case_recognises_headlines() {
        let title = "Sharaa-Putin Meeting Focuses on Bilateral Ties and Middle East Security";
        let words: Vec<&str> = title.split([' ', '-']).collect();
        assert_eq!(SentenceCase::of(&words), SentenceCase::Title);
        assert_eq!(
            SentenceCase::of(&["LONDON", "1996-08-30"]),
            SentenceCase::AllCaps
        );
        let body = ["Putin", "will", "host", "his", "Syrian", "counterpart"];
        assert_eq!(SentenceCase::of(&body), SentenceCase::Normal);
    }
}
