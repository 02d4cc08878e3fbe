//! The fuzzy finder's engine: one immutable index of everything a person may look for in a
//! corpus — sources, entities, annotations, sentences — and a ranked search over it. No
//! terminal types and no I/O: the reader's finder popup and `parallax find` both call
//! [`FinderIndex::search`], the popup from a worker thread (the index is `Send + Sync`; share
//! it behind an `Arc`).
//!
//! Matching rules:
//! - A query is split on spaces into terms. Every term must match the candidate (in any order,
//!   each in any of its fields); the candidate's score is the sum of the terms' scores, each
//!   the best over the candidate's fields, plus a small boost for recently visited targets.
//!   "nat her" finds "National Herald". An entity's aliases count for a term only when its
//!   name does not match it ("khmeim" finds Hmeimim through "Khmeimim").
//! - A term matches fuzzily, as a subsequence, scored by the skim V2 algorithm
//!   (fuzzy-matcher's SkimMatcherV2): contiguous runs and word starts score higher.
//! - Smart case, per term: a term with an upper-case letter matches case, others ignore it.
//! - Diacritics are ignored on both sides ("sharaa" finds "Šaraa"); "-", "'" and "’" are
//!   optional ("al sharaa", "alsharaa" and "al-sharaa" find "al-Sharaa").
//! - A first character `@`, `#`, `!` or `"` limits the search to sources, entities,
//!   annotations or sentences. Equal scores rank sources, then entities, annotations,
//!   sentences, then candidates in corpus order.
//!
//! How it stays fast: candidate text is folded once, at build time, into one arena. Per search
//! each ASCII candidate gets bitsets of where the query's bytes occur (`masks.rs`, SSE2); the
//! subsequence test and an exact copy of the skim recurrence that visits only matching cells
//! (`score.rs`, held to SkimMatcherV2's score by a property test) run on them — unless the
//! candidate's byte presence summary, made at build time (`presence.rs`), already shows that
//! some byte of the query is missing, so most candidates of a selective query cost one load.
//! Ranking takes two passes, so that no candidate is scored only because better ones come
//! later in corpus order. The first, split over the cores, finds every match and, for a
//! one-field ASCII candidate, an upper bound from the same bitsets: the best unbroken chain
//! of each term (`score/chain.rs`), which is the exact score whenever such a chain exists —
//! as it does for nearly every good hit — and a per-byte bound besides when it does not. The
//! best exact scores found so far set a floor that cheaper bounds are checked against first.
//! The second pass scores exactly only the matches whose bounds reach the `limit`-th best
//! score, and only those go to SkimMatcherV2 itself for their final scores and positions. A
//! query that extends the previous one re-ranks only its survivors, each starting from its
//! previous bound plus the most the added characters can add (`lookup::added_at_most`; for a
//! new last term, that term's own cheap chain bound over the candidate), which alone rules
//! most of them out once the floor is known.

mod bits;
pub mod fold;
mod from_corpus;
mod hit;
mod index;
mod lookup;
mod masks;
mod presence;
mod query;
mod rank;
mod recent;
mod results;
mod score;
mod target;

pub use index::{Field, FinderIndex, IndexBuilder};
pub use lookup::{SearchOptions, DEFAULT_LIMIT};
pub use query::MAX_QUERY_CHARS;
pub use recent::Recent;
pub use results::{Context, Hit, Results};
pub use target::{Kind, Span, Target};

#[cfg(test)]
mod tests;
