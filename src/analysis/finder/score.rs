//! The skim V2 score without the matched positions: the same affine-gap recurrence as
//! `fuzzy_matcher::skim::SkimMatcherV2::fuzzy_indices`, with the same constants and character
//! classes, over bytes when the text is ASCII and without allocating per call.
//!
//! Why a copy: SkimMatcherV2 costs about 2–3 µs per 150-character sentence (it collects the
//! text into a `Vec<char>` and fills a 24-byte cell per pattern character per text character),
//! far too slow to rank 100,000 candidates per keystroke. This gives the identical number
//! (a property test holds it to SkimMatcherV2's own), several times faster, so ranking is exact;
//! SkimMatcherV2 itself then scores the top results and gives their positions.
//!
//! Note: a SkimMatcherV2 reuses its score matrix between calls on a thread without clearing
//! it, and reads a consecutive-match bonus from cells the current call has not written, so its
//! score for a text can depend on what it scored before (and `use_cache(false)` panics in
//! 0.3.7). The finder scores with a fresh matcher, whose matrix starts cleared; that is what
//! this reproduces.

/// `SkimScoreConfig::default()`.
const SCORE_MATCH: i32 = 16;
const GAP_START: i32 = -3;
const GAP_EXTENSION: i32 = -1;
const FIRST_CHAR_MULTIPLIER: i32 = 2;
const BONUS_HEAD: i32 = SCORE_MATCH / 2;
const BONUS_BREAK: i32 = SCORE_MATCH / 2 + GAP_EXTENSION;
const BONUS_CAMEL: i32 = SCORE_MATCH / 2 + 2 * GAP_EXTENSION;
const BONUS_CONSECUTIVE: i32 = -(GAP_START + GAP_EXTENSION);
const PENALTY_CASE_MISMATCH: i32 = GAP_EXTENSION * 2;
const NEG_INFINITY: i32 = i16::MIN as i32;

/// skim's character classes (`CharType`): only ASCII is told apart; every other character
/// counts as lower case.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(super) enum CharClass {
    Empty,
    Upper,
    Lower,
    Number,
    HardSep,
    SoftSep,
}

#[inline]
fn class_of(c: char) -> CharClass {
    match c {
        '\0' => CharClass::Empty,
        ' ' | '/' | '\\' | '|' | '(' | ')' | '[' | ']' | '{' | '}' => CharClass::HardSep,
        '!'..='\'' | '*'..='.' | ':'..='@' | '^'..='`' | '~' => CharClass::SoftSep,
        '0'..='9' => CharClass::Number,
        'A'..='Z' => CharClass::Upper,
        _ => CharClass::Lower,
    }
}

/// skim's in-place bonus of a character after `prev`.
#[inline]
fn in_place_bonus(prev: CharClass, cur: CharClass) -> i32 {
    match (prev, cur) {
        (CharClass::Empty, _) | (CharClass::HardSep, _) => BONUS_HEAD,
        (CharClass::SoftSep, _) => BONUS_BREAK,
        (CharClass::Lower, CharClass::Upper) | (CharClass::Number, CharClass::Upper) => BONUS_CAMEL,
        _ => 0,
    }
}

/// A character of text or pattern: a byte of ASCII text, or a `char`.
pub(super) trait Symbol: Copy + Eq {
    fn class(self) -> CharClass;
    fn eq_ignore_ascii_case(self, other: Self) -> bool;
}

impl Symbol for u8 {
    fn class(self) -> CharClass {
        class_of(self as char)
    }
    fn eq_ignore_ascii_case(self, other: u8) -> bool {
        u8::eq_ignore_ascii_case(&self, &other)
    }
}

impl Symbol for char {
    fn class(self) -> CharClass {
        class_of(self)
    }
    fn eq_ignore_ascii_case(self, other: char) -> bool {
        char::eq_ignore_ascii_case(&self, &other)
    }
}

/// Reusable rows of the score matrix (two rows suffice for the score alone).
#[derive(Default)]
pub(super) struct ScoreRows {
    prev_m: Vec<i32>,
    prev_p: Vec<i32>,
    cur_m: Vec<i32>,
    cur_p: Vec<i32>,
    bonus: Vec<i32>,
}

/// skim's greedy first match of each pattern character (`cheap_matches`), or `None` when the
/// pattern is not a subsequence of the text.
pub(super) fn first_matches<S: Symbol>(
    choice: &[S],
    pattern: &[S],
    case_sensitive: bool,
    out: &mut Vec<u32>,
) -> bool {
    out.clear();
    let mut pattern_chars = pattern.iter().peekable();
    for (i, &c) in choice.iter().enumerate() {
        let Some(&&p) = pattern_chars.peek() else {
            break;
        };
        if equal(c, p, case_sensitive) {
            out.push(i as u32);
            pattern_chars.next();
        }
    }
    pattern_chars.peek().is_none()
}

fn equal<S: Symbol>(c: S, p: S, case_sensitive: bool) -> bool {
    if case_sensitive {
        c == p
    } else {
        c.eq_ignore_ascii_case(p)
    }
}

/// The score a fresh SkimMatcherV2 gives `pattern` against `choice`, given the greedy
/// first matches (`first`, one per pattern character, from [`first_matches`] or an equivalent).
pub(super) fn skim_score<S: Symbol>(
    choice: &[S],
    pattern: &[S],
    first: &[u32],
    case_sensitive: bool,
    rows: &mut ScoreRows,
) -> i32 {
    if pattern.is_empty() {
        return 0;
    }
    let cols = choice.len() + 1;
    for row in [
        &mut rows.prev_m,
        &mut rows.prev_p,
        &mut rows.cur_m,
        &mut rows.cur_p,
        &mut rows.bonus,
    ] {
        if row.len() < cols {
            row.resize(cols, 0);
        }
    }
    let start = first[0] as usize;
    let mut prev_class = match start {
        0 => CharClass::Empty,
        _ => choice[start - 1].class(),
    };
    for col in start + 1..cols {
        let class = choice[col - 1].class();
        rows.bonus[col] = in_place_bonus(prev_class, class);
        prev_class = class;
    }
    if start == 0 && cols > 1 {
        rows.bonus[1] *= FIRST_CHAR_MULTIPLIER;
    }
    // Row 0: nothing matched yet, a gap already open.
    rows.prev_m[start..cols].fill(NEG_INFINITY);
    rows.prev_p[start..cols].fill(GAP_EXTENSION);

    for (i, &p) in pattern.iter().enumerate() {
        let skip = first[i] as usize;
        let (prev_m, prev_p) = (&rows.prev_m, &rows.prev_p);
        let (cur_m, cur_p) = (&mut rows.cur_m, &mut rows.cur_p);
        cur_m[skip] = NEG_INFINITY;
        cur_p[skip] = NEG_INFINITY;
        let mut last_m = NEG_INFINITY;
        let mut last_p = NEG_INFINITY;
        for col in skip + 1..cols {
            let c = choice[col - 1];
            let m = if equal(c, p, case_sensitive) {
                let matched = match !case_sensitive && c != p {
                    true => SCORE_MATCH + PENALTY_CASE_MISMATCH,
                    false => SCORE_MATCH,
                };
                let bonus = rows.bonus[col];
                let by_match = prev_m[col - 1] + bonus.max(BONUS_CONSECUTIVE);
                let by_skip = prev_p[col - 1] + bonus;
                by_match.max(by_skip) + matched
            } else {
                NEG_INFINITY
            };
            let p_score = (GAP_START + GAP_EXTENSION + last_m).max(GAP_EXTENSION + last_p);
            cur_m[col] = m;
            cur_p[col] = p_score;
            last_m = m;
            last_p = p_score;
        }
        std::mem::swap(&mut rows.prev_m, &mut rows.cur_m);
        std::mem::swap(&mut rows.prev_p, &mut rows.cur_p);
    }
    let last = first[pattern.len() - 1] as usize;
    rows.prev_m[last..cols]
        .iter()
        .copied()
        .max()
        .unwrap_or(NEG_INFINITY)
}

/// The in-place bonus of each byte of ASCII text (the first as after the start of the text,
/// not yet doubled): computed once per candidate at index build, so scoring only reads it.
pub(super) fn ascii_bonuses(text: &[u8], out: &mut Vec<u8>) {
    let mut prev = CharClass::Empty;
    out.extend(text.iter().map(|&b| {
        let class = class_of(b as char);
        let bonus = in_place_bonus(prev, class);
        prev = class;
        bonus as u8
    }));
}

mod chain;
mod sparse;

pub(super) use chain::{
    chain_applies, chain_bound_ascii, chain_start_bound, upper_bits, ChainBound, ChainRows,
    MOST_ADDED_BY_A_BYTE, MOST_FOR_A_FIRST_BYTE,
};
pub(super) use sparse::{
    skim_bound_ascii, skim_score_ascii, AsciiText, Occurrences, SparseRows, BONUS_CLASSES,
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::finder::masks::ByteMasks;
    use fuzzy_matcher::skim::SkimMatcherV2;
    use fuzzy_matcher::FuzzyMatcher;
    use proptest::prelude::*;

    fn ours(choice: &str, pattern: &str) -> Option<i64> {
        let case_sensitive = pattern.chars().any(|c| c.is_ascii_uppercase());
        let choice: Vec<char> = choice.chars().collect();
        let pattern: Vec<char> = pattern.chars().collect();
        let mut first = Vec::new();
        let mut rows = ScoreRows::default();
        first_matches(&choice, &pattern, case_sensitive, &mut first)
            .then(|| skim_score(&choice, &pattern, &first, case_sensitive, &mut rows) as i64)
    }

    fn ours_ascii(choice: &str, pattern: &str) -> Option<i64> {
        let case_sensitive = pattern.chars().any(|c| c.is_ascii_uppercase());
        let mut first = Vec::new();
        let mut rows = ScoreRows::default();
        let (choice, pattern) = (choice.as_bytes(), pattern.as_bytes());
        if !first_matches(choice, pattern, case_sensitive, &mut first) {
            return None;
        }
        let generic = skim_score(choice, pattern, &first, case_sensitive, &mut rows) as i64;
        let mut bonus = Vec::new();
        ascii_bonuses(choice, &mut bonus);
        let last = last_matches(choice, pattern, case_sensitive);
        let needles: Vec<(u8, u8)> = pattern
            .iter()
            .map(|&p| match case_sensitive {
                true => (p, p),
                false => (p.to_ascii_lowercase(), p.to_ascii_uppercase()),
            })
            .collect();
        let needle_of: Vec<u16> = (0..pattern.len() as u16).collect();
        let mut masks = ByteMasks::default();
        masks.build(choice, &needles);
        let fast = skim_score_ascii(
            AsciiText {
                bytes: choice,
                bonus: &bonus,
            },
            pattern,
            Occurrences {
                masks: &masks,
                needle_of: &needle_of,
                first: &first,
                last: &last,
            },
            case_sensitive,
            &mut SparseRows::default(),
        );
        assert_eq!(generic, fast as i64);
        let mut classes = ByteMasks::default();
        classes.build(&bonus, &BONUS_CLASSES);
        let occurrences = Occurrences {
            masks: &masks,
            needle_of: &needle_of,
            first: &first,
            last: &last,
        };
        let bound = skim_bound_ascii(
            occurrences,
            [classes.row(0), classes.row(1), classes.row(2)],
        );
        assert!(bound as i64 >= generic, "bound {bound} < score {generic}");
        if pattern.iter().all(u8::is_ascii_alphanumeric) && chain_applies(classes.row(2)) {
            let mut upper = Vec::new();
            upper_bits(choice, &mut upper);
            let rows = ChainRows {
                head: classes.row(0),
                brk: classes.row(1),
                upper: (!case_sensitive).then_some(upper.as_slice()),
            };
            let chain = chain_bound_ascii(&masks, &needle_of, rows, i64::MAX);
            for most in 0..16 {
                let told = chain_bound_ascii(&masks, &needle_of, rows, most);
                assert!(
                    told.bound as i64 >= generic && told.bound >= chain.bound,
                    "chain bound telling losses up to {most} {told:?} < score {generic}"
                );
                assert!(
                    !told.exact || told == chain,
                    "{told:?} said exact, {chain:?}"
                );
            }
            let start = chain_start_bound(&masks, &needle_of, rows);
            assert!(
                start >= chain.bound,
                "start bound {start} < chain bound {chain:?}"
            );
            assert!(
                chain.bound as i64 >= generic,
                "chain bound {chain:?} < score {generic}"
            );
            assert!(
                !chain.exact || chain.bound as i64 == generic,
                "chain bound {chain:?} said exact, score {generic}"
            );
        }
        Some(generic)
    }

    /// The latest match of each pattern byte that leaves room for the rest.
    fn last_matches(choice: &[u8], pattern: &[u8], case_sensitive: bool) -> Vec<u32> {
        let mut last = vec![0u32; pattern.len()];
        let mut end = choice.len();
        for i in (0..pattern.len()).rev() {
            let at = (0..end)
                .rev()
                .find(|&j| equal(choice[j], pattern[i], case_sensitive))
                .unwrap();
            last[i] = at as u32;
            end = at;
        }
        last
    }

    fn skim(choice: &str, pattern: &str) -> Option<i64> {
        // A fresh matcher each time: see the module note on its cache.
        let matcher = SkimMatcherV2::default().smart_case();
        matcher.fuzzy_indices(choice, pattern).map(|(s, _)| s)
    }

    #[test]
    fn same_scores_as_skim_on_news_text() {
        let texts = [
            "Syrian leader meets Putin in Moscow amid talks on Russia's military presence",
            "National Herald",
            "Ahmad al-Sharaa",
            "the Hmeimim air base and the Tartous naval facility",
            "HTTP/2 server-side (v1.2) FooBar_baz",
        ];
        let patterns = [
            "p",
            "put",
            "nat her",
            "natherald",
            "alsharaa",
            "HTTP",
            "bb",
            "a",
        ];
        for text in texts {
            for pattern in patterns {
                assert_eq!(
                    ours(text, pattern),
                    skim(text, pattern),
                    "{text} / {pattern}"
                );
                assert_eq!(
                    ours_ascii(text, pattern),
                    skim(text, pattern),
                    "{text} / {pattern}"
                );
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn same_scores_as_skim_on_any_ascii(
            text in "[a-dA-D .\\-/_0-9(]{0,40}",
            pattern in "[a-dA-D .0-9]{1,5}",
        ) {
            prop_assert_eq!(ours_ascii(&text, &pattern), skim(&text, &pattern));
        }

        #[test]
        fn same_scores_as_skim_on_text_without_humps(
            text in "[a-d .\\-/_0-9(]{0,150}",
            pattern in "[a-dA-D0-9]{1,6}",
        ) {
            prop_assert_eq!(ours_ascii(&text, &pattern), skim(&text, &pattern));
        }

        /// What narrowing by a previous query's bounds relies on (`lookup::added_at_most`):
        /// over a text with no camel hump, a letter or digit appended to an alphanumeric term
        /// adds at most `MOST_ADDED_BY_A_BYTE`, and a term scores at most
        /// `MOST_FOR_A_FIRST_BYTE` for its first byte and `MOST_ADDED_BY_A_BYTE` for each after.
        #[test]
        fn an_appended_byte_adds_at_most_its_share(
            text in "(([A-D]?[a-d]{1,5}|[0-9]{1,3})[ .\\-]{1,2}){0,30}|[a-d .\\-/_0-9(]{0,150}",
            term in "[a-dA-D0-9]{1,5}",
            more in "[a-d0-9]",
        ) {
            let mut bonus = Vec::new();
            ascii_bonuses(text.as_bytes(), &mut bonus);
            prop_assume!(!bonus.contains(&(BONUS_CAMEL as u8)));
            if let Some(score) = skim(&text, &term) {
                let most = MOST_FOR_A_FIRST_BYTE + (term.len() as i32 - 1) * MOST_ADDED_BY_A_BYTE;
                prop_assert!(score <= most as i64, "{score} > {most}");
                if let Some(longer) = skim(&text, &format!("{term}{more}")) {
                    prop_assert!(longer <= score + MOST_ADDED_BY_A_BYTE as i64);
                }
            }
        }

        #[test]
        fn same_scores_as_skim_on_words(
            text in "(([A-D]?[a-d]{1,5}|[0-9]{1,3})[ .\\-]{1,2}){0,70}",
            pattern in "[a-dA-D0-9]{1,6}",
        ) {
            prop_assert_eq!(ours_ascii(&text, &pattern), skim(&text, &pattern));
        }

        #[test]
        fn same_scores_as_skim_on_any_text(
            text in "[a-cA-Cé’ ._\\-東]{0,30}",
            pattern in "[a-cA-Cé東 ]{1,4}",
        ) {
            prop_assert_eq!(ours(&text, &pattern), skim(&text, &pattern));
        }
    }
}
