//! In-article search: folding offsets, smart case, leniency, regexes, and spans that are
//! always valid slices of the source.

use super::*;
use proptest::prelude::*;

fn whole(text: &str) -> Vec<ByteSpan> {
    vec![ByteSpan::new(0, text.len())]
}

/// The matched slices of the original text.
fn found<'a>(text: &'a str, query: &str, mode: SearchMode) -> Vec<&'a str> {
    find_matches(text, &whole(text), query, mode)
        .unwrap()
        .into_iter()
        .map(|s| &text[s.range()])
        .collect()
}

#[test]
fn diacritics_fold_and_offsets_stay_exact() {
    let text = "Ahmad al-Šaraa met Erdoğan.";
    for query in ["šaraa", "saraa", "sharaa", "Šaraa", "Sharaa"] {
        assert_eq!(
            found(text, query, SearchMode::Literal),
            ["Šaraa"],
            "{query}"
        );
    }
    let span = find_matches(text, &whole(text), "saraa", SearchMode::Literal).unwrap()[0];
    assert_eq!(span, ByteSpan::new(9, 9 + "Šaraa".len()));
    assert_eq!(found(text, "erdogan", SearchMode::Literal), ["Erdoğan"]);
}

#[test]
fn curly_apostrophes_and_hyphens_are_lenient() {
    let text = "Al-Charaa’s visit; al Charaa spoke; alcharaa";
    assert_eq!(
        found(text, "al-charaa", SearchMode::Literal),
        ["Al-Charaa", "al Charaa", "alcharaa"]
    );
    assert_eq!(found(text, "charaa's", SearchMode::Literal), ["Charaa’s"]);
    assert_eq!(found(text, "charaas", SearchMode::Literal), ["Charaa’s"]);
    assert_eq!(
        found(text, "al charaa", SearchMode::Literal),
        ["Al-Charaa", "al Charaa"]
    );
    let span = find_matches(text, &whole(text), "charaa’s", SearchMode::Literal).unwrap()[0];
    assert_eq!(&text[span.range()], "Charaa’s");
    assert_eq!(span.end, 3 + "Charaa’s".len());
}

#[test]
fn smart_case() {
    let text = "Putin and putin and PUTIN";
    assert_eq!(found(text, "putin", SearchMode::Literal).len(), 3);
    assert_eq!(found(text, "Putin", SearchMode::Literal), ["Putin"]);
    assert_eq!(found(text, "P.tin", SearchMode::Regex), ["Putin"]);
    assert_eq!(found(text, r"\w+N\b", SearchMode::Regex), ["PUTIN"]);
    assert_eq!(found(text, r"\Sutin", SearchMode::Regex).len(), 3);
}

#[test]
fn cjk_and_other_scripts_keep_exact_offsets() {
    let text = "プーチン大統領は東京で会談した。Путин встретился";
    let span = find_matches(text, &whole(text), "会談", SearchMode::Literal).unwrap()[0];
    assert_eq!(&text[span.range()], "会談");
    assert_eq!(span.start, text.find("会談").unwrap());
    assert_eq!(found(text, "путин", SearchMode::Literal), ["Путин"]);
}

#[test]
fn regexes_match_folded_text() {
    let text = "Hmeimim, Khmeimim and Tartous; Šaraa";
    assert_eq!(
        found(text, "k?hmeimim", SearchMode::Regex),
        ["Hmeimim", "Khmeimim"]
    );
    assert_eq!(found(text, r"tart(o|ou)s", SearchMode::Regex), ["Tartous"]);
    assert_eq!(found(text, "saraa", SearchMode::Regex), ["Šaraa"]);
    // Empty matches are not matches.
    assert!(found(text, "x*", SearchMode::Regex).is_empty());
}

#[test]
fn an_invalid_regex_is_an_error_not_a_panic() {
    let text = "anything";
    for query in ["(unclosed", "a{99999999}", "[z-a]", r"\p{NotAProperty}"] {
        let result = find_matches(text, &whole(text), query, SearchMode::Regex);
        assert!(
            matches!(result, Err(SearchError::InvalidRegex(_))),
            "{query}"
        );
    }
    // The same text as a literal is fine.
    assert!(find_matches(text, &whole(text), "(unclosed", SearchMode::Literal).is_ok());
}

#[test]
fn ranges_limit_the_search_and_bad_ranges_are_ignored() {
    let text = "Moscow talks. Hidden Moscow. Body about Moscow.";
    let ranges = [
        ByteSpan::new(0, 13),
        ByteSpan::new(29, text.len()),
        ByteSpan::new(5, 500),
    ];
    let spans = find_matches(text, &ranges, "moscow", SearchMode::Literal).unwrap();
    let starts: Vec<usize> = spans.iter().map(|s| s.start).collect();
    assert_eq!(starts, [0, text.rfind("Moscow").unwrap()]);
    let multibyte = "Šaraa";
    assert!(
        find_matches(multibyte, &[ByteSpan::new(1, 3)], "a", SearchMode::Literal)
            .unwrap()
            .is_empty()
    );
}

#[test]
fn an_article_is_searched_in_headline_dek_and_body_only() {
    use crate::corpus::{Article, CleanMode};
    let article = Article::new(
        "a".into(),
        "a.txt".into(),
        "Skip to main content\n\nPutin Meets Sharaa In Moscow\n\nThe Kremlin said Putin and Sharaa met for three hours on Wednesday.\n".into(),
        CleanMode::Clean,
    );
    let search = SearchText::article(&article);
    let spans = search.find("putin", SearchMode::Literal).unwrap();
    assert_eq!(spans.len(), 2);
    assert!(search.find("skip", SearchMode::Literal).unwrap().is_empty());
}

proptest! {
    #[test]
    fn every_span_is_a_valid_nonempty_slice(
        text in "[a-zA-ZŠšßé\u{301}’\\- 東京Д]{0,40}",
        query in "[a-zA-ZšŠßД’\\- .*?]{1,5}",
        regex in any::<bool>(),
    ) {
        let mode = if regex { SearchMode::Regex } else { SearchMode::Literal };
        if let Ok(spans) = find_matches(&text, &whole(&text), &query, mode) {
            let mut last_end = 0;
            for span in spans {
                prop_assert!(span.start < span.end);
                prop_assert!(span.end <= text.len());
                prop_assert!(text.is_char_boundary(span.start));
                prop_assert!(text.is_char_boundary(span.end));
                prop_assert!(span.start >= last_end);
                last_end = span.end;
            }
        }
    }

    #[test]
    fn a_literal_query_finds_itself(text in "[a-zA-ZŠšé’ 東]{1,20}") {
        let spans = find_matches(&text, &whole(&text), &text, SearchMode::Literal).unwrap();
        prop_assert!(!spans.is_empty());
    }
}
