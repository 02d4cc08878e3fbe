//! Best BILOU tag sequence under first-order transitions, with ill-formed transitions
//! (O → I-PER, B-LOC → O, …) forbidden outright.

use super::tag::{Tag, TAG_COUNT};
use std::sync::LazyLock;

/// Scores of one token for every tag.
pub type TagScores = [i32; TAG_COUNT];

/// Transition scores `[previous][next]`, plus the score of each tag starting a sentence.
pub struct Transitions<'a> {
    pub between: &'a [[i32; TAG_COUNT]; TAG_COUNT],
    pub start: &'a [i32; TAG_COUNT],
}

/// The score of a tag no well-formed path reaches (forbidden transitions are never tried).
const FORBIDDEN: i64 = i64::MIN / 4;
/// Any score above this came through allowed transitions from a reachable tag: real scores
/// stay within a few times 10^13 of zero, far above it.
const REACHABLE: i64 = FORBIDDEN / 2;

/// `ALLOWED[previous][next]`: whether BILOU lets `next` follow `previous`.
static ALLOWED: LazyLock<[[bool; TAG_COUNT]; TAG_COUNT]> = LazyLock::new(|| {
    let mut allowed = [[false; TAG_COUNT]; TAG_COUNT];
    for (previous, row) in allowed.iter_mut().enumerate() {
        for (next, cell) in row.iter_mut().enumerate() {
            *cell = Tag(previous as u8).may_precede(Tag(next as u8));
        }
    }
    allowed
});

/// For each tag, the tags BILOU lets precede it, in increasing order: nine for a tag that
/// starts something (O, B, U), two for one that continues an entity (I, L). Looping over these
/// instead of all seventeen makes decoding three times cheaper.
static PRECEDING: LazyLock<[Vec<usize>; TAG_COUNT]> = LazyLock::new(|| {
    std::array::from_fn(|next| {
        (0..TAG_COUNT)
            .filter(|&previous| ALLOWED[previous][next])
            .collect()
    })
});

/// The highest-scoring well-formed tag sequence.
pub fn best_tags(emissions: &[TagScores], transitions: &Transitions) -> Vec<Tag> {
    let count = emissions.len();
    if count == 0 {
        return Vec::new();
    }
    // Scores start at `FORBIDDEN`: a tag reachable only through an unreachable one stays below
    // `REACHABLE` and is never chosen.
    let mut scores = vec![[FORBIDDEN; TAG_COUNT]; count];
    let mut back = vec![[0u8; TAG_COUNT]; count];
    for tag in 0..TAG_COUNT {
        if !Tag(tag as u8).is_continuation() {
            scores[0][tag] = transitions.start[tag] as i64 + emissions[0][tag] as i64;
        }
    }
    // Each tag's allowed predecessors with their transition score, gathered once per sentence.
    let options: [Vec<(usize, i64)>; TAG_COUNT] = std::array::from_fn(|next| {
        PRECEDING[next]
            .iter()
            .map(|&previous| (previous, transitions.between[previous][next] as i64))
            .collect()
    });
    for index in 1..count {
        let previous_scores = scores[index - 1];
        let emission = &emissions[index];
        let (row, back_row) = (&mut scores[index], &mut back[index]);
        for (next, options) in options.iter().enumerate() {
            let mut best = i64::MIN;
            let mut best_previous = 0;
            for &(previous, transition) in options {
                let score = previous_scores[previous] + transition;
                let better = score > best;
                best = if better { score } else { best };
                best_previous = if better { previous } else { best_previous };
            }
            if best > REACHABLE {
                row[next] = best + emission[next] as i64;
                back_row[next] = best_previous as u8;
            }
        }
    }
    let last = &scores[count - 1];
    let mut tag = (0..TAG_COUNT)
        .filter(|&t| !Tag(t as u8).is_open())
        .max_by_key(|&t| (last[t], std::cmp::Reverse(t)))
        .unwrap_or(0);
    let mut tags = vec![Tag::OUTSIDE; count];
    for index in (0..count).rev() {
        tags[index] = Tag(tag as u8);
        tag = back[index][tag] as usize;
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::ner::tag::{NerLabel, Position};

    /// The sequence a search over every tag path of a short sentence finds best, ties broken
    /// towards the smaller tag index at the first differing position from the end.
    fn exhaustive(emissions: &[TagScores], transitions: &Transitions) -> Option<Vec<Tag>> {
        let count = emissions.len();
        let mut best: Option<(i64, Vec<usize>)> = None;
        let mut path = vec![0usize; count];
        loop {
            let well_formed = !Tag(path[0] as u8).is_continuation()
                && path.windows(2).all(|w| ALLOWED[w[0]][w[1]])
                && !Tag(path[count - 1] as u8).is_open();
            if well_formed {
                let mut score = transitions.start[path[0]] as i64 + emissions[0][path[0]] as i64;
                for i in 1..count {
                    score += transitions.between[path[i - 1]][path[i]] as i64
                        + emissions[i][path[i]] as i64;
                }
                if best.as_ref().is_none_or(|(b, _)| score > *b) {
                    best = Some((score, path.clone()));
                }
            }
            let mut i = 0;
            loop {
                if i == count {
                    return best.map(|(_, p)| p.into_iter().map(|t| Tag(t as u8)).collect());
                }
                path[i] += 1;
                if path[i] < TAG_COUNT {
                    break;
                }
                path[i] = 0;
                i += 1;
            }
        }
    }

    fn score_of(tags: &[Tag], emissions: &[TagScores], transitions: &Transitions) -> i64 {
        let mut score =
            transitions.start[tags[0].index()] as i64 + emissions[0][tags[0].index()] as i64;
        for i in 1..tags.len() {
            score += transitions.between[tags[i - 1].index()][tags[i].index()] as i64
                + emissions[i][tags[i].index()] as i64;
        }
        score
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        /// Decoding over the allowed predecessors only finds a path as good as trying them all.
        #[test]
        fn decoding_finds_the_best_well_formed_path(
            cells in proptest::collection::vec(-50i32..50, 3 * TAG_COUNT),
            between in proptest::collection::vec(-50i32..50, TAG_COUNT * TAG_COUNT),
            start in proptest::collection::vec(-50i32..50, TAG_COUNT),
        ) {
            let emissions: Vec<TagScores> = cells
                .chunks_exact(TAG_COUNT)
                .map(|c| std::array::from_fn(|t| c[t]))
                .collect();
            let between: [[i32; TAG_COUNT]; TAG_COUNT] =
                std::array::from_fn(|p| std::array::from_fn(|n| between[p * TAG_COUNT + n]));
            let start: [i32; TAG_COUNT] = std::array::from_fn(|t| start[t]);
            let transitions = Transitions { between: &between, start: &start };
            let tags = best_tags(&emissions, &transitions);
            let best = exhaustive(&emissions, &transitions).expect("a well-formed path exists");
            proptest::prop_assert!(tags.windows(2).all(|w| w[0].may_precede(w[1])));
            proptest::prop_assert_eq!(
                score_of(&tags, &emissions, &transitions),
                score_of(&best, &emissions, &transitions)
            );
        }
    }

    #[test]
    fn forbidden_transitions_are_never_chosen() {
        let begin = Tag::new(NerLabel::Per, Position::Begin).index();
        let mut emissions = vec![[0; TAG_COUNT]; 2];
        // B-PER is attractive on both tokens, but B-PER B-PER is ill-formed.
        emissions[0][begin] = 10;
        emissions[1][begin] = 10;
        let between = [[0; TAG_COUNT]; TAG_COUNT];
        let start = [0; TAG_COUNT];
        let tags = best_tags(
            &emissions,
            &Transitions {
                between: &between,
                start: &start,
            },
        );
        for pair in tags.windows(2) {
            assert!(pair[0].may_precede(pair[1]));
        }
        assert!(!tags[1].is_open());
    }
}
