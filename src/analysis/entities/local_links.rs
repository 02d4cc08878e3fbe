//! Links within one article: a bare surname (or first name) joins the full person name the
//! article means, and an acronym defined in the article joins its long form. Each mention gets
//! its node; links the article makes go through a node of its own, so "Assad" can mean Bashar
//! in one article and Hafez in another.

use super::acronym::{abbreviates, parenthesised_after};
use super::cluster_set::{ClusterSet, NodeGuard};
use super::fold::fold_name;
use super::mention_table::{FormId, MentionRecord, MentionTable};
use super::overrides::OverrideRules;
use super::ArticleMentions;
use crate::analysis::entity_kind::EntityKind;
use std::collections::{BTreeMap, HashMap};

/// Acronyms defined in the corpus: (kind, folded acronym) → long forms, with how many articles
/// define each.
pub(crate) type AcronymDefinitions = BTreeMap<(EntityKind, String), BTreeMap<FormId, usize>>;

/// What the within-article pass found.
#[derive(Debug, Default)]
pub(crate) struct LocalLinks {
    /// Per article, per input mention: the clustering node the mention belongs to.
    pub(crate) mention_nodes: Vec<Vec<Option<u32>>>,
    pub(crate) acronyms: AcronymDefinitions,
}

/// Runs the within-article rules on every article. Form nodes must already exist in `clusters`
/// (node id = form id).
pub(crate) fn link_within_articles(
    articles: &[ArticleMentions],
    table: &MentionTable,
    rules: &OverrideRules,
    clusters: &mut ClusterSet,
) -> LocalLinks {
    let mut links = LocalLinks::default();
    for (article, records) in articles.iter().zip(&table.mentions) {
        let defined = acronyms_defined(article.text, records, table);
        for (&(kind, ref key), &long) in &defined {
            *links
                .acronyms
                .entry((kind, key.clone()))
                .or_default()
                .entry(long)
                .or_default() += 1;
        }
        let people = full_people(records, table);
        let mut local_nodes: HashMap<FormId, u32> = HashMap::new();
        let nodes = records
            .iter()
            .map(|record| {
                let record = record.as_ref()?;
                let form = table.form(record.form);
                let target = if form.is_bare_person() {
                    person_meant(&form.tokens[0], &people, table)
                } else {
                    defined.get(&(form.kind, form.key.clone())).copied()
                };
                let Some(target) = target else {
                    return Some(record.form);
                };
                let node = *local_nodes.entry(record.form).or_insert_with(|| {
                    let guard = NodeGuard {
                        split_sides: rules.split_sides(&form.key),
                        first_names: Vec::new(),
                    };
                    let node = clusters.add_node(guard);
                    if !clusters.union(node, target) {
                        clusters.union(node, record.form);
                    }
                    node
                });
                Some(node)
            })
            .collect();
        links.mention_nodes.push(nodes);
    }
    links
}

/// Acronyms the article defines, by (kind, folded acronym): "Syrian Democratic Forces (SDF)",
/// or a long name followed at once by a mention of its acronym ("News Agency Sana").
fn acronyms_defined(
    text: &str,
    records: &[Option<MentionRecord>],
    table: &MentionTable,
) -> HashMap<(EntityKind, String), FormId> {
    let mut defined = HashMap::new();
    for (i, record) in records.iter().enumerate() {
        let Some(record) = record else { continue };
        let form = table.form(record.form);
        if matches!(form.kind, EntityKind::Person | EntityKind::Date) {
            continue;
        }
        let after = text.get(record.end..).unwrap_or("");
        let acronym = parenthesised_after(after, &record.surface)
            .map(str::to_string)
            .or_else(|| {
                let next = records.get(i + 1)?.as_ref()?;
                let gap = text.get(record.end..next.start)?;
                let adjacent = !gap.is_empty() && gap.trim().is_empty();
                let same_kind = table.form(next.form).kind == form.kind;
                (adjacent && same_kind && abbreviates(&next.surface, &record.surface))
                    .then(|| next.surface.clone())
            });
        if let Some(acronym) = acronym {
            defined
                .entry((form.kind, fold_name(&acronym)))
                .or_insert(record.form);
        }
    }
    defined
}

/// A full person name of the article: its form, mentions and first position.
struct FullPerson {
    form: FormId,
    mentions: usize,
    first: usize,
}

fn full_people(records: &[Option<MentionRecord>], table: &MentionTable) -> Vec<FullPerson> {
    let mut people: Vec<FullPerson> = Vec::new();
    for (position, record) in records.iter().enumerate() {
        let Some(record) = record else { continue };
        if !table.form(record.form).is_full_person() {
            continue;
        }
        match people.iter_mut().find(|p| p.form == record.form) {
            Some(person) => person.mentions += 1,
            None => people.push(FullPerson {
                form: record.form,
                mentions: 1,
                first: position,
            }),
        }
    }
    people
}

/// The full name a bare name means in this article: one whose surname it is, else one whose
/// first name it is ("his son Bashar"); the most mentioned, then the first mentioned.
fn person_meant(word: &str, people: &[FullPerson], table: &MentionTable) -> Option<FormId> {
    let best = |matches: &dyn Fn(&[String]) -> bool| {
        people
            .iter()
            .filter(|p| matches(&table.form(p.form).tokens))
            .min_by_key(|p| (std::cmp::Reverse(p.mentions), p.first))
            .map(|p| p.form)
    };
    best(&|tokens| tokens.last().is_some_and(|t| t == word))
        .or_else(|| best(&|tokens| tokens.first().is_some_and(|t| t == word)))
}
