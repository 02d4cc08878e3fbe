//! Why a line of a scraped page was hidden from the reading text.

use serde::{Deserialize, Serialize};

/// The reason a line is classified as boilerplate. The line stays in the model; the reader
/// can show it with this label. Serialised in kebab-case, as in the dump and `assets/`.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RemovalReason {
    /// Site navigation: "Skip to main content", breadcrumbs.
    Navigation,
    /// A section label before the headline: "World", "Policy".
    SectionLabel,
    /// A photo caption or credit: "Vladimir Putin © Mena Today".
    Caption,
    /// An exact repeat of an earlier line.
    Repeat,
    /// Cookie and consent text.
    CookieNotice,
    /// Newsletter and subscription prompts.
    Newsletter,
    /// Comment forms: "Leave a Reply".
    CommentForm,
    /// Share, follow and channel prompts.
    SharePrompt,
    /// Tags, related-article blocks, "Show More", "Back to top".
    RelatedLinks,
    /// Template debris: "Published: undefined", "Advertisement".
    TemplateDebris,
    /// Publication and update stamps.
    Timestamp,
    /// The author's biography after the article.
    AuthorBio,
    /// Banner and advert labels: "Mena banner 4".
    Advert,
    /// Copyright notices: "© 2026 Levant Post. All rights reserved."
    Copyright,
    /// Short lines without sentence punctuation after the article ends.
    TrailingDebris,
}

impl RemovalReason {
    pub const ALL: [RemovalReason; 15] = [
        RemovalReason::Navigation,
        RemovalReason::SectionLabel,
        RemovalReason::Caption,
        RemovalReason::Repeat,
        RemovalReason::CookieNotice,
        RemovalReason::Newsletter,
        RemovalReason::CommentForm,
        RemovalReason::SharePrompt,
        RemovalReason::RelatedLinks,
        RemovalReason::TemplateDebris,
        RemovalReason::Timestamp,
        RemovalReason::AuthorBio,
        RemovalReason::Advert,
        RemovalReason::Copyright,
        RemovalReason::TrailingDebris,
    ];

    /// The kebab-case name used in the dump and in `assets/boilerplate.txt`.
    pub fn as_str(self) -> &'static str {
        match self {
            RemovalReason::Navigation => "navigation",
            RemovalReason::SectionLabel => "section-label",
            RemovalReason::Caption => "caption",
            RemovalReason::Repeat => "repeat",
            RemovalReason::CookieNotice => "cookie-notice",
            RemovalReason::Newsletter => "newsletter",
            RemovalReason::CommentForm => "comment-form",
            RemovalReason::SharePrompt => "share-prompt",
            RemovalReason::RelatedLinks => "related-links",
            RemovalReason::TemplateDebris => "template-debris",
            RemovalReason::Timestamp => "timestamp",
            RemovalReason::AuthorBio => "author-bio",
            RemovalReason::Advert => "advert",
            RemovalReason::Copyright => "copyright",
            RemovalReason::TrailingDebris => "trailing-debris",
        }
    }

    pub fn from_name(name: &str) -> Option<RemovalReason> {
        RemovalReason::ALL.into_iter().find(|r| r.as_str() == name)
    }
}

impl std::fmt::Display for RemovalReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
