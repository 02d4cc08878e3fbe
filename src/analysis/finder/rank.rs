//! The ranking pass: prefilter every candidate (each term a subsequence of some field's folded
//! text), score the survivors with the skim recurrence, keep the best `limit`. The candidates
//! are split across threads in contiguous runs, so the survivors come back in id order.

use super::index::FinderIndex;
use super::query::{Query, Term};
use super::score::{first_matches, skim_score, ScoreRows};
use std::ops::Range;

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

/// One thread's scratch space.
struct Worker<'a> {
    index: &'a FinderIndex,
    terms: &'a [Term],
    boosts: &'a [(u32, i64)],
    rows: ScoreRows,
    /// Greedy first matches of every (term, field) that passed, back to back.
    firsts: Vec<u32>,
    passed: Vec<Passed>,
    first: Vec<u32>,
    chars: Vec<char>,
}

/// A (term, field) pair whose term is a subsequence of the field.
#[derive(Copy, Clone)]
struct Passed {
    term: usize,
    field: usize,
    firsts: usize,
}

impl<'a> Worker<'a> {
    fn new(index: &'a FinderIndex, query: &'a Query, boosts: &'a [(u32, i64)]) -> Worker<'a> {
        Worker {
            index,
            terms: &query.terms,
            boosts,
            rows: ScoreRows::default(),
            firsts: Vec::new(),
            passed: Vec::new(),
            first: Vec::new(),
            chars: Vec::new(),
        }
    }

    fn run(mut self, ids: &Ids<'_>, limit: usize) -> Ranked {
        let mut ranked = Ranked::default();
        ids.for_each(|id| {
            if let Some(score) = self.score(id) {
                ranked.survivors.push(id);
                ranked.top.push(Scored { score, id });
            }
        });
        keep_best(&mut ranked.top, limit);
        ranked
    }

    /// The candidate's score, or `None` when some term matches none of its fields.
    fn score(&mut self, id: u32) -> Option<i64> {
        let index = self.index;
        let fields = index.field_ids(id);
        self.firsts.clear();
        self.passed.clear();
        for (t, term) in self.terms.iter().enumerate() {
            let mut any = false;
            for field in fields.clone() {
                let at = self.firsts.len();
                if term.first_matches(index.folded(field).as_bytes(), &mut self.first) {
                    self.firsts.extend_from_slice(&self.first);
                    self.passed.push(Passed {
                        term: t,
                        field,
                        firsts: at,
                    });
                    any = true;
                }
            }
            if !any {
                return None;
            }
        }
        let mut total = 0i64;
        for t in 0..self.terms.len() {
            let mut best: Option<i32> = None;
            let shown_passed = self
                .passed
                .iter()
                .any(|p| p.term == t && index.fields[p.field].shown);
            for i in 0..self.passed.len() {
                let passed = self.passed[i];
                if passed.term == t && index.fields[passed.field].shown == shown_passed {
                    best = best.max(self.score_field(passed));
                }
            }
            total += best? as i64;
        }
        let boost = self
            .boosts
            .binary_search_by_key(&id, |&(b, _)| b)
            .map_or(0, |i| self.boosts[i].1);
        Some(total + boost)
    }

    fn score_field(&mut self, passed: Passed) -> Option<i32> {
        let term = &self.terms[passed.term];
        let slot = self.index.fields[passed.field];
        let text = self.index.folded(passed.field);
        if slot.ascii && term.ascii {
            let first = &self.firsts[passed.firsts..passed.firsts + term.chars.len()];
            let pattern = term.text.as_bytes();
            return Some(skim_score(
                text.as_bytes(),
                pattern,
                first,
                term.case_sensitive,
                &mut self.rows,
            ));
        }
        // Byte offsets are not character positions here: redo the greedy pass on chars.
        self.chars.clear();
        self.chars.extend(text.chars());
        if !first_matches(
            &self.chars,
            &term.chars,
            term.case_sensitive,
            &mut self.first,
        ) {
            return None;
        }
        Some(skim_score(
            &self.chars,
            &term.chars,
            &self.first,
            term.case_sensitive,
            &mut self.rows,
        ))
    }
}
