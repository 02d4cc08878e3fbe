//! Which full-window view is open: reading (the panes), the comparison of two sources, the
//! story map, or the entity coverage grid; and where the reader is in each.

use super::compare::CompareView;

/// How the story map orders facts.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub enum FactOrder {
    /// Facts most sources carry first.
    #[default]
    Consensus,
    /// Single-source facts first.
    Exclusive,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MapView {
    /// The story shown (index into the analysis's stories).
    pub story: usize,
    /// Fact indexes in display order.
    pub order: Vec<usize>,
    pub sort: FactOrder,
    pub cursor: usize,
    /// Showing every source's wording of the fact under the cursor; the member selected.
    pub detail: Option<usize>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CoverageView {
    /// The story shown (index into the analysis's stories).
    pub story: usize,
    pub cursor: usize,
}

#[derive(Default)]
pub enum Screen {
    #[default]
    Read,
    Compare(Box<CompareView>),
    Map(MapView),
    Coverage(CoverageView),
}
