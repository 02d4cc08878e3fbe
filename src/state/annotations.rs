//! The corpus's annotations as the reader holds them: the list (what is saved), where each is
//! anchored now, per-article marks for drawing, the labels, undo/redo, and the popups that
//! create, show and list them.

use crate::corpus::anchor::{anchor_all, Anchor};
use crate::corpus::annotation::Annotation;
use crate::corpus::Corpus;
use crate::text::ByteSpan;
use ratatui_textarea::TextArea;
use std::collections::HashMap;

/// An annotation label: the key that picks it, its name, and its colour name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub key: char,
    pub name: String,
    pub colour: String,
}

/// The default labels of `assets/labels.txt`.
pub fn default_labels() -> Vec<Label> {
    include_str!("../../assets/labels.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let mut parts = l.split_whitespace();
            Some(Label {
                key: parts.next()?.chars().next()?,
                name: parts.next()?.to_string(),
                colour: parts.next().unwrap_or("yellow").to_string(),
            })
        })
        .collect()
}

/// An anchored annotation's place in an article, for drawing.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    pub span: ByteSpan,
    /// Index into `Annotations::list`.
    pub annotation: usize,
}

/// What the annotation popup is editing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditTarget {
    New { article: usize, span: ByteSpan },
    Existing { id: String },
}

/// The step of the annotation popup.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum EditStep {
    /// Pick a label (or an entity correction) with one key.
    Label,
    /// Pick the entity type for "mark as entity".
    EntityKind,
    /// Write the note.
    Note,
}

pub struct Editor {
    pub target: EditTarget,
    pub step: EditStep,
    pub label: Option<String>,
    pub note: TextArea<'static>,
    /// Esc was pressed once on a non-empty note: a second Esc discards.
    pub confirm_discard: bool,
}

/// The annotations list popup.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListPopup {
    pub filter: String,
    pub cursor: usize,
    pub by_label: bool,
}

#[derive(Default)]
pub struct Annotations {
    pub list: Vec<Annotation>,
    /// Parallel to `list`.
    pub anchors: Vec<Anchor>,
    /// Per article: marks sorted by start.
    pub marks: Vec<Vec<Mark>>,
    pub labels: Vec<Label>,
    /// Where they are saved, for the status bar.
    pub location: String,
    /// Why changes cannot be saved, when they cannot.
    pub read_only: Option<String>,
    pub undo: Vec<Vec<Annotation>>,
    pub redo: Vec<Vec<Annotation>>,
    pub editor: Option<Editor>,
    /// Index into `list` of the annotation shown in the viewer popup.
    pub viewer: Option<usize>,
    pub list_popup: Option<ListPopup>,
}

impl Annotations {
    pub fn new(list: Vec<Annotation>, corpus: &Corpus) -> Annotations {
        let mut annotations = Annotations {
            labels: default_labels(),
            ..Annotations::default()
        };
        annotations.replace(list, corpus);
        annotations
    }

    /// Adopts a new list and re-anchors it against the corpus.
    pub fn replace(&mut self, list: Vec<Annotation>, corpus: &Corpus) {
        let by_id: HashMap<&str, usize> = corpus
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), i))
            .collect();
        self.anchors = anchor_all(corpus, &list);
        let mut marks = vec![Vec::new(); corpus.articles.len()];
        for (index, (a, anchored)) in list.iter().zip(&self.anchors).enumerate() {
            if let (Some(&article), Some(span)) = (by_id.get(a.article.as_str()), anchored.span) {
                let source = &corpus.articles[article];
                marks[article].push(Mark {
                    span: source.chars.to_byte_span(&source.source, span),
                    annotation: index,
                });
            }
        }
        for m in &mut marks {
            m.sort_by_key(|m| (m.span.start, m.span.end));
        }
        self.marks = marks;
        self.list = list;
    }

    pub fn marks_in(&self, article: usize) -> &[Mark] {
        self.marks.get(article).map_or(&[], Vec::as_slice)
    }

    /// The annotation whose span holds `byte` in an article (the innermost when nested).
    pub fn at(&self, article: usize, byte: usize) -> Option<usize> {
        self.marks_in(article)
            .iter()
            .filter(|m| m.span.start <= byte && byte < m.span.end.max(m.span.start + 1))
            .min_by_key(|m| m.span.len())
            .map(|m| m.annotation)
    }

    pub fn label(&self, name: &str) -> Option<&Label> {
        self.labels.iter().find(|l| l.name == name)
    }

    /// How many annotations an article has.
    pub fn count_in(&self, article: usize) -> usize {
        self.marks_in(article).len()
    }
}
