//! The alignment of two articles: every sentence link, which of them are primary (the one-to-one
//! matching), the one-sided sentences, and whether the pair is a near-duplicate.

use super::pair_score::LinkKind;
use serde::Serialize;

/// Two sentences that share a fact.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Link {
    /// Sentence index in the left article.
    pub left: usize,
    /// Sentence index in the right article.
    pub right: usize,
    pub score: f32,
    pub kind: LinkKind,
    /// The shared terms that justify the link, heaviest first, as shown to a person.
    pub shared: Vec<String>,
    /// Part of the one-to-one matching that lays the two articles side by side.
    pub primary: bool,
}

/// How two articles' sentences correspond.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Alignment {
    /// Article indexes in the corpus.
    pub left: usize,
    pub right: usize,
    /// Sorted by (left, right).
    pub links: Vec<Link>,
    /// Sentences with no link, ascending.
    pub left_only: Vec<usize>,
    pub right_only: Vec<usize>,
    /// Share of all sentences of both articles whose primary link is near-identical.
    pub shared_share: f32,
    /// Most sentences shared: a syndicated or republished piece.
    pub near_duplicate: bool,
}

/// One line of the side-by-side view: a left sentence, its primary counterpart, or a sentence
/// of one side alone.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Row {
    pub left: Option<usize>,
    pub right: Option<usize>,
}

impl Alignment {
    /// The same alignment seen from the other side.
    pub fn mirrored(&self) -> Alignment {
        let mut links: Vec<Link> = self
            .links
            .iter()
            .map(|l| Link {
                left: l.right,
                right: l.left,
                ..l.clone()
            })
            .collect();
        links.sort_by_key(|l| (l.left, l.right));
        Alignment {
            left: self.right,
            right: self.left,
            links,
            left_only: self.right_only.clone(),
            right_only: self.left_only.clone(),
            shared_share: self.shared_share,
            near_duplicate: self.near_duplicate,
        }
    }

    /// Every link of a left sentence, primary first.
    pub fn links_of_left(&self, sentence: usize) -> impl Iterator<Item = &Link> {
        let mut links: Vec<&Link> = self.links.iter().filter(|l| l.left == sentence).collect();
        links.sort_by_key(|l| !l.primary);
        links.into_iter()
    }

    /// Every link of a right sentence, primary first.
    pub fn links_of_right(&self, sentence: usize) -> impl Iterator<Item = &Link> {
        let mut links: Vec<&Link> = self.links.iter().filter(|l| l.right == sentence).collect();
        links.sort_by_key(|l| !l.primary);
        links.into_iter()
    }

    /// The primary link of a left sentence.
    pub fn primary_of_left(&self, sentence: usize) -> Option<&Link> {
        self.links.iter().find(|l| l.left == sentence && l.primary)
    }

    /// Display rows for a side-by-side view, given each article's sentence count: every left
    /// sentence in order beside its primary counterpart; every right sentence without a primary
    /// link on a row of its own, after the row of the nearest earlier right sentence that has one
    /// (before the first such row when none is earlier). Each sentence appears exactly once.
    pub fn rows(&self, left_len: usize, right_len: usize) -> Vec<Row> {
        let primary_right: Vec<Option<usize>> = (0..left_len)
            .map(|i| self.primary_of_left(i).map(|l| l.right))
            .collect();
        let mut row_of_right: Vec<Option<usize>> = vec![None; right_len];
        for (i, r) in primary_right.iter().enumerate() {
            if let Some(r) = *r {
                if r < right_len {
                    row_of_right[r] = Some(i);
                }
            }
        }
        // Unmatched right sentences, keyed by the left row they follow (None = before all).
        let mut after: Vec<Vec<usize>> = vec![Vec::new(); left_len];
        let mut leading: Vec<usize> = Vec::new();
        for r in 0..right_len {
            if row_of_right[r].is_some() {
                continue;
            }
            let anchor = (0..r).rev().find_map(|p| row_of_right[p]);
            match anchor {
                Some(row) => after[row].push(r),
                None => leading.push(r),
            }
        }
        let mut rows: Vec<Row> = leading
            .into_iter()
            .map(|r| Row {
                left: None,
                right: Some(r),
            })
            .collect();
        for (i, right) in primary_right.into_iter().enumerate() {
            rows.push(Row {
                left: Some(i),
                right,
            });
            rows.extend(after[i].iter().map(|&r| Row {
                left: None,
                right: Some(r),
            }));
        }
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(left: usize, right: usize, primary: bool) -> Link {
        Link {
            left,
            right,
            score: 0.5,
            kind: LinkKind::Paraphrase,
            shared: vec![],
            primary,
        }
    }

    #[test]
    fn rows_place_right_only_sentences_after_their_nearest_aligned_neighbour() {
        let alignment = Alignment {
            links: vec![link(0, 1, true), link(1, 3, true), link(1, 2, false)],
            ..Alignment::default()
        };
        let rows: Vec<(Option<usize>, Option<usize>)> = alignment
            .rows(3, 5)
            .into_iter()
            .map(|r| (r.left, r.right))
            .collect();
        assert_eq!(
            rows,
            [
                (None, Some(0)),
                (Some(0), Some(1)),
                (None, Some(2)),
                (Some(1), Some(3)),
                (None, Some(4)),
                (Some(2), None),
            ]
        );
    }

    #[test]
    fn mirroring_twice_is_the_identity() {
        let alignment = Alignment {
            left: 0,
            right: 1,
            links: vec![link(0, 1, true), link(2, 0, false)],
            left_only: vec![1],
            right_only: vec![2],
            ..Alignment::default()
        };
        assert_eq!(alignment.mirrored().mirrored(), alignment);
        assert_eq!(alignment.mirrored().links[0].left, 0);
        assert_eq!(alignment.mirrored().links[0].right, 2);
    }
}
