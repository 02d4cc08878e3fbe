//! One search over the index: parse the query, choose the candidates (all of a kind, or a
//! previous query's survivors when the new query only narrows it), rank, build the hits.

use super::hit::build_hit;
use super::index::FinderIndex;
use super::query::{clip_query, Query};
use super::rank::{in_parallel, keep_best, rank, Ids, Ranked, Scored};
use super::recent::Recent;
use super::results::{Narrowing, Results, Survivors};
use super::target::Kind;
use std::sync::Arc;

/// How many results a search keeps unless told otherwise.
pub const DEFAULT_LIMIT: usize = 200;

/// Hits are built on more than one thread only when each gets at least this many.
const HITS_PER_THREAD: usize = 32;

/// How to search, besides the query.
#[derive(Clone, Debug)]
pub struct SearchOptions {
    /// Keep at most this many hits.
    pub limit: usize,
    /// Only this kind (as a prefix would; a prefix for another kind then finds nothing).
    pub kind: Option<Kind>,
    /// Recently visited targets, boosted.
    pub recent: Recent,
    /// Threads to rank with; 0 means one per available core.
    pub threads: usize,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions {
            limit: DEFAULT_LIMIT,
            kind: None,
            recent: Recent::default(),
            threads: 0,
        }
    }
}

impl FinderIndex {
    /// Ranks the candidates against `query`. Pass the results of the previous keystroke as
    /// `previous`: when `query` extends it (same index, same kind option, the old query a prefix
    /// of the new), only its survivors are looked at again.
    pub fn search(
        &self,
        query: &str,
        options: &SearchOptions,
        previous: Option<&Results>,
    ) -> Results {
        let parsed = Query::parse(query);
        let clipped = clip_query(query);
        let kind = match (parsed.prefix_kind, options.kind) {
            (Some(a), Some(b)) if a != b => return Results::nothing(query),
            (a, b) => a.or(b),
        };
        let run = self.ids_of(kind);
        let threads = match options.threads {
            0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
            n => n,
        };
        let boosts = self.boosts(&options.recent, &run);
        let ranked = if parsed.terms.is_empty() {
            listing(&run, &boosts, options.limit)
        } else {
            let survivors = previous
                .and_then(|p| p.narrowing.as_ref())
                .filter(|n| {
                    n.index == self.id && n.kind == options.kind && clipped.starts_with(&n.query)
                })
                .map(|n| &n.survivors);
            let ids = match survivors {
                Some(Survivors::Ids(ids)) => {
                    let from = ids.partition_point(|&id| id < run.start);
                    let to = ids.partition_point(|&id| id < run.end);
                    Ids::List(&ids[from..to])
                }
                Some(Survivors::All) | None => Ids::Run(run.clone()),
            };
            rank(self, &parsed, ids, &boosts, options.limit, threads)
        };
        let boost_of = |id: u32| {
            boosts
                .binary_search_by_key(&id, |&(b, _)| b)
                .map_or(0, |i| boosts[i].1)
        };
        // SkimMatcherV2 finds the matched positions: a few hundred texts, still worth the
        // cores.
        let share = ranked.top.len().div_ceil(threads).max(HITS_PER_THREAD);
        let parts: Vec<&[Scored]> = ranked.top.chunks(share).collect();
        let mut hits: Vec<_> = in_parallel(&parts, |part| {
            let hit = |s: &Scored| (s.id, build_hit(self, &parsed.terms, *s, boost_of(s.id)));
            part.iter().map(hit).collect::<Vec<_>>()
        })
        .into_iter()
        .flatten()
        .collect();
        // SkimMatcherV2's scores equal the ranking pass's; sort again all the same.
        hits.sort_by(|(a, x), (b, y)| y.score.cmp(&x.score).then(a.cmp(b)));
        let survivors = match parsed.terms.is_empty() {
            true => Survivors::All,
            false => Survivors::Ids(Arc::from(ranked.survivors)),
        };
        let matched = match &survivors {
            Survivors::All => run.len(),
            Survivors::Ids(ids) => ids.len(),
        };
        Results {
            query: query.to_string(),
            hits: hits.into_iter().map(|(_, h)| h).collect(),
            matched,
            narrowing: Some(Narrowing {
                index: self.id,
                query: clipped.to_string(),
                kind: options.kind,
                survivors,
            }),
        }
    }

    /// The recent targets in `run`, as (candidate id, boost), sorted by id.
    fn boosts(&self, recent: &Recent, run: &std::ops::Range<u32>) -> Vec<(u32, i64)> {
        let mut boosts: Vec<(u32, i64)> = recent
            .targets()
            .iter()
            .enumerate()
            .filter_map(|(rank, t)| Some((self.position(t)?, Recent::boost_at(rank))))
            .filter(|(id, _)| run.contains(id))
            .collect();
        boosts.sort_unstable();
        boosts
    }
}

/// An empty query lists candidates in index order, recent ones first.
fn listing(run: &std::ops::Range<u32>, boosts: &[(u32, i64)], limit: usize) -> Ranked {
    let mut top: Vec<Scored> = boosts
        .iter()
        .map(|&(id, score)| Scored { score, id })
        .collect();
    top.extend(
        run.clone()
            .filter(|id| boosts.binary_search_by_key(id, |&(b, _)| b).is_err())
            .take(limit)
            .map(|id| Scored { score: 0, id }),
    );
    keep_best(&mut top, limit);
    Ranked {
        survivors: Vec::new(),
        top,
    }
}

impl Results {
    fn nothing(query: &str) -> Results {
        Results {
            query: query.to_string(),
            ..Results::default()
        }
    }
}
