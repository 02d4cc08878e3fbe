//! Behaviour of whole-article recognition on realistic news text.

use crate::analysis::entity_kind::EntityKind;
use crate::analysis::ner::{recognize, NerInput, RawMention};
use proptest::prelude::*;
use std::ops::Range;

/// Naive sentence ranges for tests: paragraphs split at line breaks, then after ". ".
fn sentence_ranges(text: &str, from: usize) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = from;
    for (index, c) in text[from..].char_indices() {
        let at = from + index;
        let ends_sentence = c == '\n' || (c == ' ' && text[..at].ends_with('.'));
        if ends_sentence {
            if !text[start..at].trim().is_empty() {
                ranges.push(start..at);
            }
            start = at + 1;
        }
    }
    if !text[start..].trim().is_empty() {
        ranges.push(start..text.len());
    }
    ranges
}

/// Recognises `body` under `headline`, returning mentions as (text, kind).
fn mentions_of(headline: &str, body: &str) -> (String, Vec<RawMention>) {
    let text = format!("{headline}\n\n{body}");
    let sentences = sentence_ranges(&text, headline.len() + 2);
    let input = NerInput {
        text: &text,
        headline: (!headline.is_empty()).then_some(0..headline.len()),
        subtitle: None,
        sentences: &sentences,
    };
    let mentions = recognize(&input);
    (text, mentions)
}

fn named<'a>(
    text: &'a str,
    mentions: &[RawMention],
    within: Range<usize>,
) -> Vec<(&'a str, EntityKind)> {
    mentions
        .iter()
        .filter(|m| within.start <= m.span.start && m.span.end <= within.end)
        .map(|m| (&text[m.span.clone()], m.kind))
        .collect()
}

fn body_mentions(body: &str) -> Vec<(String, EntityKind)> {
    let (text, mentions) = mentions_of("", body);
    named(&text, &mentions, 0..text.len())
        .into_iter()
        .map(|(t, k)| (t.to_string(), k))
        .collect()
}

fn has(found: &[(String, EntityKind)], text: &str, kind: EntityKind) -> bool {
    found.iter().any(|(t, k)| t == text && *k == kind)
}

const SEED_001: &str = include_str!("../../../../seeds/001_324305b4babd908a.txt");

#[test]
fn title_case_headline_keeps_only_names_confirmed_by_the_body() {
    let headline = "Sharaa-Putin Meeting Focuses on Bilateral Ties and Middle East Security";
    let body_start = SEED_001
        .find(headline)
        .map(|at| at + headline.len())
        .unwrap_or(0);
    let (text, mentions) = mentions_of(headline, SEED_001[body_start..].trim());
    let in_headline = named(&text, &mentions, 0..headline.len());
    assert_eq!(
        in_headline,
        [
            ("Sharaa", EntityKind::Person),
            ("Putin", EntityKind::Person),
            ("Middle East", EntityKind::Place),
        ]
    );
}

#[test]
fn arabic_name_particles_stay_inside_person_names() {
    let found = body_mentions(
        "Syrian President Ahmad al-Sharaa met officials. Bashar el-Assad fled to Moscow. \
         His father Hafez al-Assad ruled for decades. Ahmad Al-Charaa spoke on Monday.",
    );
    for name in [
        "Ahmad al-Sharaa",
        "Bashar el-Assad",
        "Hafez al-Assad",
        "Ahmad Al-Charaa",
    ] {
        assert!(has(&found, name, EntityKind::Person), "{name} in {found:?}");
    }
}

#[test]
fn particles_in_separate_words_stay_inside_person_names() {
    let found = body_mentions(
        "Ursula von der Leyen met Osama bin Laden's biographer. Vincent van Gogh painted.",
    );
    for name in [
        "Ursula von der Leyen",
        "Osama bin Laden",
        "Vincent van Gogh",
    ] {
        assert!(has(&found, name, EntityKind::Person), "{name} in {found:?}");
    }
}

#[test]
fn a_body_sentence_of_names_is_trusted() {
    let found = body_mentions("Ursula von der Leyen and Emmanuel Macron.");
    assert!(
        has(&found, "Emmanuel Macron", EntityKind::Person),
        "{found:?}"
    );
}

#[test]
fn possessives_are_left_out_of_the_name() {
    let found =
        body_mentions("After Assad\u{2019}s fall, Russia kept its bases. Assad's allies left.");
    assert!(has(&found, "Assad", EntityKind::Person), "{found:?}");
    assert!(
        found
            .iter()
            .all(|(t, _)| !t.ends_with('s') || t == "Russia"),
        "{found:?}"
    );
}

#[test]
fn hyphenated_compounds_tag_the_name_part_alone() {
    let found = body_mentions(
        "Kurdish-led forces held the city. A London-based monitor reported the Syrian-Russian talks.",
    );
    assert!(has(&found, "Kurdish", EntityKind::Group), "{found:?}");
    assert!(has(&found, "London", EntityKind::Place), "{found:?}");
    assert!(has(&found, "Syrian", EntityKind::Group), "{found:?}");
    assert!(has(&found, "Russian", EntityKind::Group), "{found:?}");
}

#[test]
fn gazetteer_places_and_outlets_are_recognised() {
    let found = body_mentions(
        "Russia keeps the Hmeimim air base near Latakia and a naval facility in Tartus, \
         Reuters and SANA reported.",
    );
    for place in ["Hmeimim", "Latakia", "Tartus"] {
        assert!(
            has(&found, place, EntityKind::Place),
            "{place} in {found:?}"
        );
    }
    assert!(has(&found, "Reuters", EntityKind::Org), "{found:?}");
    assert!(has(&found, "SANA", EntityKind::Org), "{found:?}");
}

#[test]
fn dates_come_from_rules_and_relative_phrases_do_not() {
    let found = body_mentions(
        "Putin will host Sharaa on Wednesday. Russia had a presence there since late 2019. \
         This week, Russia withdrew. It is his second visit in four months.",
    );
    assert!(has(&found, "Wednesday", EntityKind::Date), "{found:?}");
    assert!(has(&found, "late 2019", EntityKind::Date), "{found:?}");
    assert!(
        found
            .iter()
            .all(|(t, _)| t != "This week" && t != "four months"),
        "{found:?}"
    );
}

#[test]
fn body_names_propagate_to_every_mention() {
    let found = body_mentions(
        "Russian President Vladimir Putin met Syrian leader Ahmed al-Sharaa. \
         Later, Sharaa thanked Putin.",
    );
    assert!(has(&found, "Putin", EntityKind::Person), "{found:?}");
    assert!(has(&found, "Sharaa", EntityKind::Person), "{found:?}");
}

fn assert_well_formed(text: &str, mentions: &[RawMention]) {
    for mention in mentions {
        assert!(mention.span.start < mention.span.end && mention.span.end <= text.len());
        assert!(
            text.is_char_boundary(mention.span.start) && text.is_char_boundary(mention.span.end)
        );
    }
    for pair in mentions.windows(2) {
        assert!(
            pair[0].span.end <= pair[1].span.start,
            "sorted and disjoint: {pair:?}"
        );
    }
}

proptest! {
    #[test]
    fn mentions_are_in_bounds_sorted_and_disjoint(
        text in "(\\PC|[\\r\\n\\t\u{0}-\u{1f}]|Putin |al-|Sharaa|’s|-| ){0,80}",
        cuts in proptest::collection::vec((0usize..400, 0usize..400), 0..6),
        headline in proptest::option::of((0usize..400, 0usize..400)),
    ) {
        let sentences: Vec<Range<usize>> = cuts.iter().map(|&(a, b)| a..b).collect();
        let input = NerInput {
            text: &text,
            headline: headline.map(|(a, b)| a..b),
            subtitle: Some(0..text.len()),
            sentences: &sentences,
        };
        assert_well_formed(&text, &recognize(&input));
    }
}
