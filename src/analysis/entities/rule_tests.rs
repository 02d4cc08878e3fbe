//! Each clustering rule on small hand-made articles.

use super::test_support::*;
use super::*;
use EntityKind::{Date, Group, Org, Person, Place};

#[test]
fn surname_joins_the_full_name_in_its_article() {
    let articles = [doc(
        "Vladimir Putin met Dmitry Peskov. Putin and Peskov spoke.",
        &[
            ("Vladimir Putin", Person),
            ("Dmitry Peskov", Person),
            ("Putin", Person),
            ("Peskov", Person),
        ],
    )];
    let index = cluster_entities(&articles, &[]);
    assert_eq!(index.entities.len(), 2);
    let putin = index.entity(one(&index, &articles, "Putin"));
    assert_eq!(putin.name, "Vladimir Putin");
    assert_eq!(putin.slug, "vladimir-putin");
    assert_eq!(one(&index, &articles, "Vladimir Putin"), putin.id);
    assert_ne!(one(&index, &articles, "Peskov"), putin.id);
}

#[test]
fn bare_assad_means_the_full_name_of_its_own_article() {
    let articles = [
        doc(
            "Hafez al-Assad ruled. Assad died.",
            &[("Hafez al-Assad", Person), ("Assad", Person)],
        ),
        doc(
            "Bashar al-Assad fled. Assad left.",
            &[("Bashar al-Assad", Person), ("Assad", Person)],
        ),
    ];
    let index = cluster_entities(&articles, &[]);
    let assads = entities_of(&index, &articles, "Assad");
    assert_eq!(assads[0], one(&index, &articles, "Hafez al-Assad"));
    assert_eq!(assads[1], one(&index, &articles, "Bashar al-Assad"));
    assert_ne!(assads[0], assads[1]);
}

#[test]
fn bare_assad_means_the_most_mentioned_assad_of_its_article() {
    let articles = [doc(
        "Hafez al-Assad and Bashar al-Assad; Bashar al-Assad fled. Assad left.",
        &[
            ("Hafez al-Assad", Person),
            ("Bashar al-Assad", Person),
            ("Bashar al-Assad", Person),
            ("Assad", Person),
        ],
    )];
    assert_together(&articles, &[], &["Assad", "Bashar al-Assad"]);
    assert_apart(&articles, "Assad", "Hafez al-Assad");
}

#[test]
fn bare_assad_without_a_full_name_means_the_corpus_most_mentioned() {
    let articles = [
        doc(
            "Bashar al-Assad. Bashar al-Assad.",
            &[("Bashar al-Assad", Person), ("Bashar al-Assad", Person)],
        ),
        doc("Hafez al-Assad.", &[("Hafez al-Assad", Person)]),
        doc("Assad fell.", &[("Assad", Person)]),
    ];
    assert_together(&articles, &[], &["Assad", "Bashar al-Assad"]);
    assert_apart(&articles, "Hafez al-Assad", "Bashar al-Assad");
}

#[test]
fn bare_first_name_joins_the_only_full_name_it_starts() {
    let articles = [doc(
        "Hafez al-Assad and his son Bashar. Bashar al-Assad fled.",
        &[
            ("Hafez al-Assad", Person),
            ("Bashar", Person),
            ("Bashar al-Assad", Person),
        ],
    )];
    assert_together(&articles, &[], &["Bashar", "Bashar al-Assad"]);
}

#[test]
fn parenthesised_acronym_joins_its_long_form_across_the_corpus() {
    let articles = [
        doc(
            "The Syrian Democratic Forces (SDF) said.",
            &[("Syrian Democratic Forces", Org)],
        ),
        doc("The SDF withdrew.", &[("SDF", Org)]),
    ];
    let index = cluster_entities(&articles, &[]);
    assert_eq!(index.entities.len(), 1);
    assert_eq!(index.entities[0].name, "Syrian Democratic Forces");
    assert_eq!(index.entities[0].articles, [0, 1]);
}

#[test]
fn adjacent_acronym_mention_joins_its_long_form() {
    let articles = [
        doc(
            "the Syrian Arab News Agency Sana reported",
            &[("Syrian Arab News Agency", Org), ("Sana", Org)],
        ),
        doc("Sana said", &[("Sana", Org)]),
    ];
    assert_together(&articles, &[], &["Sana", "Syrian Arab News Agency"]);
}

#[test]
fn undefined_acronym_joins_the_one_long_name_it_spells() {
    let articles = [
        doc(
            "The United States and the U.S. and the US.",
            &[("United States", Place), ("U.S.", Place), ("US", Place)],
        ),
        doc(
            "The PA, the Palestinian Authority and the Press Association.",
            &[
                ("PA", Org),
                ("Palestinian Authority", Org),
                ("Press Association", Org),
            ],
        ),
    ];
    assert_together(&articles, &[], &["US", "U.S.", "United States"]);
    assert_apart(&articles, "PA", "Palestinian Authority");
    assert_apart(&articles, "PA", "Press Association");
}

#[test]
fn transliteration_variants_join_across_articles() {
    for (a, b, kind) in [
        ("Khmeimim", "Hmeimim", Place),
        ("Tartous", "Tartus", Place),
        ("Ahmad Al-Charaa", "Ahmed al-Sharaa", Person),
        ("Bashar el-Assad", "Bashar Assad", Person),
        ("Bahrein", "Bahrain", Place),
    ] {
        assert_together(&story((a, kind), (b, kind)), &[], &[a, b]);
    }
}

#[test]
fn a_near_spelling_needs_shared_context() {
    let articles = [
        doc(
            "Ahmad al-Sharaa in Moscow with Putin.",
            &[
                ("Ahmad al-Sharaa", Person),
                ("Moscow", Place),
                ("Putin", Person),
            ],
        ),
        doc(
            "Ahmed al-Sharaa on a football pitch.",
            &[("Ahmed al-Sharaa", Person)],
        ),
    ];
    assert_apart(&articles, "Ahmad al-Sharaa", "Ahmed al-Sharaa");
}

#[test]
fn distinct_names_stay_apart_even_in_one_story() {
    for (a, b, kind) in [
        ("Iran", "Iraq", Place),
        ("Sudan", "Sedan", Place),
        ("Russia", "Russian", Place),
        ("Austria", "Australia", Place),
        ("Jordan", "Jordon", Place),
        ("Hafez al-Assad", "Bashar al-Assad", Person),
        ("2015", "2019", Date),
        ("Slovenia", "Slovakia", Place),
    ] {
        assert_apart(&story((a, kind), (b, kind)), a, b);
    }
    let syria = [doc(
        "Syria and Syrian",
        &[("Syria", Place), ("Syrian", Group)],
    )];
    assert_apart(&syria, "Syria", "Syrian");
}

#[test]
fn canonical_name_is_the_most_common_full_form_and_aliases_are_counted() {
    let articles = [
        doc(
            "Sharaa. Sharaa. Sharaa. Ahmed al-Sharaa, Ahmed al-Sharaa.",
            &[
                ("Sharaa", Person),
                ("Sharaa", Person),
                ("Sharaa", Person),
                ("Ahmed al-Sharaa", Person),
                ("Ahmed al-Sharaa", Person),
            ],
        ),
        doc("Ahmed Al-Sharaa", &[("Ahmed Al-Sharaa", Person)]),
    ];
    let index = cluster_entities(&articles, &[]);
    assert_eq!(index.entities.len(), 1);
    let entity = &index.entities[0];
    assert_eq!(entity.name, "Ahmed al-Sharaa");
    let aliases: Vec<(&str, usize)> = entity
        .aliases
        .iter()
        .map(|a| (a.text.as_str(), a.count))
        .collect();
    assert_eq!(
        aliases,
        [
            ("Sharaa", 3),
            ("Ahmed al-Sharaa", 2),
            ("Ahmed Al-Sharaa", 1)
        ]
    );
    assert_eq!(entity.mentions, 6);
}

#[test]
fn entities_are_ordered_by_mentions_then_name_with_unique_slugs() {
    let articles = [doc(
        "Jordan, Jordan, Moscow, Jordan",
        &[
            ("Jordan", Place),
            ("Jordan", Person),
            ("Moscow", Place),
            ("Jordan", Place),
        ],
    )];
    let index = cluster_entities(&articles, &[]);
    let listed: Vec<(&str, &str, usize)> = index
        .entities
        .iter()
        .map(|e| (e.name.as_str(), e.slug.as_str(), e.mentions))
        .collect();
    assert_eq!(
        listed,
        [
            ("Jordan", "jordan", 2),
            ("Jordan", "jordan-2", 1),
            ("Moscow", "moscow", 1)
        ]
    );
    assert!(index
        .entities
        .iter()
        .enumerate()
        .all(|(i, e)| e.id == EntityId(i as u32)));
}

#[test]
fn a_span_off_character_boundaries_is_skipped() {
    let article = ArticleMentions {
        text: "Šaraa",
        mentions: vec![MentionInput {
            span: ByteSpan::new(1, 3),
            kind: Person,
        }],
    };
    let index = cluster_entities(&[article], &[]);
    assert_eq!(index.assignments, [[None]]);
}
