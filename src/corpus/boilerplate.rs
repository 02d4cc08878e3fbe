//! The boilerplate phrase lists of `assets/boilerplate.txt`, parsed once and matched per line.

use super::reason::RemovalReason;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::HashMap;
use std::sync::LazyLock;

const PHRASES: &str = include_str!("../../assets/boilerplate.txt");

/// Lines of at most this many words count as "short" for `*` phrases.
const SHORT_LINE_WORDS: usize = 8;

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Rule {
    WholeLine,
    Contains,
    StartsWith,
    ShortContains,
}

/// Every phrase list, ready to match a line in one pass.
pub struct Boilerplate {
    whole_lines: HashMap<String, RemovalReason>,
    section_labels: HashMap<String, ()>,
    /// Contains, starts-with and short-contains phrases in one automaton.
    automaton: AhoCorasick,
    patterns: Vec<(Rule, RemovalReason)>,
}

static SHARED: LazyLock<Boilerplate> = LazyLock::new(|| Boilerplate::parse(PHRASES));

impl Boilerplate {
    pub fn shared() -> &'static Boilerplate {
        &SHARED
    }

    fn parse(spec: &str) -> Boilerplate {
        let mut whole_lines = HashMap::new();
        let mut section_labels = HashMap::new();
        let mut needles = Vec::new();
        let mut patterns = Vec::new();
        let mut reason = None;
        for line in spec.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                reason = RemovalReason::from_name(name);
                assert!(
                    reason.is_some(),
                    "assets/boilerplate.txt: unknown reason [{name}]"
                );
                continue;
            }
            let Some(reason) = reason else { continue };
            let (rule, phrase) = match line.split_once(' ') {
                Some(("=", p)) => (Rule::WholeLine, p),
                Some(("~", p)) => (Rule::Contains, p),
                Some(("^", p)) => (Rule::StartsWith, p),
                Some(("*", p)) => (Rule::ShortContains, p),
                _ => panic!("assets/boilerplate.txt: bad line {line:?}"),
            };
            let phrase = phrase.trim().to_lowercase();
            match (rule, reason) {
                (Rule::WholeLine, RemovalReason::SectionLabel) => {
                    section_labels.insert(phrase, ());
                }
                (Rule::WholeLine, _) => {
                    whole_lines.entry(phrase).or_insert(reason);
                }
                _ => {
                    needles.push(phrase);
                    patterns.push((rule, reason));
                }
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&needles)
            .expect("boilerplate phrases build an automaton");
        Boilerplate {
            whole_lines,
            section_labels,
            automaton,
            patterns,
        }
    }

    /// The reason a line is boilerplate by its wording alone, if any.
    pub fn classify(&self, line: &str, words: usize) -> Option<RemovalReason> {
        if let Some(key) = short_key(line) {
            if let Some(&reason) = self.whole_lines.get(key.as_str()) {
                return Some(reason);
            }
        }
        let trimmed = line.trim_start();
        // Overlapping search so that every phrase gets its say; the earliest in the file wins.
        self.automaton
            .find_overlapping_iter(trimmed)
            .filter(|m| {
                let (rule, _) = self.patterns[m.pattern().as_usize()];
                match rule {
                    Rule::Contains => true,
                    Rule::StartsWith => m.start() == 0,
                    Rule::ShortContains => words <= SHORT_LINE_WORDS,
                    Rule::WholeLine => false,
                }
            })
            .map(|m| m.pattern().as_usize())
            .min()
            .map(|index| self.patterns[index].1)
    }

    /// Whether a line is a known section label ("World", "Policy").
    pub fn is_section_label(&self, line: &str) -> bool {
        short_key(line).is_some_and(|key| self.section_labels.contains_key(key.as_str()))
    }
}

/// The lookup key of a line short enough to be a whole-line phrase; long lines have none,
/// which keeps the per-line cost of prose paragraphs down.
fn short_key(line: &str) -> Option<String> {
    (line.trim().len() <= MAX_PHRASE_BYTES).then(|| normalize(line))
}

/// No whole-line phrase is longer than this (checked by a test).
const MAX_PHRASE_BYTES: usize = 48;

/// Lower-cased, trimmed, trailing punctuation dropped, inner whitespace collapsed.
fn normalize(line: &str) -> String {
    let trimmed = line.trim().trim_end_matches(|c: char| {
        matches!(c, ':' | '.' | '|' | '»' | '›' | '>' | '…') || c.is_whitespace()
    });
    let mut out = String::with_capacity(trimmed.len());
    for word in trimmed.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            out.extend(c.to_lowercase());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classify(line: &str) -> Option<RemovalReason> {
        Boilerplate::shared().classify(line, line.split_whitespace().count())
    }

    #[test]
    fn phrases_match_by_rule() {
        assert_eq!(
            classify("Skip to main content"),
            Some(RemovalReason::Navigation)
        );
        assert_eq!(
            classify("  Leave a Reply "),
            Some(RemovalReason::CommentForm)
        );
        assert_eq!(
            classify("Related Articles"),
            Some(RemovalReason::RelatedLinks)
        );
        assert_eq!(
            classify("Verified by MonsterInsights"),
            Some(RemovalReason::RelatedLinks)
        );
        assert_eq!(classify("Mena banner 4"), Some(RemovalReason::Advert));
        assert_eq!(
            classify("Published: undefined"),
            Some(RemovalReason::TemplateDebris)
        );
        assert_eq!(
            classify("To make this website run properly, we use cookies. See our Cookie Policy."),
            Some(RemovalReason::CookieNotice)
        );
    }

    #[test]
    fn whole_line_phrases_fit_the_short_key_limit() {
        let all = &Boilerplate::shared().whole_lines;
        assert!(all.keys().all(|k| k.len() <= MAX_PHRASE_BYTES));
    }

    #[test]
    fn body_sentences_are_not_boilerplate() {
        assert_eq!(
            classify("The rebels marched under the banner of a new coalition that nobody had heard of before."),
            None
        );
        assert_eq!(classify("Tags were attached to the detainees."), None);
    }
}
