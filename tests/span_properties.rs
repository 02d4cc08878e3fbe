//! Properties of every span the analysis produces, on arbitrary news-like text: sentences and
//! entity mentions in bounds, on code point boundaries and ordered; alignment sentence indexes
//! in bounds, and the alignment of (A, B) the mirror of (B, A) whichever order the corpus
//! holds them in. (Cleaning tiling the source: `properties.rs`; export → import and
//! re-anchoring an unchanged text: `annotations_formats.rs`.)

use parallax::analysis::align::{align_articles, Alignment};
use parallax::analysis::corpus_entities::recognize_article;
use parallax::analysis::CorpusAnalysis;
use parallax::corpus::{Article, CleanMode, Corpus};
use proptest::prelude::*;
use std::ops::Range;

const SENTENCES: &[&str] = &[
    "Russian President Vladimir Putin will host Syria’s interim leader Ahmad al-Sharaa in Moscow on Wednesday, the Kremlin said.",
    "The talks in Moscow lasted three hours, officials said.",
    "Kremlin spokesman Dmitry Peskov said the discussions were constructive.",
    "Russia keeps its naval base at Tartus and the Hmeimim air base.",
    "Russia keeps its naval base in Tartus and the Khmeimim airbase, officials said.",
    "The U.S. State Department said on Jan. 5, 2025 that 14 people were killed.",
    "More than a decade of civil war left 500,000 dead, the UN said.",
    "“It is going well,” Mr. Trump said. “Very well.”",
    "Al-Sharaa led the HTS offensive that toppled Bashar al-Assad in December.",
];

fn sentence() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(SENTENCES).prop_map(str::to_string),
        1 => "[A-Za-z ,.!?’“”é日🇸🇾\u{1b}\u{9b}\u{301}-]{0,60}",
        1 => "\\PC{0,30}",
    ]
}

/// An article: a headline line, then paragraphs of sentences, with assorted line endings.
fn article_text() -> impl Strategy<Value = String> {
    (
        "[A-Z][a-z]{2,8}( [A-Z][a-z]{2,8}){1,5}",
        prop::collection::vec(
            (
                prop::collection::vec(sentence(), 1..4),
                prop_oneof!["\n\n", "\n", "\r\n", " "],
            ),
            0..6,
        ),
    )
        .prop_map(|(headline, paragraphs)| {
            let mut text = headline + "\n\n";
            for (sentences, end) in paragraphs {
                text.push_str(&sentences.join(" "));
                text.push_str(&end);
            }
            text
        })
}

fn article(id: &str, text: &str) -> Article {
    Article::new(
        id.into(),
        format!("{id}.txt"),
        text.into(),
        CleanMode::Clean,
    )
}

fn assert_ordered(text: &str, spans: &[Range<usize>], what: &str) -> Result<(), TestCaseError> {
    let mut last = 0;
    for s in spans {
        prop_assert!(s.start < s.end && s.end <= text.len(), "{} {:?}", what, s);
        prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        prop_assert!(s.start >= last, "{} {:?} out of order", what, s);
        last = s.end;
    }
    Ok(())
}

/// The alignment with each link's shared terms reduced to their number, and scores and shares
/// rounded (terms are summed in interning order, so the last bits of an `f32` may differ).
fn without_displays(mut alignment: Alignment) -> Alignment {
    let round = |x: f32| (x * 1e4).round() / 1e4;
    for link in &mut alignment.links {
        let n = link.shared.len();
        link.shared = vec![String::new(); n];
        link.score = round(link.score);
    }
    alignment.shared_share = round(alignment.shared_share);
    alignment
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn sentences_and_mentions_are_in_bounds_on_boundaries_and_ordered(text in article_text()) {
        let a = article("a", &text);
        let sentences: Vec<_> = a.sentences.iter().map(|s| s.range()).collect();
        assert_ordered(&text, &sentences, "sentence")?;
        let mentions: Vec<_> = recognize_article(&a).into_iter().map(|m| m.span).collect();
        assert_ordered(&text, &mentions, "mention")?;
        // Every mention lies in the headline, the dek or a sentence.
        for m in &mentions {
            let inside = a.headline.iter().chain(&a.subtitle).chain(&a.sentences)
                .any(|s| s.start <= m.start && m.end <= s.end);
            prop_assert!(inside, "mention {:?} outside the recognised text", m);
        }
    }

    #[test]
    fn alignment_is_symmetric_and_its_indexes_are_in_bounds(a in article_text(), b in article_text()) {
        let forward = Corpus { articles: vec![article("a", &a), article("b", &b)], ..Corpus::default() };
        let backward = Corpus { articles: vec![article("b", &b), article("a", &a)], ..Corpus::default() };
        let ab = align_articles(&CorpusAnalysis::build(&forward, &Default::default()).terms, 0, 1);
        let ba = align_articles(&CorpusAnalysis::build(&backward, &Default::default()).terms, 0, 1);
        let (na, nb) = (forward.articles[0].sentences.len(), forward.articles[1].sentences.len());
        for link in &ab.links {
            prop_assert!(link.left < na && link.right < nb, "{:?}", link);
        }
        prop_assert!(ab.left_only.iter().all(|&i| i < na) && ab.right_only.iter().all(|&i| i < nb));
        // The same links, kinds, scores (to 1e-4) and number of shared terms, seen from the
        // other side. (A shared term is shown by the first surface form the corpus saw, so its
        // display may differ with the corpus order: "talks" or "discussions" for one group.)
        let mut mirrored = ba.mirrored();
        (mirrored.left, mirrored.right) = (0, 1);
        let (mirrored, ab) = (without_displays(mirrored), without_displays(ab));
        // Primaries are a maximum-weight matching both ways; between exactly tied pairings
        // (a sentence repeated) the choice may differ, so compare the matched weight.
        let matched = |a: &Alignment| a.links.iter().filter(|l| l.primary).map(|l| l.score).sum::<f32>();
        prop_assert!((matched(&mirrored) - matched(&ab)).abs() < 1e-3);
        let unflagged = |mut a: Alignment| {
            a.links.iter_mut().for_each(|l| l.primary = false);
            a
        };
        prop_assert_eq!(unflagged(mirrored), unflagged(ab));
    }
}
