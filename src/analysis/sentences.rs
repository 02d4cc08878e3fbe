//! Sentence splitting: Unicode's sentence rules (UAX #29, via unicode-segmentation) as the base,
//! with the repairs news text needs: abbreviations ("U.S.", "Mr.", "Jan."), initials, quotes
//! that hold several sentences, and lines hard-wrapped inside a sentence.

use crate::text::ByteSpan;
use std::collections::HashSet;
use std::sync::LazyLock;
use unicode_segmentation::UnicodeSegmentation;

static ABBREVIATIONS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../assets/abbreviations.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

const OPENING_QUOTES: &[char] = &['“', '«', '„', '‘'];
const CLOSING_QUOTES: &[char] = &['”', '»', '’'];

/// Splits `text[span]` into sentences, each trimmed of surrounding whitespace.
pub fn split_sentences(text: &str, span: ByteSpan) -> Vec<ByteSpan> {
    let paragraph = &text[span.range()];
    let mut sentences = Vec::new();
    let mut start: Option<usize> = None;
    let mut quote_depth: i32 = 0;
    let mut straight_quotes = 0usize;
    let bounds: Vec<(usize, &str)> = match super::sentence_bounds::sentence_bounds(paragraph) {
        Some(bounds) => bounds,
        None => paragraph.split_sentence_bound_indices().collect(),
    };
    for (i, &(offset, piece)) in bounds.iter().enumerate() {
        let begin = *start.get_or_insert(offset);
        quote_depth += count_quote_balance(piece);
        straight_quotes += piece.matches('"').count();
        let end = offset + piece.len();
        let next = bounds.get(i + 1).map(|&(_, p)| p);
        let sentence = &paragraph[begin..end];
        let rest = &paragraph[end..];
        if let Some(next) = next {
            if continues(sentence, next, rest, quote_depth, straight_quotes) {
                continue;
            }
        }
        push_trimmed(&mut sentences, paragraph, span.start, begin, end);
        start = None;
        quote_depth = 0;
        straight_quotes = 0;
    }
    if let Some(begin) = start {
        push_trimmed(
            &mut sentences,
            paragraph,
            span.start,
            begin,
            paragraph.len(),
        );
    }
    sentences
}

fn push_trimmed(out: &mut Vec<ByteSpan>, paragraph: &str, base: usize, begin: usize, end: usize) {
    let piece = &paragraph[begin..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push(ByteSpan::new(base + begin + lead, base + end - trail));
    }
}

/// Opening minus closing typographic quotes. A closing single quote is also an apostrophe
/// ("Assad’s"), so it only closes when a single quote is open; we count it only when it is
/// not between two letters.
fn count_quote_balance(piece: &str) -> i32 {
    let mut balance = 0;
    let mut prev = ' ';
    let mut chars = piece.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied().unwrap_or(' ');
        if c == '‘' && prev.is_alphanumeric() {
            // not an opening quote
        } else if OPENING_QUOTES.contains(&c) {
            balance += 1;
        } else if CLOSING_QUOTES.contains(&c)
            && !(c == '’' && (next.is_alphanumeric() || prev == ' '))
        {
            balance -= 1;
        }
        prev = c;
    }
    balance
}

/// Whether the sentence so far must continue into the next Unicode sentence piece.
fn continues(sentence: &str, next: &str, rest: &str, quote_depth: i32, straight: usize) -> bool {
    let trimmed = sentence.trim_end();
    if trimmed.is_empty() {
        return true;
    }
    // A hard-wrapped line (or any piece) that does not end a sentence runs on.
    if !ends_with_terminal(trimmed) {
        return true;
    }
    if ends_with_abbreviation(trimmed) {
        return true;
    }
    // “Why?” he asked. — the next piece starts in lower case.
    if next
        .trim_start()
        .trim_start_matches(|c: char| OPENING_QUOTES.contains(&c) || c == '"' || c == '(')
        .chars()
        .next()
        .is_some_and(|c| c.is_lowercase())
    {
        return true;
    }
    // Inside a quotation that closes later in the paragraph.
    if quote_depth > 0 && rest.contains(|c: char| CLOSING_QUOTES.contains(&c)) {
        return true;
    }
    straight % 2 == 1 && rest.contains('"')
}

fn ends_with_terminal(trimmed: &str) -> bool {
    let core = trimmed.trim_end_matches(|c: char| {
        CLOSING_QUOTES.contains(&c) || matches!(c, '"' | ')' | ']' | '\'')
    });
    core.ends_with(['.', '!', '?', '…', '。', '！', '？', '؟'])
}

fn ends_with_abbreviation(trimmed: &str) -> bool {
    let Some(body) = trimmed.strip_suffix('.') else {
        return false;
    };
    let word = body
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '—' | '–'))
        .next()
        .unwrap_or("");
    if ABBREVIATIONS.contains(word) {
        return true;
    }
    // Initials: "George W." or "J.K."
    let mut chars = word.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => c.is_uppercase(),
        _ => word
            .split('.')
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text, ByteSpan::new(0, text.len()))
            .into_iter()
            .map(|s| &text[s.range()])
            .collect()
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        assert_eq!(
            split("U.S. President Donald Trump spoke. Mr. Peskov met Gen. Smith on Jan. 5. George W. Bush agreed."),
            vec![
                "U.S. President Donald Trump spoke.",
                "Mr. Peskov met Gen. Smith on Jan. 5.",
                "George W. Bush agreed."
            ]
        );
    }

    #[test]
    fn decimals_do_not_end_sentences() {
        assert_eq!(
            split("Growth was 3.5 per cent. It fell."),
            vec!["Growth was 3.5 per cent.", "It fell."]
        );
    }

    #[test]
    fn question_and_exclamation_marks_end_sentences() {
        assert_eq!(
            split("Will he go? Yes! He will."),
            vec!["Will he go?", "Yes!", "He will."]
        );
    }

    #[test]
    fn quotes_hold_their_sentences_together() {
        assert_eq!(
            split("“The war is over. We won,” he said. Then he left."),
            vec!["“The war is over. We won,” he said.", "Then he left."]
        );
        assert_eq!(
            split("“Why?” he asked. Nobody knew."),
            vec!["“Why?” he asked.", "Nobody knew."]
        );
    }

    #[test]
    fn a_quote_closing_full_stop_ends_the_sentence() {
        assert_eq!(
            split("Trump said that “everything is going very well.” The Kremlin agreed."),
            vec![
                "Trump said that “everything is going very well.”",
                "The Kremlin agreed."
            ]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert_eq!(
            split("It is Syria’s second visit. Assad’s fall mattered."),
            vec!["It is Syria’s second visit.", "Assad’s fall mattered."]
        );
    }

    #[test]
    fn hard_wrapped_lines_join_into_one_sentence() {
        assert_eq!(
            split("The meeting comes as Moscow\nreassesses its posture. Next one."),
            vec![
                "The meeting comes as Moscow\nreassesses its posture.",
                "Next one."
            ]
        );
    }

    #[test]
    fn spans_are_offsets_into_the_whole_text() {
        let text = "Title\n\nFirst one. Second one.";
        let spans = split_sentences(text, ByteSpan::new(7, text.len()));
        assert_eq!(&text[spans[1].range()], "Second one.");
    }
}
