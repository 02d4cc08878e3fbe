//! A Markdown report: one section per source (in corpus order) with its annotations in text
//! order — label, span, quote, note — and the orphaned ones marked. Text is display-safe and
//! Markdown-escaped, so neither a control character nor a stray `*` changes the report.

use super::{locate_all, source_name, Located};
use crate::corpus::{Annotation, Corpus};
use crate::text::display_safe;
use std::fmt::Write;

pub fn export(corpus: &Corpus, annotations: &[Annotation]) -> String {
    let located = locate_all(corpus, annotations);
    let orphaned = located.iter().filter(|l| l.span().is_none()).count();
    let sources = {
        let mut ids: Vec<&str> = located
            .iter()
            .map(|l| l.annotation.article.as_str())
            .collect();
        ids.dedup();
        ids.len()
    };
    let mut out = String::from("# Annotations\n\n");
    let _ = writeln!(
        out,
        "{} on {}{}.",
        plural(located.len(), "annotation"),
        plural(sources, "source"),
        if orphaned > 0 {
            format!(", {orphaned} orphaned (text no longer found)")
        } else {
            String::new()
        }
    );
    let mut current: Option<&str> = None;
    for l in &located {
        if current != Some(l.annotation.article.as_str()) {
            current = Some(&l.annotation.article);
            out.push('\n');
            match l.article {
                Some(article) => {
                    let _ = writeln!(out, "## {}\n", escape(article.display_title()));
                    let mut facts = vec![format!("`{}`", code(&source_name(corpus, article)))];
                    facts.extend(article.meta.outlet.as_deref().map(escape));
                    facts.extend(article.meta.published.as_deref().map(escape));
                    let _ = writeln!(out, "{}\n", facts.join(" · "));
                }
                None => {
                    let _ = writeln!(
                        out,
                        "## Not in this corpus: `{}`\n",
                        code(&l.annotation.article)
                    );
                }
            }
        }
        entry(&mut out, l);
    }
    out
}

fn entry(out: &mut String, l: &Located) {
    let a = &l.annotation;
    let label = if a.label.is_empty() {
        "(no label)".to_string()
    } else {
        escape(&a.label)
    };
    let place = match l.span() {
        Some((start, end)) => format!("chars {start}–{end}"),
        None => "**orphaned**".to_string(),
    };
    let quote = escape(
        &a.quote
            .exact
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    );
    let _ = writeln!(out, "- **{label}** · {place}: “{quote}”");
    for line in a.note.lines() {
        if line.trim().is_empty() {
            out.push('\n');
        } else {
            let _ = writeln!(out, "  {}", escape(line));
        }
    }
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// Display-safe, with Markdown's inline punctuation escaped.
fn escape(text: &str) -> String {
    let safe = display_safe(text);
    let mut out = String::with_capacity(safe.len());
    for c in safe.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Display-safe text for a code span (backticks cannot be escaped there).
fn code(text: &str) -> String {
    display_safe(text).replace('`', "'")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_punctuation_is_escaped() {
        assert_eq!(escape("a *b* [c](d) <e>"), "a \\*b\\* \\[c\\](d) \\<e\\>");
    }
}
