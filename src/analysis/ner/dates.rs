//! Date mentions by rule (CoNLL has no dates): weekdays, months, years in date-ish context,
//! and their combinations ("December 8, 2024", "8 December 2024", "late January 2025",
//! "mid-October", "early 2019"). Relative phrases ("this week", "four months", "last year")
//! are deliberately not dates.

use std::ops::Range;

/// English weekday names (also the generator's).
pub const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// English month names (also the generator's).
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const MONTH_ABBREVIATIONS: [&str; 10] = [
    "Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec.",
];

/// Words before a bare year that make it a date: "in 2024", "since 2019", "the 2024 overthrow".
const YEAR_CONTEXT: [&str; 24] = [
    "in", "since", "until", "till", "by", "from", "of", "during", "before", "after", "around",
    "between", "and", "through", "to", "the", "early", "late", "mid", "spring", "summer", "autumn",
    "fall", "winter",
];

/// Words that may open a date: "early 2019", "late January", "mid-October".
const MODIFIERS: [&str; 7] = [
    "early", "late", "mid", "spring", "summer", "autumn", "winter",
];

fn is_month(word: &str) -> bool {
    MONTHS.contains(&word) || MONTH_ABBREVIATIONS.contains(&word)
}

fn is_weekday(word: &str) -> bool {
    WEEKDAYS.contains(&word)
}

/// A four-digit year from 1900 to 2099.
pub fn is_year(word: &str) -> bool {
    word.len() == 4
        && word.bytes().all(|b| b.is_ascii_digit())
        && (word.starts_with("19") || word.starts_with("20"))
}

/// A day of the month: "8", "08", "29th".
fn is_day(word: &str) -> bool {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    matches!(suffix, "" | "st" | "nd" | "rd" | "th")
        && (1..=2).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && digits.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
}

fn is_lower(word: &str, expected: &[&str]) -> bool {
    expected.iter().any(|e| e.eq_ignore_ascii_case(word))
}

/// Token ranges of every date in a sentence, in order, non-overlapping.
pub fn find_dates(words: &[&str]) -> Vec<Range<usize>> {
    let mut dates = Vec::new();
    let mut index = 0;
    while index < words.len() {
        match date_at(words, index) {
            Some(end) => {
                dates.push(index..end);
                index = end;
            }
            None => index += 1,
        }
    }
    dates
}

/// End of the date starting at `start`, if one does.
fn date_at(words: &[&str], start: usize) -> Option<usize> {
    let word = |i: usize| words.get(i).copied().unwrap_or("");
    let mut at = start;
    let modified = is_lower(word(at), &MODIFIERS);
    if modified {
        at += if word(at + 1) == "-" { 2 } else { 1 };
    }
    if is_weekday(word(at)) {
        return Some(at + 1);
    }
    if is_day(word(at)) && is_month(word(at + 1)) {
        at += 2;
        return Some(with_year(words, at));
    }
    if is_month(word(at)) {
        let month = word(at);
        at += 1;
        if is_day(word(at)) && !is_year(word(at)) {
            at += 1;
            return Some(with_year(words, at));
        }
        if is_year(word(at)) {
            return Some(at + 1);
        }
        let ambiguous = matches!(month, "May" | "March");
        let previous = start.checked_sub(1).map(word).unwrap_or("");
        if ambiguous && !modified && !is_lower(previous, &YEAR_CONTEXT) {
            return None;
        }
        return Some(at);
    }
    if is_year(word(at)) {
        if let Some(end) = iso_date(words, at) {
            return Some(end);
        }
        let previous = start.checked_sub(1).map(word).unwrap_or("");
        let next = word(at + 1);
        let counted_noun = next.ends_with('s')
            && next.chars().all(|c| c.is_lowercase())
            && !matches!(next, "as" | "is" | "was" | "has" | "this" | "its");
        let money = matches!(previous, "$" | "€" | "£" | "US$");
        let in_context = modified
            || is_lower(previous, &YEAR_CONTEXT)
            || next.is_empty()
            || next.chars().all(|c| c.is_ascii_punctuation() && c != '%');
        if in_context && !counted_noun && !money && next != "%" {
            return Some(at + 1);
        }
    }
    None
}

/// Extends a day-and-month date over ", 2024" or " 2024".
fn with_year(words: &[&str], at: usize) -> usize {
    let word = |i: usize| words.get(i).copied().unwrap_or("");
    if is_year(word(at)) {
        at + 1
    } else if word(at) == "," && is_year(word(at + 1)) {
        at + 2
    } else {
        at
    }
}

/// "2024-12-08" as the tokens `2024 - 12 - 08`.
fn iso_date(words: &[&str], at: usize) -> Option<usize> {
    let part = |i: usize, len: usize| {
        words
            .get(i)
            .is_some_and(|w| w.len() == len && w.bytes().all(|b| b.is_ascii_digit()))
    };
    let dash = |i: usize| words.get(i).is_some_and(|w| *w == "-");
    (dash(at + 1) && part(at + 2, 2) && dash(at + 3) && part(at + 4, 2)).then_some(at + 5)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::ner::token::tokenize;

    fn dates(text: &str) -> Vec<String> {
        let tokens = tokenize(text);
        let words: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
        find_dates(&words)
            .into_iter()
            .map(|r| text[tokens[r.start].span.start..tokens[r.end - 1].span.end].to_string())
            .collect()
    }

    #[test]
    fn date_rules_find_dates_and_skip_relative_phrases() {
        let table: [(&str, &[&str]); 18] = [
            ("They met on Wednesday.", &["Wednesday"]),
            (
                "It fell on December 8, 2024, at dawn",
                &["December 8, 2024"],
            ),
            ("It fell on 8 December 2024.", &["8 December 2024"]),
            ("by late January 2025 it was over", &["late January 2025"]),
            ("talks in mid-October stalled", &["mid-October"]),
            (
                "since early 2019 and late 2019",
                &["early 2019", "late 2019"],
            ),
            ("in December 2024 the regime fell", &["December 2024"]),
            ("on January 29, 2025 he spoke", &["January 29, 2025"]),
            ("the 2024 overthrow of Assad", &["2024"]),
            ("a trip in October.", &["October"]),
            ("published 2024-12-08", &["2024-12-08"]),
            ("this week, Russia withdrew", &[]),
            ("in four months", &[]),
            ("after 15 days", &[]),
            ("last year was hard", &[]),
            ("May I ask?", &[]),
            ("some 2000 troops and $2024", &[]),
            ("inflation hit 1999 %", &[]),
        ];
        for (text, expected) in table {
            assert_eq!(dates(text), expected, "dates in {text:?}");
        }
    }
}
