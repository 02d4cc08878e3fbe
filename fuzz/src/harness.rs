//! The fuzz harnesses: one function per target, arbitrary bytes in, a panic on any broken
//! invariant. The cargo-fuzz targets (`fuzz/fuzz_targets/`) call them, and the normal test suite
//! replays the committed corpora through them (`tests/fuzz_replay.rs` includes this file), so a
//! regression is caught without nightly. Only `parallax` and `std`: no fuzzing crate here.

use parallax::analysis::align::{align_articles, discrepancies, word_diff};
use parallax::analysis::ner::{recognize, NerInput};
use parallax::analysis::sentences::split_sentences;
use parallax::analysis::CorpusAnalysis;
use parallax::corpus::anchor::{apply_anchor, AnchorText};
use parallax::corpus::load::decode;
use parallax::corpus::store::{parse, serialise};
use parallax::corpus::{anchor, new_annotation, AnchorStatus, Article, CleanMode, Corpus};
use parallax::export::import::merge_imported;
use parallax::export::w3c;
use parallax::text::{ByteSpan, CharSpan};
use std::collections::HashSet;
use std::ops::Range;

/// One harness: panics when an invariant breaks.
pub type Harness = fn(&[u8]);

/// Every target, by the name of its `fuzz/fuzz_targets/<name>.rs` and `fuzz/corpus/<name>/`.
pub const TARGETS: &[(&str, Harness)] = &[
    ("loader", loader),
    ("sentences", sentences),
    ("entities", entities),
    ("align", align),
    ("store_parse", store_parse),
    ("w3c_import", w3c_import),
    ("reanchor", reanchor),
];

/// Parts of one input, split at 0xFF (a byte that never occurs in UTF-8, so texts stay whole).
fn parts(data: &[u8]) -> Vec<&[u8]> {
    data.split(|&b| b == 0xff).collect()
}

fn text_of(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Little-endian u16s read from `bytes` (a missing byte is 0).
fn numbers(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    bytes
        .chunks(2)
        .map(|c| usize::from(c[0]) | usize::from(c.get(1).copied().unwrap_or(0)) << 8)
}

fn assert_span(text: &str, span: Range<usize>, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} {span:?} out of bounds ({} bytes)",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} not on char boundaries"
    );
}

/// Spans in bounds, on char boundaries, non-empty, ordered and not overlapping.
fn assert_ordered(text: &str, spans: &[Range<usize>], what: &str) {
    let mut last = 0;
    for span in spans {
        assert_span(text, span.clone(), what);
        assert!(span.start < span.end, "{what} {span:?} is empty");
        assert!(
            span.start >= last,
            "{what} {span:?} overlaps or is out of order"
        );
        last = span.end;
    }
}

fn assert_inert(shown: &str, what: &str) {
    assert!(
        !shown.chars().any(char::is_control),
        "{what} {shown:?} holds control characters"
    );
}

/// Checks what the cleaner made of an article: lines tile the source, every structural span is
/// in bounds and ordered, display strings are inert.
fn check_article(article: &Article) {
    let text = &article.source;
    let mut at = 0;
    for line in &article.lines {
        assert_eq!(line.content.start, at, "lines tile the source");
        assert!(line.content.end <= line.end);
        assert_span(text, line.content.range(), "line");
        assert_span(text, line.full().range(), "line");
        at = line.end;
    }
    assert_eq!(at, text.len(), "lines cover the source");
    for span in article.headline.iter().chain(&article.subtitle) {
        assert_span(text, span.range(), "headline");
    }
    let ranges = |spans: &[ByteSpan]| spans.iter().map(|s| s.range()).collect::<Vec<_>>();
    assert_ordered(text, &ranges(&article.paragraphs), "paragraph");
    assert_ordered(text, &ranges(&article.sentences), "sentence");
    for s in &article.sentences {
        assert!(article.paragraphs.iter().any(|p| p.contains(*s)));
    }
    let chars = text.chars().count();
    for (span, _) in article.removed() {
        let c = article.char_span(span);
        assert!(c.end.0 <= chars);
        assert_eq!(c.len(), article.text(span).chars().count());
    }
    let meta = &article.meta;
    for shown in [&meta.title, &meta.subtitle, &meta.byline, &meta.outlet]
        .into_iter()
        .flatten()
    {
        assert_inert(shown, "metadata");
    }
}

/// Bytes → the loader's decoding → the cleaner, in both modes.
pub fn loader(data: &[u8]) {
    let Ok((text, _warning)) = decode(data.to_vec()) else {
        return;
    };
    for mode in [CleanMode::Clean, CleanMode::Keep] {
        check_article(&Article::new(
            "f".into(),
            "f.txt".into(),
            text.clone(),
            mode,
        ));
    }
}

/// Sentence splitting of the whole input and of an arbitrary char-aligned span of it.
pub fn sentences(data: &[u8]) {
    let text = text_of(data);
    let whole = split_sentences(&text, ByteSpan::new(0, text.len()));
    let ranges: Vec<_> = whole.iter().map(|s| s.range()).collect();
    assert_ordered(&text, &ranges, "sentence");
    for s in &whole {
        let piece = &text[s.range()];
        assert_eq!(piece.trim(), piece, "sentences are trimmed");
    }
    let bounds: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let mut n = numbers(data.get(..4).unwrap_or_default());
    let (a, b) = (n.next().unwrap_or(0), n.next().unwrap_or(0));
    let (a, b) = (bounds[a % bounds.len()], bounds[b % bounds.len()]);
    let span = ByteSpan::new(a.min(b), a.max(b));
    let inner: Vec<_> = split_sentences(&text, span)
        .iter()
        .map(|s| s.range())
        .collect();
    assert_ordered(&text, &inner, "sentence of a span");
    assert!(inner
        .iter()
        .all(|s| s.start >= span.start && s.end <= span.end));
}

/// Entity recognition with the cleaner's structure, and with arbitrary (even out-of-bounds or
/// off-boundary) ranges, which the recogniser promises to clamp: `ranges 0xFF text`.
pub fn entities(data: &[u8]) {
    let parts = parts(data);
    let (ranges, text) = match parts.as_slice() {
        [text] => (None, text_of(text)),
        [ranges, rest @ ..] => (Some(*ranges), text_of(&rest.join(&b' '))),
        [] => return,
    };
    let check = |input: &NerInput| {
        let mentions = recognize(input);
        let spans: Vec<_> = mentions.iter().map(|m| m.span.clone()).collect();
        assert_ordered(&text, &spans, "mention");
    };
    let article = Article::new("e".into(), "e.txt".into(), text.clone(), CleanMode::Clean);
    let sentences: Vec<Range<usize>> = article.sentences.iter().map(|s| s.range()).collect();
    check(&NerInput {
        text: &text,
        headline: article.headline.map(|s| s.range()),
        subtitle: article.subtitle.map(|s| s.range()),
        sentences: &sentences,
    });
    if let Some(ranges) = ranges {
        let n: Vec<usize> = numbers(ranges).collect();
        let pairs: Vec<Range<usize>> = n
            .chunks(2)
            .map(|p| p[0]..p.get(1).copied().unwrap_or(0))
            .collect();
        let (headline, sentences) = match pairs.split_first() {
            Some((h, rest)) => (Some(h.clone()), rest.to_vec()),
            None => (None, vec![]),
        };
        check(&NerInput {
            text: &text,
            headline,
            subtitle: None,
            sentences: &sentences,
        });
    }
}

fn two_article_corpus(a: &str, b: &str) -> Corpus {
    Corpus {
        articles: [("a", a), ("b", b)]
            .into_iter()
            .map(|(id, text)| {
                Article::new(
                    id.into(),
                    format!("{id}.txt"),
                    text.into(),
                    CleanMode::Clean,
                )
            })
            .collect(),
        ..Corpus::default()
    }
}

/// Alignment of two arbitrary texts (`A 0xFF B`): sentence indexes in bounds, (A,B) the mirror
/// of (B,A), every link's diff and discrepancies in bounds; the story map's members too.
pub fn align(data: &[u8]) {
    let parts = parts(data);
    let a = text_of(parts.first().copied().unwrap_or_default());
    let b = text_of(&parts.get(1..).unwrap_or_default().join(&b' '));
    let corpus = two_article_corpus(&a, &b);
    let analysis = CorpusAnalysis::build(&corpus, &Default::default());
    let terms = &analysis.terms;
    let lens = [
        corpus.articles[0].sentences.len(),
        corpus.articles[1].sentences.len(),
    ];
    assert_eq!(terms.articles[0].len(), lens[0]);
    assert_eq!(terms.articles[1].len(), lens[1]);
    let forward = align_articles(terms, 0, 1);
    let backward = align_articles(terms, 1, 0);
    assert_eq!(backward, forward.mirrored(), "alignment is symmetric");
    let mut linked = [vec![false; lens[0]], vec![false; lens[1]]];
    for link in &forward.links {
        assert!(link.left < lens[0] && link.right < lens[1], "{link:?}");
        linked[0][link.left] = true;
        linked[1][link.right] = true;
        let left = terms.sentence(0, link.left);
        let right = terms.sentence(1, link.right);
        let (ls, rs) = (&corpus.articles[0].source, &corpus.articles[1].source);
        for d in discrepancies(left, ls, right, rs, link.kind) {
            assert_span(ls, d.left_span.range(), "discrepancy");
            assert_span(rs, d.right_span.range(), "discrepancy");
        }
        let lt = corpus.articles[0].text(corpus.articles[0].sentences[link.left]);
        let rt = corpus.articles[1].text(corpus.articles[1].sentences[link.right]);
        word_diff(lt, rt);
    }
    let primaries = |side: fn(&parallax::analysis::align::Link) -> usize| {
        let mut seen = HashSet::new();
        forward
            .links
            .iter()
            .filter(|l| l.primary)
            .all(|l| seen.insert(side(l)))
    };
    assert!(
        primaries(|l| l.left) && primaries(|l| l.right),
        "primary links are one-to-one"
    );
    for (side, only) in [&forward.left_only, &forward.right_only]
        .into_iter()
        .enumerate()
    {
        let expected: Vec<usize> = (0..lens[side]).filter(|&i| !linked[side][i]).collect();
        assert_eq!(
            only, &expected,
            "one-sided sentences are exactly the unlinked ones"
        );
    }
    let facts = (0..analysis.stories.stories.len()).flat_map(|s| &analysis.story_map(s).facts);
    for fact in facts {
        for m in &fact.members {
            assert!(m.article < 2 && m.sentence < lens[m.article], "{m:?}");
        }
    }
}

/// The annotations file parser: never a panic; a file that parses serialises back to itself;
/// a refusal is one line.
pub fn store_parse(data: &[u8]) {
    match parse(data) {
        Ok(list) => {
            let again = parse(&serialise(&list)).expect("our own file parses");
            assert_eq!(again, list, "serialise → parse is the identity");
        }
        Err(why) => {
            assert!(!why.contains('\n'), "one line: {why:?}");
            assert_inert(&why, "parse error");
        }
    }
}

const IMPORT_TEXT: &str = "Talks In Moscow\n\nThe talks in Moscow lasted three hours on \
Wednesday, officials said. Kremlin spokesman Dmitry Peskov said the discussions were \
constructive. 日本 and 🇸🇾 délégations followed.\n";

/// W3C import of arbitrary JSON-LD into a small corpus: merged annotations anchor in bounds,
/// and exporting then importing them again changes nothing.
pub fn w3c_import(data: &[u8]) {
    let Ok(json) = std::str::from_utf8(data) else {
        return;
    };
    let corpus = Corpus {
        articles: vec![
            Article::new(
                "doc".into(),
                "doc.txt".into(),
                IMPORT_TEXT.into(),
                CleanMode::Clean,
            ),
            Article::new(
                "two".into(),
                "two.txt".into(),
                "Short\n\nA body line here.\n".into(),
                CleanMode::Clean,
            ),
        ],
        ..Corpus::default()
    };
    let Ok(parsed) = w3c::parse(&corpus, json) else {
        return;
    };
    let mut skipped = parsed.skipped;
    let (merged, _report) = merge_imported(&corpus, &[], parsed.annotations, &mut skipped);
    for a in &merged {
        let Some(article) = corpus.articles.iter().find(|x| x.id == a.article) else {
            continue;
        };
        let found = anchor(a, &article.source);
        if let Some(span) = found.span {
            assert!(span.start <= span.end && span.end.0 <= article.source.chars().count());
        }
    }
    let again = w3c::parse(&corpus, &w3c::export(&corpus, &merged)).expect("our export parses");
    assert!(again.skipped.is_empty(), "{:?}", again.skipped);
    let mut none = Vec::new();
    let (twice, report) = merge_imported(&corpus, &merged, again.annotations, &mut none);
    assert_eq!(
        (report.imported, report.updated),
        (0, 0),
        "re-importing an export changes nothing"
    );
    assert_eq!(twice, merged);
}

/// Re-anchoring after arbitrary edits: `span 0xFF text (0xFF edit)*`, each edit
/// `position(2) deleted(1) inserted…`. An unchanged text anchors in place; a found anchor is in
/// bounds, an exact one shows the quote, and anchoring again where it was found is the identity.
pub fn reanchor(data: &[u8]) {
    let parts = parts(data);
    let Some((header, rest)) = parts.split_first() else {
        return;
    };
    let Some((original, edits)) = rest.split_first() else {
        return;
    };
    let original = text_of(original);
    let article = Article::new(
        "r".into(),
        "r.txt".into(),
        original.clone(),
        CleanMode::Keep,
    );
    let len = original.chars().count();
    let mut n = numbers(header);
    let start = n.next().unwrap_or(0) % (len + 1);
    let end = (start + n.next().unwrap_or(0) % 64).min(len);
    let annotation = new_annotation(
        &article,
        CharSpan::new(start, end),
        "claim",
        "",
        &HashSet::new(),
    );
    let unchanged = anchor(&annotation, &original);
    assert_eq!(
        unchanged.status,
        AnchorStatus::Anchored,
        "an unchanged text anchors in place"
    );
    assert_eq!(unchanged.span, Some(CharSpan::new(start, end)));

    let mut chars: Vec<char> = original.chars().collect();
    for edit in edits {
        let mut n = numbers(edit.get(..2).unwrap_or_default());
        let at = n.next().unwrap_or(0) % (chars.len() + 1);
        let deleted = usize::from(edit.get(2).copied().unwrap_or(0)) % 32;
        let inserted: Vec<char> = text_of(edit.get(3..).unwrap_or_default()).chars().collect();
        let end = (at + deleted).min(chars.len());
        chars.splice(at..end, inserted);
    }
    let edited: String = chars.iter().collect();
    let found = anchor(&annotation, &edited);
    let Some(span) = found.span else {
        assert_eq!(found.status, AnchorStatus::Orphaned);
        return;
    };
    assert!(
        span.start <= span.end && span.end.0 <= chars.len(),
        "{span:?}"
    );
    let slice: String = chars[span.start.0..span.end.0].iter().collect();
    if found.status == AnchorStatus::Anchored {
        assert_eq!(slice, annotation.quote.exact);
    }
    let text = AnchorText::new(&edited);
    let mut moved = annotation.clone();
    apply_anchor(&mut moved, &found, &text);
    assert_eq!(moved.quote.exact, slice);
    let again = anchor(&moved, &edited);
    assert_eq!(
        again.status,
        AnchorStatus::Anchored,
        "re-anchoring where found is stable"
    );
    assert_eq!(again.span, Some(span));
}
