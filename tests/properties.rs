//! Invariants of loading and cleaning: nothing is lost, every span is in bounds.

use parallax::corpus::line::LineKind;
use parallax::corpus::{Article, CleanMode};
use parallax::text::CharOffset;
use proptest::prelude::*;

/// Text that looks like a scraped page: lines of words, punctuation, boilerplate, odd chars.
fn page() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Skip to main content".to_string()),
        Just("World".to_string()),
        Just("Tags".to_string()),
        Just("Published: undefined".to_string()),
        Just("Vladimir Putin © Mena Today".to_string()),
        Just("U.S. President Donald Trump said “it is. going well.”".to_string()),
        "[A-Za-z ,.!?’“”\u{a0}\u{200b}é日🇸🇾\t\u{1b}\u{9b}-]{0,80}",
        "\\PC{0,40}",
    ];
    prop::collection::vec((piece, prop_oneof!["\n", "\n\n", "\r\n", "\r", " "]), 0..25)
        .prop_map(|parts| parts.into_iter().map(|(a, b)| a + &b).collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn cleaning_loses_nothing_and_spans_stay_in_bounds(text in page(), keep in any::<bool>()) {
        let mode = if keep { CleanMode::Keep } else { CleanMode::Clean };
        let article = Article::new("p".into(), "p.txt".into(), text.clone(), mode);
        // Kept and removed lines tile the source exactly.
        let mut at = 0;
        for line in &article.lines {
            prop_assert_eq!(line.content.start, at);
            prop_assert!(line.content.end <= line.end);
            at = line.end;
        }
        prop_assert_eq!(at, text.len());
        // Every structural span is on char boundaries, ordered, and inside body text.
        let mut last = 0;
        for p in &article.paragraphs {
            prop_assert!(p.start >= last && p.start < p.end && p.end <= text.len());
            prop_assert!(text.is_char_boundary(p.start) && text.is_char_boundary(p.end));
            last = p.end;
        }
        let mut last = 0;
        for s in &article.sentences {
            prop_assert!(s.start >= last && s.start < s.end);
            prop_assert!(article.paragraphs.iter().any(|p| p.contains(*s)));
            last = s.end;
        }
        // Code point spans agree with the text.
        let chars = text.chars().count();
        for (span, _) in article.removed() {
            let c = article.char_span(span);
            prop_assert!(c.end <= CharOffset(chars));
            prop_assert_eq!(c.len(), article.text(span).chars().count());
        }
        // No non-blank line is left unclassified as blank.
        for line in &article.lines {
            if line.kind == LineKind::Blank {
                prop_assert!(article.text(line.content).chars().all(|c| c.is_whitespace() || parallax::corpus::line::is_invisible(c)));
            }
        }
    }
}
