//! The ranking: prefilter every candidate (each term a subsequence of some field's folded
//! text), bound the survivors' skim scores, then score exactly only those whose bounds could
//! reach the best `limit`. The first pass splits the candidates across threads in contiguous
//! runs, so the survivors come back in id order.

mod shared_floor;
mod worker;

use super::index::FinderIndex;
use super::query::Query;
use super::results::NO_BOUND;
use shared_floor::SharedFloor;
use std::collections::BinaryHeap;
use std::ops::Range;
use worker::{Estimated, Pending, Seeded, Worker};

/// Below this many candidates one thread is faster than starting more.
const PARALLEL_FROM: usize = 4096;

/// A candidate's total: the sum of its terms' scores plus its recent boost.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(super) struct Scored {
    pub score: i64,
    pub id: u32,
}

/// Best first; on equal scores the lower id, which is the earlier kind (sources, entities,
/// annotations, sentences), then the earlier candidate.
pub(super) fn best_first(a: &Scored, b: &Scored) -> std::cmp::Ordering {
    b.score.cmp(&a.score).then(a.id.cmp(&b.id))
}

/// The candidates to look at: a run of ids, or the survivors of a previous query with upper
/// bounds of their scores under this one (`NO_BOUND` where none is known; without the recent
/// boost).
#[derive(Clone, Debug)]
pub(super) enum Ids<'a> {
    Run(Range<u32>),
    List(&'a [u32], Bounds<'a>),
}

/// Bounds from a previous query: its bound of each survivor, plus what the query's added
/// characters can add at most (`None`: they tell nothing).
#[derive(Copy, Clone, Debug)]
pub(super) struct Bounds<'a> {
    pub previous: &'a [i32],
    pub added: Option<Added>,
}

/// What the characters a query added to the previous one can add to a candidate's score.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(super) struct Added {
    /// At most this, for any candidate.
    pub most: i32,
    /// Whether they make a new last term: its own cheap chain bound over a candidate is often
    /// well under `most` (a first byte that is at no text's start gains 8 or 16 less).
    pub new_term: bool,
}

impl Ids<'_> {
    pub(super) fn len(&self) -> usize {
        match self {
            Ids::Run(r) => r.len(),
            Ids::List(l, _) => l.len(),
        }
    }

    fn split(&self, parts: usize) -> Vec<Ids<'_>> {
        let chunk = self.len().div_ceil(parts.max(1)).max(1);
        match self {
            Ids::Run(r) => (r.start..r.end)
                .step_by(chunk)
                .map(|s| Ids::Run(s..(s + chunk as u32).min(r.end)))
                .collect(),
            Ids::List(l, b) => l
                .chunks(chunk)
                .zip(b.previous.chunks(chunk))
                .map(|(l, previous)| Ids::List(l, Bounds { previous, ..*b }))
                .collect(),
        }
    }

    /// What this query's added characters can add to a previous bound, if anything is known.
    fn added(&self) -> Option<Added> {
        match self {
            Ids::Run(_) => None,
            Ids::List(_, b) => b.added,
        }
    }

    /// Each id with its bound under this query, if known.
    fn for_each(&self, mut f: impl FnMut(u32, Option<i64>)) {
        match self {
            Ids::Run(r) => r.clone().for_each(|id| f(id, None)),
            Ids::List(l, b) => l.iter().zip(b.previous).for_each(|(&id, &previous)| {
                let bound = match (previous, b.added) {
                    (NO_BOUND, _) | (_, None) => None,
                    (previous, Some(added)) => Some(previous as i64 + added.most as i64),
                };
                f(id, bound)
            }),
        }
    }
}

/// What a pass found: every candidate that matched (ascending ids) with an upper bound of its
/// score without the boost (`NO_BOUND` where none is known), and the best `limit`.
#[derive(Debug, Default)]
pub(super) struct Ranked {
    pub survivors: Vec<u32>,
    pub bounds: Vec<i32>,
    pub top: Vec<Scored>,
}

/// Ranks `ids` against a query with at least one term. `boosts` is sorted by id.
///
/// Two passes, so that no candidate is scored exactly only because better ones come later in
/// corpus order: the first finds every match and its score or, where that is much cheaper, an
/// upper bound (exact for most of the best hits, `score/chain.rs`); the second scores exactly
/// only the bounded matches that could still reach the best `limit`.
///
/// `seeds` (any candidates, typically the previous keystroke's best) are scored exactly
/// first: with `limit` of them matching, the previous query's bounds can rule candidates out
/// from the first one on, before the pass has found a floor of its own.
pub(super) fn rank(
    index: &FinderIndex,
    query: &Query,
    ids: Ids<'_>,
    seeds: &[u32],
    boosts: &[(u32, i64)],
    limit: usize,
    threads: usize,
) -> Ranked {
    let threads = match ids.len() < PARALLEL_FROM {
        true => 1,
        false => threads.max(1),
    };
    let seeded = Seeded::new(Worker::new(index, query, boosts), seeds, limit);
    let parts = ids.split(threads);
    let shared = SharedFloor::new(limit);
    let mut estimated = Estimated::joined(in_parallel(&parts, |part| {
        Worker::new(index, query, boosts).estimate_all(part, limit, &seeded, &shared)
    }));
    let worker = || Worker::new(index, query, boosts);
    let top = match floor_of(&mut estimated.pending, limit) {
        Some(floor) if threads > 1 => score_above(worker, estimated.pending, floor, limit, threads),
        _ => settle(worker(), estimated.pending, limit),
    };
    Ranked {
        survivors: estimated.survivors,
        bounds: estimated.bounds,
        top,
    }
}

/// `f` over every part, each on its own thread but the last, which runs on this one.
pub(super) fn in_parallel<T: Sync, R: Send + Default>(
    parts: &[T],
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let Some((last, rest)) = parts.split_last() else {
        return Vec::new();
    };
    std::thread::scope(|scope| {
        let f = &f;
        let handles: Vec<_> = rest
            .iter()
            .map(|part| scope.spawn(move || f(part)))
            .collect();
        let mine = f(last);
        let mut results: Vec<R> = handles
            .into_iter()
            // A worker only panics on a bug; its share of the results is lost, not the search.
            .map(|h| h.join().unwrap_or_default())
            .collect();
        results.push(mine);
        results
    })
}

/// The `limit`-th best exact score of the first pass, when there are that many: every match
/// whose bound is below it is out of the running.
fn floor_of(pending: &mut [Pending], limit: usize) -> Option<i64> {
    let mut exact: Vec<i64> = pending
        .iter()
        .filter(|p| p.exact)
        .map(|p| p.value)
        .collect();
    if limit == 0 || exact.len() < limit {
        return None;
    }
    Some(*exact.select_nth_unstable_by(limit - 1, |a, b| b.cmp(a)).1)
}

/// The second pass when the floor is known: scores every bound at or above it, split over the
/// threads, then keeps the best.
fn score_above<'a>(
    worker: impl Fn() -> Worker<'a> + Sync,
    pending: Vec<Pending>,
    floor: i64,
    limit: usize,
    threads: usize,
) -> Vec<Scored> {
    let (exact, open): (Vec<Pending>, Vec<Pending>) = pending
        .into_iter()
        .filter(|p| p.value >= floor)
        .partition(|p| p.exact);
    let chunk = open.len().div_ceil(threads).max(1);
    let parts: Vec<&[Pending]> = open.chunks(chunk).collect();
    let mut top: Vec<Scored> = exact.iter().map(|p| p.scored()).collect();
    for part in in_parallel(&parts, |part| {
        let mut worker = worker();
        let scored = part.iter().map(|p| Scored {
            score: worker.exact(p.id),
            id: p.id,
        });
        scored.collect::<Vec<_>>()
    }) {
        top.extend(part);
    }
    keep_best(&mut top, limit);
    top
}

/// The second pass otherwise: pops matches best value first, replacing a bound by the exact
/// score, until `limit` exact scores have come out on top. A popped exact score ranks above
/// everything left, whose scores are at most their values (and on equal values have higher
/// ids).
fn settle(mut worker: Worker<'_>, pending: Vec<Pending>, limit: usize) -> Vec<Scored> {
    let mut heap = BinaryHeap::from(pending);
    let mut top = Vec::with_capacity(limit.min(heap.len()));
    while top.len() < limit {
        let Some(next) = heap.pop() else { break };
        match next.exact {
            true => top.push(next.scored()),
            false => heap.push(Pending {
                value: worker.exact(next.id),
                exact: true,
                ..next
            }),
        }
    }
    top
}

/// Keeps the best `limit`, sorted.
pub(super) fn keep_best(scored: &mut Vec<Scored>, limit: usize) {
    if scored.len() > limit && limit > 0 {
        scored.select_nth_unstable_by(limit - 1, best_first);
    }
    scored.truncate(limit);
    scored.sort_unstable_by(best_first);
}
