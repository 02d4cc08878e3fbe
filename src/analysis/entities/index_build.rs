//! Turns the final clusters into the `EntityIndex`: aliases with counts, the canonical name,
//! the kind, a slug, the order, and each mention's entity.

use super::cluster_set::ClusterSet;
use super::fold::{fold_tokens, slugify};
use super::mention_table::MentionTable;
use super::{Alias, Entity, EntityId, EntityIndex};
use crate::analysis::entity_kind::EntityKind;
use std::cmp::Reverse;
use std::collections::{HashMap, HashSet};

/// One cluster's mentions, gathered before it becomes an `Entity`.
#[derive(Default)]
struct Draft {
    aliases: HashMap<String, usize>,
    kinds: [usize; EntityKind::ALL.len()],
    articles: Vec<usize>,
    mentions: usize,
}

pub(crate) fn build_index(
    table: &MentionTable,
    mention_nodes: &[Vec<Option<u32>>],
    clusters: &mut ClusterSet,
) -> EntityIndex {
    let mut drafts: Vec<Draft> = Vec::new();
    let mut draft_of_root: HashMap<u32, usize> = HashMap::new();
    let mut draft_assignments: Vec<Vec<Option<usize>>> = Vec::with_capacity(mention_nodes.len());
    for (article, (records, nodes)) in table.mentions.iter().zip(mention_nodes).enumerate() {
        let assigned = records
            .iter()
            .zip(nodes)
            .map(|(record, node)| {
                let (record, node) = (record.as_ref()?, (*node)?);
                let root = clusters.find(node);
                let index = *draft_of_root.entry(root).or_insert_with(|| {
                    drafts.push(Draft::default());
                    drafts.len() - 1
                });
                let draft = &mut drafts[index];
                *draft.aliases.entry(record.surface.clone()).or_default() += 1;
                let kind = table.form(record.form).kind;
                draft.kinds[EntityKind::ALL.iter().position(|&k| k == kind).unwrap_or(0)] += 1;
                if draft.articles.last() != Some(&article) {
                    draft.articles.push(article);
                }
                draft.mentions += 1;
                Some(index)
            })
            .collect();
        draft_assignments.push(assigned);
    }
    let mut entities: Vec<(usize, Entity)> = drafts.into_iter().map(finish).enumerate().collect();
    entities.sort_by(|(_, a), (_, b)| {
        (Reverse(a.mentions), &a.name, a.kind).cmp(&(Reverse(b.mentions), &b.name, b.kind))
    });
    let mut entity_of_draft = vec![EntityId(0); entities.len()];
    let mut slugs: HashSet<String> = HashSet::new();
    for (position, (draft, entity)) in entities.iter_mut().enumerate() {
        entity.id = EntityId(position as u32);
        entity.slug = unique_slug(&entity.name, &mut slugs);
        entity_of_draft[*draft] = entity.id;
    }
    EntityIndex {
        entities: entities.into_iter().map(|(_, e)| e).collect(),
        assignments: draft_assignments
            .into_iter()
            .map(|row| {
                row.into_iter()
                    .map(|d| d.map(|d| entity_of_draft[d]))
                    .collect()
            })
            .collect(),
    }
}

/// Aliases most common first; the name is the most common full form (several words after
/// folding beat one); the kind is the one most mentions have.
fn finish(draft: Draft) -> Entity {
    let mut aliases: Vec<Alias> = draft
        .aliases
        .into_iter()
        .map(|(text, count)| Alias { text, count })
        .collect();
    aliases.sort_by(|a, b| (Reverse(a.count), &a.text).cmp(&(Reverse(b.count), &b.text)));
    let name = aliases
        .iter()
        .find(|a| fold_tokens(&a.text).len() >= 2)
        .or(aliases.first())
        .map(|a| a.text.clone())
        .unwrap_or_default();
    let kind_index = (0..draft.kinds.len())
        .max_by_key(|&i| (draft.kinds[i], Reverse(i)))
        .unwrap_or(0);
    Entity {
        id: EntityId(0),
        slug: String::new(),
        name,
        kind: EntityKind::ALL[kind_index],
        aliases,
        mentions: draft.mentions,
        articles: draft.articles,
    }
}

/// The slug of a name, suffixed `-2`, `-3`… when an earlier entity has it.
fn unique_slug(name: &str, taken: &mut HashSet<String>) -> String {
    let base = match slugify(name) {
        s if s.is_empty() => "entity".to_string(),
        s => s,
    };
    let mut slug = base.clone();
    let mut n = 2;
    while !taken.insert(slug.clone()) {
        slug = format!("{base}-{n}");
        n += 1;
    }
    slug
}
