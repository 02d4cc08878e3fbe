//! Ranking behaviour on the seed corpus and on small hand-made indexes.

use super::*;
use crate::analysis::CorpusEntities;
use crate::corpus::annotation::{Annotation, Quote};
use crate::corpus::{load_seeds, Corpus, LoadOptions};
use crate::text::{ByteSpan, CharSpan};
use std::sync::{Arc, LazyLock};

struct Seeds {
    corpus: Corpus,
    index: Arc<FinderIndex>,
}

static SEEDS: LazyLock<Seeds> = LazyLock::new(|| {
    let corpus = load_seeds(&LoadOptions::default());
    let entities = CorpusEntities::analyse(&corpus, &[]);
    let annotations = [annotation(
        "ann-1",
        "004_34d353faf6834925",
        "claim",
        "Check the base numbers",
        "Hmeimim",
    )];
    let index = Arc::new(FinderIndex::build(&corpus, &entities.index, &annotations));
    Seeds { corpus, index }
});

fn annotation(id: &str, article: &str, label: &str, note: &str, exact: &str) -> Annotation {
    Annotation {
        id: id.into(),
        article: article.into(),
        source_hash: String::new(),
        start: 0,
        end: exact.chars().count(),
        quote: Quote {
            exact: exact.into(),
            prefix: "Russia keeps its air base at ".into(),
            suffix: " near Latakia on the coast of the Mediterranean".into(),
        },
        label: label.into(),
        note: note.into(),
        correction: None,
        created: String::new(),
        modified: String::new(),
    }
}

fn search(query: &str) -> Results {
    SEEDS.index.search(query, &SearchOptions::default(), None)
}

/// `query` searched a key at a time, each keystroke narrowing the one before (as the reader
/// types); the last keystroke's results.
fn typed_key_by_key(index: &FinderIndex, query: &str, options: &SearchOptions) -> Results {
    let mut typed: Option<Results> = None;
    for (at, c) in query.char_indices() {
        let prefix = &query[..at + c.len_utf8()];
        typed = Some(index.search(prefix, options, typed.as_ref()));
    }
    typed.expect("a query has a first key")
}

/// An index of sentences, one per text, in article 0.
fn sentences(texts: &[&str]) -> FinderIndex {
    let mut builder = IndexBuilder::new();
    for (i, text) in texts.iter().enumerate() {
        let span = Span {
            bytes: ByteSpan::new(0, text.len()),
            chars: CharSpan::new(0, text.chars().count()),
        };
        builder.add(
            Target::Sentence {
                article: i,
                sentence: 0,
                span,
            },
            vec![Field::shown(*text)],
            None,
        );
    }
    builder.build()
}

fn find(index: &FinderIndex, query: &str) -> Vec<String> {
    index
        .search(query, &SearchOptions::default(), None)
        .hits
        .into_iter()
        .map(|h| h.text)
        .collect()
}

#[test]
fn nat_her_puts_the_national_herald_first() {
    let results = search("nat her");
    let first = &results.hits[0];
    assert_eq!(first.kind, Kind::Source);
    let article = first.target.article().unwrap();
    assert_eq!(SEEDS.corpus.articles[article].id, "004_34d353faf6834925");
    let chars: Vec<char> = first.text.chars().collect();
    let highlighted: String = first.matched.iter().map(|&p| chars[p]).collect();
    assert_eq!(highlighted.to_lowercase(), "nather");
}

#[test]
fn an_exact_title_beats_fuzzy_sentences() {
    let results = search("Putin meets Syria’s new leader in Moscow");
    assert_eq!(results.hits[0].kind, Kind::Source);
    assert!(results.hits[0]
        .text
        .starts_with("Putin meets Syria’s new leader in Moscow"));
    assert!(results.hits.len() > 1, "sentences match fuzzily too");
}

#[test]
fn an_alias_finds_its_entity() {
    let results = search("#khmeim");
    let first = &results.hits[0];
    assert_eq!(first.kind, Kind::Entity);
    assert_eq!(first.text, "Hmeimim (Khmeimim)");
    assert_eq!(first.matched, [9, 10, 11, 12, 13, 14]);
}

#[test]
fn prefixes_narrow_to_one_kind() {
    for (query, kind) in [
        ("@syria", Kind::Source),
        ("#syria", Kind::Entity),
        ("!base", Kind::Annotation),
        ("\"syria", Kind::Sentence),
        ("@", Kind::Source),
    ] {
        let results = search(query);
        assert!(!results.hits.is_empty(), "{query}");
        assert!(results.hits.iter().all(|h| h.kind == kind), "{query}");
    }
    assert_eq!(search("@").hits.len(), 5);
}

#[test]
fn without_a_prefix_ties_rank_sources_then_entities_first() {
    let index = {
        let mut b = IndexBuilder::new();
        let span = Span::default();
        b.add(
            Target::Sentence {
                article: 0,
                sentence: 0,
                span,
            },
            vec![Field::shown("Moscow")],
            None,
        );
        b.add(
            Target::Entity {
                entity: crate::analysis::entities::EntityId(0),
            },
            vec![Field::shown("Moscow")],
            None,
        );
        b.add(
            Target::Source { article: 0 },
            vec![Field::shown("Moscow")],
            None,
        );
        b.build()
    };
    let results = index.search("mos", &SearchOptions::default(), None);
    let kinds: Vec<Kind> = results.hits.iter().map(|h| h.kind).collect();
    assert_eq!(kinds, [Kind::Source, Kind::Entity, Kind::Sentence]);
    assert!(results.hits.windows(2).all(|w| w[0].score == w[1].score));
}

#[test]
fn diacritics_and_hyphens_are_optional() {
    let index = sentences(&["Ahmad al-Šaraa arrived", "Al-Charaa’s visit", "unrelated"]);
    assert_eq!(find(&index, "sharaa"), ["Ahmad al-Šaraa arrived"]);
    assert_eq!(find(&index, "saraa"), ["Ahmad al-Šaraa arrived"]);
    assert_eq!(find(&index, "al saraa"), ["Ahmad al-Šaraa arrived"]);
    assert_eq!(find(&index, "alsaraa"), ["Ahmad al-Šaraa arrived"]);
    assert_eq!(find(&index, "al-šaraa"), ["Ahmad al-Šaraa arrived"]);
    assert_eq!(find(&index, "charaas"), ["Al-Charaa’s visit"]);
    assert_eq!(find(&index, "charaa's"), ["Al-Charaa’s visit"]);
    // The seeds spell it al-Sharaa.
    let results = search("#al sharaa");
    assert_eq!(results.hits[0].text, "Ahmad al-Sharaa");
}

#[test]
fn diacritic_matches_highlight_the_original_letters() {
    let index = sentences(&["Straße nach Šaraa"]);
    let hit = &index
        .search("strasse sharaa", &SearchOptions::default(), None)
        .hits[0];
    assert_eq!(hit.matched, [0, 1, 2, 3, 4, 5, 12, 13, 14, 15, 16]);
}

#[test]
fn smart_case_matches_case_only_when_the_term_has_capitals() {
    let index = sentences(&["putin spoke", "Putin spoke"]);
    assert_eq!(find(&index, "Putin"), ["Putin spoke"]);
    let lower = find(&index, "putin");
    assert_eq!(lower.len(), 2);
    // Per term: "Putin" matches case, "SPOKE" would too, "spoke" does not.
    assert_eq!(find(&index, "Putin spoke"), ["Putin spoke"]);
    assert_eq!(find(&index, "Putin SPOKE"), Vec::<String>::new());
}

#[test]
fn every_term_must_match_somewhere() {
    assert!(search("putin zzzq").hits.is_empty());
    let results = search("moscow wednesday");
    assert!(!results.hits.is_empty());
    for hit in &results.hits {
        let folded = hit.text.to_lowercase();
        let subseq = |term: &str| {
            let mut chars = folded.chars();
            term.chars().all(|t| chars.any(|c| c == t))
        };
        assert!(subseq("moscow") && subseq("wednesday"), "{}", hit.text);
    }
}

#[test]
fn recent_targets_get_a_boost() {
    let index = sentences(&["Talks in Moscow", "Talks in Moscow"]);
    let plain = index.search("moscow", &SearchOptions::default(), None);
    assert_eq!(plain.hits[0].target.article(), Some(0));
    let recent = Recent::new([plain.hits[1].target.clone()]);
    let options = SearchOptions {
        recent,
        ..SearchOptions::default()
    };
    let boosted = index.search("moscow", &options, None);
    assert_eq!(boosted.hits[0].target.article(), Some(1));
    assert_eq!(boosted.hits[0].score, plain.hits[0].score + 16);
    // An empty query lists recent targets first.
    let listed = index.search("", &options, None);
    assert_eq!(listed.hits[0].target.article(), Some(1));
}

#[test]
fn annotations_are_found_by_label_note_and_quote() {
    for query in ["!claim", "!check base", "!hmeimim"] {
        let results = search(query);
        let hit = &results.hits[0];
        assert_eq!(hit.kind, Kind::Annotation, "{query}");
        assert_eq!(hit.text, "claim · Hmeimim · Check the base numbers");
        let context = hit.context.as_ref().unwrap();
        assert_eq!(
            context.text,
            "…keeps its air base at Hmeimim near Latakia on the coast…"
        );
        let chars: Vec<char> = context.text.chars().collect();
        let quoted: String = context.highlight.iter().map(|&p| chars[p]).collect();
        assert_eq!(quoted, "Hmeimim");
    }
}

#[test]
fn sentence_hits_carry_spans_and_context() {
    let results = search("\"qamishli airport");
    let hit = &results.hits[0];
    let Target::Sentence {
        article,
        sentence,
        span,
    } = &hit.target
    else {
        panic!("not a sentence: {hit:?}");
    };
    let a = &SEEDS.corpus.articles[*article];
    assert_eq!(a.sentences[*sentence], span.bytes);
    assert_eq!(a.char_span(span.bytes), span.chars);
    assert_eq!(hit.text, a.text(span.bytes));
    assert!(hit.context.as_ref().unwrap().text.contains("Qamishli"));
}

#[test]
fn a_narrowing_query_reranks_only_the_survivors_and_agrees_with_a_fresh_search() {
    let options = SearchOptions::default();
    let mut previous: Option<Results> = None;
    for query in ["m", "mo", "mos", "mosc", "mosc w", "mosc we"] {
        let narrowed = SEEDS.index.search(query, &options, previous.as_ref());
        let fresh = SEEDS.index.search(query, &options, None);
        assert_eq!(narrowed.hits, fresh.hits, "{query}");
        assert_eq!(narrowed.matched, fresh.matched, "{query}");
        if let Some(p) = &previous {
            assert!(narrowed.matched <= p.matched);
        }
        previous = Some(narrowed);
    }
}

#[test]
fn the_limit_caps_hits_not_the_count() {
    let options = SearchOptions {
        limit: 3,
        ..SearchOptions::default()
    };
    let results = SEEDS.index.search("s", &options, None);
    assert_eq!(results.hits.len(), 3);
    assert!(results.matched > 3);
}

#[test]
fn a_kind_option_and_a_different_prefix_find_nothing() {
    let options = SearchOptions {
        kind: Some(Kind::Entity),
        ..SearchOptions::default()
    };
    assert!(SEEDS.index.search("@syria", &options, None).hits.is_empty());
    let entities = SEEDS.index.search("syria", &options, None);
    assert!(entities.hits.iter().all(|h| h.kind == Kind::Entity));
}

#[test]
fn many_threads_rank_like_one() {
    let lines: Vec<String> = (0..6000)
        .map(|i| {
            format!(
                "Sentence {i} about talks in Moscow and bases number {}",
                i * 7
            )
        })
        .collect();
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    let index = sentences(&refs);
    for query in ["mos 42", "talk", "s 1"] {
        let one = index.search(
            query,
            &SearchOptions {
                threads: 1,
                ..SearchOptions::default()
            },
            None,
        );
        let two = index.search(
            query,
            &SearchOptions {
                threads: 3,
                ..SearchOptions::default()
            },
            None,
        );
        assert_eq!(one.hits, two.hits, "{query}");
        assert_eq!(one.matched, two.matched, "{query}");
    }
}

#[test]
fn the_index_is_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<FinderIndex>();
    assert_send_sync::<Results>();
}

#[test]
fn a_small_limit_keeps_exactly_the_best_of_a_large_one() {
    // Enough lines for the threads to split them, and shapes every bound must handle:
    // capitals, camel humps, punctuation, a text longer than the chain walk takes.
    let long = "Moscow talks ".repeat(45);
    let lines: Vec<String> = (0..6000)
        .map(|i| match i % 6 {
            0 => format!("Putin met Sharaa in Moscow, report {i} said"),
            1 => format!("The president spoke about the outputs of talks {i}"),
            2 => format!("p u t i n {i} scattered letters of the name"),
            3 => format!("McDonald-style PutinMoscow camelCase report {i}"),
            4 => format!("{long} put in {i}"),
            _ => format!("Officials in Damascus denied report number {i}"),
        })
        .collect();
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    let index = sentences(&refs);
    let queries = [
        "put",
        "p",
        "putin moscow",
        "rep 1",
        "said",
        "Mos tal",
        "pm",
        "c 9",
    ];
    for query in queries {
        let all = index.search(
            query,
            &SearchOptions {
                limit: 10_000,
                threads: 1,
                ..SearchOptions::default()
            },
            None,
        );
        for (limit, threads) in [(1, 1), (7, 2), (50, 1), (50, 2), (200, 2)] {
            let options = SearchOptions {
                limit,
                threads,
                ..SearchOptions::default()
            };
            let few = index.search(query, &options, None);
            let expected = &all.hits[..limit.min(all.hits.len())];
            assert_eq!(few.hits[..], *expected, "{query} / {limit} / {threads}");
            assert_eq!(few.matched, all.matched, "{query}");
            // Typed a key at a time, each keystroke narrowing the last: the same best.
            let typed = typed_key_by_key(&index, query, &options);
            assert_eq!(
                typed.hits[..],
                *expected,
                "typed {query} / {limit} / {threads}"
            );
        }
    }
}

#[test]
fn the_previous_best_scored_first_do_not_count_twice() {
    // "pu"'s best two are the first two lines; "put"'s are the first and the third, which
    // comes after both in corpus order: the first line, scored early from the previous
    // results and again when the pass reaches it, must count once, or the floor rises above
    // the third line and drops it.
    let index = sentences(&["pu t", "pu xxxxxxxxxxxxxxxxxxxx t", "xput", "yput"]);
    let options = SearchOptions {
        limit: 2,
        threads: 1,
        ..SearchOptions::default()
    };
    let previous = index.search("pu", &options, None);
    let texts = |r: &Results| r.hits.iter().map(|h| h.text.clone()).collect::<Vec<_>>();
    assert_eq!(texts(&previous), ["pu t", "pu xxxxxxxxxxxxxxxxxxxx t"]);
    let fresh = index.search("put", &options, None);
    assert_eq!(texts(&fresh), ["pu t", "xput"]);
    let narrowed = index.search("put", &options, Some(&previous));
    assert_eq!(narrowed.hits, fresh.hits);
}

/// Checks the invariants every hit keeps: positions inside the text, ascending, unique; the
/// context's highlight inside the context; spans on character boundaries of the source.
fn check_hit(hit: &Hit, corpus: Option<&Corpus>) -> Result<(), String> {
    let len = hit.text.chars().count();
    if !hit.matched.windows(2).all(|w| w[0] < w[1]) {
        return Err(format!("positions not ascending: {hit:?}"));
    }
    if hit.matched.iter().any(|&p| p >= len) {
        return Err(format!("position out of bounds: {hit:?}"));
    }
    if let Some(context) = &hit.context {
        let len = context.text.chars().count();
        if context.highlight.iter().any(|&p| p >= len) {
            return Err(format!("context highlight out of bounds: {hit:?}"));
        }
    }
    if let (Some(corpus), Some(span), Some(article)) =
        (corpus, hit.target.span(), hit.target.article())
    {
        let a = &corpus.articles[article];
        let (s, e) = (span.bytes.start, span.bytes.end);
        if s > e
            || e > a.source.len()
            || !a.source.is_char_boundary(s)
            || !a.source.is_char_boundary(e)
        {
            return Err(format!("span off the source: {hit:?}"));
        }
        if a.char_span(span.bytes) != span.chars {
            return Err(format!("char span disagrees: {hit:?}"));
        }
    }
    Ok(())
}

#[test]
fn seed_hits_keep_positions_and_spans_in_bounds() {
    for query in [
        "p",
        "put",
        "nat her",
        "#al",
        "\"russia bases",
        "s",
        "e e e",
        "’",
        "!",
        "@",
    ] {
        for hit in &search(query).hits {
            check_hit(hit, Some(&SEEDS.corpus)).unwrap();
        }
    }
}

proptest::proptest! {
    #[test]
    fn hits_keep_positions_in_bounds_for_any_text(
        texts in proptest::collection::vec("[a-zA-Z Šéß’\\-東\u{301}Д]{0,120}", 1..12),
        query in "[a-zA-ZšéßД’\\- ]{0,8}",
    ) {
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let index = sentences(&refs);
        let results = index.search(&query, &SearchOptions::default(), None);
        for hit in &results.hits {
            proptest::prop_assert!(check_hit(hit, None).is_ok(), "{:?}", check_hit(hit, None));
        }
        // Narrowing by one more character agrees with a fresh search.
        let longer = format!("{query}a");
        let narrowed = index.search(&longer, &SearchOptions::default(), Some(&results));
        let fresh = index.search(&longer, &SearchOptions::default(), None);
        proptest::prop_assert_eq!(narrowed.hits, fresh.hits);
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]
    /// Typed a key at a time, each keystroke starting from the last one's bounds (the
    /// allowance for appended letters, a new term's own cheap bound), a query keeps exactly
    /// the best a fresh search finds: no bound rules out a candidate that ranks.
    #[test]
    fn typing_key_by_key_keeps_the_fresh_best(
        texts in proptest::collection::vec(
            "(([A-C]?[a-c]{1,5}|[0-9]{1,2})[ .\\-]{1,2}){1,10}", 20..80),
        query in "[a-c]{1,3}( [a-c0-9]{1,3}){0,2}",
        limit in 1usize..6,
    ) {
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let index = sentences(&refs);
        let options = SearchOptions {
            limit,
            threads: 1,
            ..SearchOptions::default()
        };
        let typed = typed_key_by_key(&index, &query, &options);
        let fresh = index.search(&query, &options, None);
        proptest::prop_assert_eq!(typed.hits, fresh.hits);
        proptest::prop_assert_eq!(typed.matched, fresh.matched);
    }
}
