use super::*;
use crate::corpus::CleanMode;

const TEXT: &str =
    "Talks In Moscow\n\nThe talks in Moscow lasted three hours on Wednesday, officials said. \
Kremlin spokesman Dmitry Peskov said the discussions were constructive and would continue. \
Putin later met the delegation at the Kremlin.\n";

fn article(text: &str) -> Article {
    Article::new("a".into(), "a.txt".into(), text.into(), CleanMode::Clean)
}

fn annotate(text: &str, quote: &str) -> Annotation {
    let start = text[..text.find(quote).unwrap()].chars().count();
    let span = CharSpan::new(start, start + quote.chars().count());
    new_annotation(&article(text), span, "claim", "a note", &HashSet::new())
}

fn quoted(text: &str, anchor: &Anchor) -> String {
    let span = anchor.span.expect("anchored");
    text.chars().skip(span.start.0).take(span.len()).collect()
}

#[test]
fn an_unchanged_text_anchors_at_the_stored_position() {
    let a = annotate(TEXT, "Dmitry Peskov");
    let anchor = anchor(&a, TEXT);
    assert_eq!(anchor.status, AnchorStatus::Anchored);
    assert_eq!(anchor.span, Some(a.span()));
}

#[test]
fn an_insertion_before_the_span_moves_it() {
    let a = annotate(TEXT, "Dmitry Peskov said the discussions");
    let edited = TEXT.replace(
        "officials said.",
        "officials said, adding 日本 and 🇸🇾 details.",
    );
    let anchor = anchor(&a, &edited);
    assert_eq!(anchor.status, AnchorStatus::Reanchored);
    assert_eq!(
        quoted(&edited, &anchor),
        "Dmitry Peskov said the discussions"
    );
}

#[test]
fn the_exact_quote_prefers_its_own_context_over_a_nearer_copy() {
    let text = "Putin spoke first. Then the minister spoke. Later Putin spoke again at length.\n";
    let later = text.rfind("Putin").unwrap();
    let start = text[..later].chars().count();
    let a = new_annotation(
        &article(text),
        CharSpan::new(start, start + 5),
        "claim",
        "",
        &HashSet::new(),
    );
    // Shift the text so the old position lands nearer the first "Putin".
    let edited = format!("{}{}", "x".repeat(45), text.replacen("Then", "", 1));
    let anchor = anchor(&a, &edited);
    let found = anchor.span.unwrap().start.0;
    assert_eq!(
        edited.chars().skip(found - 6).take(11).collect::<String>(),
        "Later Putin"
    );
}

#[test]
fn an_edit_inside_the_span_is_found_fuzzily() {
    let a = annotate(TEXT, "the discussions were constructive and would continue");
    let edited = TEXT.replace(
        "the discussions were constructive",
        "the discussions had been very constructive",
    );
    let anchor = anchor(&a, &edited);
    assert_eq!(anchor.status, AnchorStatus::Reanchored);
    assert_eq!(
        quoted(&edited, &anchor),
        "the discussions had been very constructive and would continue"
    );
}

#[test]
fn a_deleted_span_is_orphaned() {
    let a = annotate(TEXT, "Kremlin spokesman Dmitry Peskov said the discussions");
    let edited = TEXT.replace(
        "Kremlin spokesman Dmitry Peskov said the discussions were constructive and would continue. ",
        "",
    );
    assert_eq!(anchor(&a, &edited), Anchor::orphaned());
}

#[test]
fn a_short_quote_is_not_matched_fuzzily() {
    let a = annotate(TEXT, "Putin");
    let edited = TEXT.replace("Putin", "Pushkin");
    assert_eq!(anchor(&a, &edited).status, AnchorStatus::Orphaned);
}

#[test]
fn reanchoring_updates_position_quote_and_hash_but_not_modified() {
    let mut annotations = vec![annotate(TEXT, "Dmitry Peskov")];
    let before = annotations[0].clone();
    let edited = format!("Breaking. {TEXT}");
    let corpus = Corpus {
        articles: vec![article(&edited)],
        ..Corpus::default()
    };
    let anchors = reanchor_all(&corpus, &mut annotations);
    assert_eq!(anchors[0].status, AnchorStatus::Reanchored);
    let after = &annotations[0];
    assert_eq!(after.start, before.start + 10);
    assert_eq!(after.quote.exact, "Dmitry Peskov");
    assert_eq!(after.source_hash, source_hash(&edited));
    assert_eq!(after.modified, before.modified);
    // Now anchored as is.
    assert_eq!(
        anchor_all(&corpus, &annotations)[0].status,
        AnchorStatus::Anchored
    );
}

#[test]
fn an_annotation_of_a_missing_article_is_orphaned_and_untouched() {
    let mut annotations = vec![annotate(TEXT, "Dmitry Peskov")];
    annotations[0].article = "gone".into();
    let before = annotations.clone();
    let corpus = Corpus {
        articles: vec![article(TEXT)],
        ..Corpus::default()
    };
    assert_eq!(
        reanchor_all(&corpus, &mut annotations),
        vec![Anchor::orphaned()]
    );
    assert_eq!(annotations, before);
}

#[test]
fn new_annotations_clamp_their_span_and_quote_with_context() {
    let a = new_annotation(
        &article(TEXT),
        CharSpan::new(0, 10_000),
        "claim",
        "",
        &HashSet::new(),
    );
    assert_eq!(a.end, TEXT.chars().count());
    assert_eq!(a.quote.exact, TEXT);
    assert_eq!(a.created, a.modified);
    assert_eq!(a.source_hash, source_hash(TEXT));
}
