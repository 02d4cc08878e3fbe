//! `parallax compare A B [PATH]...`: two articles aligned sentence by sentence.

use super::{default_format, json_line, load, write_stdout};
use crate::cli::{CorpusArgs, Format};
use parallax::analysis::align::{
    align_articles, discrepancies, Alignment, CorpusTerms, Discrepancy, Link,
};
use parallax::analysis::CorpusEntities;
use parallax::corpus::{find_article, CleanMode, Corpus};
use parallax::text::display_safe;
use serde::Serialize;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub fn run(left: &str, right: &str, args: &CorpusArgs, format: Option<Format>) -> ExitCode {
    let Some(corpus) = load(&with_named_files(args, [left, right]), CleanMode::Clean) else {
        return ExitCode::from(2);
    };
    let (l, r) = match (find_article(&corpus, left), find_article(&corpus, right)) {
        (Ok(l), Ok(r)) => (l, r),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("parallax: error: {e}");
            return ExitCode::from(2);
        }
    };
    let entities = CorpusEntities::analyse(&corpus, &[]);
    let terms = CorpusTerms::build(&corpus, &entities);
    let alignment = align_articles(&terms, l, r);
    let text = match default_format(format) {
        Format::Json => to_json(&corpus, &terms, &alignment),
        Format::Text => to_text(&corpus, &terms, &alignment),
    };
    write_stdout(&text)
}

/// An article named by a path that is not in the corpus joins it: `compare a.txt b.txt` compares
/// those two files (with the corpus paths, if any, for word weights).
fn with_named_files(args: &CorpusArgs, names: [&str; 2]) -> CorpusArgs {
    let mut args = args.clone();
    let extra: Vec<PathBuf> = names
        .iter()
        .map(PathBuf::from)
        .filter(|p| p.is_file() && !args.paths.iter().any(|q| same_file(p, q)))
        .collect();
    args.paths.extend(extra);
    args
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b || a.starts_with(&b),
        _ => a == b,
    }
}

fn sentence(corpus: &Corpus, article: usize, index: usize) -> String {
    let a = &corpus.articles[article];
    display_safe(a.text(a.sentences[index])).into_owned()
}

fn link_discrepancies(
    corpus: &Corpus,
    terms: &CorpusTerms,
    alignment: &Alignment,
    link: &Link,
) -> Vec<Discrepancy> {
    discrepancies(
        terms.sentence(alignment.left, link.left),
        &corpus.articles[alignment.left].source,
        terms.sentence(alignment.right, link.right),
        &corpus.articles[alignment.right].source,
        link.kind,
    )
}

/// The `compare` JSON document (version 1). Field order is the documented order.
#[derive(Serialize)]
struct CompareJson<'a> {
    version: u32,
    left: &'a str,
    right: &'a str,
    near_duplicate: bool,
    shared_share: f64,
    pairs: Vec<PairJson>,
    left_only: &'a [usize],
    right_only: &'a [usize],
}

#[derive(Serialize)]
struct PairJson {
    left: Vec<usize>,
    right: Vec<usize>,
    score: f64,
    kind: &'static str,
    primary: bool,
    shared: Vec<String>,
    discrepancies: Vec<Discrepancy>,
}

/// Three decimals are plenty, and keep `f32` noise out of the output.
fn rounded(value: f32) -> f64 {
    (f64::from(value) * 1000.0).round() / 1000.0
}

fn to_json(corpus: &Corpus, terms: &CorpusTerms, alignment: &Alignment) -> String {
    let pairs = alignment
        .links
        .iter()
        .map(|link| PairJson {
            left: vec![link.left],
            right: vec![link.right],
            score: rounded(link.score),
            kind: link.kind.as_str(),
            primary: link.primary,
            shared: link.shared.clone(),
            discrepancies: link_discrepancies(corpus, terms, alignment, link),
        })
        .collect();
    json_line(&CompareJson {
        version: 1,
        left: &corpus.articles[alignment.left].id,
        right: &corpus.articles[alignment.right].id,
        near_duplicate: alignment.near_duplicate,
        shared_share: rounded(alignment.shared_share),
        pairs,
        left_only: &alignment.left_only,
        right_only: &alignment.right_only,
    })
}

/// Rows in the left article's order: each left sentence, its primary counterpart below it, its
/// other links as `also`, and the right-only sentences where they fall.
fn to_text(corpus: &Corpus, terms: &CorpusTerms, alignment: &Alignment) -> String {
    let (l, r) = (alignment.left, alignment.right);
    let (left, right) = (&corpus.articles[l], &corpus.articles[r]);
    let mut out = String::new();
    let name = |a: &parallax::corpus::Article| match &a.meta.outlet {
        Some(outlet) => format!("{} ({outlet})", a.id),
        None => a.id.clone(),
    };
    let _ = writeln!(out, "L  {}", name(left));
    let _ = writeln!(out, "R  {}", name(right));
    let _ = writeln!(
        out,
        "{} links ({} primary); {} left-only, {} right-only sentences; {:.0}% of sentences near-identical{}",
        alignment.links.len(),
        alignment.links.iter().filter(|k| k.primary).count(),
        alignment.left_only.len(),
        alignment.right_only.len(),
        alignment.shared_share * 100.0,
        if alignment.near_duplicate { " — NEAR-DUPLICATE" } else { "" }
    );
    for row in alignment.rows(left.sentences.len(), right.sentences.len()) {
        let _ = writeln!(out);
        match (row.left, row.right) {
            (Some(i), right_index) => {
                let _ = writeln!(out, "L{i:<3} {}", sentence(corpus, l, i));
                match right_index {
                    Some(j) => {
                        let _ = writeln!(out, "R{j:<3} {}", sentence(corpus, r, j));
                    }
                    None if alignment.left_only.contains(&i) => {
                        let _ = writeln!(out, "     (only in L)");
                    }
                    None => {}
                }
                for link in alignment.links_of_left(i) {
                    let marker = if link.primary { "=" } else { "also R" };
                    let marker = match link.primary {
                        true => marker.to_string(),
                        false => format!("{marker}{}", link.right),
                    };
                    let _ = writeln!(
                        out,
                        "     {marker} {} {:.2}: {}",
                        link.kind.as_str(),
                        link.score,
                        link.shared.join(", ")
                    );
                    for d in link_discrepancies(corpus, terms, alignment, link) {
                        let _ =
                            writeln!(out, "     ! {} vs {}: {}", d.left, d.right, d.explanation);
                    }
                }
            }
            (None, Some(j)) => {
                let only = match alignment.right_only.contains(&j) {
                    true => "  (only in R)",
                    false => "",
                };
                let _ = writeln!(out, "R{j:<3} {}{only}", sentence(corpus, r, j));
            }
            (None, None) => {}
        }
    }
    out
}
