//! One thread's share of a ranking pass: prefilter, bound, score, and a bounded heap of the
//! best.

use super::super::index::FinderIndex;
use super::super::masks::{ByteMasks, Needle};
use super::super::query::{Query, Term};
use super::super::score::{
    chain_applies, chain_bound_ascii, chain_start_bound, first_matches, skim_bound_ascii,
    skim_score, skim_score_ascii, AsciiText, ChainRows, Occurrences, ScoreRows, SparseRows,
};
use super::{best_first, Ids, Ranked, Scored};
use std::collections::BinaryHeap;

/// One thread's scratch space.
pub(super) struct Worker<'a> {
    index: &'a FinderIndex,
    query: &'a Query,
    boosts: &'a [(u32, i64)],
    rows: ScoreRows,
    sparse: SparseRows,
    /// Each term's chained bound, when it applies (`score_one_ascii_field`).
    chained: Vec<i64>,
    /// Bitsets of the query's bytes over the field in `masks_of` (ASCII fields).
    masks: ByteMasks,
    masks_of: Option<usize>,
    needles: Vec<Needle>,
    /// Greedy first matches of every (term, field) that passed, back to back.
    firsts: Vec<u32>,
    passed: Vec<Passed>,
    first: Vec<u32>,
    last: Vec<u32>,
    /// Latest matches, at the same offsets as `firsts` (the one-field fast path).
    lasts: Vec<u32>,
    /// Terms in scoring order, with their bounds.
    order: Vec<(i64, usize)>,
    chars: Vec<char>,
}

/// What scoring one candidate found.
enum Outcome {
    /// Some term matches none of its fields.
    NoMatch,
    /// It matches, but its upper bound is no better than the worst of a full top list.
    Below,
    Scored(i64),
}

/// A ranked candidate in the heap of the best: the greatest is the worst (lowest score, then
/// highest id), so the heap's top is the one to drop.
#[derive(Copy, Clone, PartialEq, Eq)]
struct Worst(Scored);

impl Ord for Worst {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        best_first(&self.0, &other.0)
    }
}

impl PartialOrd for Worst {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// A (term, field) pair whose term is a subsequence of the field.
#[derive(Copy, Clone)]
struct Passed {
    term: usize,
    field: usize,
    firsts: usize,
}

impl<'a> Worker<'a> {
    pub(super) fn new(
        index: &'a FinderIndex,
        query: &'a Query,
        boosts: &'a [(u32, i64)],
    ) -> Worker<'a> {
        Worker {
            index,
            query,
            boosts,
            rows: ScoreRows::default(),
            sparse: SparseRows::default(),
            chained: Vec::new(),
            masks: ByteMasks::default(),
            masks_of: None,
            needles: query.needle_pairs.iter().map(|&p| Needle::new(p)).collect(),
            firsts: Vec::new(),
            passed: Vec::new(),
            first: Vec::new(),
            last: Vec::new(),
            lasts: Vec::new(),
            order: Vec::new(),
            chars: Vec::new(),
        }
    }

    pub(super) fn run(mut self, ids: &Ids<'_>, limit: usize) -> Ranked {
        let mut survivors = Vec::new();
        let mut best: BinaryHeap<Worst> = BinaryHeap::with_capacity(limit + 1);
        let presence = self.query.presence;
        ids.for_each(|id| {
            if self.index.presence[id as usize] & presence != presence {
                return;
            }
            // Ids come in ascending order: a later candidate that only ties the worst kept
            // one ranks below it, so its bound must beat that score to matter.
            let floor = match (limit, best.peek()) {
                (0, _) => Some(i64::MAX),
                (_, Some(worst)) if best.len() == limit => Some(worst.0.score),
                _ => None,
            };
            match self.score(id, floor) {
                Outcome::NoMatch => {}
                Outcome::Below => survivors.push(id),
                Outcome::Scored(score) => {
                    survivors.push(id);
                    let scored = Worst(Scored { score, id });
                    if best.len() < limit {
                        best.push(scored);
                    } else if best.peek().is_some_and(|worst| scored < *worst) {
                        best.pop();
                        best.push(scored);
                    }
                }
            }
        });
        let mut top: Vec<Scored> = best.into_iter().map(|w| w.0).collect();
        top.sort_unstable_by(best_first);
        Ranked { survivors, top }
    }

    /// Whether the candidate matches and, if it could rank above `floor`, its score.
    fn score(&mut self, id: u32, floor: Option<i64>) -> Outcome {
        let index = self.index;
        let terms = &self.query.terms;
        self.firsts.clear();
        self.passed.clear();
        self.masks_of = None;
        let fields = index.field_ids(id);
        for field in fields.clone() {
            let text = index.folded(field).as_bytes();
            let ascii = index.fields[field].ascii;
            for (t, term) in terms.iter().enumerate() {
                let found = match ascii && term.masked() {
                    true => {
                        self.build_masks(field);
                        term.first_in(&self.masks, &mut self.first)
                    }
                    false => term.first_matches(text, &mut self.first),
                };
                if found {
                    self.passed.push(Passed {
                        term: t,
                        field,
                        firsts: self.firsts.len(),
                    });
                    self.firsts.extend_from_slice(&self.first);
                }
            }
        }
        if (0..terms.len()).any(|t| !self.passed.iter().any(|p| p.term == t)) {
            return Outcome::NoMatch;
        }
        let boost = self
            .boosts
            .binary_search_by_key(&id, |&(b, _)| b)
            .map_or(0, |i| self.boosts[i].1);
        if fields.len() == 1 && self.all_masked(fields.start) {
            return self.score_one_ascii_field(fields.start, boost, floor);
        }
        let mut total = 0i64;
        for t in 0..terms.len() {
            // Shown fields first: a hidden one (an alias) counts only when none matches.
            let shown = self
                .passed
                .iter()
                .any(|p| p.term == t && index.fields[p.field].shown);
            let mut best: Option<i32> = None;
            for i in 0..self.passed.len() {
                let passed = self.passed[i];
                if passed.term == t && index.fields[passed.field].shown == shown {
                    best = best.max(self.score_field(passed));
                }
            }
            match best {
                Some(score) => total += score as i64,
                None => return Outcome::NoMatch,
            }
        }
        Outcome::Scored(total + boost)
    }

    /// Whether the field is ASCII and every term goes through bitsets (the fast path).
    fn all_masked(&self, field: usize) -> bool {
        self.index.fields[field].ascii && self.query.terms.iter().all(|t| t.masked())
    }

    /// The common case: one ASCII field (a sentence). With a full top list (`floor`), an
    /// upper bound from bitsets skips candidates that cannot rank, first for the whole
    /// candidate, then after each term's exact score, best-bounded term first.
    fn score_one_ascii_field(&mut self, field: usize, boost: i64, floor: Option<i64>) -> Outcome {
        let index = self.index;
        let terms = &self.query.terms;
        let text = index.folded(field).as_bytes();
        self.build_masks(field);
        // `passed` holds one entry per term, in term order.
        self.chained.clear();
        if let Some(floor) = floor {
            let [head, brk, camel] = index.classes(field);
            if chain_applies(camel) && terms.iter().all(|t| t.alnum) {
                // The cheap bound first: most candidates fall below it already.
                let rows_of = |term: &Term| ChainRows {
                    head,
                    brk,
                    upper: (!term.case_sensitive).then(|| index.upper(field)),
                };
                let start: i64 = terms
                    .iter()
                    .map(|t| chain_start_bound(&self.masks, &t.needle_of, rows_of(t)) as i64)
                    .sum();
                if start + boost <= floor {
                    return Outcome::Below;
                }
                for term in terms {
                    let upper = (!term.case_sensitive).then(|| index.upper(field));
                    let rows = ChainRows { head, brk, upper };
                    let bound = chain_bound_ascii(&self.masks, &term.needle_of, rows);
                    self.chained.push(bound as i64);
                }
                if self.chained.iter().sum::<i64>() + boost <= floor {
                    return Outcome::Below;
                }
            }
        }
        self.lasts.clear();
        for passed in &self.passed {
            if !terms[passed.term].last_in(&self.masks, text.len(), &mut self.last) {
                return Outcome::NoMatch;
            }
            self.lasts.extend_from_slice(&self.last);
        }
        self.order.clear();
        let mut remaining = 0i64;
        if let Some(floor) = floor {
            for i in 0..self.passed.len() {
                let mut bound = skim_bound_ascii(self.occurrences(i), index.classes(field)) as i64;
                if let Some(&chained) = self.chained.get(self.passed[i].term) {
                    bound = bound.min(chained);
                }
                self.order.push((bound, i));
                remaining += bound;
            }
            if remaining + boost <= floor {
                return Outcome::Below;
            }
            self.order.sort_unstable_by(|a, b| b.cmp(a));
        } else {
            self.order.extend((0..self.passed.len()).map(|i| (0, i)));
        }
        let mut total = boost;
        let mut sparse = std::mem::take(&mut self.sparse);
        for k in 0..self.order.len() {
            let (bound, i) = self.order[k];
            let term = &terms[self.passed[i].term];
            let score = skim_score_ascii(
                AsciiText {
                    bytes: text,
                    bonus: index.bonuses(field),
                },
                term.text.as_bytes(),
                self.occurrences(i),
                term.case_sensitive,
                &mut sparse,
            );
            total += score as i64;
            remaining -= bound;
            if floor.is_some_and(|floor| total + remaining <= floor) {
                self.sparse = sparse;
                return Outcome::Below;
            }
        }
        self.sparse = sparse;
        Outcome::Scored(total)
    }

    /// Where term entry `i` of `passed` occurs (one ASCII field, bitsets built).
    fn occurrences(&self, i: usize) -> Occurrences<'_> {
        let passed = self.passed[i];
        let len = self.query.terms[passed.term].needle_of.len();
        Occurrences {
            masks: &self.masks,
            needle_of: &self.query.terms[passed.term].needle_of,
            first: &self.firsts[passed.firsts..passed.firsts + len],
            last: &self.lasts[passed.firsts..passed.firsts + len],
        }
    }

    fn build_masks(&mut self, field: usize) {
        if self.masks_of != Some(field) {
            let slot = self.index.fields[field];
            let len = (slot.end - slot.start) as usize;
            let padded = self.index.folded_padded(field);
            self.masks.build_padded(padded, len, &self.needles);
            self.masks_of = Some(field);
        }
    }

    fn score_field(&mut self, passed: Passed) -> Option<i32> {
        let term = &self.query.terms[passed.term];
        let index = self.index;
        let text = index.folded(passed.field);
        if index.fields[passed.field].ascii && term.masked() {
            self.build_masks(passed.field);
            if !term.last_in(&self.masks, text.len(), &mut self.last) {
                return None;
            }
            let first = &self.firsts[passed.firsts..passed.firsts + term.chars.len()];
            return Some(skim_score_ascii(
                AsciiText {
                    bytes: text.as_bytes(),
                    bonus: index.bonuses(passed.field),
                },
                term.text.as_bytes(),
                Occurrences {
                    masks: &self.masks,
                    needle_of: &term.needle_of,
                    first,
                    last: &self.last,
                },
                term.case_sensitive,
                &mut self.sparse,
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
