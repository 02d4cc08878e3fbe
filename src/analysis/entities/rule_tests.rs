//! Each clustering rule and override on small hand-made articles.

use super::*;
use EntityKind::{Date, Group, Org, Person, Place};

/// An article whose mentions are found left to right, each after the previous one.
fn doc(text: &'static str, mentions: &[(&str, EntityKind)]) -> ArticleMentions<'static> {
    let mut from = 0;
    let mentions = mentions
        .iter()
        .map(|&(surface, kind)| {
            let start = from + text[from..].find(surface).expect(surface);
            from = start + surface.len();
            MentionInput {
                span: ByteSpan::new(start, from),
                kind,
            }
        })
        .collect();
    ArticleMentions { text, mentions }
}

/// The entity of every mention written `surface` (in any article), in order.
fn entities_of(index: &EntityIndex, articles: &[ArticleMentions], surface: &str) -> Vec<EntityId> {
    let mut found = Vec::new();
    for (a, article) in articles.iter().enumerate() {
        for (m, mention) in article.mentions.iter().enumerate() {
            if &article.text[mention.span.range()] == surface {
                found.extend(index.assignments[a][m]);
            }
        }
    }
    assert!(!found.is_empty(), "no entity for {surface}");
    found
}

fn one(index: &EntityIndex, articles: &[ArticleMentions], surface: &str) -> EntityId {
    let ids = entities_of(index, articles, surface);
    assert!(
        ids.iter().all(|&id| id == ids[0]),
        "{surface} is split: {ids:?}"
    );
    ids[0]
}

fn assert_together(articles: &[ArticleMentions], overrides: &[EntityOverride], forms: &[&str]) {
    let index = cluster_entities(articles, overrides);
    let first = one(&index, articles, forms[0]);
    for form in forms {
        assert_eq!(
            one(&index, articles, form),
            first,
            "{form} apart from {}",
            forms[0]
        );
    }
}

fn assert_apart(articles: &[ArticleMentions], a: &str, b: &str) {
    let index = cluster_entities(articles, &[]);
    assert_ne!(
        one(&index, articles, a),
        one(&index, articles, b),
        "{a} merged with {b}"
    );
}

/// Two articles around one story, so that near spellings find shared context.
fn story(
    first: (&'static str, EntityKind),
    second: (&'static str, EntityKind),
) -> Vec<ArticleMentions<'static>> {
    let context = [("Moscow", Place), ("Kremlin", Org), ("Syria", Place)];
    let texts: [&'static str; 2] = [
        leak(format!("{} in Moscow; the Kremlin and Syria.", first.0)),
        leak(format!("Syria and the Kremlin: {} in Moscow.", second.0)),
    ];
    vec![
        doc(texts[0], &[first, context[0], context[1], context[2]]),
        doc(texts[1], &[context[2], context[1], second, context[0]]),
    ]
}

fn leak(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}

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

/// A synthetic corpus: `n` articles, each naming five of thousands of people (full name, then
/// the surname), eight places, an organisation with its acronym defined, and a year.
fn synthetic_corpus(n: usize) -> Vec<(String, Vec<MentionInput>)> {
    const FIRST: [&str; 12] = [
        "Ahmad", "Ahmed", "Bashar", "Hafez", "Vladimir", "Dmitry", "Donald", "Samuel", "Maria",
        "Olga", "Yusuf", "Leila",
    ];
    const SYLLABLES: [&str; 16] = [
        "sha", "raa", "kov", "min", "tar", "tous", "kha", "lid", "ber", "gan", "mou", "sa", "zel",
        "ens", "ky", "ri",
    ];
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut next = |m: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % m as u64) as usize
    };
    let word = |i: usize| {
        let mut w = String::new();
        for k in 0..3 {
            w.push_str(SYLLABLES[(i >> (4 * k)) % 16]);
        }
        let mut c = w.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect::<String>())
            .unwrap_or_default()
    };
    (0..n)
        .map(|_| {
            let mut text = String::new();
            let mut mentions = Vec::new();
            let mut push = |text: &mut String, s: &str, kind: EntityKind| {
                let start = text.len();
                text.push_str(s);
                mentions.push(MentionInput {
                    span: ByteSpan::new(start, text.len()),
                    kind,
                });
                text.push_str(" said that ");
            };
            for _ in 0..5 {
                let surname = word(next(4096));
                let full = format!("{} al-{surname}", FIRST[next(FIRST.len())]);
                push(&mut text, &full, Person);
                push(&mut text, &surname, Person);
            }
            for _ in 0..8 {
                let place = word(next(2048));
                push(&mut text, &place, Place);
            }
            let org = format!("{} {} Council", word(next(256)), word(next(256)));
            let acronym: String = org.split(' ').filter_map(|w| w.chars().next()).collect();
            push(&mut text, &org, Org);
            text.truncate(text.len() - " said that ".len());
            text.push_str(&format!(" ({acronym}) said that "));
            push(&mut text, &acronym, Org);
            push(&mut text, &format!("{}", 1990 + next(35)), Date);
            (text, mentions)
        })
        .collect()
}

#[test]
fn a_large_corpus_clusters_without_comparing_all_pairs() {
    let corpus = synthetic_corpus(10_000);
    let articles: Vec<ArticleMentions> = corpus
        .iter()
        .map(|(text, mentions)| ArticleMentions {
            text,
            mentions: mentions.clone(),
        })
        .collect();
    let started = std::time::Instant::now();
    let index = cluster_entities(&articles, &[]);
    let elapsed = started.elapsed();
    eprintln!(
        "10,000 articles, {} entities in {elapsed:?}",
        index.entities.len()
    );
    assert_eq!(index.assignments.len(), 10_000);
    assert!(index.assignments.iter().flatten().all(Option::is_some));
    // Every acronym joined its long form; each person's surname joined the full name.
    for (article, assigned) in articles.iter().zip(&index.assignments) {
        assert_eq!(assigned[0], assigned[1], "{}", article.text);
        assert_eq!(assigned[18], assigned[19], "{}", article.text);
    }
}
