//! Canonical entities across sources: clusters the recogniser's mentions into entities, merging
//! each one's spelling variants ("Ahmed Al-Sharaa", "Al-Charaa", "Sharaa"). Pure: mentions and
//! user overrides in, an `EntityIndex` out; no I/O, no terminal types.
//!
//! The rules, in the order they run:
//! 1. every mention gets a form: its kind (after `Retype`/`NotEntity`) and folding key;
//! 2. within an article, a bare surname joins the full name the article means (else a bare
//!    first name does), and a defined acronym joins its long form (`local_links`);
//! 3. across articles, defined acronyms hold, spelling variants join (`spelling_links`), an
//!    unresolved bare surname joins the most-mentioned person of that surname, and an undefined
//!    capitalised acronym joins the one long name it spells (`cross_links`);
//! 4. user merges apply last. Splits and first names guard every union (`cluster_set`).

mod acronym;
mod cluster_set;
mod cross_links;
mod fold;
mod index_build;
mod local_links;
mod mention_table;
mod name_match;
mod overrides;
mod spelling_links;

#[cfg(test)]
mod override_tests;
#[cfg(test)]
mod rule_tests;
#[cfg(test)]
mod scale_tests;
#[cfg(test)]
mod test_support;

pub use fold::{fold_case_and_marks, fold_name};
pub use overrides::EntityOverride;

use crate::analysis::entity_kind::EntityKind;
use crate::text::ByteSpan;
use cluster_set::{ClusterSet, NodeGuard};
use mention_table::MentionTable;
use overrides::OverrideRules;
use serde::{Deserialize, Serialize};

/// One recognised mention: where it is and what kind of thing it names.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct MentionInput {
    pub span: ByteSpan,
    pub kind: EntityKind,
}

/// An article's text and its mentions, sorted and non-overlapping.
#[derive(Clone, Debug)]
pub struct ArticleMentions<'a> {
    pub text: &'a str,
    pub mentions: Vec<MentionInput>,
}

/// An entity's place in `EntityIndex::entities`.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct EntityId(pub u32);

/// One real-world thing the corpus mentions, under all its spellings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    pub id: EntityId,
    /// Lower-case hyphenated canonical name, unique in the index: "ahmad-al-sharaa".
    pub slug: String,
    /// The most common full form (several words beat one).
    pub name: String,
    pub kind: EntityKind,
    /// Every surface text, most common first.
    pub aliases: Vec<Alias>,
    pub mentions: usize,
    /// Indexes of the articles that mention it, ascending.
    pub articles: Vec<usize>,
}

/// One spelling of an entity as written (whitespace collapsed), and how often it occurs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alias {
    pub text: String,
    pub count: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityIndex {
    /// Sorted by mentions (most first), then name; `entities[i].id == EntityId(i)`.
    pub entities: Vec<Entity>,
    /// Per article, per input mention: its entity. `None` when an override removed it (or its
    /// span does not lie on character boundaries of the text).
    pub assignments: Vec<Vec<Option<EntityId>>>,
}

impl EntityIndex {
    pub fn entity(&self, id: EntityId) -> &Entity {
        &self.entities[id.0 as usize]
    }

    /// The entity of mention `mention` of article `article`, if it has one.
    pub fn entity_of(&self, article: usize, mention: usize) -> Option<&Entity> {
        let id = (*self.assignments.get(article)?.get(mention)?)?;
        self.entities.get(id.0 as usize)
    }
}

/// Clusters every article's mentions into entities, with the user's overrides as inputs.
pub fn cluster_entities(articles: &[ArticleMentions], overrides: &[EntityOverride]) -> EntityIndex {
    let rules = OverrideRules::compile(overrides);
    let table = MentionTable::build(articles, &rules);
    let mut clusters = ClusterSet::default();
    for form in &table.forms {
        let first_names = match form.is_full_person() {
            true => vec![form.tokens[0].clone()],
            false => Vec::new(),
        };
        clusters.add_node(NodeGuard {
            split_sides: rules.split_sides(&form.key),
            first_names,
        });
    }
    let links = local_links::link_within_articles(articles, &table, &rules, &mut clusters);
    cross_links::link_across_articles(&table, &links, &mut clusters);
    rules.apply_merges(&table, &links.mention_nodes, &mut clusters);
    index_build::build_index(&table, &links.mention_nodes, &mut clusters)
}
