//! When two folded names may be spellings of one name: bounded Damerau–Levenshtein distance
//! with guards for what edit distance gets wrong on names (short words, derived words, digits).

/// No edit below this many letters: short names need exact folded equality (Iran/Iraq,
/// Sudan/Sedan, Jordan/Jordon).
const MIN_FUZZY_LEN: usize = 7;

/// Edits allowed between two folded words: about one per six letters, none below seven.
pub(crate) fn edit_budget(len: usize) -> usize {
    if len < MIN_FUZZY_LEN {
        0
    } else {
        len / 6
    }
}

/// The edit distance between two folded words when they may be one word spelt two ways, or
/// `None`. Zero means equal.
pub(crate) fn word_distance(a: &str, b: &str) -> Option<usize> {
    if a == b {
        return Some(0);
    }
    let has_digit = |s: &str| s.bytes().any(|c| c.is_ascii_digit());
    if has_digit(a) || has_digit(b) || a.chars().next() != b.chars().next() {
        return None;
    }
    // One word extending the other is a derived word (Russia/Russian, Niger/Nigeria).
    if a.starts_with(b) || b.starts_with(a) {
        return None;
    }
    let budget = edit_budget(a.chars().count().min(b.chars().count()));
    if budget == 0 {
        return None;
    }
    damerau_levenshtein(a, b, budget)
}

/// The distance between two folded keys, word by word; both must have as many words.
pub(crate) fn key_distance(a: &[String], b: &[String]) -> Option<usize> {
    if a.len() != b.len() {
        return None;
    }
    a.iter()
        .zip(b)
        .try_fold(0, |sum, (x, y)| Some(sum + word_distance(x, y)?))
}

/// Whether two folded first names may name one person, and how far apart they are: equal (0),
/// an initial of the other (1), one vowel apart as in Ahmad/Ahmed (1), or a near spelling.
pub(crate) fn first_name_distance(a: &str, b: &str) -> Option<usize> {
    if a == b {
        return Some(0);
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.chars().count() == 1 {
        return long.starts_with(short).then_some(1);
    }
    if is_vowel_variant(a, b) {
        return Some(1);
    }
    word_distance(a, b)
}

/// Same length (at least four letters), one position different, both letters vowels.
fn is_vowel_variant(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len() != b.len() || a.len() < 4 || a[0] != b[0] {
        return false;
    }
    let vowel = |c: char| "aeiouy".contains(c);
    let mut diffs = a.iter().zip(&b).filter(|(x, y)| x != y);
    matches!((diffs.next(), diffs.next()), (Some((&x, &y)), None) if vowel(x) && vowel(y))
}

/// Optimal-string-alignment Damerau–Levenshtein distance, or `None` when it exceeds `max`.
pub(crate) fn damerau_levenshtein(a: &str, b: &str, max: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let width = b.len() + 1;
    let mut rows = vec![vec![0usize; width]; 3];
    for (j, cell) in rows[1].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        let (prev2, rest) = rows.split_at_mut(1);
        let (prev, current) = rest.split_at_mut(1);
        let (prev2, prev, current) = (&prev2[0], &prev[0], &mut current[0]);
        current[0] = i;
        let mut row_min = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (prev[j] + 1)
                .min(current[j - 1] + 1)
                .min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(prev2[j - 2] + 1);
            }
            current[j] = best;
            row_min = row_min.min(best);
        }
        if row_min > max {
            return None;
        }
        rows.rotate_left(1);
    }
    let distance = rows[1][b.len()];
    (distance <= max).then_some(distance)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn damerau_levenshtein_counts_transpositions_as_one() {
        assert_eq!(damerau_levenshtein("hmeimim", "hmeimim", 2), Some(0));
        assert_eq!(damerau_levenshtein("zelenski", "zelesnki", 2), Some(1));
        assert_eq!(damerau_levenshtein("kitten", "sitting", 3), Some(3));
        assert_eq!(damerau_levenshtein("kitten", "sitting", 2), None);
        assert_eq!(damerau_levenshtein("", "abc", 3), Some(3));
    }

    #[test]
    fn word_distance_table() {
        let table: [(&str, &str, Option<usize>); 10] = [
            ("shara", "shara", Some(0)),
            ("iran", "irak", None),
            ("sudan", "sedan", None),
            ("jordan", "jordon", None),
            ("rusia", "rusian", None),
            ("austria", "australia", None),
            ("bahrain", "bahrein", Some(1)),
            ("zelenski", "zelenskij", None),
            ("kalashnikov", "kalashnikof", Some(1)),
            ("2015", "2019", None),
        ];
        for (a, b, expected) in table {
            assert_eq!(word_distance(a, b), expected, "{a} / {b}");
        }
    }

    #[test]
    fn first_names_table() {
        let table: [(&str, &str, Option<usize>); 7] = [
            ("ahmad", "ahmed", Some(1)),
            ("bashar", "bashar", Some(0)),
            ("hafez", "bashar", None),
            ("v", "vladimir", Some(1)),
            ("b", "vladimir", None),
            ("hafez", "hafiz", Some(1)),
            ("omar", "amer", None),
        ];
        for (a, b, expected) in table {
            assert_eq!(first_name_distance(a, b), expected, "{a} / {b}");
        }
    }

    #[test]
    fn keys_compare_word_by_word() {
        let key = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
        assert_eq!(
            key_distance(
                &key("syrian democratic forces"),
                &key("syrian democratik forces")
            ),
            Some(1)
        );
        assert_eq!(key_distance(&key("north korea"), &key("south korea")), None);
        assert_eq!(key_distance(&key("islamic state"), &key("islamic")), None);
    }
}
