//! The fuzzy finder popup and the in-article search prompt, as the reader holds them.

use crate::analysis::finder::{Results, Target};
use crate::analysis::search::SearchMode;
use crate::text::ByteSpan;

/// The finder popup: the query as typed, the latest results (they may lag the query: the
/// search runs off the input path), and the selected row.
#[derive(Clone, Debug, Default)]
pub struct Finder {
    pub query: String,
    /// Bumped on every query change; results carry the sequence they answer.
    pub seq: u64,
    pub results: Option<Results>,
    /// The sequence `results` answer.
    pub results_seq: u64,
    pub cursor: usize,
    /// `Enter` came before the results of the latest query: jump when they arrive.
    pub accept_pending: bool,
}

/// The in-article search: the prompt while typing, and the matches kept after `Enter`.
#[derive(Clone, Debug, Default)]
pub struct Search {
    pub query: String,
    pub mode: SearchMode,
    /// `n`/`N` go on into the next article when this is on.
    pub corpus_wide: bool,
    /// Typing in the prompt.
    pub typing: bool,
    /// Matches in the open article, for highlighting.
    pub matches: Vec<ByteSpan>,
    /// The article the matches are for.
    pub article: usize,
    /// Why the query is not usable (an invalid regex).
    pub error: Option<String>,
    /// Where the reader was when the prompt opened; `Esc` goes back there.
    pub origin: Option<crate::state::jump_list::Place>,
}

/// What `n` / `N` follow: the last one set.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub enum Follow {
    #[default]
    Entity,
    Search,
}

/// Recently visited finder targets, most recent first.
#[derive(Clone, Debug, Default)]
pub struct RecentTargets {
    pub targets: Vec<Target>,
}

impl RecentTargets {
    pub fn visit(&mut self, target: Target) {
        self.targets.retain(|t| *t != target);
        self.targets.insert(0, target);
        self.targets.truncate(50);
    }
}
