//! The whole state of the reader: the corpus, what is open and where, what is shown. Only
//! `update` changes it; rendering borrows it.

pub mod annotations;
pub mod compare;
pub mod entity_table;
pub mod finder;
pub mod jump_list;
pub mod screen;
pub mod sources;

use crate::corpus::Corpus;
use crate::document::Document;
use crate::keymap::{Key, Keymap};
use crate::layout::Layout;
pub use annotations::Annotations;
pub use entity_table::{EntityRef, EntityTable, MentionRef};
use serde::{Deserialize, Serialize};

/// The panes that take focus.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Pane {
    Sources,
    Article,
    Entities,
}

/// Where the reader is in one article: the cursor (the source byte where the cursor word
/// starts, so it survives re-wrapping), the first visual line shown, and the selection anchor.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleView {
    pub cursor: usize,
    pub scroll: usize,
    #[serde(skip)]
    pub anchor: Option<usize>,
}

/// The "other sources" popup for an entity.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct SourcesPopup {
    pub entity: EntityRef,
    pub cursor: usize,
}

/// What the background work is doing.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Reading and cleaning the article files (`done`/`total` files).
    Loading,
    /// Recognising entities (`done`/`total` articles).
    Recognising,
    /// Clustering entities, aligning sentences, grouping stories: no count.
    Linking,
}

/// How far the background loading or analysis has come.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    pub phase: Phase,
    pub done: usize,
    pub total: usize,
    /// Milliseconds since the phase started.
    pub elapsed_ms: u64,
}

pub struct State {
    /// Shared with the analysis worker; grows while `loading`, never changed after.
    pub corpus: std::sync::Arc<Corpus>,
    /// Articles are still arriving from the loader (see `update::loading`).
    pub loading: bool,
    /// The article that was open when the reader last closed, until it has loaded and been
    /// opened again, or the user has moved on.
    pub restore_current: Option<String>,
    /// The background loading or analysis, while it runs.
    pub progress: Option<Progress>,
    pub entities: EntityTable,
    /// Alignment, story map and coverage; `None` until analysed.
    pub analysis: Option<std::sync::Arc<crate::analysis::CorpusAnalysis>>,
    pub screen: screen::Screen,
    /// The finder's candidates; rebuilt when the analysis or the annotations change.
    pub finder_index: Option<std::sync::Arc<crate::analysis::finder::FinderIndex>>,
    /// The annotations changed since the index was built.
    pub finder_index_stale: bool,
    pub finder: Option<finder::Finder>,
    pub recent: finder::RecentTargets,
    pub search: finder::Search,
    pub follow: finder::Follow,
    pub annotations: Annotations,
    pub jumps: jump_list::JumpList,
    pub keymap: Keymap,
    pub focus: Pane,
    /// The open article.
    pub current: usize,
    /// The highlighted row of the sources pane.
    pub source_cursor: usize,
    /// Story groups of the sources pane: which are collapsed, a header under the cursor.
    pub sources: sources::SourcesState,
    pub views: Vec<ArticleView>,
    pub read: Vec<bool>,
    pub show_entities: bool,
    pub show_boilerplate: bool,
    /// The widest the article text wraps (config `wrap-width`); `None`: the pane's width.
    pub wrap_width: Option<usize>,
    pub help: bool,
    pub entity_cursor: usize,
    pub selected_entity: Option<EntityRef>,
    pub sources_popup: Option<SourcesPopup>,
    /// Keys of an unfinished sequence ("g" of "gg").
    pub pending: Vec<Key>,
    /// Messages for the status bar, newest last; the newest shows until the next key.
    pub notices: Vec<String>,
    pub notice_visible: bool,
    /// Terminal size.
    pub width: u16,
    pub height: u16,
    pub no_color: bool,
    pub quit: bool,
}

impl State {
    pub fn new(corpus: Corpus, entities: EntityTable) -> State {
        let n = corpus.articles.len();
        let notices = crate::corpus::load::summarise_warnings(&corpus.warnings, 5);
        let notice_visible = !notices.is_empty();
        let mut read = vec![false; n];
        if let Some(first) = read.first_mut() {
            *first = true;
        }
        let annotations = Annotations::new(Vec::new(), &corpus);
        State {
            corpus: std::sync::Arc::new(corpus),
            loading: false,
            restore_current: None,
            progress: None,
            entities,
            analysis: None,
            screen: screen::Screen::Read,
            finder_index: None,
            finder_index_stale: false,
            finder: None,
            recent: Default::default(),
            search: Default::default(),
            follow: Default::default(),
            annotations,
            jumps: Default::default(),
            keymap: Keymap::default(),
            focus: Pane::Article,
            current: 0,
            source_cursor: 0,
            sources: Default::default(),
            views: vec![ArticleView::default(); n],
            read,
            show_entities: true,
            show_boilerplate: false,
            wrap_width: None,
            help: false,
            entity_cursor: 0,
            selected_entity: None,
            sources_popup: None,
            pending: Vec::new(),
            notices,
            notice_visible,
            width: 80,
            height: 24,
            no_color: false,
            quit: false,
        }
    }

    pub fn layout(&self) -> Layout {
        Layout::compute(self.width, self.height, self.show_entities, self.focus)
    }

    /// The open article laid out for the article pane's current width.
    pub fn document(&self) -> Document {
        let width = self.layout().article_text_width();
        let width = self.wrap_width.map_or(width, |max| width.min(max.max(10)));
        match self.corpus.articles.get(self.current) {
            Some(article) => Document::build(article, width, self.show_boilerplate),
            None => Document::default(),
        }
    }

    pub fn view(&self) -> ArticleView {
        self.views.get(self.current).copied().unwrap_or_default()
    }

    /// The selected source range of the open article: from the anchor word to the cursor word,
    /// both included. `None` without a selection.
    pub fn selection(&self, doc: &Document) -> Option<crate::text::ByteSpan> {
        let view = self.view();
        let anchor = view.anchor?;
        let a = doc.words.get(doc.word_at(anchor)?)?.span;
        let c = doc.words.get(doc.word_at(view.cursor)?)?.span;
        Some(crate::text::ByteSpan::new(
            a.start.min(c.start),
            a.end.max(c.end),
        ))
    }

    /// The word under the cursor.
    pub fn cursor_word(&self, doc: &Document) -> Option<crate::text::ByteSpan> {
        doc.words
            .get(doc.word_at(self.view().cursor)?)
            .map(|w| w.span)
    }

    /// Where the reader is now, for the jump list.
    pub fn place(&self) -> jump_list::Place {
        jump_list::Place {
            article: self.current,
            cursor: self.view().cursor,
        }
    }

    pub fn notice(&mut self, message: impl Into<String>) {
        self.notices.push(message.into());
        self.notice_visible = true;
    }
}
