//! Turns a ranked candidate into a [`Hit`]: SkimMatcherV2 scores each term against each field
//! again, now with positions; the best field per term wins, and its positions are mapped from
//! folded characters to the characters of the text shown.

use super::fold::display_range;
use super::index::FinderIndex;
use super::query::Term;
use super::rank::Scored;
use super::results::{Context, Hit};
use super::target::Kind;
use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;

/// How long a sentence's context is, and how much of it comes before the first match.
const CONTEXT_CHARS: usize = 80;
const CONTEXT_BEFORE: usize = 24;

const SEPARATOR: &str = " · ";

pub(super) fn build_hit(index: &FinderIndex, terms: &[Term], scored: Scored, boost: i64) -> Hit {
    let fields = index.field_ids(scored.id);
    // Per field: the matched display characters.
    let mut matched: Vec<Vec<usize>> = vec![Vec::new(); fields.len()];
    let mut score = boost;
    for term in terms {
        // Shown fields first: an alias counts only when the name does not match.
        let best = [true, false].into_iter().find_map(|shown| {
            let mut best: Option<(i64, usize, Vec<usize>)> = None;
            for field in fields.clone().filter(|&f| index.texts[f].shown == shown) {
                // A fresh matcher: a reused one lets earlier calls change the score.
                let matcher = SkimMatcherV2::default().smart_case();
                let found = matcher.fuzzy_indices(index.folded(field), &term.text);
                if let Some((s, positions)) = found {
                    if best.as_ref().is_none_or(|(b, _, _)| s > *b) {
                        best = Some((s, field, positions));
                    }
                }
            }
            best
        });
        let Some((s, field, positions)) = best else {
            continue;
        };
        score += s;
        let text = &index.texts[field];
        let local = &mut matched[field - fields.start];
        for folded in positions {
            local.extend(display_range(
                text.origin.as_deref(),
                text.display_chars,
                folded,
            ));
        }
    }
    let (text, positions) = compose(index, fields.start, &matched);
    let kind = index.target(scored.id).kind();
    let context = match kind {
        Kind::Sentence => Some(window(&text, &positions)),
        _ => index.contexts[scored.id as usize].as_deref().cloned(),
    };
    Hit {
        kind,
        target: index.target(scored.id).clone(),
        text,
        matched: positions,
        score,
        context,
    }
}

/// The text of a hit: the shown fields joined by " · ", then any matched hidden field in
/// parentheses; with the matched positions moved to where each field landed.
fn compose(index: &FinderIndex, first: usize, matched: &[Vec<usize>]) -> (String, Vec<usize>) {
    let mut text = String::new();
    let mut chars = 0usize;
    let mut positions = Vec::new();
    let mut place = |text: &mut String, chars: &mut usize, field: usize, lead: &str| {
        text.push_str(lead);
        *chars += lead.chars().count();
        let shown = &index.texts[first + field];
        positions.extend(matched[field].iter().map(|&p| *chars + p));
        text.push_str(&shown.display);
        *chars += shown.display_chars as usize;
    };
    for field in 0..matched.len() {
        if index.texts[first + field].shown {
            let lead = if text.is_empty() { "" } else { SEPARATOR };
            place(&mut text, &mut chars, field, lead);
        }
    }
    let mut hidden = 0;
    for (field, hits) in matched.iter().enumerate() {
        if !index.texts[first + field].shown && !hits.is_empty() {
            let lead = match (hidden, text.is_empty()) {
                (0, true) => "(",
                (0, false) => " (",
                _ => ", ",
            };
            place(&mut text, &mut chars, field, lead);
            hidden += 1;
        }
    }
    if hidden > 0 {
        text.push(')');
    }
    positions.sort_unstable();
    positions.dedup();
    (text, positions)
}

/// About [`CONTEXT_CHARS`] characters of `text` around its first matched position, cut at
/// word boundaries.
pub(super) fn window(text: &str, matched: &[usize]) -> Context {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= CONTEXT_CHARS {
        return Context {
            text: text.to_string(),
            highlight: matched.to_vec(),
        };
    }
    let anchor = matched.first().copied().unwrap_or(0).min(chars.len());
    let mut start = anchor
        .saturating_sub(CONTEXT_BEFORE)
        .min(chars.len() - CONTEXT_CHARS);
    if start > 0 {
        // Forward to the start of a word, never past the anchor.
        while start < anchor && !chars[start - 1].is_whitespace() {
            start += 1;
        }
    }
    let mut end = (start + CONTEXT_CHARS).min(chars.len());
    if end < chars.len() {
        let mut cut = end;
        while cut > anchor + 1 && !chars[cut].is_whitespace() {
            cut -= 1;
        }
        if cut > anchor + 1 {
            end = cut;
        }
    }
    let lead = usize::from(start > 0);
    let mut out = String::new();
    if lead == 1 {
        out.push('…');
    }
    out.extend(&chars[start..end]);
    if end < chars.len() {
        out.push('…');
    }
    let highlight = matched
        .iter()
        .filter(|&&p| p >= start && p < end)
        .map(|&p| p - start + lead)
        .collect();
    Context {
        text: out,
        highlight,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_texts_are_their_own_context() {
        let c = window("Putin met Sharaa.", &[0, 1]);
        assert_eq!(c.text, "Putin met Sharaa.");
        assert_eq!(c.highlight, [0, 1]);
    }

    #[test]
    fn long_texts_are_cut_at_words_around_the_first_match() {
        let text = "The visit came amid reports that Russia was pulling forces from Qamishli airport in northeast Syria while retaining its larger Hmeimim air base and the Tartous naval facility.";
        let at = text.find("Hmeimim").unwrap();
        let c = window(text, &[at, at + 1]);
        assert!(c.text.starts_with('…'), "{}", c.text);
        assert!(c.text.contains("Hmeimim"));
        let chars: Vec<char> = c.text.chars().collect();
        assert_eq!(chars[c.highlight[0]], 'H');
        assert_eq!(chars[c.highlight[1]], 'm');
        assert!(c.text.chars().count() <= CONTEXT_CHARS + 2);
    }
}
