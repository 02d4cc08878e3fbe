//! Links across articles between spellings of one name whose folding keys still differ a
//! little ("Ahmad al-Sharaa" / "Ahmed al-Sharaa"). Forms are grouped by blocking keys and only
//! compared within a group, so the cost grows with the corpus, not with its square.

use super::cluster_set::ClusterSet;
use super::fold::consonant_skeleton;
use super::mention_table::{Form, FormId, MentionTable};
use super::name_match::{first_name_distance, key_distance, word_distance};
use crate::analysis::entity_kind::EntityKind;
use std::collections::{HashMap, HashSet};

/// Each form is compared with this many neighbours (by key order) in each of its blocks.
const WINDOW: usize = 32;
/// A merge that needs an edit (not just folding) needs this many entities that the two forms'
/// articles both mention.
const MIN_SHARED_CONTEXT: usize = 2;
/// How many articles of each form are read to find shared context.
const CONTEXT_ARTICLES: usize = 64;

/// Joins the forms that are spellings of one name.
pub(crate) fn link_spelling_variants(table: &MentionTable, clusters: &mut ClusterSet) {
    let mut candidates: Vec<(usize, FormId, FormId)> = Vec::new();
    let mut compared: HashSet<(FormId, FormId)> = HashSet::new();
    for mut members in blocks(table).into_values() {
        members.sort_by(|&a, &b| table.form(a).key.cmp(&table.form(b).key).then(a.cmp(&b)));
        for (i, &a) in members.iter().enumerate() {
            for &b in members.iter().skip(i + 1).take(WINDOW) {
                let pair = (a.min(b), a.max(b));
                if !compared.insert(pair) {
                    continue;
                }
                if let Some(cost) = spelling_distance(table.form(a), table.form(b)) {
                    candidates.push((cost, pair.0, pair.1));
                }
            }
        }
    }
    // Closest pairs first, so a guard (first names, splits) keeps the better of two rivals.
    candidates.sort_unstable();
    for (cost, a, b) in candidates {
        if clusters.find(a) == clusters.find(b) {
            continue;
        }
        if cost == 0 || has_shared_context(table, a, b) {
            clusters.union(a, b);
        }
    }
}

/// Forms that take part: bare person names, acronyms and dates have rules of their own.
fn takes_part(form: &Form) -> bool {
    form.kind != EntityKind::Date
        && !form.is_bare_person()
        && !form.written_as_acronym
        && !form.tokens.is_empty()
}

/// Groups of forms worth comparing: same kind, and the same consonant skeleton or the same first
/// four letters of the surname (people) or of the whole key (anything else).
fn blocks(table: &MentionTable) -> HashMap<(EntityKind, String), Vec<FormId>> {
    let mut blocks: HashMap<(EntityKind, String), Vec<FormId>> = HashMap::new();
    for (id, form) in table.forms.iter().enumerate() {
        if !takes_part(form) {
            continue;
        }
        let word = if form.is_full_person() {
            form.tokens.last().cloned().unwrap_or_default()
        } else {
            form.tokens.concat()
        };
        let prefix: String = word.chars().take(4).collect();
        for key in [
            format!("s:{}", consonant_skeleton(&word)),
            format!("p:{prefix}"),
        ] {
            blocks
                .entry((form.kind, key))
                .or_default()
                .push(id as FormId);
        }
    }
    blocks
}

/// How far apart two spellings are, or `None` when they name different things. People compare
/// surname and first name (middle names are ignored); anything else compares word by word.
pub(crate) fn spelling_distance(a: &Form, b: &Form) -> Option<usize> {
    if a.kind != b.kind {
        return None;
    }
    if a.is_full_person() && b.is_full_person() {
        let surname = word_distance(a.tokens.last()?, b.tokens.last()?)?;
        let first = first_name_distance(&a.tokens[0], &b.tokens[0])?;
        return Some(surname + first);
    }
    key_distance(&a.tokens, &b.tokens)
}

/// Whether the articles of `a` and those of `b` both mention at least `MIN_SHARED_CONTEXT`
/// entities (dates and the two forms themselves aside).
fn has_shared_context(table: &MentionTable, a: FormId, b: FormId) -> bool {
    let counts = |f: FormId| f != a && f != b && table.form(f).kind != EntityKind::Date;
    let around = |form: FormId| {
        table
            .form(form)
            .articles
            .iter()
            .take(CONTEXT_ARTICLES)
            .flat_map(|&article| table.article_forms[article as usize].iter().copied())
            .filter(move |&f| counts(f))
    };
    let around_a: HashSet<FormId> = around(a).collect();
    let mut shared: Vec<FormId> = Vec::new();
    for f in around(b) {
        if around_a.contains(&f) && !shared.contains(&f) {
            shared.push(f);
            if shared.len() >= MIN_SHARED_CONTEXT {
                return true;
            }
        }
    }
    false
}
