//! Cleaning and metadata on the five built-in seed articles.

use parallax::corpus::{load_seeds, Article, LoadOptions, RemovalReason};
use RemovalReason::*;

fn seed(n: usize) -> Article {
    load_seeds(&LoadOptions::default()).articles.swap_remove(n)
}

fn removed(article: &Article) -> Vec<(RemovalReason, String)> {
    article
        .removed()
        .map(|(span, reason)| (reason, article.text(span).trim().chars().take(30).collect()))
        .collect()
}

fn paragraph_starts(article: &Article) -> Vec<String> {
    article
        .paragraphs
        .iter()
        .map(|&p| article.text(p).chars().take(24).collect())
        .collect()
}

/// Title, subtitle, byline, outlet.
type ExpectedMeta = (
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
    Option<&'static str>,
);

#[test]
fn seed_metadata_is_read_from_the_page() {
    let expect: [ExpectedMeta; 5] = [
        ("After Assad’s fall, Russia tries to hold on in Syria", None, Some("Antoine Khoury"), Some("Mena Today")),
        ("Sharaa-Putin Meeting Focuses on Bilateral Ties and Middle East Security", None, None, None),
        (
            "Putin meets Syria’s new leader in Moscow",
            Some("Talks focus on Russia’s military role and future influence"),
            None,
            None,
        ),
        (
            "Russian military presence in Syria tops the agenda of Al-Charaa–Putin meeting",
            Some("The Kremlin confirms that the Russian and Syrian presidents will discuss economic cooperation and the situation in the Middle East."),
            None,
            None,
        ),
        (
            "Syrian leader meets Putin in Moscow amid talks on Russia’s military presence",
            Some("Former rivals strike pragmatic tone as Kremlin seeks to safeguard bases and influence after upheaval in Damascus"),
            None,
            Some("National Herald"),
        ),
    ];
    for (n, (title, subtitle, byline, outlet)) in expect.into_iter().enumerate() {
        let meta = seed(n).meta;
        assert_eq!(meta.title.as_deref(), Some(title), "seed {n} title");
        assert_eq!(meta.subtitle.as_deref(), subtitle, "seed {n} subtitle");
        assert_eq!(meta.byline.as_deref(), byline, "seed {n} byline");
        assert_eq!(meta.outlet.as_deref(), outlet, "seed {n} outlet");
    }
}

#[test]
fn seed_000_hides_navigation_captions_repeats_and_the_tail() {
    let article = seed(0);
    let got = removed(&article);
    let expect = [
        (Navigation, "Skip to main content"),
        (Caption, "Vladimir Putin © Mena Today"),
        (Repeat, "Vladimir Putin © Mena Today"),
        (Repeat, "Russian President Vladimir Put"),
        (RelatedLinks, "Tags"),
        (AuthorBio, "Antoine Khoury"),
        (Repeat, "Antoine Khoury"),
        (AuthorBio, "Antoine Khoury is based in Bei"),
        (RelatedLinks, "Related"),
        (Newsletter, "Subscribe to our newsletter"),
        (Advert, "Mena banner 4"),
        (CookieNotice, "To make this website run prope"),
        (CookieNotice, "• Necessary cookies enable cor"),
    ];
    let expect: Vec<(RemovalReason, String)> =
        expect.iter().map(|(r, t)| (*r, t.to_string())).collect();
    assert_eq!(got, expect);
    assert_eq!(article.paragraphs.len(), 12);
    assert_eq!(paragraph_starts(&article)[0], "Russian President Vladim");
    assert_eq!(paragraph_starts(&article)[11], "After a phone call with ");
}

#[test]
fn seed_001_hides_the_section_label_and_comment_form() {
    let article = seed(1);
    let got: Vec<RemovalReason> = removed(&article).into_iter().map(|(r, _)| r).collect();
    assert_eq!(got, vec![SectionLabel, CommentForm, CommentForm]);
    assert_eq!(article.paragraphs.len(), 7);
}

#[test]
fn seed_002_without_blank_lines_keeps_every_paragraph() {
    let article = seed(2);
    assert!(removed(&article).is_empty());
    assert_eq!(article.paragraphs.len(), 5);
    assert_eq!(paragraph_starts(&article)[4], "On the ground, Syria rem");
}

#[test]
fn seed_003_hides_the_related_block() {
    let article = seed(3);
    let got: Vec<(RemovalReason, String)> = removed(&article);
    assert_eq!(got[0], (SectionLabel, "Policy".to_string()));
    assert!(got[1..].iter().all(|(r, _)| *r == RelatedLinks), "{got:?}");
    assert_eq!(got.len(), 5);
    assert_eq!(article.paragraphs.len(), 13);
    assert_eq!(paragraph_starts(&article)[12], "On January 29, 2025, the");
}

#[test]
fn seed_004_hides_captions_debris_and_follow_prompts() {
    let article = seed(4);
    let got: Vec<RemovalReason> = removed(&article).into_iter().map(|(r, _)| r).collect();
    assert_eq!(
        got,
        vec![
            SectionLabel,
            Caption,
            Caption,
            TemplateDebris,
            TemplateDebris,
            SharePrompt,
            SharePrompt,
            TemplateDebris
        ]
    );
    assert_eq!(article.paragraphs.len(), 10);
    assert_eq!(paragraph_starts(&article)[9], "For Putin, maintaining a");
}

#[test]
fn seed_sentences_split_on_quote_closing_full_stops_but_not_on_us() {
    let article = seed(0);
    let sentences: Vec<&str> = article.sentences.iter().map(|&s| article.text(s)).collect();
    assert!(sentences.contains(
        &"After a phone call with his Syrian counterpart, U.S. President Donald Trump said that “everything is going very well.”"
    ));
    let article = seed(1);
    let sentences: Vec<&str> = article.sentences.iter().map(|&s| article.text(s)).collect();
    assert!(
        sentences
            .iter()
            .any(|s| s.starts_with("Sharaa has cultivated")
                && s.ends_with("“working out very well.”"))
    );
}

/// Pages from other sites that the phrase lists were not written for.
fn unseen(name: &str) -> Article {
    let path = format!(
        "{}/tests/fixtures/unseen/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(path).unwrap();
    Article::new(
        name.into(),
        name.into(),
        text,
        parallax::corpus::CleanMode::Clean,
    )
}

#[test]
fn unseen_page_with_breadcrumbs_credit_and_copyright_is_cleaned() {
    let article = unseen("levant_post.txt");
    assert_eq!(
        article.meta.title.as_deref(),
        Some("Turkey and Syria agree to reopen the Kessab border crossing")
    );
    assert_eq!(article.meta.byline.as_deref(), Some("Lina Haddad"));
    assert_eq!(article.meta.outlet.as_deref(), Some("Levant Post"));
    let got: Vec<RemovalReason> = removed(&article).into_iter().map(|(r, _)| r).collect();
    assert_eq!(
        got,
        vec![
            Navigation,
            SectionLabel,
            Caption,
            SharePrompt,
            RelatedLinks,
            Copyright
        ]
    );
    assert_eq!(article.paragraphs.len(), 4);
    assert_eq!(
        article.sentences.len(),
        5,
        "the two-sentence quote splits at its closing mark"
    );
}

#[test]
fn unseen_wire_page_without_blank_lines_is_cleaned() {
    let article = unseen("gulf_wire.txt");
    assert_eq!(
        article.meta.title.as_deref(),
        Some("Gulf states pledge reconstruction fund for Syria")
    );
    assert_eq!(
        article.meta.subtitle.as_deref(),
        Some("Donors meeting in Riyadh ends with $3.2 billion in commitments")
    );
    assert_eq!(article.paragraphs.len(), 3);
    let last = removed(&article);
    assert_eq!(last.len(), 5, "{last:?}");
    assert!(
        last[2..]
            .iter()
            .all(|(r, _)| *r == TrailingDebris || *r == Newsletter),
        "{last:?}"
    );
}
