//! Loading saved news pages, Markdown and feeds: the story is kept, the boilerplate goes, the
//! page's metadata is read, and offsets refer to the extracted text kept beside the corpus.

use parallax::corpus::{load_paths, LoadOptions};
use std::fs;
use std::path::{Path, PathBuf};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

/// A copy of fixture files in a fresh folder (loading writes `.parallax/extracted` there).
fn corpus_folder(files: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    for file in files {
        let from = Path::new(FIXTURES).join(file);
        fs::copy(&from, dir.path().join(from.file_name().unwrap())).unwrap();
    }
    let path = dir.path().to_path_buf();
    (dir, path)
}

const PAGES: [&str; 3] = [
    "html/harbour_gazette.html",
    "html/lowlands_daily.htm",
    "html/north_sea_times.html",
];

#[test]
fn saved_news_pages_load_with_their_metadata() {
    let (_dir, folder) = corpus_folder(&PAGES);
    let corpus = load_paths(&[folder], &LoadOptions::default()).unwrap();
    assert!(corpus.warnings.is_empty(), "{:?}", corpus.warnings);
    let ids: Vec<&str> = corpus.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(
        ids,
        ["harbour_gazette", "lowlands_daily", "north_sea_times"]
    );
    let meta: Vec<_> = corpus.articles.iter().map(|a| &a.meta).collect();
    assert_eq!(
        meta[0].title.as_deref(),
        Some("Dock workers strike shuts Rotterdam container terminals")
    );
    assert_eq!(meta[0].byline.as_deref(), Some("Marieke de Vries"));
    assert_eq!(meta[0].outlet.as_deref(), Some("The Harbour Gazette"));
    assert_eq!(
        meta[0].published.as_deref(),
        Some("2026-03-02T08:15:00+01:00")
    );
    assert_eq!(
        meta[0].url.as_deref(),
        Some("https://harbourgazette.example/news/2026/03/02/rotterdam-dock-strike")
    );
    // JSON-LD: author, publisher, datePublished.
    assert_eq!(meta[2].byline.as_deref(), Some("Tom Hargreaves"));
    assert_eq!(meta[2].outlet.as_deref(), Some("North Sea Times"));
    assert_eq!(meta[2].published.as_deref(), Some("2026-03-02T10:40:00Z"));
    assert_eq!(meta[1].byline.as_deref(), Some("Sanne Visser"));
    assert_eq!(
        meta[1].url.as_deref(),
        Some("https://lowlandsdaily.example/2026/03/rotterdam-strike-explainer/")
    );
}

#[test]
fn saved_news_pages_read_as_the_story_without_the_site_around_it() {
    let (_dir, folder) = corpus_folder(&PAGES);
    let corpus = load_paths(&[folder], &LoadOptions::default()).unwrap();
    for article in &corpus.articles {
        let body: Vec<&str> = article
            .paragraphs
            .iter()
            .map(|&p| article.text(p))
            .collect();
        let body = body.join("\n");
        for debris in [
            "cookies",
            "Subscribe",
            "Sign up",
            "©",
            "Share",
            "Most read",
            "Leave a Reply",
            "Privacy",
            "Advertisement",
        ] {
            assert!(
                !body.contains(debris),
                "{}: {debris:?} in\n{body}",
                article.id
            );
        }
        assert!(body.contains("4,000"), "{}: the story is there", article.id);
        assert!(article.word_count > 150, "{}", article.id);
        assert!(article.sentences.len() >= 10, "{}", article.id);
    }
    let gazette = &corpus.articles[0];
    assert!(gazette
        .source
        .starts_with("Dock workers strike shuts Rotterdam container terminals\n\n"));
    assert!(gazette
        .source
        .contains("“Our members are not against new cranes"));
}

#[test]
fn offsets_refer_to_the_extracted_text_kept_beside_the_corpus() {
    let (_dir, folder) = corpus_folder(&PAGES[..1]);
    let corpus = load_paths(std::slice::from_ref(&folder), &LoadOptions::default()).unwrap();
    let kept = folder.join(".parallax/extracted/harbour_gazette.html.txt");
    assert_eq!(
        fs::read_to_string(&kept).unwrap(),
        corpus.articles[0].source
    );
    // A later load reuses the kept text, even if it was extracted differently back then.
    let edited = corpus.articles[0]
        .source
        .replace("Thousands", "Many thousands");
    fs::write(&kept, &edited).unwrap();
    let again = load_paths(std::slice::from_ref(&folder), &LoadOptions::default()).unwrap();
    assert_eq!(again.articles[0].source, edited);
    // A changed page is extracted again.
    let page = folder.join("harbour_gazette.html");
    let html = fs::read_to_string(&page)
        .unwrap()
        .replace("48-hour", "two-day");
    fs::write(&page, html).unwrap();
    let changed = load_paths(&[folder], &LoadOptions::default()).unwrap();
    assert!(changed.articles[0].source.contains("two-day stoppage"));
    assert!(!changed.articles[0].source.contains("Many thousands"));
}

#[test]
fn markdown_reads_as_plain_text_with_front_matter_metadata() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("explainer.md"),
        "---\ntitle: \"Rotterdam strike: the essentials\"\nauthor: Sanne Visser\nsite: Lowlands Daily\ndate: 2026-03-02\nurl: https://lowlandsdaily.example/essentials\ntags: [ports, strikes]\n---\n\n# Rotterdam strike: the essentials\n\nAbout **4,000** dock workers stopped work on Monday, the [FNV union](https://fnv.example) said.\n\n## What next?\n\nA mediator meets *both sides* on Wednesday.\n",
    )
    .unwrap();
    let corpus = load_paths(&[dir.path().to_path_buf()], &LoadOptions::default()).unwrap();
    let article = &corpus.articles[0];
    assert_eq!(
        article.source,
        "Rotterdam strike: the essentials\n\nBy Sanne Visser\n\nAbout 4,000 dock workers stopped work on Monday, the FNV union said.\n\nWhat next?\n\nA mediator meets both sides on Wednesday.\n"
    );
    assert_eq!(
        article.meta.title.as_deref(),
        Some("Rotterdam strike: the essentials")
    );
    assert_eq!(article.meta.byline.as_deref(), Some("Sanne Visser"));
    assert_eq!(article.meta.outlet.as_deref(), Some("Lowlands Daily"));
    assert_eq!(article.meta.published.as_deref(), Some("2026-03-02"));
    assert_eq!(
        article.meta.url.as_deref(),
        Some("https://lowlandsdaily.example/essentials")
    );
}

#[test]
fn each_feed_item_with_content_is_an_article() {
    let (_dir, folder) = corpus_folder(&["feeds/port_wire.rss"]);
    let corpus = load_paths(&[folder], &LoadOptions::default()).unwrap();
    let ids: Vec<&str> = corpus.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "port_wire-rotterdam-dockers-strike",
            "port_wire-antwerp-prepares"
        ]
    );
    let first = &corpus.articles[0];
    assert_eq!(first.meta.outlet.as_deref(), Some("Port Wire"));
    assert_eq!(first.meta.byline.as_deref(), Some("Lena Kowalski"));
    assert_eq!(
        first.meta.url.as_deref(),
        Some("https://portwire.example/2026/03/02/rotterdam-dockers-strike.html")
    );
    assert!(first
        .path
        .ends_with("port_wire.rss#rotterdam-dockers-strike"));
    assert_eq!(first.paragraphs.len(), 2);
    // The item without content is reported, not loaded.
    assert_eq!(corpus.warnings.len(), 1);
    assert!(corpus.warnings[0].message.contains("1 of 3 feed items"));
}

#[test]
fn an_xml_file_that_is_not_a_feed_is_skipped_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("notes.xml"), "<notes><n>hi</n></notes>").unwrap();
    fs::write(
        dir.path().join("a.txt"),
        "A Title Here\n\nSome body text here.\n",
    )
    .unwrap();
    let corpus = load_paths(&[dir.path().to_path_buf()], &LoadOptions::default()).unwrap();
    assert_eq!(corpus.articles.len(), 1);
    assert!(corpus.warnings[0]
        .message
        .contains("not an RSS or Atom feed"));
}
