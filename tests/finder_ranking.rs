//! The finder's ranking pass (prefilter, bounds, pruned scoring, threads, narrowing) against
//! the straightforward one: SkimMatcherV2 (with positions, as hits are scored) on every
//! candidate and every term, all scores kept, sorted by score and then corpus order. Same
//! hits, same order, same count.

#[path = "../benches/finder/corpus.rs"]
mod corpus;

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
use parallax::analysis::finder::fold::{fold_str, FoldedText};
use parallax::analysis::finder::{
    Field, FinderIndex, IndexBuilder, Results, SearchOptions, Span, Target,
};
use parallax::text::{ByteSpan, CharSpan};

const LINES: usize = 4000;

fn index_of(lines: &[String]) -> FinderIndex {
    let mut builder = IndexBuilder::new();
    for (i, line) in lines.iter().enumerate() {
        let span = Span {
            bytes: ByteSpan::new(0, line.len()),
            chars: CharSpan::new(0, line.chars().count()),
        };
        let target = Target::Sentence {
            article: i / 40,
            sentence: i % 40,
            span,
        };
        builder.add(target, vec![Field::shown(line.as_str())], None);
    }
    builder.build()
}

/// Every line scored by SkimMatcherV2 (a fresh matcher per call), as (line, score), best
/// first, ties in line order; and how many matched.
fn straightforward(lines: &[String], query: &str, limit: usize) -> (Vec<(usize, i64)>, usize) {
    let terms: Vec<String> = fold_str(query)
        .chars()
        .filter(|c| !['-', '\''].contains(c))
        .collect::<String>()
        .split_whitespace()
        .map(str::to_string)
        .collect();
    let mut scored: Vec<(usize, i64)> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, line)| {
            let folded = FoldedText::new(line);
            let mut total = 0;
            for term in &terms {
                let matcher = SkimMatcherV2::default().smart_case();
                total += matcher.fuzzy_indices(folded.as_str(), term)?.0;
            }
            Some((i, total))
        })
        .collect();
    let matched = scored.len();
    scored.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    scored.truncate(limit);
    (scored, matched)
}

fn ranked(results: &Results) -> Vec<(usize, i64)> {
    results
        .hits
        .iter()
        .map(|hit| match hit.target {
            Target::Sentence {
                article, sentence, ..
            } => (article * 40 + sentence, hit.score),
            _ => panic!("only sentences are indexed"),
        })
        .collect()
}

#[test]
fn pruned_ranking_equals_scoring_every_candidate() {
    let lines = corpus::news_lines(LINES);
    let index = index_of(&lines);
    let queries = [
        "p",
        "put",
        "putin",
        "Putin",
        "nat her",
        "sharaa moscow",
        "khmeim",
        "al-sharaa",
        "2024 dec",
        "on the",
        "zzz",
    ];
    for limit in [200, 20] {
        for query in queries {
            let (expected, matched) = straightforward(&lines, query, limit);
            for threads in [1, 2] {
                let options = SearchOptions {
                    limit,
                    threads,
                    ..SearchOptions::default()
                };
                let results = index.search(query, &options, None);
                assert_eq!(ranked(&results), expected, "{query} / {limit} / {threads}");
                assert_eq!(results.matched, matched, "{query}");
                // The same query typed one key at a time, each keystroke narrowing the last.
                let mut previous: Option<Results> = None;
                for end in (1..=query.len()).filter(|&e| query.is_char_boundary(e)) {
                    previous = Some(index.search(&query[..end], &options, previous.as_ref()));
                }
                let narrowed = previous.expect("the query is not empty");
                assert_eq!(ranked(&narrowed), expected, "narrowed {query} / {limit}");
                assert_eq!(narrowed.matched, matched, "narrowed {query}");
            }
        }
    }
}
