//! Recently visited targets, most recent first: the caller's jump list, as the finder reads it.
//! A recent target gets a small score boost, so among similar matches the one just visited
//! comes first, without letting a weak match of a recent target beat a strong one.

use super::target::Target;

/// The boost of the most recent target, in skim score points (a matched character is worth
/// 16, a word-start bonus 8).
pub const RECENT_BOOST_MAX: i64 = 16;
/// Each older target gets this much less, down to [`RECENT_BOOST_MIN`].
pub const RECENT_BOOST_STEP: i64 = 1;
pub const RECENT_BOOST_MIN: i64 = 4;
/// Targets further back than this are not boosted.
pub const RECENT_LIMIT: usize = 32;

/// Recently visited targets, most recent first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Recent {
    targets: Vec<Target>,
}

impl Recent {
    /// From the caller's history, most recent first; repeats after the first are ignored.
    pub fn new(targets: impl IntoIterator<Item = Target>) -> Recent {
        let mut kept: Vec<Target> = Vec::new();
        for target in targets {
            if kept.len() == RECENT_LIMIT {
                break;
            }
            if !kept.contains(&target) {
                kept.push(target);
            }
        }
        Recent { targets: kept }
    }

    pub fn targets(&self) -> &[Target] {
        &self.targets
    }

    /// The boost of the target at `rank` (0 = most recent).
    pub fn boost_at(rank: usize) -> i64 {
        (RECENT_BOOST_MAX - rank as i64 * RECENT_BOOST_STEP).max(RECENT_BOOST_MIN)
    }
}
