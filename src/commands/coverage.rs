//! `parallax coverage [PATH]...`: how often each source mentions each entity.

use super::{default_format, json_line, load, write_stdout};
use crate::cli::{CorpusArgs, Format};
use parallax::analysis::coverage::Coverage;
use parallax::analysis::CorpusEntities;
use parallax::corpus::CleanMode;
use parallax::text::display_safe;
use serde_json::json;
use std::fmt::Write as _;
use std::process::ExitCode;

pub fn run(args: &CorpusArgs, format: Option<Format>) -> ExitCode {
    let Some(corpus) = load(args, CleanMode::Clean) else {
        return ExitCode::from(2);
    };
    let entities = CorpusEntities::analyse(&corpus, &[]);
    let coverage = Coverage::build(&entities);
    let text = match default_format(format) {
        Format::Json => {
            let rows: Vec<serde_json::Value> = coverage
                .rows
                .iter()
                .map(|row| {
                    let e = entities.index.entity(row.entity);
                    json!({
                        "id": e.slug,
                        "name": display_safe(&e.name),
                        "type": e.kind.as_str(),
                        "counts": row.counts,
                        "total": row.total(),
                    })
                })
                .collect();
            let sources: Vec<&str> = corpus.articles.iter().map(|a| a.id.as_str()).collect();
            json_line(&json!({"version": 1, "sources": sources, "entities": rows}))
        }
        Format::Text => {
            let mut out = String::new();
            for (i, a) in corpus.articles.iter().enumerate() {
                let _ = writeln!(out, "{:>4}  {}", i + 1, a.id);
            }
            let _ = writeln!(out);
            let header: String = (1..=corpus.articles.len())
                .map(|i| format!("{i:>4}"))
                .collect();
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
