//! Word tokens of a sentence (Unicode word boundaries), each with its folded form: lower case,
//! no diacritics, no possessive `'s`, no apostrophes.

use super::lexicon::is_apostrophe;
use crate::analysis::ascii_word_bounds::word_indices;
use crate::analysis::entities::fold_case_and_marks;
use crate::text::ByteSpan;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    /// Byte span in the text given to `tokenize`.
    pub span: ByteSpan,
    pub text: &'a str,
    pub folded: String,
}

/// The word tokens of `text[span]`, with spans into `text`.
pub fn tokenize(text: &str, span: ByteSpan) -> Vec<Token<'_>> {
    word_indices(&text[span.range()])
        .map(|(at, word)| {
            let start = span.start + at;
            Token {
                span: ByteSpan::new(start, start + word.len()),
                text: &text[start..start + word.len()],
                folded: fold_word(word),
            }
        })
        .collect()
}

/// "Assad’s" → "assad", "Erdoğan" → "erdogan", "O’Brien" → "obrien".
pub fn fold_word(word: &str) -> String {
    if word.is_ascii() {
        // The same, without going through chars.
        let mut folded = word.to_ascii_lowercase();
        if folded.len() > 2 && folded.ends_with("'s") {
            folded.truncate(folded.len() - 2);
        }
        folded.retain(|c| !is_apostrophe(c));
        return folded;
    }
    fold_any_word(word)
}

fn fold_any_word(word: &str) -> String {
    let folded = fold_case_and_marks(word);
    let stem = ["'s", "’s"]
        .iter()
        .find_map(|s| folded.strip_suffix(s).filter(|stem| !stem.is_empty()))
        .unwrap_or(&folded);
    stem.chars().filter(|&c| !is_apostrophe(c)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_fold_case_marks_and_possessives() {
        let text = "xx Assad’s Erdoğan 14-year";
        let tokens = tokenize(text, ByteSpan::new(3, text.len()));
        let folded: Vec<&str> = tokens.iter().map(|t| t.folded.as_str()).collect();
        assert_eq!(folded, ["assad", "erdogan", "14", "year"]);
        assert_eq!(&text[tokens[0].span.range()], "Assad’s");
    }

    proptest::proptest! {
        /// The ASCII path folds as the general one does.
        #[test]
        fn ascii_words_fold_as_any_word_does(word in "[a-zA-Z0-9'`_]{0,12}") {
            proptest::prop_assert_eq!(fold_word(&word), fold_any_word(&word));
        }
    }
}
