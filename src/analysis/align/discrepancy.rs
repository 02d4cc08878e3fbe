//! Possible discrepancies inside an aligned sentence pair: numbers, dates, quantities and names
//! that differ between the two sides ("14-year" vs "more than a decade", "October" vs
//! "mid-October"). Flags for a reader to check, not verdicts.

use super::figures::{format_number, DateParts, Figure, FigureValue, Qualifier};
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

/// The possible discrepancies between two aligned sentences, given each one's article text.
pub fn discrepancies(
    left: &SentenceTerms,
    left_text: &str,
    right: &SentenceTerms,
    right_text: &str,
) -> Vec<Discrepancy> {
    let mut found = Vec::new();
    for l in &left.figures {
        if right.figures.iter().any(|r| same_figure(l, r)) {
            continue;
        }
        for r in &right.figures {
            if right_has_match(left, r) {
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
    found.extend(name_differences(left, left_text, right, right_text));
    found
}

fn right_has_match(left: &SentenceTerms, r: &Figure) -> bool {
    left.figures.iter().any(|l| same_figure(l, r))
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
            // "15 days" and "four months" are likely different spans of time, not one misreported.
            let same_scale = lu == ru || (ly.is_none() || ry.is_none());
            if !same_scale {
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
