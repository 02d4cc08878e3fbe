//! The side-by-side comparison of two sources: the alignment, one display row per sentence
//! group, the words found on one side only and the possible discrepancies of each row, and
//! where the reader is in it. Built from the corpus analysis; no I/O.

use crate::analysis::align::{
    align_articles, discrepancies, word_diff, Alignment, DiffKind, Discrepancy, LinkKind, Side,
};
use crate::analysis::CorpusAnalysis;
use crate::corpus::Corpus;
use crate::text::ByteSpan;

/// What a row shows, for its gutter mark.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum RowKind {
    NearIdentical,
    Paraphrase,
    Partial,
    LeftOnly,
    RightOnly,
}

impl RowKind {
    pub fn mark(self) -> &'static str {
        match self {
            RowKind::NearIdentical => "≡",
            RowKind::Paraphrase => "≈",
            RowKind::Partial => "∼",
            RowKind::LeftOnly => "◀",
            RowKind::RightOnly => "▶",
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            RowKind::NearIdentical => "near-identical",
            RowKind::Paraphrase => "paraphrase",
            RowKind::Partial => "partial overlap",
            RowKind::LeftOnly => "left only",
            RowKind::RightOnly => "right only",
        }
    }
}

#[derive(Clone, Debug)]
pub struct CompareRow {
    /// Sentence indexes.
    pub left: Option<usize>,
    pub right: Option<usize>,
    pub kind: RowKind,
    /// Links beyond the primary one, shown as secondary marks.
    pub secondary: usize,
    /// Source byte spans of the words each side has and the other does not.
    pub left_only_words: Vec<ByteSpan>,
    pub right_only_words: Vec<ByteSpan>,
    pub discrepancies: Vec<Discrepancy>,
}

impl CompareRow {
    /// A row a reader would call a difference: one-sided, reworded, or with a flagged figure.
    pub fn is_difference(&self) -> bool {
        self.kind != RowKind::NearIdentical || !self.discrepancies.is_empty()
    }
}

/// Which rows show.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub enum CompareFilter {
    #[default]
    All,
    Differences,
    Shared,
}

impl CompareFilter {
    pub fn next(self) -> CompareFilter {
        match self {
            CompareFilter::All => CompareFilter::Differences,
            CompareFilter::Differences => CompareFilter::Shared,
            CompareFilter::Shared => CompareFilter::All,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            CompareFilter::All => "all",
            CompareFilter::Differences => "differences",
            CompareFilter::Shared => "shared",
        }
    }

    fn keeps(self, row: &CompareRow) -> bool {
        match self {
            CompareFilter::All => true,
            CompareFilter::Differences => row.is_difference(),
            CompareFilter::Shared => row.left.is_some() && row.right.is_some(),
        }
    }
}

pub struct CompareView {
    pub left: usize,
    pub right: usize,
    pub alignment: Alignment,
    pub rows: Vec<CompareRow>,
    pub filter: CompareFilter,
    /// Position among the visible rows.
    pub cursor: usize,
    pub scroll: usize,
    /// The column `a` annotates.
    pub column: Side,
}

impl CompareView {
    pub fn build(
        corpus: &Corpus,
        analysis: &CorpusAnalysis,
        left: usize,
        right: usize,
    ) -> CompareView {
        let alignment = align_articles(&analysis.terms, left, right);
        let (l_article, r_article) = (&corpus.articles[left], &corpus.articles[right]);
        let rows = alignment
            .rows(l_article.sentences.len(), r_article.sentences.len())
            .into_iter()
            .map(|row| {
                let link = row.left.and_then(|l| {
                    alignment
                        .links
                        .iter()
                        .find(|k| k.left == l && Some(k.right) == row.right && k.primary)
                });
                let kind = match (row.left, row.right, link.map(|k| k.kind)) {
                    (Some(_), Some(_), Some(LinkKind::NearIdentical)) => RowKind::NearIdentical,
                    (Some(_), Some(_), Some(LinkKind::Paraphrase)) => RowKind::Paraphrase,
                    (Some(_), Some(_), _) => RowKind::Partial,
                    (Some(_), None, _) => RowKind::LeftOnly,
                    _ => RowKind::RightOnly,
                };
                let links_here = row.left.map_or(0, |l| alignment.links_of_left(l).count())
                    + row.right.map_or(0, |r| alignment.links_of_right(r).count());
                let secondary = links_here.saturating_sub(if link.is_some() { 2 } else { 0 });
                let mut out = CompareRow {
                    left: row.left,
                    right: row.right,
                    kind,
                    secondary,
                    left_only_words: Vec::new(),
                    right_only_words: Vec::new(),
                    discrepancies: Vec::new(),
                };
                if let (Some(l), Some(r), Some(link)) = (row.left, row.right, link) {
                    let (ls, rs) = (l_article.sentences[l], r_article.sentences[r]);
                    for piece in word_diff(l_article.text(ls), r_article.text(rs)) {
                        if piece.kind != DiffKind::OnlyHere {
                            continue;
                        }
                        match piece.side {
                            Side::Left => out.left_only_words.push(shift(piece.span, ls.start)),
                            Side::Right => out.right_only_words.push(shift(piece.span, rs.start)),
                        }
                    }
                    out.discrepancies = discrepancies(
                        analysis.terms.sentence(left, l),
                        &l_article.source,
                        analysis.terms.sentence(right, r),
                        &r_article.source,
                        link.kind,
                    );
                }
                out
            })
            .collect();
        CompareView {
            left,
            right,
            alignment,
            rows,
            filter: CompareFilter::All,
            cursor: 0,
            scroll: 0,
            column: Side::Left,
        }
    }

    /// Indexes of the rows the filter keeps.
    pub fn visible(&self) -> Vec<usize> {
        (0..self.rows.len())
            .filter(|&i| self.filter.keeps(&self.rows[i]))
            .collect()
    }

    /// The row under the cursor.
    pub fn current(&self) -> Option<&CompareRow> {
        self.visible().get(self.cursor).map(|&i| &self.rows[i])
    }

    /// (shared rows, left-only, right-only, similarity in percent).
    pub fn summary(&self) -> (usize, usize, usize, usize) {
        let shared = self
            .rows
            .iter()
            .filter(|r| r.left.is_some() && r.right.is_some())
            .count();
        let left_only = self.alignment.left_only.len();
        let right_only = self.alignment.right_only.len();
        let total = self
            .rows
            .iter()
            .map(|r| r.left.is_some() as usize + r.right.is_some() as usize)
            .sum::<usize>();
        let linked = total - left_only - right_only;
        (
            shared,
            left_only,
            right_only,
            (linked * 100).checked_div(total).unwrap_or(0),
        )
    }
}

fn shift(span: ByteSpan, by: usize) -> ByteSpan {
    ByteSpan::new(span.start + by, span.end + by)
}
