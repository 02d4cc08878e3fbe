//! One thread's share of the first ranking pass (prefilter, match, bound), and the exact
//! scores the second pass asks for.

use super::super::index::FinderIndex;
use super::super::masks::{ByteMasks, Needle};
use super::super::query::{Query, Term};
use super::super::results::NO_BOUND;
use super::super::score::{
    chain_applies, chain_bound_ascii, chain_start_bound, first_matches, skim_bound_ascii,
    skim_score, skim_score_ascii, AsciiText, ChainBound, ChainRows, Occurrences, ScoreRows,
    SparseRows,
};
use super::shared_floor::SharedFloor;
use super::{Ids, Scored};
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// One thread's scratch space.
pub(super) struct Worker<'a> {
    index: &'a FinderIndex,
    query: &'a Query,
    boosts: &'a [(u32, i64)],
    rows: ScoreRows,
    sparse: SparseRows,
    /// Each term's chain bound (`chain_bounds`).
    chained: Vec<ChainBound>,
    /// Each term's cheap chain bound (`chain_start_bounds`).
    starts: Vec<i64>,
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
    chars: Vec<char>,
}

/// What the first pass learns of a matching candidate's score.
enum Rating {
    /// A term found byte by byte misses character by character: no match after all.
    Miss,
    /// It cannot rank: its bound (given) is at most the `limit`-th best exact score already
    /// found, all of lower ids, which win ties.
    Below(i64),
    /// Its score or an upper bound of it (`exact` when the score), `chained` when it came
    /// from the chain bounds (one ASCII field with no camel hump).
    Rated {
        value: i64,
        exact: bool,
        chained: bool,
    },
}

/// A matching candidate waiting for the second pass: its score, or an upper bound of it.
/// Ordered so that a max-heap pops the highest value first and, on equal values, the lower
/// id: the order results rank in.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(in crate::analysis::finder) struct Pending {
    pub value: i64,
    pub id: u32,
    pub exact: bool,
}

impl Ord for Pending {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.value, other.id, self.exact).cmp(&(other.value, self.id, other.exact))
    }
}

impl Pending {
    pub(in crate::analysis::finder) fn scored(&self) -> Scored {
        Scored {
            score: self.value,
            id: self.id,
        }
    }
}

impl PartialOrd for Pending {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// One thread's first pass: the matching ids (ascending) and what is known of their scores.
#[derive(Debug, Default)]
pub(in crate::analysis::finder) struct Estimated {
    pub survivors: Vec<u32>,
    /// Each survivor's upper bound without the boost, from the chain bounds (else `NO_BOUND`).
    pub bounds: Vec<i32>,
    pub pending: Vec<Pending>,
}

impl Estimated {
    /// The threads' parts in order, each copied once (a search's survivors can run to
    /// hundreds of thousands, and every regrown vector faults fresh pages in).
    pub(super) fn joined(parts: Vec<Estimated>) -> Estimated {
        let mut joined = Estimated {
            survivors: Vec::with_capacity(parts.iter().map(|p| p.survivors.len()).sum()),
            bounds: Vec::with_capacity(parts.iter().map(|p| p.bounds.len()).sum()),
            pending: Vec::with_capacity(parts.iter().map(|p| p.pending.len()).sum()),
        };
        for part in parts {
            joined.survivors.extend(part.survivors);
            joined.bounds.extend(part.bounds);
            joined.pending.extend(part.pending);
        }
        joined
    }
}

/// Exact scores known before the first pass (the previous keystroke's best, scored again):
/// with `limit` of them, a bound below the worst rules a candidate out from the first one on.
/// Only the previous bounds are held to it: a low floor would make every chain walk tell
/// many losses apart, which costs more than it saves.
#[derive(Debug, Default)]
pub(super) struct Seeded {
    /// The `limit`-th best seed score less one (a seed may have a higher id than a candidate
    /// with its score, which would rank above it).
    floor: Option<i64>,
}

impl Seeded {
    pub(super) fn new(mut worker: Worker<'_>, seeds: &[u32], limit: usize) -> Seeded {
        let mut ids = seeds.to_vec();
        ids.sort_unstable();
        ids.dedup();
        let mut scores: Vec<i64> = ids.iter().filter_map(|&id| worker.score(id)).collect();
        if limit == 0 || scores.len() < limit {
            return Seeded::default();
        }
        let (_, worst, _) = scores.select_nth_unstable_by(limit - 1, |a, b| b.cmp(a));
        Seeded {
            floor: Some(*worst - 1),
        }
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
            starts: Vec::new(),
            masks: ByteMasks::default(),
            masks_of: None,
            needles: query.needle_pairs.iter().map(|&p| Needle::new(p)).collect(),
            firsts: Vec::new(),
            passed: Vec::new(),
            first: Vec::new(),
            last: Vec::new(),
            lasts: Vec::new(),
            chars: Vec::new(),
        }
    }

    /// The first pass over `ids`: which candidates match, and for each an upper bound of its
    /// score (or the score itself where a bound would cost as much), unless `limit` is 0.
    pub(super) fn estimate_all(
        mut self,
        ids: &Ids<'_>,
        limit: usize,
        seeded: &Seeded,
        shared: &SharedFloor,
    ) -> Estimated {
        // At most every id survives: reserved, not touched, so no regrowth copies.
        let mut estimated = Estimated {
            survivors: Vec::with_capacity(ids.len()),
            bounds: Vec::with_capacity(ids.len()),
            pending: Vec::new(),
        };
        let presence = self.query.presence;
        // The best `limit` exact scores so far: a match whose bound is at most the worst of
        // them cannot rank (ties go to the lower id, and ids come in ascending order), and
        // needs no closer look. The other threads' best count too, through `shared`.
        let mut best: BinaryHeap<Reverse<i64>> = BinaryHeap::with_capacity(limit + 1);
        let mut survive = |id: u32, bound: i64| {
            estimated.survivors.push(id);
            estimated
                .bounds
                .push(bound.clamp(i32::MIN as i64, NO_BOUND as i64) as i32);
        };
        let added = ids.added();
        ids.for_each(|id, known| {
            if self.index.presence[id as usize] & presence != presence || !self.matches(id) {
                return;
            }
            if limit == 0 {
                return survive(id, NO_BOUND as i64);
            }
            let own = (best.len() == limit).then(|| best.peek().map_or(i64::MIN, |r| r.0));
            let floor = own.max(shared.get());
            let boost = self.boost(id);
            // What the previous, shorter query left of its bound is often enough.
            if let (Some(floor), Some(mut known), Some(added)) =
                (floor.max(seeded.floor), known, added)
            {
                if added.new_term && known + boost > floor {
                    if let Some(start) = self.new_term_start(id) {
                        known = known.min(known - added.most as i64 + start);
                    }
                }
                if known + boost <= floor {
                    return survive(id, known);
                }
            }
            match self.rate(id, floor, boost) {
                // A term found byte by byte may still miss character by character.
                Rating::Miss => {}
                Rating::Below(bound) => survive(id, bound - boost),
                Rating::Rated {
                    value,
                    exact,
                    chained,
                } => {
                    let bound = if chained {
                        value - boost
                    } else {
                        NO_BOUND as i64
                    };
                    survive(id, bound);
                    estimated.pending.push(Pending { value, id, exact });
                    if exact && floor.is_none_or(|floor| value > floor) {
                        best.push(Reverse(value));
                        if best.len() > limit {
                            best.pop();
                        }
                        shared.offer(value);
                    }
                }
            }
        });
        estimated
    }

    /// The exact score of any candidate, boost included, if it matches.
    fn score(&mut self, id: u32) -> Option<i64> {
        if self.index.presence[id as usize] & self.query.presence != self.query.presence
            || !self.matches(id)
        {
            return None;
        }
        match self.rate(id, None, self.boost(id)) {
            Rating::Miss => None,
            Rating::Rated {
                value, exact: true, ..
            } => Some(value),
            Rating::Rated { .. } | Rating::Below(_) => Some(self.exact(id)),
        }
    }

    /// The exact score of a candidate the first pass left with a bound (one ASCII field).
    pub(super) fn exact(&mut self, id: u32) -> i64 {
        let matched = self.matches(id);
        debug_assert!(matched, "only the first pass's matches are scored");
        let field = self.index.field_ids(id).start;
        self.score_one_ascii_field(field, self.boost(id))
    }

    fn boost(&self, id: u32) -> i64 {
        self.boosts
            .binary_search_by_key(&id, |&(b, _)| b)
            .map_or(0, |i| self.boosts[i].1)
    }

    /// Whether every term matches some field of the candidate; fills `passed` and `firsts`
    /// but on the one-field fast path ([`Worker::find_firsts`]).
    fn matches(&mut self, id: u32) -> bool {
        let index = self.index;
        let terms = &self.query.terms;
        self.firsts.clear();
        self.passed.clear();
        self.masks_of = None;
        let fields = index.field_ids(id);
        if fields.len() == 1 && self.all_masked(fields.start) {
            // The common case (a sentence): where the terms first occur is looked up only for
            // the few candidates that get a closer look (`find_firsts`).
            self.build_masks(fields.start);
            return terms
                .iter()
                .all(|term| self.masks.has_chain(&term.needle_of));
        }
        for field in fields {
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
        (0..terms.len()).all(|t| self.passed.iter().any(|p| p.term == t))
    }

    /// A matching candidate's score, or an upper bound of it where that is much cheaper (one
    /// ASCII field); `None` when a term found byte by byte misses character by character.
    /// `matches` must have just found it.
    fn rate(&mut self, id: u32, floor: Option<i64>, boost: i64) -> Rating {
        let index = self.index;
        let terms = &self.query.terms;
        let fields = index.field_ids(id);
        let rated = |value, exact, chained| Rating::Rated {
            value,
            exact,
            chained,
        };
        if fields.len() == 1 && self.all_masked(fields.start) {
            let field = fields.start;
            if !self.chain_applies(field) {
                return rated(self.score_one_ascii_field(field, boost), true, false);
            }
            // How much the terms' chains may lose together and still rank.
            let slack = match floor {
                Some(floor) => {
                    let start = self.chain_start_bounds(field) + boost;
                    if start <= floor {
                        return Rating::Below(start);
                    }
                    Some(start - floor - 1)
                }
                None => None,
            };
            if !self.chain_bounds(field, slack) {
                // The terms lost more than the slack: the bound is at most the floor.
                return Rating::Below(floor.unwrap_or(i64::MAX));
            }
            let total = self.chained.iter().map(|c| c.bound as i64).sum::<i64>() + boost;
            let exact = self.chained.iter().all(|c| c.exact);
            if let (Some(floor), false) = (floor, exact) {
                // A broken chain's bound is loose (it only knows the chain lost more than the
                // walk told apart): the per-byte bound often tells more.
                let tight = self.tight_bound(field) + boost;
                if tight <= floor {
                    return Rating::Below(tight);
                }
                return rated(tight, false, true);
            }
            return rated(total, exact, true);
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
                None => return Rating::Miss,
            }
        }
        rated(total + boost, true, false)
    }

    /// Whether the field is ASCII and every term goes through bitsets (the fast path).
    fn all_masked(&self, field: usize) -> bool {
        self.index.fields[field].ascii && self.query.terms.iter().all(|t| t.masked())
    }

    /// Whether the unbroken-chain bounds apply over an ASCII field: no camel hump in the
    /// text, every term alphanumeric.
    fn chain_applies(&self, field: usize) -> bool {
        let [_, _, camel] = self.index.classes(field);
        chain_applies(camel) && self.query.terms.iter().all(|t| t.alnum)
    }

    /// What a term's chain bounds read over one ASCII field, besides its bitsets.
    fn chain_rows(&self, field: usize, term: &Term) -> ChainRows<'a> {
        let index = self.index;
        let [head, brk, _] = index.classes(field);
        ChainRows {
            head,
            brk,
            upper: (!term.case_sensitive).then(|| index.upper(field)),
        }
    }

    /// The sum of the terms' cheap chain bounds ([`chain_start_bound`]), each into `starts`;
    /// the field's bitsets built and the chain bounds applying.
    fn chain_start_bounds(&mut self, field: usize) -> i64 {
        self.starts.clear();
        for term in &self.query.terms {
            let rows = self.chain_rows(field, term);
            let start = chain_start_bound(&self.masks, &term.needle_of, rows);
            self.starts.push(start as i64);
        }
        self.starts.iter().sum()
    }

    /// The cheap chain bound of the query's last term ([`chain_start_bound`]) over a
    /// candidate `matches` just found on the fast path (one ASCII field, its bitsets built)
    /// where the chain bounds apply; else `None`.
    fn new_term_start(&self, id: u32) -> Option<i64> {
        let fields = self.index.field_ids(id);
        let field = fields.start;
        if fields.len() != 1 || self.masks_of != Some(field) || !self.chain_applies(field) {
            return None;
        }
        let term = self.query.terms.last()?;
        let rows = self.chain_rows(field, term);
        Some(chain_start_bound(&self.masks, &term.needle_of, rows) as i64)
    }

    /// Each term's chain bound into `chained`, the field's bitsets built and the chain bounds
    /// applying; false as soon as the terms lose more than `slack` against their `starts`
    /// together (the candidate cannot rank). With no slack given, every term's bound.
    fn chain_bounds(&mut self, field: usize, mut slack: Option<i64>) -> bool {
        let terms = &self.query.terms;
        self.chained.clear();
        for (t, term) in terms.iter().enumerate() {
            let rows = self.chain_rows(field, term);
            // With no floor yet, the cheap walk: losses of up to 3 (most of the best hits'
            // chains); with one, as many as could still cut the candidate.
            let most = slack.unwrap_or(3);
            let bound = chain_bound_ascii(&self.masks, &term.needle_of, rows, most);
            self.chained.push(bound);
            if let Some(slack) = slack.as_mut() {
                *slack -= self.starts[t] - bound.bound as i64;
                if *slack < 0 {
                    return false;
                }
            }
        }
        true
    }

    /// A tighter upper bound over one ASCII field whose bitsets and chain bounds are built:
    /// per term, the lower of its chain bound and its per-byte bound.
    fn tight_bound(&mut self, field: usize) -> i64 {
        self.find_firsts(field);
        self.find_lasts(field);
        let classes = self.index.classes(field);
        (0..self.passed.len())
            .map(|i| {
                let chain = self.chained[self.passed[i].term];
                match chain.exact {
                    true => chain.bound as i64,
                    false => {
                        (skim_bound_ascii(self.occurrences(i), classes).min(chain.bound)) as i64
                    }
                }
            })
            .sum()
    }

    /// The one-field fast path's `passed` and `firsts`: one entry per term, in term order
    /// (one ASCII field, bitsets built, every term found).
    fn find_firsts(&mut self, field: usize) {
        self.passed.clear();
        self.firsts.clear();
        for (t, term) in self.query.terms.iter().enumerate() {
            let found = term.first_in(&self.masks, &mut self.first);
            debug_assert!(found, "`matches` found every term");
            self.passed.push(Passed {
                term: t,
                field,
                firsts: self.firsts.len(),
            });
            self.firsts.extend_from_slice(&self.first);
        }
    }

    /// The latest matches of every term, into `lasts` (one ASCII field, bitsets built, every
    /// term found).
    fn find_lasts(&mut self, field: usize) {
        let len = self.index.folded(field).len();
        self.lasts.clear();
        for passed in &self.passed {
            self.query.terms[passed.term].last_in(&self.masks, len, &mut self.last);
            self.lasts.extend_from_slice(&self.last);
        }
    }

    /// The common case's exact score: one ASCII field (a sentence), every term on bitsets,
    /// `passed` holding one entry per term in term order.
    fn score_one_ascii_field(&mut self, field: usize, boost: i64) -> i64 {
        let index = self.index;
        let terms = &self.query.terms;
        let text = index.folded(field).as_bytes();
        self.build_masks(field);
        self.find_firsts(field);
        self.find_lasts(field);
        let mut total = boost;
        let mut sparse = std::mem::take(&mut self.sparse);
        for i in 0..self.passed.len() {
            let term = &terms[self.passed[i].term];
            total += skim_score_ascii(
                AsciiText {
                    bytes: text,
                    bonus: index.bonuses(field),
                },
                term.text.as_bytes(),
                self.occurrences(i),
                term.case_sensitive,
                &mut sparse,
            ) as i64;
        }
        self.sparse = sparse;
        total
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
