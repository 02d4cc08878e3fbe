//! `parallax coverage [PATH]... [--story N]`: how often each source mentions each entity; in
//! one story's articles with `--story`.

use super::progress::Progress;
use super::{default_format, json_line, load_with_entities, write_stdout};
use crate::cli::{CorpusArgs, Format};
use parallax::analysis::coverage::Coverage;
use parallax::text::display_safe;
use serde::Serialize;
use std::fmt::Write as _;
use std::process::ExitCode;

pub fn run(args: &CorpusArgs, format: Option<Format>, story: Option<usize>) -> ExitCode {
    let mut progress = Progress::on_stderr();
    let Some((corpus, entities)) = load_with_entities(args, &mut progress) else {
        return ExitCode::from(2);
    };
    let articles = match super::stories::story_articles(&corpus, &entities, story) {
        Ok(articles) => articles,
        Err(message) => {
            progress.clear();
            eprintln!("parallax: error: {message}");
            return ExitCode::from(2);
        }
    };
    let coverage = Coverage::build_for(&entities, &articles);
    progress.clear();
    let text = match default_format(format) {
        Format::Json => {
            let entities = coverage
                .rows
                .iter()
                .map(|row| {
                    let e = entities.index.entity(row.entity);
                    EntityJson {
                        id: e.slug.clone(),
                        name: display_safe(&e.name).into_owned(),
                        kind: e.kind.as_str(),
                        counts: row.counts.clone(),
                        total: row.total(),
                    }
                })
                .collect();
            let sources = articles
                .iter()
                .map(|&a| corpus.articles[a].id.clone())
                .collect();
            json_line(&CoverageJson {
                version: 1,
                sources,
                entities,
            })
        }
        Format::Text => {
            let mut out = String::new();
            for &i in &articles {
                let _ = writeln!(out, "{:>4}  {}", i + 1, corpus.articles[i].id);
            }
            let _ = writeln!(out);
            let header: String = articles.iter().map(|i| format!("{:>4}", i + 1)).collect();
            let _ = writeln!(out, "{header}  total  entity");
            for row in &coverage.rows {
                let e = entities.index.entity(row.entity);
                let cells: String = row
                    .counts
                    .iter()
                    .map(|&c| match c {
                        0 => format!("{:>4}", "·"),
                        c => format!("{c:>4}"),
                    })
                    .collect();
                let _ = writeln!(
                    out,
                    "{cells}  {:>5}  {} ({})",
                    row.total(),
                    display_safe(&e.name),
                    e.kind.as_str()
                );
            }
            out
        }
    };
    write_stdout(&text)
}

/// The `coverage` JSON document (version 1): `counts[i]` is the mentions in `sources[i]`.
#[derive(Serialize)]
struct CoverageJson {
    version: u32,
    sources: Vec<String>,
    entities: Vec<EntityJson>,
}

#[derive(Serialize)]
struct EntityJson {
    id: String,
    name: String,
    #[serde(rename = "type")]
    kind: &'static str,
    counts: Vec<usize>,
    total: usize,
}
