//! User corrections to the entity clusters, and their compiled form: every surface text folded
//! once, so the clustering asks cheap questions of them.

use super::cluster_set::ClusterSet;
use super::fold::fold_name;
use super::mention_table::MentionTable;
use crate::analysis::entity_kind::EntityKind;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// User corrections, applied as inputs to clustering (they come later from annotations). Each
/// names surface forms, compared by their folding key (`fold_name`), so "al-Sharaa" also covers
/// "Al-Sharaa" and "al-Sharaa’s".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "override")]
pub enum EntityOverride {
    /// These surface forms (folded) are the same entity: merge whatever clusters they land in.
    Merge { from: String, into: String },
    /// This surface form must not be clustered with that one.
    Split { text: String, from: String },
    /// Mentions with this surface text have this kind.
    Retype { text: String, kind: EntityKind },
    /// Mentions with this surface text are not entities.
    NotEntity { text: String },
}

/// The overrides with every text folded. A `Split` becomes two sides of a cannot-link
/// constraint: side tags `2 * index` (the `text` side) and `2 * index + 1` (the `from` side).
#[derive(Debug, Default)]
pub(crate) struct OverrideRules {
    retype: HashMap<String, EntityKind>,
    not_entity: HashSet<String>,
    split_sides: HashMap<String, Vec<u32>>,
    merges: Vec<(String, String)>,
}

impl OverrideRules {
    pub(crate) fn compile(overrides: &[EntityOverride]) -> Self {
        let mut rules = OverrideRules::default();
        let mut splits = 0u32;
        for over in overrides {
            match over {
                EntityOverride::Merge { from, into } => {
                    rules.merges.push((fold_name(from), fold_name(into)));
                }
                EntityOverride::Split { text, from } => {
                    let (text, from) = (fold_name(text), fold_name(from));
                    if text != from {
                        rules.split_sides.entry(text).or_default().push(2 * splits);
                        rules
                            .split_sides
                            .entry(from)
                            .or_default()
                            .push(2 * splits + 1);
                        splits += 1;
                    }
                }
                EntityOverride::Retype { text, kind } => {
                    rules.retype.insert(fold_name(text), *kind);
                }
                EntityOverride::NotEntity { text } => {
                    rules.not_entity.insert(fold_name(text));
                }
            }
        }
        rules
    }

    /// The kind a mention with this folding key has after the overrides; `None` when it is not
    /// an entity.
    pub(crate) fn kind_of(&self, key: &str, recognised: EntityKind) -> Option<EntityKind> {
        if self.not_entity.contains(key) {
            return None;
        }
        Some(self.retype.get(key).copied().unwrap_or(recognised))
    }

    /// The cannot-link sides a form with this key stands on (sorted).
    pub(crate) fn split_sides(&self, key: &str) -> Vec<u32> {
        let mut sides = self.split_sides.get(key).cloned().unwrap_or_default();
        sides.sort_unstable();
        sides
    }

    /// Applies every `Merge` last and unconditionally: the clusters that mentions of either
    /// surface form landed in become one.
    pub(crate) fn apply_merges(
        &self,
        table: &MentionTable,
        mention_nodes: &[Vec<Option<u32>>],
        clusters: &mut ClusterSet,
    ) {
        if self.merges.is_empty() {
            return;
        }
        let wanted: HashSet<&str> = self
            .merges
            .iter()
            .flat_map(|(from, into)| [from.as_str(), into.as_str()])
            .collect();
        let mut nodes_of: HashMap<&str, Vec<u32>> = HashMap::new();
        let records = table.mentions.iter().flatten();
        for (record, node) in records.zip(mention_nodes.iter().flatten()) {
            if let (Some(record), Some(node)) = (record, node) {
                let key = table.form(record.form).key.as_str();
                if wanted.contains(key) {
                    nodes_of.entry(key).or_default().push(*node);
                }
            }
        }
        for (from, into) in &self.merges {
            let mut nodes = nodes_of.get(from.as_str()).into_iter().flatten();
            let mut others = nodes_of.get(into.as_str()).into_iter().flatten();
            if let Some(&first) = nodes.next().or_else(|| others.next()) {
                for &node in nodes.chain(others) {
                    clusters.force_union(first, node);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overrides_compile_to_folded_keys() {
        let rules = OverrideRules::compile(&[
            EntityOverride::Retype {
                text: "Kremlin".into(),
                kind: EntityKind::Place,
            },
            EntityOverride::NotEntity {
                text: "Show More".into(),
            },
            EntityOverride::Split {
                text: "Sana".into(),
                from: "Syrian Arab News Agency".into(),
            },
        ]);
        assert_eq!(
            rules.kind_of("kremlin", EntityKind::Org),
            Some(EntityKind::Place)
        );
        assert_eq!(rules.kind_of("show more", EntityKind::Org), None);
        assert_eq!(
            rules.kind_of("moscow", EntityKind::Place),
            Some(EntityKind::Place)
        );
        assert_eq!(rules.split_sides("sana"), [0]);
        assert_eq!(
            rules.split_sides(&fold_name("Syrian Arab News Agency")),
            [1]
        );
    }

    #[test]
    fn overrides_serialise_with_a_tag() {
        let over = EntityOverride::Merge {
            from: "Sana".into(),
            into: "Syrian Arab News Agency".into(),
        };
        let json = serde_json::to_string(&over).unwrap();
        assert_eq!(
            json,
            r#"{"override":"merge","from":"Sana","into":"Syrian Arab News Agency"}"#
        );
        assert_eq!(serde_json::from_str::<EntityOverride>(&json).unwrap(), over);
    }
}
