//! Possible discrepancies inside an aligned sentence pair: numbers, dates, quantities and names
//! that differ between the two sides ("14-year" vs "more than a decade", "October" vs
//! "mid-October"). Flags for a reader to check, not verdicts.

use super::figures::{format_number, DateParts, Figure, FigureValue, Qualifier};
use super::pair_score::LinkKind;
use super::sentence_terms::{NamedMention, SentenceTerms};
use crate::analysis::entity_kind::EntityKind;
use crate::text::{display_safe, ByteSpan};
use serde::Serialize;

#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DiscrepancyKind {
    /// Two counts of the same thing.
    Number,
    /// Two lengths of time.
    Quantity,
    /// Two dates for what may be the same moment.
    Date,
    /// Two different people or places in the same slot.
    Entity,
}

/// A difference between the two sides of an aligned pair.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Discrepancy {
    pub kind: DiscrepancyKind,
    /// The left side's words, display-safe.
    pub left: String,
    pub right: String,
    /// Byte spans in each article's source text.
    #[serde(skip)]
    pub left_span: ByteSpan,
    #[serde(skip)]
    pub right_span: ByteSpan,
    pub explanation: String,
}

/// The possible discrepancies between two aligned sentences, given each one's article text and
/// how they are linked. Names are compared only for paraphrases and near-identical pairs: in a
/// partial overlap, different people and places are usually different facts.
pub fn discrepancies(
    left: &SentenceTerms,
    left_text: &str,
    right: &SentenceTerms,
    right_text: &str,
    kind: LinkKind,
) -> Vec<Discrepancy> {
    let mut found = Vec::new();
    for l in &left.figures {
        if right.figures.iter().any(|r| same_figure(l, r)) {
            continue;
        }
        // Compare with the closest counterparts only: "October" with "mid-October", not with
        // "late January 2025" in the same sentence.
        let closest = right
            .figures
            .iter()
            .filter(|r| !right_has_match(left, r))
            .map(|r| affinity(l, r))
            .max()
            .unwrap_or(0);
        for r in &right.figures {
            if right_has_match(left, r) || affinity(l, r) < closest {
                continue;
            }
            if let Some((kind, explanation)) = compare_figures(l, r) {
                found.push(Discrepancy {
                    kind,
                    left: display_safe(&left_text[l.span.range()]).into_owned(),
                    right: display_safe(&right_text[r.span.range()]).into_owned(),
                    left_span: l.span,
                    right_span: r.span,
                    explanation,
                });
            }
        }
    }
    if kind != LinkKind::PartialOverlap {
        found.extend(name_differences(left, left_text, right, right_text));
    }
    found
}

fn right_has_match(left: &SentenceTerms, r: &Figure) -> bool {
    left.figures.iter().any(|l| same_figure(l, r))
}

/// How likely two figures are to state the same thing: same month 2, same year or time unit 1.
fn affinity(a: &Figure, b: &Figure) -> u8 {
    match (&a.value, &b.value) {
        (FigureValue::Date(x), FigureValue::Date(y)) => {
            if x.month.is_some() && x.month == y.month {
                2
            } else {
                u8::from(x.year.is_some() && x.year == y.year)
            }
        }
        (FigureValue::Duration { unit: x, .. }, FigureValue::Duration { unit: y, .. }) => {
            u8::from(x == y)
        }
        _ => 0,
    }
}

fn same_figure(a: &Figure, b: &Figure) -> bool {
    a.value == b.value && a.qualifier == b.qualifier
}

fn compare_figures(l: &Figure, r: &Figure) -> Option<(DiscrepancyKind, String)> {
    match (&l.value, &r.value) {
        (
            FigureValue::Duration {
                years: ly,
                unit: lu,
            },
            FigureValue::Duration {
                years: ry,
                unit: ru,
            },
        ) => {
            // "15 days" and "four months", "14-year" and "more than a year", "a decade" and
            // "decades" are likely different spans of time, not one misreported.
            let (Some(ly), Some(ry)) = (ly, ry) else {
                return None;
            };
            if lu != ru || ly.max(*ry) > 2.0 * ly.min(*ry) {
                return None;
            }
            Some((DiscrepancyKind::Quantity, precision_note(l, r, ly == ry)))
        }
        (
            FigureValue::Count {
                value: lv,
                unit: lu,
            },
            FigureValue::Count {
                value: rv,
                unit: ru,
            },
        ) if lu == ru && !lu.is_empty() => {
            let note = match lv == rv {
                true => precision_note(l, r, true),
                false => format!(
                    "different numbers of {lu}s: {} vs {}",
                    format_number(*lv),
                    format_number(*rv)
                ),
            };
            Some((DiscrepancyKind::Number, note))
        }
        (FigureValue::Date(ld), FigureValue::Date(rd)) => date_note(l, ld, r, rd),
        _ => None,
    }
}

fn precision_note(l: &Figure, r: &Figure, same_value: bool) -> String {
    match (
        l.qualifier == Qualifier::Exact,
        r.qualifier == Qualifier::Exact,
    ) {
        (true, false) | (false, true) => "exact on one side, approximate on the other".into(),
        _ if same_value => "the same figure, qualified differently".into(),
        _ => "different figures".into(),
    }
}

fn date_note(
    l: &Figure,
    ld: &DateParts,
    r: &Figure,
    rd: &DateParts,
) -> Option<(DiscrepancyKind, String)> {
    let both = |a: Option<u8>, b: Option<u8>| a.is_some() && b.is_some();
    let note = if both(ld.weekday, rd.weekday) {
        (ld.weekday != rd.weekday).then_some("different days of the week")?
    } else if both(ld.month, rd.month) {
        let same_year = ld.year.is_none() || rd.year.is_none() || ld.year == rd.year;
        if ld.month != rd.month && same_year {
            "different months"
        } else if ld.month == rd.month && (ld.day != rd.day || l.qualifier != r.qualifier) {
            "the same month, given with different precision"
        } else if ld.year != rd.year && ld.year.is_some() && rd.year.is_some() {
            "different years"
        } else {
            return None;
        }
    } else if ld.year.is_some() && rd.year.is_some() && ld.month.is_none() && rd.month.is_none() {
        match (ld.year != rd.year, l.qualifier != r.qualifier) {
            (true, _) => "different years",
            (false, true) => "the same year, given with different precision",
            _ => return None,
        }
    } else {
        return None;
    };
    Some((DiscrepancyKind::Date, note.to_string()))
}

/// A person or place on each side that the other does not name, when each side has exactly one
/// such name of that kind: possibly two versions of one detail.
fn name_differences(
    left: &SentenceTerms,
    left_text: &str,
    right: &SentenceTerms,
    right_text: &str,
) -> Vec<Discrepancy> {
    let mut found = Vec::new();
    for kind in [EntityKind::Person, EntityKind::Place] {
        let only = |a: &SentenceTerms, b: &SentenceTerms| -> Vec<NamedMention> {
            let mut names: Vec<NamedMention> = a
                .names
                .iter()
                .filter(|m| m.kind == kind && !b.names.iter().any(|n| n.key == m.key))
                .copied()
                .collect();
            names.dedup_by_key(|m| m.key);
            names
        };
        let (l, r) = (only(left, right), only(right, left));
        if let ([l], [r]) = (l.as_slice(), r.as_slice()) {
            found.push(Discrepancy {
                kind: DiscrepancyKind::Entity,
                left: display_safe(&left_text[l.span.range()]).into_owned(),
                right: display_safe(&right_text[r.span.range()]).into_owned(),
                left_span: l.span,
                right_span: r.span,
                explanation: format!("a different {} on each side", kind_word(kind)),
            });
        }
    }
    found
}

fn kind_word(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "person",
        EntityKind::Place => "place",
        EntityKind::Org => "organisation",
        EntityKind::Group => "group",
        EntityKind::Date => "date",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::align::figures::find_figures;
    use crate::analysis::align::tokens::tokenize;

    fn sentence(text: &str) -> SentenceTerms {
        let tokens = tokenize(text, ByteSpan::new(0, text.len()));
        SentenceTerms {
            span: ByteSpan::new(0, text.len()),
            figures: find_figures(&tokens).0,
            ..SentenceTerms::default()
        }
    }

    fn found(left: &str, right: &str) -> Vec<(String, String, DiscrepancyKind)> {
        discrepancies(
            &sentence(left),
            left,
            &sentence(right),
            right,
            LinkKind::Paraphrase,
        )
        .into_iter()
        .map(|d| (d.left, d.right, d.kind))
        .collect()
    }

    #[test]
    fn discrepancy_table() {
        let table = [
            (
                "Russia backed Assad during Syria’s 14-year civil war.",
                "after more than a decade of civil war",
                vec![("14-year", "more than a decade", DiscrepancyKind::Quantity)],
            ),
            (
                "after a previous trip in October.",
                "the first in mid-October, since late January 2025",
                vec![("October", "mid-October", DiscrepancyKind::Date)],
            ),
            (
                "The ceasefire was extended by 15 days.",
                "The ceasefire was extended by 20 days.",
                vec![("15 days", "20 days", DiscrepancyKind::Quantity)],
            ),
            (
                "They met on Wednesday in 2024.",
                "They met on Wednesday in 2024.",
                vec![],
            ),
            ("2 bases remain.", "2 bases remain.", vec![]),
            ("It lasted 15 days.", "It lasted four months.", vec![]),
        ];
        for (left, right, expected) in table {
            let expected: Vec<(String, String, DiscrepancyKind)> = expected
                .into_iter()
                .map(|(l, r, k)| (l.to_string(), r.to_string(), k))
                .collect();
            assert_eq!(found(left, right), expected, "{left} / {right}");
        }
    }
}
