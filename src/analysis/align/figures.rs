//! Numbers, dates and quantities in a sentence: "15 days", "14-year", "more than a decade",
//! "mid-October", "December 8, 2024", "Wednesday". Each becomes terms for alignment and a
//! `Figure` that discrepancy checks compare. Rules over word tokens; no I/O.

use super::tokens::Token;
use crate::text::ByteSpan;
use serde::{Deserialize, Serialize};

/// One number, date or quantity as written.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// From the first to the last token, qualifier included ("more than a decade").
    pub span: ByteSpan,
    pub value: FigureValue,
    pub qualifier: Qualifier,
}

/// What a figure says.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum FigureValue {
    /// A length of time in years ("14-year", "a decade" = 10, "four months" = 1/3); `None` for
    /// an unspecified number of them ("decades").
    Duration { years: Option<f64>, unit: TimeUnit },
    /// A count of something: "15 days" is a duration, "thousands of fighters" or "2 bases" a count.
    Count { value: f64, unit: String },
    /// A calendar date, any part of which may be missing.
    Date(DateParts),
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TimeUnit {
    Day,
    Week,
    Month,
    Year,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateParts {
    pub year: Option<u16>,
    /// 1–12.
    pub month: Option<u8>,
    pub day: Option<u8>,
    /// 0 = Monday.
    pub weekday: Option<u8>,
}

/// How exact a figure is.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Qualifier {
    Exact,
    /// "about", "some", "nearly", "around".
    Approximate,
    /// "more than", "over", "at least".
    AtLeast,
    /// "less than", "under", "up to".
    AtMost,
    /// "mid-", "early", "late": part of a month or year.
    PartOf,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
const NUMBER_WORDS: [(&str, f64); 24] = [
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("fifteen", 15.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("hundred", 100.0),
    ("hundreds", 100.0),
    ("thousand", 1000.0),
    ("thousands", 1000.0),
    ("million", 1e6),
    ("millions", 1e6),
    ("dozen", 12.0),
    ("dozens", 12.0),
];

impl Figure {
    /// The terms a figure contributes to its sentence: `d:` date parts, `n:` numbers.
    pub fn terms(&self) -> Vec<String> {
        match &self.value {
            FigureValue::Date(date) => {
                let mut terms = Vec::new();
                if let Some(y) = date.year {
                    terms.push(format!("d:{y}"));
                }
                if let Some(m) = date.month {
                    terms.push(format!("d:{}", MONTHS[m as usize - 1]));
                }
                if let Some(w) = date.weekday {
                    terms.push(format!("d:{}", WEEKDAYS[w as usize]));
                }
                terms
            }
            FigureValue::Duration {
                years: Some(years),
                unit,
            } => vec![format!("n:{}", format_number(years / unit.in_years()))],
            FigureValue::Duration { years: None, .. } => Vec::new(),
            FigureValue::Count { value, .. } => vec![format!("n:{}", format_number(*value))],
        }
    }
}

impl TimeUnit {
    pub fn in_years(self) -> f64 {
        match self {
            TimeUnit::Day => 1.0 / 365.0,
            TimeUnit::Week => 7.0 / 365.0,
            TimeUnit::Month => 1.0 / 12.0,
            TimeUnit::Year => 1.0,
        }
    }
}

pub fn format_number(value: f64) -> String {
    if (value - value.round()).abs() < 1e-6 * value.abs().max(1.0) {
        format!("{}", value.round() as i64)
    } else {
        format!("{value:.2}")
    }
}

/// The figures among a sentence's tokens, and which tokens they consumed (qualifiers, numbers and
/// date words; unit words stay for the word terms).
pub fn find_figures(tokens: &[Token]) -> (Vec<Figure>, Vec<bool>) {
    let mut used = vec![false; tokens.len()];
    let mut figures = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let found = date_at(tokens, i).or_else(|| quantity_at(tokens, i));
        match found {
            Some((figure, first, last, consumed_to)) => {
                for flag in &mut used[first..consumed_to] {
                    *flag = true;
                }
                figures.push(Figure {
                    span: ByteSpan::new(tokens[first].span.start, tokens[last].span.end),
                    ..figure
                });
                i = consumed_to.max(i + 1);
            }
            None => i += 1,
        }
    }
    (figures, used)
}

/// (figure, first token, last token, end of consumed tokens).
type Found = (Figure, usize, usize, usize);

fn date_at(tokens: &[Token], i: usize) -> Option<Found> {
    let word = tokens[i].folded.as_str();
    if let Some(w) = WEEKDAYS.iter().position(|&d| d == word) {
        let date = DateParts {
            weekday: Some(w as u8),
            ..DateParts::default()
        };
        return Some((
            figure(FigureValue::Date(date), Qualifier::Exact),
            i,
            i,
            i + 1,
        ));
    }
    let month = month_number(tokens, i);
    let year = year_number(&tokens[i].folded);
    if month.is_none() && year.is_none() {
        return None;
    }
    let (qualifier, mut first) = date_qualifier(tokens, i);
    let mut date = DateParts::default();
    let mut last = i;
    if let Some(m) = month {
        date.month = Some(m);
        if let Some(day) = tokens.get(i + 1).and_then(|t| day_number(&t.folded)) {
            date.day = Some(day);
            last = i + 1;
        } else if let Some(day) = i.checked_sub(1).and_then(|p| day_number(&tokens[p].folded)) {
            if first == i {
                date.day = Some(day);
                first = i - 1;
            }
        }
        if let Some(y) = tokens.get(last + 1).and_then(|t| year_number(&t.folded)) {
            date.year = Some(y);
            last += 1;
        }
    } else {
        date.year = year;
    }
    Some((
        figure(FigureValue::Date(date), qualifier),
        first,
        last,
        last + 1,
    ))
}

fn quantity_at(tokens: &[Token], i: usize) -> Option<Found> {
    let word = tokens[i].folded.as_str();
    let (qualifier, first) = amount_qualifier(tokens, i);
    let before_month = tokens
        .get(i + 1)
        .is_some_and(|_| month_number(tokens, i + 1).is_some());
    if let Some(value) = number_value(word).filter(|_| !before_month) {
        let unit_word = tokens.get(i + 1).map(|t| t.folded.as_str()).unwrap_or("");
        let value_figure = match time_unit(unit_word) {
            Some((unit, factor)) => FigureValue::Duration {
                years: Some(value * factor * unit.in_years()),
                unit,
            },
            None => FigureValue::Count {
                value,
                unit: unit_stem(unit_word),
            },
        };
        let last = if time_unit(unit_word).is_some() {
            i + 1
        } else {
            i
        };
        return Some((figure(value_figure, qualifier), first, last, i + 1));
    }
    // "a decade", "more than a year", "decades".
    let (unit, factor) = time_unit(word)?;
    let after_article = i > 0 && matches!(tokens[i - 1].folded.as_str(), "a" | "an");
    let plural_of_tens = word == "decades";
    if !after_article && !plural_of_tens {
        return None;
    }
    let years = after_article.then(|| factor * unit.in_years());
    let (qualifier, first) = if after_article {
        amount_qualifier(tokens, i - 1)
    } else {
        (Qualifier::Approximate, i)
    };
    let value = FigureValue::Duration { years, unit };
    Some((figure(value, qualifier), first, i, i))
}

fn figure(value: FigureValue, qualifier: Qualifier) -> Figure {
    Figure {
        span: ByteSpan::default(),
        value,
        qualifier,
    }
}

fn month_number(tokens: &[Token], i: usize) -> Option<u8> {
    let word = tokens[i].folded.as_str();
    let m = MONTHS.iter().position(|&m| m == word)? as u8 + 1;
    // "may" is a month only with a capital and a day or year beside it.
    if word == "may" {
        let capital = tokens[i].text.starts_with('M');
        let beside = |t: Option<&Token>| {
            t.is_some_and(|t| day_number(&t.folded).is_some() || year_number(&t.folded).is_some())
        };
        let near = beside(tokens.get(i + 1)) || beside(i.checked_sub(1).map(|p| &tokens[p]));
        if !(capital && near) {
            return None;
        }
    }
    Some(m)
}

fn year_number(word: &str) -> Option<u16> {
    if word.len() != 4 || !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: u16 = word.parse().ok()?;
    (1900..=2100).contains(&y).then_some(y)
}

fn day_number(word: &str) -> Option<u8> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let d: u8 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

fn number_value(word: &str) -> Option<f64> {
    if word.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
        if year_number(word).is_some() {
            return None;
        }
        let plain: String = word.chars().filter(|&c| c != ',').collect();
        return plain.parse().ok();
    }
    NUMBER_WORDS
        .iter()
        .find(|(w, _)| *w == word)
        .map(|&(_, v)| v)
}

fn time_unit(word: &str) -> Option<(TimeUnit, f64)> {
    Some(match word {
        "day" | "days" => (TimeUnit::Day, 1.0),
        "week" | "weeks" => (TimeUnit::Week, 1.0),
        "month" | "months" => (TimeUnit::Month, 1.0),
        "year" | "years" => (TimeUnit::Year, 1.0),
        "decade" | "decades" => (TimeUnit::Year, 10.0),
        _ => return None,
    })
}

fn unit_stem(word: &str) -> String {
    if word.is_empty() || !word.chars().all(char::is_alphabetic) {
        return String::new();
    }
    word.strip_suffix('s').unwrap_or(word).to_string()
}

/// "mid-October", "late 2019", "early January": the qualifier token just before.
fn date_qualifier(tokens: &[Token], i: usize) -> (Qualifier, usize) {
    match i.checked_sub(1).map(|p| tokens[p].folded.as_str()) {
        Some("mid" | "early" | "late" | "end") => (Qualifier::PartOf, i - 1),
        _ => (Qualifier::Exact, i),
    }
}

/// "more than", "over", "about", "at least"… before a number.
fn amount_qualifier(tokens: &[Token], i: usize) -> (Qualifier, usize) {
    let word = |k: usize| i.checked_sub(k).map(|p| tokens[p].folded.as_str());
    match (word(2), word(1)) {
        (Some("more" | "greater"), Some("than")) => (Qualifier::AtLeast, i - 2),
        (Some("less" | "fewer"), Some("than")) => (Qualifier::AtMost, i - 2),
        (Some("at"), Some("least")) => (Qualifier::AtLeast, i - 2),
        (Some("up"), Some("to")) => (Qualifier::AtMost, i - 2),
        (_, Some("over")) => (Qualifier::AtLeast, i - 1),
        (_, Some("under")) => (Qualifier::AtMost, i - 1),
        (
            _,
            Some("about" | "around" | "nearly" | "almost" | "some" | "roughly" | "approximately"),
        ) => (Qualifier::Approximate, i - 1),
        _ => (Qualifier::Exact, i),
    }
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn figures(text: &str) -> Vec<(String, FigureValue, Qualifier)> {
        let tokens = tokenize(text, ByteSpan::new(0, text.len()));
        find_figures(&tokens)
            .0
            .into_iter()
            .map(|f| (text[f.span.range()].to_string(), f.value, f.qualifier))
            .collect()
    }

    #[test]
    fn durations_exact_and_vague() {
        let found = figures("Syria’s 14-year civil war, after more than a decade of conflict");
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].0, "14-year");
        assert!(matches!(found[0].1, FigureValue::Duration { years: Some(y), .. } if y == 14.0));
        assert_eq!(found[1].0, "more than a decade");
        assert_eq!(found[1].2, Qualifier::AtLeast);
        assert!(matches!(found[1].1, FigureValue::Duration { years: Some(y), .. } if y == 10.0));
    }

    #[test]
    fn dates_with_their_precision() {
        let found =
            figures("in mid-October, on December 8, 2024, since late 2019 and on Wednesday");
        let texts: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
        assert_eq!(
            texts,
            ["mid-October", "December 8, 2024", "late 2019", "Wednesday"]
        );
        assert_eq!(found[0].2, Qualifier::PartOf);
        assert_eq!(
            found[1].1,
            FigureValue::Date(DateParts {
                year: Some(2024),
                month: Some(12),
                day: Some(8),
                weekday: None
            })
        );
    }

    #[test]
    fn counts_keep_their_unit() {
        let found =
            figures("extended by 15 days; two leaders; thousands of fighters; 1,200 troops");
        assert!(
            matches!(&found[0].1, FigureValue::Duration { years: Some(y), unit: TimeUnit::Day } if (*y * 365.0 - 15.0).abs() < 1e-6)
        );
        assert_eq!(
            found[1].1,
            FigureValue::Count {
                value: 2.0,
                unit: "leader".into()
            }
        );
        assert_eq!(
            found[3].1,
            FigureValue::Count {
                value: 1200.0,
                unit: "troop".into()
            }
        );
    }

    #[test]
    fn may_the_verb_is_no_month() {
        assert!(figures("Moscow may withdraw").is_empty());
        assert_eq!(figures("on May 3").len(), 1);
    }
}
