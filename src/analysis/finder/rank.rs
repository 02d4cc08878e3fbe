//! The ranking pass: prefilter every candidate (each term a subsequence of some field's folded
//! text), score the survivors with the skim recurrence, keep the best `limit`. The candidates
//! are split across threads in contiguous runs, so the survivors come back in id order.

mod worker;

use super::index::FinderIndex;
use super::query::Query;
use std::ops::Range;
use worker::Worker;

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

/// The candidates to look at: a run of ids, or the survivors of a previous query.
#[derive(Clone, Debug)]
pub(super) enum Ids<'a> {
    Run(Range<u32>),
    List(&'a [u32]),
}

impl Ids<'_> {
    fn len(&self) -> usize {
        match self {
            Ids::Run(r) => r.len(),
            Ids::List(l) => l.len(),
        }
    }

    fn split(&self, parts: usize) -> Vec<Ids<'_>> {
        let chunk = self.len().div_ceil(parts.max(1)).max(1);
        match self {
            Ids::Run(r) => (r.start..r.end)
                .step_by(chunk)
                .map(|s| Ids::Run(s..(s + chunk as u32).min(r.end)))
                .collect(),
            Ids::List(l) => l.chunks(chunk).map(Ids::List).collect(),
        }
    }

    fn for_each(&self, mut f: impl FnMut(u32)) {
        match self {
            Ids::Run(r) => r.clone().for_each(f),
            Ids::List(l) => l.iter().for_each(|&id| f(id)),
        }
    }
}

/// What a pass found: every candidate that matched (ascending ids) and the best `limit`.
#[derive(Debug, Default)]
pub(super) struct Ranked {
    pub survivors: Vec<u32>,
    pub top: Vec<Scored>,
}

/// Ranks `ids` against a query with at least one term. `boosts` is sorted by id.
pub(super) fn rank(
    index: &FinderIndex,
    query: &Query,
    ids: Ids<'_>,
    boosts: &[(u32, i64)],
    limit: usize,
    threads: usize,
) -> Ranked {
    let threads = threads.max(1);
    if threads == 1 || ids.len() < PARALLEL_FROM {
        return Worker::new(index, query, boosts).run(&ids, limit);
    }
    let parts = ids.split(threads);
    let results: Vec<Ranked> = std::thread::scope(|scope| {
        let handles: Vec<_> = parts
            .iter()
            .map(|part| scope.spawn(move || Worker::new(index, query, boosts).run(part, limit)))
            .collect();
        handles
            .into_iter()
            // A worker only panics on a bug; its share of the results is lost, not the search.
            .map(|h| h.join().unwrap_or_default())
            .collect()
    });
    let mut merged = Ranked::default();
    for part in results {
        merged.survivors.extend(part.survivors);
        merged.top.extend(part.top);
    }
    keep_best(&mut merged.top, limit);
    merged
}

/// Keeps the best `limit`, sorted.
pub(super) fn keep_best(scored: &mut Vec<Scored>, limit: usize) {
    if scored.len() > limit && limit > 0 {
        scored.select_nth_unstable_by(limit - 1, best_first);
    }
    scored.truncate(limit);
    scored.sort_unstable_by(best_first);
}
