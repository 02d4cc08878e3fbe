//! W3C Web Annotation JSON-LD: an `AnnotationCollection` whose items target an article with a
//! `TextQuoteSelector` and a `TextPositionSelector` (code points into the source text), the
//! label as a `TextualBody` with purpose `tagging` and the note with purpose `commenting`.
//! Parallax's own fields (the source hash, entity corrections) ride along as `parallax:`
//! extension properties, so export → import is the identity. Import accepts what other tools
//! write with the same selectors: a collection, a page, an array or one annotation; bodies and
//! targets as objects or arrays; `bodyValue`.

use super::{locate_all, source_name, Located};
use crate::corpus::annotation::{new_annotation_id, Correction, Quote};
use crate::corpus::store::corpus_key;
use crate::corpus::{Annotation, Corpus};
use crate::text::{display_safe, now_rfc3339};
use serde::Serialize;
use serde_json::Value;
use std::collections::HashSet;

const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
/// Annotation ids are exported as IRIs with this prefix (and read back without it).
pub const ID_PREFIX: &str = "urn:parallax:annotation:";
const VOCABULARY: &str = "urn:parallax:vocabulary:";

#[derive(Serialize)]
struct Collection {
    #[serde(rename = "@context")]
    context: Value,
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    label: String,
    total: usize,
    first: Page,
}

#[derive(Serialize)]
struct Page {
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(rename = "startIndex")]
    start_index: usize,
    items: Vec<Item>,
}

#[derive(Serialize)]
struct Item {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    motivation: &'static str,
    created: String,
    modified: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    body: Vec<Body>,
    target: Target,
    #[serde(rename = "parallax:sourceHash")]
    source_hash: String,
    #[serde(
        rename = "parallax:correction",
        skip_serializing_if = "Option::is_none"
    )]
    correction: Option<Correction>,
}

#[derive(Serialize)]
struct Body {
    #[serde(rename = "type")]
    kind: &'static str,
    purpose: &'static str,
    value: String,
    format: &'static str,
}

#[derive(Serialize)]
struct Target {
    source: String,
    selector: Vec<Selector>,
}

#[derive(Serialize)]
#[serde(tag = "type")]
enum Selector {
    TextQuoteSelector {
        exact: String,
        prefix: String,
        suffix: String,
    },
    TextPositionSelector {
        start: usize,
        end: usize,
    },
}

/// The corpus's annotations as one JSON-LD `AnnotationCollection` (pretty, newline-ended).
pub fn export(corpus: &Corpus, annotations: &[Annotation]) -> String {
    let items: Vec<Item> = locate_all(corpus, annotations)
        .iter()
        .map(|l| item(corpus, l))
        .collect();
    let collection = Collection {
        context: serde_json::json!([CONTEXT, { "parallax": VOCABULARY }]),
        id: format!("urn:parallax:collection:{}", corpus_key(corpus)),
        kind: "AnnotationCollection",
        label: "Parallax annotations".to_string(),
        total: items.len(),
        first: Page {
            kind: "AnnotationPage",
            start_index: 0,
            items,
        },
    };
    serde_json::to_string_pretty(&collection).expect("annotations serialise") + "\n"
}

fn item(corpus: &Corpus, located: &Located) -> Item {
    let a = &located.annotation;
    let mut body = Vec::new();
    if !a.label.is_empty() {
        body.push(textual("tagging", &a.label));
    }
    if !a.note.is_empty() {
        body.push(textual("commenting", &a.note));
    }
    let motivation = match (a.note.is_empty(), a.label.is_empty()) {
        (false, _) => "commenting",
        (true, false) => "tagging",
        (true, true) => "highlighting",
    };
    Item {
        id: if a.id.contains(':') {
            a.id.clone()
        } else {
            format!("{ID_PREFIX}{}", a.id)
        },
        kind: "Annotation",
        motivation,
        created: a.created.clone(),
        modified: a.modified.clone(),
        body,
        target: Target {
            source: located
                .article
                .map_or_else(|| a.article.clone(), |article| source_name(corpus, article)),
            selector: vec![
                Selector::TextQuoteSelector {
                    exact: a.quote.exact.clone(),
                    prefix: a.quote.prefix.clone(),
                    suffix: a.quote.suffix.clone(),
                },
                Selector::TextPositionSelector {
                    start: a.start,
                    end: a.end,
                },
            ],
        },
        source_hash: a.source_hash.clone(),
        correction: a.correction.clone(),
    }
}

fn textual(purpose: &'static str, value: &str) -> Body {
    Body {
        kind: "TextualBody",
        purpose,
        value: value.to_string(),
        format: "text/plain",
    }
}

/// What an import file held: annotations whose source resolved to an article (not yet
/// anchored or merged), and one line for each item skipped.
#[derive(Clone, Debug, Default)]
pub struct Parsed {
    pub annotations: Vec<ParsedAnnotation>,
    pub skipped: Vec<String>,
}

#[derive(Clone, Debug)]
pub struct ParsedAnnotation {
    pub annotation: Annotation,
    /// The item had no id of its own (one was made up): match it by its target instead.
    pub made_up_id: bool,
}

/// Parses W3C Web Annotation JSON(-LD). `Err` is one line (with line and column) when the
/// file is not JSON or holds no annotations at all.
pub fn parse(corpus: &Corpus, json: &str) -> Result<Parsed, String> {
    let value: Value = serde_json::from_str(json).map_err(|e| {
        format!(
            "not JSON: line {}, column {}: {}",
            e.line(),
            e.column(),
            e.to_string()
                .rsplit_once(" at line ")
                .map_or(e.to_string(), |(what, _)| what.to_string())
        )
    })?;
    let items = items_of(&value).ok_or("no Web Annotations found (expected an AnnotationCollection, an AnnotationPage, an array or an Annotation)")?;
    let mut parsed = Parsed::default();
    let mut ids: HashSet<String> = HashSet::new();
    for (index, item) in items.iter().enumerate() {
        match annotation_of(corpus, item, &ids) {
            Ok(p) => {
                if !ids.insert(p.annotation.id.clone()) {
                    parsed.skipped.push(format!(
                        "item {}: repeats id {}",
                        index + 1,
                        display_safe(&p.annotation.id)
                    ));
                    continue;
                }
                parsed.annotations.push(p);
            }
            Err(why) => parsed.skipped.push(format!("item {}: {why}", index + 1)),
        }
    }
    Ok(parsed)
}

fn has_type(value: &Value, wanted: &str) -> bool {
    match value.get("type").or_else(|| value.get("@type")) {
        Some(Value::String(s)) => s == wanted,
        Some(Value::Array(list)) => list.iter().any(|v| v.as_str() == Some(wanted)),
        _ => false,
    }
}

fn items_of(value: &Value) -> Option<Vec<&Value>> {
    match value {
        Value::Array(list) => Some(list.iter().collect()),
        Value::Object(_) if has_type(value, "AnnotationCollection") => {
            let mut items = Vec::new();
            let mut page = value.get("first");
            while let Some(p) = page.filter(|p| p.is_object()) {
                items.extend(p.get("items")?.as_array()?.iter());
                page = p.get("next");
            }
            if let Some(direct) = value.get("items").and_then(Value::as_array) {
                items.extend(direct.iter());
            }
            Some(items)
        }
        Value::Object(_) if has_type(value, "AnnotationPage") => {
            Some(value.get("items")?.as_array()?.iter().collect())
        }
        Value::Object(_) if has_type(value, "Annotation") || value.get("target").is_some() => {
            Some(vec![value])
        }
        _ => None,
    }
}

fn annotation_of(
    corpus: &Corpus,
    item: &Value,
    taken: &HashSet<String>,
) -> Result<ParsedAnnotation, String> {
    let target = one_or_first(item.get("target")).ok_or("no target")?;
    let source = match target {
        Value::String(s) => s.as_str(),
        _ => target
            .get("source")
            .and_then(Value::as_str)
            .ok_or("target without a source")?,
    };
    let article = super::resolve_source(corpus, source)
        .ok_or_else(|| format!("source {source:?} is not an article of this corpus"))?;
    let selectors = list(target.get("selector"));
    let quote = selectors
        .iter()
        .find(|s| has_type(s, "TextQuoteSelector"))
        .map(|s| Quote {
            exact: text_field(s, "exact"),
            prefix: text_field(s, "prefix"),
            suffix: text_field(s, "suffix"),
        });
    let position = selectors
        .iter()
        .find(|s| has_type(s, "TextPositionSelector"))
        .and_then(|s| {
            Some((
                s.get("start")?.as_u64()? as usize,
                s.get("end")?.as_u64()? as usize,
            ))
        })
        .filter(|(start, end)| start <= end);
    let (start, end, quote) = match (position, quote) {
        (Some((start, end)), Some(quote)) => (start, end, quote),
        (None, Some(quote)) if !quote.exact.is_empty() => (0, 0, quote),
        (Some((start, end)), None) => {
            let chars: Vec<char> = article.source.chars().collect();
            if end > chars.len() {
                return Err("position selector past the end of the text, and no quote".into());
            }
            (
                start,
                end,
                crate::corpus::annotation::quote_of(&chars, start, end),
            )
        }
        _ => return Err("no TextQuoteSelector or TextPositionSelector".into()),
    };
    let (label, note) = bodies(item);
    let id = item
        .get("id")
        .or_else(|| item.get("@id"))
        .and_then(Value::as_str)
        .map(|id| id.strip_prefix(ID_PREFIX).unwrap_or(id).to_string())
        .filter(|id| !id.is_empty());
    let made_up_id = id.is_none();
    let now = now_rfc3339();
    let created = item
        .get("created")
        .and_then(Value::as_str)
        .map(str::to_string);
    let modified = item
        .get("modified")
        .and_then(Value::as_str)
        .map(str::to_string);
    let annotation = Annotation {
        id: id.unwrap_or_else(|| new_annotation_id(taken)),
        article: article.id.clone(),
        source_hash: item
            .get("parallax:sourceHash")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string(),
        start,
        end,
        quote,
        label,
        note,
        correction: item
            .get("parallax:correction")
            .and_then(|c| serde_json::from_value(c.clone()).ok()),
        modified: modified
            .clone()
            .or_else(|| created.clone())
            .unwrap_or_else(|| now.clone()),
        created: created.unwrap_or(now),
    };
    Ok(ParsedAnnotation {
        annotation,
        made_up_id,
    })
}

/// The label (first `tagging` body) and the note (`commenting` bodies, or an untyped textual
/// body, or `bodyValue`; several are joined by blank lines).
fn bodies(item: &Value) -> (String, String) {
    let mut label = None;
    let mut notes = Vec::new();
    for body in list(item.get("body")) {
        let Some(value) = body.get("value").and_then(Value::as_str) else {
            continue;
        };
        let purposes = list(body.get("purpose"));
        let purpose = purposes.first().and_then(|p| p.as_str());
        match purpose {
            Some("tagging") if label.is_none() => label = Some(value.to_string()),
            Some("commenting") | Some("describing") | None => notes.push(value.to_string()),
            _ => {}
        }
    }
    if let Some(value) = item.get("bodyValue").and_then(Value::as_str) {
        notes.push(value.to_string());
    }
    (label.unwrap_or_default(), notes.join("\n\n"))
}

fn list(value: Option<&Value>) -> Vec<&Value> {
    match value {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(v) => vec![v],
        None => Vec::new(),
    }
}

/// The target (or the first target with a selector when there are several).
fn one_or_first(value: Option<&Value>) -> Option<&Value> {
    let targets = list(value);
    targets
        .iter()
        .find(|t| t.get("selector").is_some())
        .or(targets.first())
        .copied()
}

fn text_field(value: &Value, key: &str) -> String {
    value
        .get(key)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}
