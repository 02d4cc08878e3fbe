//! Annotations through every export format and back: W3C JSON-LD import is the exact inverse
//! of export; brat standoff and CSV parse back to the same spans, labels and notes. Plus the
//! properties: export → import identity, and re-anchoring an unchanged text changes nothing.

use parallax::corpus::annotation::Correction;
use parallax::corpus::{
    new_annotation, reanchor_all, AnchorStatus, Annotation, Article, CleanMode, Corpus,
};
use parallax::export::import::merge_imported;
use parallax::export::{brat, csv, markdown, w3c};
use parallax::text::CharSpan;
use proptest::prelude::*;
use std::collections::HashSet;

const FIRST: &str = "Talks In Moscow\n\nThe talks in Moscow lasted three hours, officials said.\n\
Kremlin spokesman Dmitry Peskov said the “discussions” were constructive.\n";
const SECOND: &str =
    "Damascus, Syria — 🇸🇾 Al-Charaa met Putin.\r\nThe visit was short; 日本 watched.\n";

fn corpus(texts: &[(&str, &str)]) -> Corpus {
    Corpus {
        articles: texts
            .iter()
            .map(|(id, text)| {
                Article::new(
                    id.to_string(),
                    format!("{id}.txt"),
                    text.to_string(),
                    CleanMode::Clean,
                )
            })
            .collect(),
        ..Corpus::default()
    }
}

fn span_of(text: &str, quote: &str) -> CharSpan {
    let start = text[..text.find(quote).unwrap()].chars().count();
    CharSpan::new(start, start + quote.chars().count())
}

/// A few annotations that exercise the formats: quotes and commas in notes, a span across a
/// line break, labels with spaces, a correction, non-ASCII text before the span.
fn sample(corpus: &Corpus) -> Vec<Annotation> {
    let mut ids = HashSet::new();
    let mut make = |article: usize, quote: &str, label: &str, note: &str| {
        let a = &corpus.articles[article];
        let made = new_annotation(a, span_of(&a.source, quote), label, note, &ids);
        ids.insert(made.id.clone());
        made
    };
    let mut list = vec![
        make(
            0,
            "Dmitry Peskov",
            "person",
            "Spokesman, \"Kremlin\"; see 2024",
        ),
        make(
            0,
            "officials said.\nKremlin spokesman",
            "attribution issue",
            "spans two lines",
        ),
        make(1, "Putin", "claim", ""),
        make(1, "日本 watched", "", "note only"),
    ];
    list[2].correction = Some(Correction::Merge {
        into: "Vladimir Putin".into(),
    });
    list
}

fn sorted(mut list: Vec<Annotation>) -> Vec<Annotation> {
    list.sort_by(|a, b| a.id.cmp(&b.id));
    list
}

fn w3c_round_trip(corpus: &Corpus, annotations: &[Annotation]) -> Vec<Annotation> {
    let json = w3c::export(corpus, annotations);
    let parsed = w3c::parse(corpus, &json).unwrap();
    assert!(parsed.skipped.is_empty(), "{:?}", parsed.skipped);
    let mut skipped = Vec::new();
    let (merged, report) = merge_imported(corpus, &[], parsed.annotations, &mut skipped);
    assert_eq!(report.imported, annotations.len());
    merged
}

#[test]
fn w3c_export_then_import_is_the_identity() {
    let corpus = corpus(&[("first", FIRST), ("second", SECOND)]);
    let annotations = sample(&corpus);
    assert_eq!(
        sorted(w3c_round_trip(&corpus, &annotations)),
        sorted(annotations)
    );
}

#[test]
fn w3c_export_has_both_selectors_and_purposed_bodies() {
    let corpus = corpus(&[("first", FIRST), ("second", SECOND)]);
    let json: serde_json::Value =
        serde_json::from_str(&w3c::export(&corpus, &sample(&corpus))).unwrap();
    assert_eq!(json["type"], "AnnotationCollection");
    assert_eq!(json["total"], 4);
    let item = &json["first"]["items"][0];
    assert_eq!(item["type"], "Annotation");
    assert_eq!(item["target"]["source"], "first.txt");
    let selectors = item["target"]["selector"].as_array().unwrap();
    assert_eq!(selectors[0]["type"], "TextQuoteSelector");
    assert_eq!(selectors[1]["type"], "TextPositionSelector");
    let bodies = item["body"].as_array().unwrap();
    assert_eq!(bodies[0]["purpose"], "tagging");
    assert_eq!(bodies[1]["purpose"], "commenting");
}

#[test]
fn w3c_import_accepts_other_tools_shapes() {
    let corpus = corpus(&[("first", FIRST)]);
    // One annotation, one body without a purpose, a quote selector only, the file name as
    // source, no id and no timestamps: found by its quote.
    let json = r#"[{
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "Annotation",
        "body": {"type": "TextualBody", "value": "who is this?"},
        "target": [{"source": "https://example.org/elsewhere.html"},
                   {"source": "first.txt",
                    "selector": {"type": "TextQuoteSelector", "exact": "Dmitry Peskov",
                                 "prefix": "Kremlin spokesman "}}]
    }, {"type": "Annotation", "target": {"source": "nowhere.txt",
        "selector": {"type": "TextQuoteSelector", "exact": "x"}}}]"#;
    let parsed = w3c::parse(&corpus, json).unwrap();
    assert_eq!(parsed.skipped.len(), 1);
    assert!(
        parsed.skipped[0].contains("nowhere.txt"),
        "{:?}",
        parsed.skipped
    );
    let mut skipped = parsed.skipped.clone();
    let (merged, report) = merge_imported(&corpus, &[], parsed.annotations, &mut skipped);
    assert_eq!(
        (report.imported, report.skipped, report.orphaned),
        (1, 1, 0)
    );
    let text: Vec<char> = FIRST.chars().collect();
    let a = &merged[0];
    assert_eq!(
        text[a.start..a.end].iter().collect::<String>(),
        "Dmitry Peskov"
    );
    assert_eq!((a.label.as_str(), a.note.as_str()), ("", "who is this?"));
    // Importing the same again changes nothing.
    let parsed = w3c::parse(&corpus, json).unwrap();
    let (again, report) = merge_imported(&corpus, &merged, parsed.annotations, &mut Vec::new());
    assert_eq!((report.imported, report.unchanged), (0, 1));
    assert_eq!(again, merged);
}

#[test]
fn w3c_import_of_bad_json_names_line_and_column() {
    let corpus = corpus(&[("first", FIRST)]);
    let err = w3c::parse(&corpus, "{\n  \"type\": \n}").unwrap_err();
    assert!(err.contains("line 3, column 1"), "{err}");
}

/// `T1\tlabel 10 20;21 25\ttext` and `#1\tAnnotatorNotes T1\tnote`, as brat reads them.
fn parse_brat(ann: &str) -> Vec<(String, usize, usize, String)> {
    let mut spans: Vec<(String, String, usize, usize, String)> = Vec::new();
    for line in ann.lines() {
        let fields: Vec<&str> = line.splitn(3, '\t').collect();
        if fields[0].starts_with('T') {
            let (kind, offsets) = fields[1].split_once(' ').unwrap();
            let numbers: Vec<usize> = offsets
                .split([' ', ';'])
                .map(|n| n.parse().unwrap())
                .collect();
            let (start, end) = (numbers[0], *numbers.last().unwrap());
            spans.push((fields[0].into(), kind.into(), start, end, String::new()));
        } else if fields[0].starts_with('#') {
            let target = fields[1].strip_prefix("AnnotatorNotes ").unwrap();
            let span = spans.iter_mut().find(|s| s.0 == target).unwrap();
            span.4 = fields[2].to_string();
        }
    }
    spans
        .into_iter()
        .map(|(_, k, s, e, n)| (k, s, e, n))
        .collect()
}

#[test]
fn brat_parses_back_to_the_same_spans_labels_and_notes() {
    let corpus = corpus(&[("first", FIRST), ("second", SECOND)]);
    let annotations = sample(&corpus);
    let export = brat::export(&corpus, &annotations);
    assert_eq!(export.orphaned, 0);
    let file = |name: &str| {
        &export
            .files
            .iter()
            .find(|f| f.name == name)
            .unwrap()
            .contents
    };
    assert_eq!(file("first.txt"), FIRST);
    assert_eq!(file("second.txt"), SECOND);
    assert!(file("annotation.conf")
        .contains("[entities]\nannotation\nattribution_issue\nclaim\nperson\n"));
    // The span across a line break is two fragments whose texts match the source.
    assert!(
        file("first.ann").contains("officials said. Kremlin spokesman"),
        "{}",
        file("first.ann")
    );
    let mut back: Vec<(String, usize, usize, String)> = parse_brat(file("first.ann"));
    back.extend(parse_brat(file("second.ann")));
    back.sort();
    let mut expected: Vec<(String, usize, usize, String)> = annotations
        .iter()
        .map(|a| (brat::entity_type(&a.label), a.start, a.end, a.note.clone()))
        .collect();
    expected.sort();
    assert_eq!(back, expected);
    // Offsets index the .txt as code points (what brat's Python uses).
    for (_, start, end, _) in parse_brat(file("second.ann")) {
        let text: String = SECOND.chars().skip(start).take(end - start).collect();
        assert!(annotations.iter().any(|a| a.quote.exact == text), "{text}");
    }
}

#[test]
fn csv_parses_back_to_the_same_spans_labels_and_notes() {
    let corpus = corpus(&[("first", FIRST), ("second", SECOND)]);
    let annotations = sample(&corpus);
    let text = csv::export(&corpus, &annotations);
    let mut reader = ::csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(header, csv::HEADER);
    let mut back: Vec<(String, usize, usize, String, String, String)> = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            (
                r[0].to_string(),
                r[4].parse().unwrap(),
                r[5].parse().unwrap(),
                r[6].to_string(),
                r[8].to_string(),
                r[7].to_string(),
            )
        })
        .collect();
    back.sort();
    let mut expected: Vec<_> = annotations
        .iter()
        .map(|a| {
            (
                a.id.clone(),
                a.start,
                a.end,
                a.label.clone(),
                a.note.clone(),
                a.quote.exact.clone(),
            )
        })
        .collect();
    expected.sort();
    assert_eq!(back, expected);
}

#[test]
fn markdown_groups_by_source_and_marks_orphans() {
    let corpus = corpus(&[("first", FIRST), ("second", SECOND)]);
    let mut annotations = sample(&corpus);
    annotations[3].quote.exact = "no longer in the text at all".into();
    annotations[3].start = 0;
    annotations[3].end = 0;
    annotations[3].source_hash = "old".into();
    let report = markdown::export(&corpus, &annotations);
    let first = report.find("## Talks In Moscow").unwrap();
    let second = report.find("`second.txt`").unwrap();
    assert!(first < second, "{report}");
    assert!(
        report.contains("4 annotations on 2 sources, 1 orphaned"),
        "{report}"
    );
    assert!(report.contains("**person** · chars "), "{report}");
    assert!(report.contains("**orphaned**"), "{report}");
}

fn texts() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            "[A-Za-z]{1,12}",
            Just(" ".to_string()),
            Just("\n".to_string()),
            Just("\r\n".to_string()),
            "[é日🇸🇾’“”,.;\"\t]{1,3}",
        ],
        1..80,
    )
    .prop_map(|parts| parts.concat())
    .prop_filter("not blank", |t| t.chars().any(char::is_alphanumeric))
}

fn note() -> impl Strategy<Value = String> {
    prop_oneof![Just(String::new()), "[a-z ,\"\n日]{0,20}"]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn w3c_round_trip_is_the_identity_for_any_text_and_spans(
        text in texts(),
        spans in prop::collection::vec((0usize..400, 0usize..40, "[a-z ]{0,8}", note()), 1..8),
    ) {
        let corpus = corpus(&[("doc", &text)]);
        let len = text.chars().count();
        let mut ids = HashSet::new();
        let annotations: Vec<Annotation> = spans
            .into_iter()
            .map(|(start, width, label, note)| {
                let start = start % (len + 1);
                let span = CharSpan::new(start, (start + width).min(len));
                let a = new_annotation(&corpus.articles[0], span, &label, &note, &ids);
                ids.insert(a.id.clone());
                a
            })
            .collect();
        prop_assert_eq!(sorted(w3c_round_trip(&corpus, &annotations)), sorted(annotations));
    }

    #[test]
    fn reanchoring_an_unchanged_text_is_the_identity(
        text in texts(),
        spans in prop::collection::vec((0usize..400, 0usize..40), 1..8),
    ) {
        let corpus = corpus(&[("doc", &text)]);
        let len = text.chars().count();
        let annotations: Vec<Annotation> = spans
            .into_iter()
            .map(|(start, width)| {
                let start = start % (len + 1);
                let span = CharSpan::new(start, (start + width).min(len));
                new_annotation(&corpus.articles[0], span, "claim", "", &HashSet::new())
            })
            .collect();
        let mut again = annotations.clone();
        let anchors = reanchor_all(&corpus, &mut again);
        prop_assert!(anchors.iter().all(|a| a.status == AnchorStatus::Anchored));
        prop_assert_eq!(again, annotations);
    }

    #[test]
    fn an_insertion_outside_the_span_keeps_the_quote(
        text in texts(),
        start in 0usize..400,
        width in 1usize..30,
        insertion in "[a-z日 \n]{1,40}",
        before in any::<bool>(),
    ) {
        let len = text.chars().count();
        let start = start % len;
        let span = CharSpan::new(start, (start + width).min(len));
        let corpus_then = corpus(&[("doc", &text)]);
        let a = new_annotation(&corpus_then.articles[0], span, "claim", "", &HashSet::new());
        let chars: Vec<char> = text.chars().collect();
        let at = if before { start } else { span.end.0 };
        let edited: String = chars[..at].iter().chain(insertion.chars().collect::<Vec<_>>().iter()).chain(&chars[at..]).collect();
        let anchor = parallax::corpus::anchor(&a, &edited);
        let found = anchor.span.expect("an insertion outside the span never orphans it");
        let slice: String = edited.chars().skip(found.start.0).take(found.len()).collect();
        prop_assert_eq!(slice, a.quote.exact);
    }
}
