//! brat standoff: for every article, `<id>.txt` (the source text, byte for byte, which brat's
//! offsets index as Python strings, i.e. code points) and `<id>.ann` with one text-bound
//! annotation per span (`T1\tclaim 10 25\ttext`; the label as the entity type) and the note as
//! `#1\tAnnotatorNotes T1\tnote`; plus `annotation.conf` declaring the labels. A span that
//! crosses lines becomes brat's discontinuous fragments. Orphaned annotations cannot be placed
//! and are left out (counted).

use super::{char_slice, locate_all, ExportFile};
use crate::corpus::{Annotation, Corpus};
use std::collections::BTreeSet;
use std::fmt::Write;

/// The files to write into one folder, and how many orphaned annotations were left out.
#[derive(Clone, Debug, Default)]
pub struct BratExport {
    pub files: Vec<ExportFile>,
    pub orphaned: usize,
}

/// A label as a brat entity type: no whitespace or punctuation but `-` and `_`.
pub fn entity_type(label: &str) -> String {
    let kind: String = label
        .trim()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if kind.is_empty() {
        "annotation".to_string()
    } else {
        kind
    }
}

pub fn export(corpus: &Corpus, annotations: &[Annotation]) -> BratExport {
    let located = locate_all(corpus, annotations);
    let mut out = BratExport::default();
    let mut kinds = BTreeSet::new();
    for article in &corpus.articles {
        let mut ann = String::new();
        let mut t = 0;
        let mut n = 0;
        for l in located
            .iter()
            .filter(|l| l.article.is_some_and(|a| a.id == article.id))
        {
            let Some((start, end)) = l.span() else {
                out.orphaned += 1;
                continue;
            };
            let fragments = fragments(
                &char_slice(article, start, end).chars().collect::<Vec<_>>(),
                start,
            );
            if fragments.is_empty() {
                continue;
            }
            t += 1;
            let kind = entity_type(&l.annotation.label);
            let offsets: Vec<String> = fragments
                .iter()
                .map(|(s, e, _)| format!("{s} {e}"))
                .collect();
            let text: Vec<&str> = fragments.iter().map(|(_, _, text)| text.as_str()).collect();
            let _ = writeln!(
                ann,
                "T{t}\t{kind} {}\t{}",
                offsets.join(";"),
                text.join(" ")
            );
            kinds.insert(kind);
            if !l.annotation.note.is_empty() {
                n += 1;
                let _ = writeln!(
                    ann,
                    "#{n}\tAnnotatorNotes T{t}\t{}",
                    one_line(&l.annotation.note)
                );
            }
        }
        out.files.push(ExportFile {
            name: format!("{}.txt", article.id),
            contents: article.source.clone(),
        });
        out.files.push(ExportFile {
            name: format!("{}.ann", article.id),
            contents: ann,
        });
    }
    out.orphaned += located.iter().filter(|l| l.article.is_none()).count();
    let mut conf =
        String::from("# Labels of the Parallax annotations exported here.\n[entities]\n");
    for kind in &kinds {
        conf.push_str(kind);
        conf.push('\n');
    }
    conf.push_str("\n[relations]\n\n[events]\n\n[attributes]\n");
    out.files.push(ExportFile {
        name: "annotation.conf".to_string(),
        contents: conf,
    });
    out
}

/// The span's pieces between line breaks, as `(start, end, text)` with code point offsets;
/// empty pieces are dropped (brat forbids them).
fn fragments(chars: &[char], offset: usize) -> Vec<(usize, usize, String)> {
    let mut pieces = Vec::new();
    let mut start = 0;
    for i in 0..=chars.len() {
        let breaks = i == chars.len()
            || matches!(chars[i], '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}');
        if breaks {
            if i > start {
                pieces.push((offset + start, offset + i, chars[start..i].iter().collect()));
            }
            start = i + 1;
        }
    }
    pieces
}

/// brat notes are one line: line breaks and tabs become spaces.
fn one_line(note: &str) -> String {
    note.chars()
        .map(|c| {
            if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') {
                ' '
            } else {
                c
            }
        })
        .collect()
}
