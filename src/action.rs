//! Every command a user can bind to a key. Each variant's name (kebab-case) is the name a
//! keymap uses, and its doc line is the text of the help overlay: one list, no drift.

use serde::{Deserialize, Serialize};

#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Action {
    /// Move down one line
    LineDown,
    /// Move up one line
    LineUp,
    /// Move down half a page
    HalfPageDown,
    /// Move up half a page
    HalfPageUp,
    /// Go to the top
    Top,
    /// Go to the bottom
    Bottom,
    /// Next word
    WordNext,
    /// Previous word
    WordPrev,
    /// Next sentence
    SentenceNext,
    /// Previous sentence
    SentencePrev,
    /// Next paragraph
    ParagraphNext,
    /// Previous paragraph
    ParagraphPrev,
    /// Start or end a selection
    Select,
    /// Select the sentence under the cursor
    SelectSentence,
    /// Annotate the selection (or the word under the cursor)
    Annotate,
    /// Edit the annotation under the cursor
    EditAnnotation,
    /// Delete the annotation under the cursor
    DeleteAnnotation,
    /// Undo the last annotation change
    Undo,
    /// Redo an undone annotation change
    Redo,
    /// Next annotation, across sources
    NextAnnotation,
    /// Previous annotation, across sources
    PrevAnnotation,
    /// List every annotation of the corpus
    AnnotationList,
    /// Find a source, entity, annotation or sentence
    Finder,
    /// Search in the article
    Search,
    /// Compare this source with another, side by side
    Compare,
    /// The story map: every fact and which sources carry it
    StoryMap,
    /// Entity coverage: who is mentioned where
    Coverage,
    /// Jump back to where you were
    JumpBack,
    /// Jump forward again
    JumpForward,
    /// Switch to the previous article
    AlternateArticle,
    /// Focus the next pane
    FocusNext,
    /// Focus the previous pane
    FocusPrev,
    /// Open the next source
    NextSource,
    /// Open the previous source
    PrevSource,
    /// Open the selected source, entity or annotation
    Open,
    /// Open source 1–9
    OpenSource(u8),
    /// Select the entity under the cursor
    SelectEntityAtCursor,
    /// Next mention of the selected entity
    NextMention,
    /// Previous mention of the selected entity
    PrevMention,
    /// List the other sources that mention the selected entity
    EntitySources,
    /// Clear the selection, close a popup
    Cancel,
    /// Show or hide the entities pane
    ToggleEntities,
    /// Show or hide hidden boilerplate
    ToggleBoilerplate,
    /// Collapse or expand the story under the cursor in the sources list
    ToggleStory,
    /// Collapse every story of the sources list
    CollapseStories,
    /// Expand every story of the sources list
    ExpandStories,
    /// Show or hide this help
    ToggleHelp,
    /// Mark the article read or unread
    ToggleRead,
    /// Suspend to the shell
    Suspend,
    /// Quit
    Quit,
}

impl Action {
    /// The name a keymap config uses: the variant in kebab-case (`line-down`), and
    /// `open-source-1` … `open-source-9`.
    pub fn name(self) -> String {
        match self {
            Action::OpenSource(n) => format!("open-source-{n}"),
            other => match serde_json::to_value(other) {
                Ok(serde_json::Value::String(name)) => name,
                _ => format!("{other:?}"),
            },
        }
    }

    /// The action a keymap config name stands for.
    pub fn from_name(name: &str) -> Option<Action> {
        if let Some(n) = name.strip_prefix("open-source-") {
            return match n.parse::<u8>() {
                Ok(n @ 1..=9) => Some(Action::OpenSource(n)),
                _ => None,
            };
        }
        serde_json::from_value(serde_json::Value::String(name.to_string())).ok()
    }

    /// Actions that read or change the annotation list, which is only opened once every
    /// article has loaded (annotations are anchored against the whole corpus).
    pub fn changes_annotations(self) -> bool {
        matches!(
            self,
            Action::Annotate
                | Action::EditAnnotation
                | Action::DeleteAnnotation
                | Action::Undo
                | Action::Redo
                | Action::NextAnnotation
                | Action::PrevAnnotation
                | Action::AnnotationList
        )
    }

    /// The help text: the variant's doc line.
    pub fn describe(self) -> &'static str {
        match self {
            Action::LineDown => "Move down one line",
            Action::LineUp => "Move up one line",
            Action::HalfPageDown => "Move down half a page",
            Action::HalfPageUp => "Move up half a page",
            Action::Top => "Go to the top",
            Action::Bottom => "Go to the bottom",
            Action::WordNext => "Next word",
            Action::WordPrev => "Previous word",
            Action::SentenceNext => "Next sentence",
            Action::SentencePrev => "Previous sentence",
            Action::ParagraphNext => "Next paragraph",
            Action::ParagraphPrev => "Previous paragraph",
            Action::Select => "Start or end a selection",
            Action::SelectSentence => "Select the sentence under the cursor",
            Action::Annotate => "Annotate the selection (or the word)",
            Action::EditAnnotation => "Edit the annotation under the cursor",
            Action::DeleteAnnotation => "Delete the annotation under the cursor",
            Action::Undo => "Undo the last annotation change",
            Action::Redo => "Redo an undone annotation change",
            Action::NextAnnotation => "Next annotation, across sources",
            Action::PrevAnnotation => "Previous annotation, across sources",
            Action::AnnotationList => "List every annotation of the corpus",
            Action::Finder => "Find a source, entity, annotation or sentence",
            Action::Search => "Search in the article (Ctrl-r regex, Ctrl-g all sources)",
            Action::Compare => "Compare with another source, side by side",
            Action::StoryMap => "Story map: facts and the sources that carry them",
            Action::Coverage => "Entity coverage across sources",
            Action::JumpBack => "Jump back to where you were",
            Action::JumpForward => "Jump forward again",
            Action::AlternateArticle => "Switch to the previous article",
            Action::FocusNext => "Focus the next pane",
            Action::FocusPrev => "Focus the previous pane",
            Action::NextSource => "Open the next source",
            Action::PrevSource => "Open the previous source",
            Action::Open => "Open source, entity or annotation",
            Action::OpenSource(_) => "Open source 1–9",
            Action::SelectEntityAtCursor => "Select the entity under the cursor",
            Action::NextMention => "Next mention of the entity, or search match",
            Action::PrevMention => "Previous mention of the entity, or search match",
            Action::EntitySources => "Sources mentioning the entity",
            Action::Cancel => "Clear the selection, close a popup",
            Action::ToggleEntities => "Show or hide the entities pane",
            Action::ToggleBoilerplate => "Show or hide hidden boilerplate",
            Action::ToggleStory => "Collapse or expand the story under the cursor",
            Action::CollapseStories => "Collapse every story of the sources list",
            Action::ExpandStories => "Expand every story of the sources list",
            Action::ToggleHelp => "Show or hide this help",
            Action::ToggleRead => "Mark the article read or unread",
            Action::Suspend => "Suspend to the shell",
            Action::Quit => "Quit",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for action in [
            Action::LineDown,
            Action::OpenSource(3),
            Action::SelectEntityAtCursor,
        ] {
            assert_eq!(Action::from_name(&action.name()), Some(action));
        }
        assert_eq!(Action::LineDown.name(), "line-down");
        assert_eq!(Action::from_name("open-source-0"), None);
        assert_eq!(Action::from_name("open-source"), None);
        assert_eq!(Action::from_name("nope"), None);
    }
}
