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

const FORBIDDEN: i64 = i64::MIN / 4;
/// Any score above this came through allowed transitions only (one forbidden step costs
/// `FORBIDDEN`; two still fit in an `i64`).
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

/// The highest-scoring well-formed tag sequence.
pub fn best_tags(emissions: &[TagScores], transitions: &Transitions) -> Vec<Tag> {
    let count = emissions.len();
    if count == 0 {
        return Vec::new();
    }
    // Forbidden transitions folded into the scores once, so the inner loop is a plain
    // add-and-compare: a path through one is at least `FORBIDDEN` below any real path (whose
    // scores stay within a few times 10^13), and is recognised as forbidden by `REACHABLE`.
    let mut between = [[FORBIDDEN; TAG_COUNT]; TAG_COUNT];
    for (previous, row) in between.iter_mut().enumerate() {
        for (next, cell) in row.iter_mut().enumerate() {
            if ALLOWED[previous][next] {
                *cell = transitions.between[previous][next] as i64;
            }
        }
    }
    let mut scores = vec![[FORBIDDEN; TAG_COUNT]; count];
    let mut back = vec![[0u8; TAG_COUNT]; count];
    for tag in 0..TAG_COUNT {
        if !Tag(tag as u8).is_continuation() {
            scores[0][tag] = transitions.start[tag] as i64 + emissions[0][tag] as i64;
        }
    }
    for index in 1..count {
        let previous_scores = scores[index - 1];
        for next in 0..TAG_COUNT {
            let mut best = i64::MIN;
            let mut best_previous = 0;
            for (previous, &from) in previous_scores.iter().enumerate() {
                let score = from + between[previous][next];
                if score > best {
                    best = score;
                    best_previous = previous;
                }
            }
            if best > REACHABLE {
                scores[index][next] = best + emissions[index][next] as i64;
                back[index][next] = best_previous as u8;
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
