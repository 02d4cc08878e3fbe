//! One search over the index: parse the query, choose the candidates (all of a kind, or a
//! previous query's survivors when the new query only narrows it), rank, build the hits.

use super::hit::build_hit;
use super::index::FinderIndex;
use super::query::Term;
use super::query::{clip_query, Query};
use super::rank::{in_parallel, keep_best, rank, Added, Bounds, Ids, Ranked, Scored};
use super::recent::Recent;
use super::results::{Narrowing, Results, Survivors};
use super::score::{MOST_ADDED_BY_A_BYTE, MOST_FOR_A_FIRST_BYTE};
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
            let narrowing = previous.and_then(|p| p.narrowing.as_ref()).filter(|n| {
                n.index == self.id && n.kind == options.kind && clipped.starts_with(&n.query)
            });
            let ids = match narrowing.map(|n| (&n.survivors, &n.terms)) {
                Some((Survivors::Ids(ids, bounds), terms)) => {
                    let from = ids.partition_point(|&id| id < run.start);
                    let to = ids.partition_point(|&id| id < run.end);
                    let bounds = Bounds {
                        previous: &bounds[from..to],
                        added: added_at_most(terms, &parsed.terms),
                    };
                    Ids::List(&ids[from..to], bounds)
                }
                Some((Survivors::All, _)) | None => Ids::Run(run.clone()),
            };
            // The previous query's best are likely among this one's: scored first, they give
            // the previous bounds a floor to be held to from the first candidate on.
            let seeds: Vec<u32> = narrowing
                .map(|n| {
                    n.best
                        .iter()
                        .copied()
                        .filter(|id| run.contains(id))
                        .collect()
                })
                .unwrap_or_default();
            rank(self, &parsed, ids, &seeds, &boosts, options.limit, threads)
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
            false => Survivors::Ids(Arc::new(ranked.survivors), Arc::new(ranked.bounds)),
        };
        let matched = match &survivors {
            Survivors::All => run.len(),
            Survivors::Ids(ids, _) => ids.len(),
        };
        Results {
            query: query.to_string(),
            hits: hits.into_iter().map(|(_, h)| h).collect(),
            matched,
            narrowing: Some(Narrowing {
                index: self.id,
                query: clipped.to_string(),
                kind: options.kind,
                terms: parsed
                    .terms
                    .iter()
                    .map(|t| (t.text.clone(), t.case_sensitive))
                    .collect(),
                survivors,
                best: ranked.top.iter().map(|s| s.id).collect(),
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
        bounds: Vec::new(),
        top,
    }
}

/// How much the terms `now` can score above the terms `before` at most, for a candidate
/// whose chain bounds applied (one ASCII field with no camel hump): each letter or digit
/// appended to the last term adds at most `MOST_ADDED_BY_A_BYTE`, a new last term at most
/// `MOST_FOR_A_FIRST_BYTE` for its first byte and `MOST_ADDED_BY_A_BYTE` for each after (a
/// longer term's best match, cut short, is a match of the shorter one). `None` for any other
/// change (an earlier term changed, the case rule changed, a byte not a letter or digit).
fn added_at_most(before: &[(String, bool)], now: &[Term]) -> Option<Added> {
    const NEXT: usize = MOST_ADDED_BY_A_BYTE as usize;
    const FIRST: usize = MOST_FOR_A_FIRST_BYTE as usize;
    let (last, kept) = before.split_last()?;
    let same =
        |t: &Term, (text, case): &(String, bool)| t.text == *text && t.case_sensitive == *case;
    if !now.iter().all(|t| t.alnum) || !now.iter().zip(kept).all(|(t, b)| same(t, b)) {
        return None;
    }
    let extended = now.get(kept.len())?;
    if extended.case_sensitive != last.1 || !extended.text.starts_with(&last.0) {
        return None;
    }
    let (most, new_term) = match &now[kept.len() + 1..] {
        [] => ((extended.text.len() - last.0.len()) * NEXT, false),
        [new] if extended.text == last.0 => (FIRST + (new.text.len() - 1) * NEXT, true),
        _ => return None,
    };
    let most = i32::try_from(most).ok()?;
    Some(Added { most, new_term })
}

impl Results {
    fn nothing(query: &str) -> Results {
        Results {
            query: query.to_string(),
            ..Results::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn added(before: &str, now: &str) -> Option<Added> {
        let before: Vec<(String, bool)> = Query::parse(before)
            .terms
            .iter()
            .map(|t| (t.text.clone(), t.case_sensitive))
            .collect();
        added_at_most(&before, &Query::parse(now).terms)
    }

    #[test]
    fn what_typed_characters_can_add_at_most() {
        let extended = |most| {
            Some(Added {
                most,
                new_term: false,
            })
        };
        let new_term = |most| {
            Some(Added {
                most,
                new_term: true,
            })
        };
        assert_eq!(added("sh", "sha"), extended(MOST_ADDED_BY_A_BYTE));
        assert_eq!(added("sh", "shar"), extended(2 * MOST_ADDED_BY_A_BYTE));
        assert_eq!(added("sharaa", "sharaa m"), new_term(MOST_FOR_A_FIRST_BYTE));
        assert_eq!(
            added("sharaa", "sharaa mo"),
            new_term(MOST_FOR_A_FIRST_BYTE + MOST_ADDED_BY_A_BYTE)
        );
        // An earlier term changed, a byte that is not a letter or digit, the case rule
        // changed (a capital makes the term case-sensitive), two new terms: nothing is known.
        assert_eq!(added("sharaa m", "sharab m"), None);
        assert_eq!(added("put", "put."), None);
        assert_eq!(added("put", "putI"), None);
        assert_eq!(added("a", "a b c"), None);
    }
}
