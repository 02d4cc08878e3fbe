//! The cleaner: classifies each line of a scraped page as headline, subtitle, byline, body or
//! boilerplate (with a reason). It never deletes anything; the article keeps every line.
//!
//! Phrase lists (`assets/boilerplate.txt`) catch the wording sites share; shape rules catch the
//! rest: lines before the headline, captions and credits, repeats, and short unpunctuated lines
//! or author bios after the last paragraph of prose.

use super::boilerplate::Boilerplate;
use super::line::{split_lines, trim_line, Line, LineKind};
use super::reason::RemovalReason;
use std::collections::HashSet;

/// Whether to look for boilerplate at all.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub enum CleanMode {
    /// Classify boilerplate (the default).
    #[default]
    Clean,
    /// Every line is body, the first non-blank line the headline: for text already clean.
    Keep,
}

/// What the cleaner saw of one non-blank line.
struct Shape<'a> {
    index: usize,
    text: &'a str,
    words: usize,
    ends_sentence: bool,
}

impl Shape<'_> {
    /// Running text: a sentence of some length, or a long line whatever its punctuation.
    fn is_prose(&self) -> bool {
        (self.words >= 6 && self.ends_sentence) || self.words >= 15
    }
}

/// Classifies every line of `text`. The returned lines tile the text.
pub fn classify_lines(text: &str, mode: CleanMode) -> Vec<Line> {
    let mut lines = split_lines(text);
    let shapes: Vec<Shape> = lines
        .iter()
        .enumerate()
        .filter_map(|(index, line)| {
            let trimmed = trim_line(&text[line.content.range()]);
            (!trimmed.is_empty()).then(|| Shape {
                index,
                text: trimmed,
                words: trimmed.split_whitespace().count(),
                ends_sentence: ends_sentence(trimmed),
            })
        })
        .collect();
    if mode == CleanMode::Keep {
        for (n, shape) in shapes.iter().enumerate() {
            lines[shape.index].kind = if n == 0 {
                LineKind::Headline
            } else {
                LineKind::Body
            };
        }
        return lines;
    }
    let kinds = classify_shapes(&shapes);
    for (shape, kind) in shapes.iter().zip(kinds) {
        lines[shape.index].kind = kind;
    }
    lines
}

fn classify_shapes(shapes: &[Shape]) -> Vec<LineKind> {
    let phrases = Boilerplate::shared();
    // First pass: what each line is by its own wording or by having been seen before.
    let mut seen = HashSet::new();
    let mut reasons: Vec<Option<RemovalReason>> = shapes
        .iter()
        .map(|s| {
            let repeat = !seen.insert(s.text);
            phrases
                .classify(s.text, s.words)
                .or_else(|| is_breadcrumb(s).then_some(RemovalReason::Navigation))
                .or_else(|| is_reading_time(s.text).then_some(RemovalReason::Timestamp))
                .or_else(|| repeat.then_some(RemovalReason::Repeat))
                .or_else(|| is_credit(s).then_some(RemovalReason::Caption))
        })
        .collect();
    // A caption line immediately followed by the same text plus a credit.
    for i in 0..shapes.len().saturating_sub(1) {
        let (line, next) = (&shapes[i], &shapes[i + 1]);
        if reasons[i].is_none()
            && reasons[i + 1] == Some(RemovalReason::Caption)
            && !line.ends_sentence
            && next.text.starts_with(line.text)
        {
            reasons[i] = Some(RemovalReason::Caption);
        }
    }

    let mut kinds: Vec<LineKind> = vec![LineKind::Body; shapes.len()];
    let headline = find_headline(shapes, &reasons, phrases);
    let Some(headline) = headline else {
        // Nothing but boilerplate: keep the classification, there is no article body.
        return reasons
            .iter()
            .map(|r| r.map_or(LineKind::Body, LineKind::Removed))
            .collect();
    };
    for (i, kind) in kinds.iter_mut().enumerate().take(headline) {
        // find_headline only steps over boilerplate and section-label-like lines.
        let reason = reasons[i].unwrap_or(RemovalReason::SectionLabel);
        *kind = LineKind::Removed(reason);
    }
    kinds[headline] = LineKind::Headline;

    // The lines under the headline: byline, dek, captions, in any order, until the body starts.
    let mut byline_name = None;
    let mut subtitle_taken = false;
    let mut i = headline + 1;
    while i < shapes.len() && i <= headline + 4 {
        let shape = &shapes[i];
        if reasons[i].is_some() {
            i += 1;
            continue;
        }
        if byline_name.is_none() {
            if let Some(name) = byline_of(shape.text) {
                byline_name = Some(name);
                kinds[i] = LineKind::Byline;
                i += 1;
                continue;
            }
        }
        // A dek that reads as a sentence only counts right under the headline: below a byline,
        // a short sentence is the lede.
        let right_under = byline_name.is_none();
        if !subtitle_taken && is_dek(shape, shapes.get(i + 1), right_under) {
            subtitle_taken = true;
            kinds[i] = LineKind::Subtitle;
            i += 1;
            continue;
        }
        break;
    }

    // The body ends with the last line of prose that is not the author's bio.
    let body_end = (0..shapes.len())
        .rev()
        .find(|&i| {
            i > headline
                && reasons[i].is_none()
                && kinds[i] == LineKind::Body
                && shapes[i].is_prose()
                && !is_bio(shapes[i].text, byline_name)
        })
        .unwrap_or(headline);

    for i in headline + 1..shapes.len() {
        if matches!(kinds[i], LineKind::Byline | LineKind::Subtitle) {
            continue;
        }
        if let Some(reason) = reasons[i] {
            kinds[i] = LineKind::Removed(reason);
        } else if i > body_end {
            let bio = is_bio(shapes[i].text, byline_name)
                || byline_name.is_some_and(|name| shapes[i].text == name);
            kinds[i] = LineKind::Removed(if bio {
                RemovalReason::AuthorBio
            } else {
                RemovalReason::TrailingDebris
            });
        }
    }
    kinds
}

/// The first line that is not boilerplate and not a section label ahead of a longer line.
fn find_headline(
    shapes: &[Shape],
    reasons: &[Option<RemovalReason>],
    phrases: &Boilerplate,
) -> Option<usize> {
    let candidates: Vec<usize> = (0..shapes.len())
        .filter(|&i| reasons[i].is_none())
        .collect();
    for (n, &i) in candidates.iter().enumerate() {
        let shape = &shapes[i];
        let next = candidates.get(n + 1).map(|&j| &shapes[j]);
        let label_like = !shape.ends_sentence
            && (phrases.is_section_label(shape.text) || shape.words <= 1)
            && next.is_some_and(|next| next.words > shape.words + 1);
        if !label_like {
            return Some(i);
        }
    }
    candidates.first().copied()
}

/// A dek: a short line of display text, or a single short sentence, with more text after it.
fn is_dek(shape: &Shape, next: Option<&Shape>, right_under_headline: bool) -> bool {
    if next.is_none() || shape.words < 4 {
        return false;
    }
    if !shape.ends_sentence {
        return shape.words <= 30;
    }
    let sentence_marks = shape
        .text
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .matches(['.', '!', '?'])
        .count();
    right_under_headline
        && shape.words <= 25
        && shape.text.chars().count() <= 160
        && sentence_marks == 0
}

/// The author's name from a byline such as "1 min Antoine Khoury" or "By Jane Doe".
pub fn byline_of(line: &str) -> Option<&str> {
    let mut rest = line.trim();
    // Reading time: "1 min", "4 min read", "5 minutes".
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let mut prefixed = false;
    if digits > 0 {
        let after = rest[digits..].trim_start();
        for unit in [
            "minutes read",
            "minute read",
            "min read",
            "minutes",
            "minute",
            "mins",
            "min",
        ] {
            if let Some(tail) = strip_prefix_ignore_case(after, unit) {
                rest = tail.trim_start();
                prefixed = true;
                break;
            }
        }
        if !prefixed {
            return None;
        }
    }
    for lead in ["By ", "BY ", "by ", "Words by ", "Written by "] {
        if let Some(tail) = rest.strip_prefix(lead) {
            rest = tail.trim_start();
            prefixed = true;
        }
    }
    let words: Vec<&str> = rest.split_whitespace().collect();
    let name_like = (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
        });
    (name_like && prefixed).then_some(rest)
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    let boundary = text[prefix.len()..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric());
    (head.eq_ignore_ascii_case(prefix) && boundary).then(|| &text[prefix.len()..])
}

/// A biography: the author's name, or a name-like start, then "is based in", "reports for"…
fn is_bio(text: &str, byline: Option<&str>) -> bool {
    const VERBS: [&str; 7] = ["is", "has", "was", "covers", "writes", "reports", "joined"];
    const TOPICS: [&str; 11] = [
        "reporter",
        "correspondent",
        "journalist",
        "editor",
        "writer",
        "based in",
        "reporting for",
        "covers",
        "columnist",
        "contributor",
        "writes for",
    ];
    if let Some(rest) = byline.and_then(|name| text.strip_prefix(name)) {
        let verb = rest.split_whitespace().next().unwrap_or("");
        return rest.starts_with(' ') && VERBS.contains(&verb);
    }
    let mut words = text.split_whitespace();
    let capitalised_start = words
        .by_ref()
        .take(2)
        .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    if !capitalised_start || !words.take(3).any(|w| VERBS.contains(&w)) {
        return false;
    }
    let lower = text.to_lowercase();
    TOPICS.iter().any(|t| lower.contains(t)) && text.split_whitespace().count() < 80
}

/// A photo credit: a short line with ©, or ending in a social handle or agency credit.
fn is_credit(shape: &Shape) -> bool {
    if shape.words > 14 {
        return false;
    }
    let text = shape.text;
    if text.contains('©') || text.contains("(c) ") {
        return true;
    }
    let last = text.split_whitespace().last().unwrap_or("");
    let handle_credit = last.starts_with('@') || (last.contains('@') && last.contains('/'));
    const CREDITS: [&str; 10] = [
        "/X",
        "/Twitter",
        "/Reuters",
        "/AFP",
        "/AP",
        "/EPA",
        "/Getty Images",
        "/Getty",
        "/Anadolu",
        "/SANA",
    ];
    let agency_credit = CREDITS.iter().any(|c| text.ends_with(c));
    let labelled = [
        "Photo:",
        "Photograph:",
        "Image:",
        "Credit:",
        "Photo credit",
        "(Photo",
    ]
    .iter()
    .any(|p| text.contains(p));
    (handle_credit || agency_credit || labelled) && !shape.ends_sentence
}

/// A reading-time stamp on its own: "3 min read".
fn is_reading_time(text: &str) -> bool {
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    digits > 0
        && [
            "min read",
            "mins read",
            "minute read",
            "minutes read",
            "min",
            "mins",
        ]
        .iter()
        .any(|unit| text[digits..].trim_start().eq_ignore_ascii_case(unit))
}

/// A breadcrumb trail: "Home > World > Middle East".
fn is_breadcrumb(shape: &Shape) -> bool {
    shape.words <= 12
        && !shape.ends_sentence
        && [" > ", " › ", " » ", " / ", " | "]
            .iter()
            .any(|sep| shape.text.matches(sep).count() >= 2)
}

/// Whether a trimmed line ends like a sentence (closing quotes and brackets allowed).
pub fn ends_sentence(text: &str) -> bool {
    text.trim_end_matches(['"', '”', '’', '\'', ')', ']', '»'])
        .ends_with(['.', '!', '?', '…', '。', '！', '？', '؟'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, LineKind)> {
        classify_lines(text, CleanMode::Clean)
            .into_iter()
            .filter(|l| l.kind != LineKind::Blank)
            .map(|l| (text[l.content.range()].to_string(), l.kind))
            .collect()
    }

    #[test]
    fn bylines_take_reading_time_and_by() {
        assert_eq!(byline_of("1 min Antoine Khoury"), Some("Antoine Khoury"));
        assert_eq!(byline_of("By Jane Doe"), Some("Jane Doe"));
        assert_eq!(byline_of("4 min read By Sam Ng"), Some("Sam Ng"));
        assert_eq!(byline_of("Middle East"), None);
        assert_eq!(byline_of("15 days later"), None);
    }

    #[test]
    fn unseen_boilerplate_after_the_body_is_caught_by_shape() {
        let text = "Levant\n\nTanks Enter The Northern City At Dawn\n\nBy Mary Roe\n\n\
            Government tanks entered the northern city at dawn on Monday, residents said.\n\n\
            The army said the operation would last several days and urged civilians to stay home.\n\n\
            Filed under\n\nDefence Desk\n\nMary Roe is a correspondent covering the region for us.\n\n\
            Mary Roe\n\nPrint edition";
        let got = kinds(text);
        use LineKind::*;
        use RemovalReason::*;
        let expect = [
            Removed(SectionLabel),
            Headline,
            Byline,
            Body,
            Body,
            Removed(TrailingDebris),
            Removed(TrailingDebris),
            Removed(AuthorBio),
            Removed(AuthorBio),
            Removed(TrailingDebris),
        ];
        assert_eq!(
            got.iter().map(|(_, k)| *k).collect::<Vec<_>>(),
            expect,
            "{got:#?}"
        );
    }

    #[test]
    fn keep_mode_makes_everything_body() {
        let got = kinds_keep("Skip to main content\nTitle here\nTags\n");
        assert_eq!(
            got,
            vec![LineKind::Headline, LineKind::Body, LineKind::Body]
        );
    }

    fn kinds_keep(text: &str) -> Vec<LineKind> {
        classify_lines(text, CleanMode::Keep)
            .into_iter()
            .filter(|l| l.kind != LineKind::Blank)
            .map(|l| l.kind)
            .collect()
    }

    #[test]
    fn crossheads_inside_the_body_are_kept() {
        let text = "A Headline About Talks In Moscow\n\nThe talks began on Monday in Moscow and lasted into the night, officials said.\n\nWhat comes next\n\nBoth sides will meet again in the spring, according to a statement from the ministry.";
        let got = kinds(text);
        assert_eq!(got[2], ("What comes next".to_string(), LineKind::Body));
    }
}
