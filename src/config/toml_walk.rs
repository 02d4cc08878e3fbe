//! Walking a parsed TOML document with positions: entries in file order, value kinds for
//! messages, and warnings that name the file and line.

use std::ops::Range;
use toml::de::{DeString, DeTable, DeValue};
use toml::Spanned;

/// A table's entries in the order they appear in the file.
pub fn entries<'a, 'i>(
    table: &'a DeTable<'i>,
) -> Vec<(&'a Spanned<DeString<'i>>, &'a Spanned<DeValue<'i>>)> {
    let mut entries: Vec<_> = table.iter().collect();
    entries.sort_by_key(|(key, _)| key.span().start);
    entries
}

/// "a string", "a table"… for messages.
pub fn kind_of(value: &DeValue) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a number",
        DeValue::Boolean(_) => "true/false",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "a list",
        DeValue::Table(_) => "a table",
    }
}

/// One-line warnings, `<file>: line N: message`.
pub struct Warnings<'t> {
    file: String,
    text: &'t str,
    lines: Vec<(usize, String)>,
}

impl<'t> Warnings<'t> {
    pub fn new(file: &str, text: &'t str) -> Warnings<'t> {
        Warnings {
            file: file.to_string(),
            text,
            lines: Vec::new(),
        }
    }

    /// The 1-based line of a byte span's start.
    pub fn line(&self, span: Range<usize>) -> usize {
        let end = span.start.min(self.text.len());
        self.text.as_bytes()[..end]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1
    }

    pub fn at(&mut self, span: Range<usize>, message: String) {
        let line = self.line(span);
        self.at_line(line, message);
    }

    pub fn at_line(&mut self, line: usize, message: String) {
        self.lines.push((line, message.replace('\n', " ")));
    }

    /// The warnings in line order.
    pub fn into_lines(mut self) -> Vec<String> {
        self.lines.sort_by_key(|(line, _)| *line);
        self.lines
            .into_iter()
            .map(|(line, message)| format!("{}: line {line}: {message}", self.file))
            .collect()
    }
}
