//! Article metadata: what the page says about itself (headline, dek, byline, outlet), read from
//! the classified lines, with `parallax.toml` overrides applied on top.

use super::line::{trim_line, Line, LineKind};
use super::reason::RemovalReason;
use crate::text::display_safe;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::sync::LazyLock;

/// Descriptive fields of an article. All strings are display-safe (no control characters).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    pub title: Option<String>,
    pub subtitle: Option<String>,
    pub byline: Option<String>,
    pub outlet: Option<String>,
    /// Publication date as given (`parallax.toml`), e.g. "2026-01-28".
    pub published: Option<String>,
    pub url: Option<String>,
}

impl Metadata {
    /// Reads metadata from classified lines.
    pub fn from_lines(text: &str, lines: &[Line]) -> Metadata {
        let of_kind = |kind: LineKind| {
            lines
                .iter()
                .find(|l| l.kind == kind)
                .map(|l| safe(trim_line(&text[l.content.range()])))
        };
        let byline = of_kind(LineKind::Byline)
            .and_then(|line| super::clean::byline_of(&line).map(str::to_string));
        Metadata {
            title: of_kind(LineKind::Headline),
            subtitle: of_kind(LineKind::Subtitle),
            byline,
            outlet: find_outlet(text, lines).map(|o| safe(&o)),
            published: None,
            url: None,
        }
    }
}

fn safe(text: &str) -> String {
    display_safe(text).into_owned()
}

/// Agencies and photo services whose name in a credit says nothing about the publishing outlet.
const PHOTO_AGENCIES: [&str; 10] = [
    "Reuters",
    "AFP",
    "AP",
    "EPA",
    "Getty Images",
    "Getty",
    "Anadolu",
    "SANA",
    "Shutterstock",
    "X",
];

/// The outlet, when the page reveals it: an author bio ("reporting for Mena Today"), a copyright
/// line, the site's own channel handle ("@nationalherald"), or a photo credit to the site.
fn find_outlet(text: &str, lines: &[Line]) -> Option<String> {
    let removed = |reason: RemovalReason| {
        lines
            .iter()
            .filter(move |l| l.kind == LineKind::Removed(reason))
            .map(|l| trim_line(&text[l.content.range()]))
    };
    for bio in removed(RemovalReason::AuthorBio) {
        for cue in [
            "reporting for ",
            "writes for ",
            "correspondent for ",
            "reporter for ",
            "works for ",
        ] {
            if let Some(at) = bio.find(cue) {
                if let Some(name) = capitalised_run(&bio[at + cue.len()..]) {
                    return Some(name);
                }
            }
        }
    }
    let hidden = lines
        .iter()
        .filter(|l| matches!(l.kind, LineKind::Removed(_)));
    for line in hidden.map(|l| trim_line(&text[l.content.range()])) {
        for cue in ["© 20", "© 19", "Copyright 20", "Copyright © 20"] {
            if let Some(at) = line.find(cue) {
                let after = line[at + cue.len()..].trim_start_matches(|c: char| c.is_ascii_digit());
                if let Some(name) = capitalised_run(after.trim_start()) {
                    return Some(name);
                }
            }
        }
    }
    for prompt in removed(RemovalReason::SharePrompt).chain(removed(RemovalReason::Newsletter)) {
        let own = ["our ", "us "]
            .iter()
            .any(|w| prompt.to_lowercase().contains(w));
        if let Some(handle) = prompt.split('@').nth(1).filter(|_| own) {
            let handle: String = handle
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if let Some(name) = read_handle(&handle) {
                return Some(name);
            }
        }
    }
    for caption in removed(RemovalReason::Caption).chain(removed(RemovalReason::Repeat)) {
        if let Some((before, credit)) = caption.split_once('©') {
            let mut credit = trim_line(credit);
            // "(Photo: © Northern Standard)": the bracket closes the caption, not the name.
            if before.contains('(') {
                credit = credit.trim_end_matches(')').trim_end();
            }
            if !credit.is_empty()
                && credit.split_whitespace().count() <= 4
                && !PHOTO_AGENCIES
                    .iter()
                    .any(|a| credit.eq_ignore_ascii_case(a))
            {
                return Some(credit.to_string());
            }
        }
    }
    None
}

/// "Mena Today for the past year" → "Mena Today".
fn capitalised_run(text: &str) -> Option<String> {
    let mut words = Vec::new();
    for raw in text.split_whitespace().take(5) {
        let word = raw.trim_end_matches(['.', ',', ';', ':', ')']);
        if !word
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        {
            break;
        }
        words.push(word);
        if word.len() < raw.len() {
            break; // punctuation ends the name: "Levant Post. All rights reserved."
        }
    }
    (!words.is_empty()).then(|| words.join(" "))
}

static OUTLET_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../assets/outlet_words.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// Reads a social handle as an outlet name when it splits wholly into known words:
/// "nationalherald" → "National Herald". Fewest words wins.
fn read_handle(handle: &str) -> Option<String> {
    let lower = handle.to_lowercase();
    if lower.is_empty() || !lower.is_ascii() {
        return None;
    }
    let n = lower.len();
    // best[i] = fewest words covering lower[..i], with the start of the last word.
    let mut best: Vec<Option<(usize, usize)>> = vec![None; n + 1];
    best[0] = Some((0, 0));
    for end in 1..=n {
        for start in 0..end {
            let Some((count, _)) = best[start] else {
                continue;
            };
            if OUTLET_WORDS.contains(&lower[start..end])
                && best[end].is_none_or(|(c, _)| count + 1 < c)
            {
                best[end] = Some((count + 1, start));
            }
        }
    }
    best[n]?;
    let mut words = Vec::new();
    let mut end = n;
    while end > 0 {
        let (_, start) = best[end]?;
        let word = &lower[start..end];
        let mut chars = word.chars();
        let first = chars.next()?.to_ascii_uppercase();
        words.push(format!("{first}{}", chars.as_str()));
        end = start;
    }
    words.reverse();
    Some(words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handles_read_as_outlet_names() {
        assert_eq!(
            read_handle("nationalherald").as_deref(),
            Some("National Herald")
        );
        assert_eq!(
            read_handle("middleeasteye").as_deref(),
            Some("Middle East Eye")
        );
        assert_eq!(read_handle("maikolking18732"), None);
    }

    #[test]
    fn capitalised_runs_stop_at_lower_case() {
        assert_eq!(
            capitalised_run("Mena Today for the past year").as_deref(),
            Some("Mena Today")
        );
        assert_eq!(
            capitalised_run("Levant Post. All rights reserved.").as_deref(),
            Some("Levant Post")
        );
    }
}

#[cfg(test)]
mod credit_tests {
    use crate::corpus::{Article, CleanMode};

    #[test]
    fn a_bracketed_photo_credit_names_the_outlet_without_the_bracket() {
        let text = "A desalination plant tops the agenda of the meeting\n\n\
            Officials said on Friday that talks would focus on the state of bilateral relations \
            and prospects for cooperation across several sectors.\n\n\
            Klaus Afanasiev (Photo: © Northern Standard)\n\n\
            The meeting comes as the government reassesses its posture in the region, officials \
            said, adding that no date had been set.\n";
        let article = Article::new("a".into(), "a.txt".into(), text.into(), CleanMode::Clean);
        assert_eq!(article.meta.outlet.as_deref(), Some("Northern Standard"));
    }
}
