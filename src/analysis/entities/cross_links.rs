//! Links across articles: defined acronyms hold corpus-wide, spellings of one name join, a bare
//! surname that no article context resolved joins the most-mentioned person of that surname,
//! and an acronym never defined joins the one long name whose initials it spells ("U.S.").

use super::acronym::{acronym_letters, initials};
use super::cluster_set::ClusterSet;
use super::local_links::LocalLinks;
use super::mention_table::{FormId, MentionTable};
use super::spelling_links::link_spelling_variants;
use crate::analysis::entity_kind::EntityKind;
use std::cmp::Reverse;
use std::collections::{BTreeMap, HashMap};

pub(crate) fn link_across_articles(
    table: &MentionTable,
    links: &LocalLinks,
    clusters: &mut ClusterSet,
) {
    link_defined_acronyms(table, links, clusters);
    link_spelling_variants(table, clusters);
    link_bare_people(table, links, clusters);
    link_undefined_acronyms(table, links, clusters);
}

/// An acronym defined anywhere means, where it is not defined, the long form most articles give.
fn link_defined_acronyms(table: &MentionTable, links: &LocalLinks, clusters: &mut ClusterSet) {
    for ((kind, key), longs) in &links.acronyms {
        let Some(acronym) = table.find_form(*kind, key) else {
            continue;
        };
        let mut ranked: Vec<(&FormId, &usize)> = longs.iter().collect();
        ranked.sort_by_key(|&(&form, &count)| (Reverse(count), form));
        for (&long, _) in ranked {
            if clusters.union(acronym, long) {
                break;
            }
        }
    }
}

/// A bare surname that its article did not resolve joins the corpus-wide most-mentioned cluster
/// holding a full name with that surname.
fn link_bare_people(table: &MentionTable, links: &LocalLinks, clusters: &mut ClusterSet) {
    let mut by_surname: HashMap<&str, Vec<FormId>> = HashMap::new();
    for (id, form) in table.forms.iter().enumerate() {
        if let (true, Some(surname)) = (form.is_full_person(), form.tokens.last()) {
            by_surname.entry(surname).or_default().push(id as FormId);
        }
    }
    let totals = mentions_per_root(links, clusters);
    for (id, form) in table.forms.iter().enumerate() {
        if !form.is_bare_person() {
            continue;
        }
        let Some(people) = by_surname.get(form.tokens[0].as_str()) else {
            continue;
        };
        let mut roots: Vec<u32> = people.iter().map(|&p| clusters.find(p)).collect();
        roots.sort_unstable();
        roots.dedup();
        roots.sort_by_key(|root| (Reverse(totals.get(root).copied().unwrap_or(0)), *root));
        for root in roots {
            if clusters.union(id as FormId, root) {
                break;
            }
        }
    }
}

fn mentions_per_root(links: &LocalLinks, clusters: &mut ClusterSet) -> HashMap<u32, usize> {
    let mut totals = HashMap::new();
    for &node in links.mention_nodes.iter().flatten().flatten() {
        *totals.entry(clusters.find(node)).or_insert(0) += 1;
    }
    totals
}

/// An organisation or place written in capitals and defined nowhere ("US", "U.S.") joins the
/// long name of its kind whose initials it spells, when exactly one cluster has such a name.
fn link_undefined_acronyms(table: &MentionTable, links: &LocalLinks, clusters: &mut ClusterSet) {
    let eligible = |kind: EntityKind| matches!(kind, EntityKind::Org | EntityKind::Place);
    let acronyms: Vec<(FormId, String)> = (0..table.forms.len() as FormId)
        .filter_map(|id| {
            let form = table.form(id);
            if !eligible(form.kind) || !form.written_as_acronym {
                return None;
            }
            if links.acronyms.contains_key(&(form.kind, form.key.clone())) {
                return None;
            }
            Some((id, acronym_letters(&form.surface)?))
        })
        .collect();
    if acronyms.is_empty() {
        return;
    }
    let mut by_initials: BTreeMap<(EntityKind, String), Vec<FormId>> = BTreeMap::new();
    for (id, form) in table.forms.iter().enumerate() {
        if eligible(form.kind) && form.tokens.len() >= 2 {
            for letters in initials(&form.surface) {
                by_initials
                    .entry((form.kind, letters))
                    .or_default()
                    .push(id as FormId);
            }
        }
    }
    for (id, letters) in acronyms {
        let Some(longs) = by_initials.get(&(table.form(id).kind, letters)) else {
            continue;
        };
        let mut roots: Vec<u32> = longs.iter().map(|&l| clusters.find(l)).collect();
        roots.sort_unstable();
        roots.dedup();
        if let [root] = roots[..] {
            clusters.union(id, root);
        }
    }
}
