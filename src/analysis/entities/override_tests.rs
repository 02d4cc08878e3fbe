//! Each user override changes the clusters as it says.

use super::test_support::*;
use super::*;
use EntityKind::{Org, Person, Place};

#[test]
fn merge_override_joins_unrelated_entities() {
    let articles = [doc(
        "Kremlin and Moscow",
        &[("Kremlin", Org), ("Moscow", Place)],
    )];
    let merge = EntityOverride::Merge {
        from: "kremlin".into(),
        into: "Moscow".into(),
    };
    assert_apart(&articles, "Kremlin", "Moscow");
    assert_together(&articles, &[merge], &["Kremlin", "Moscow"]);
}

#[test]
fn split_override_keeps_sana_apart_from_the_agency() {
    let articles = [
        doc(
            "the Syrian Arab News Agency Sana reported",
            &[("Syrian Arab News Agency", Org), ("Sana", Org)],
        ),
        doc("Sana said", &[("Sana", Org)]),
    ];
    let split = EntityOverride::Split {
        text: "Sana".into(),
        from: "Syrian Arab News Agency".into(),
    };
    let index = cluster_entities(&articles, &[split]);
    let sana = one(&index, &articles, "Sana");
    assert_ne!(sana, one(&index, &articles, "Syrian Arab News Agency"));
    assert_eq!(index.entity(sana).name, "Sana");
}

#[test]
fn split_override_sends_a_bare_surname_elsewhere() {
    let articles = [doc(
        "Bashar al-Assad and Hafez al-Assad. Assad",
        &[
            ("Bashar al-Assad", Person),
            ("Hafez al-Assad", Person),
            ("Assad", Person),
        ],
    )];
    let split = EntityOverride::Split {
        text: "Assad".into(),
        from: "Bashar al-Assad".into(),
    };
    let index = cluster_entities(&articles, &[split]);
    assert_ne!(
        one(&index, &articles, "Assad"),
        one(&index, &articles, "Bashar al-Assad")
    );
}

#[test]
fn retype_override_changes_the_kind_and_the_clusters() {
    let articles = [doc(
        "Kremlin, the Kremlin",
        &[("Kremlin", Org), ("Kremlin", Place)],
    )];
    assert_eq!(cluster_entities(&articles, &[]).entities.len(), 2);
    let retype = EntityOverride::Retype {
        text: "kremlin".into(),
        kind: Place,
    };
    let index = cluster_entities(&articles, &[retype]);
    assert_eq!(index.entities.len(), 1);
    assert_eq!(index.entities[0].kind, Place);
}

#[test]
fn not_entity_override_removes_the_mentions() {
    let articles = [doc(
        "Show More about Syria",
        &[("Show More", Org), ("Syria", Place)],
    )];
    let removed = EntityOverride::NotEntity {
        text: "show more".into(),
    };
    let index = cluster_entities(&articles, &[removed]);
    assert_eq!(index.assignments[0][0], None);
    assert!(index.assignments[0][1].is_some());
    assert_eq!(index.entities.len(), 1);
}
