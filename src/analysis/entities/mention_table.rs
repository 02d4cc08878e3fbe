//! Every input mention read once: its surface text, kind after the overrides, and its form —
//! the distinct (kind, folding key) pair that all same-kind spellings folding alike share.

use super::acronym::is_written_as_acronym;
use super::fold::fold_tokens;
use super::overrides::OverrideRules;
use super::ArticleMentions;
use crate::analysis::entity_kind::EntityKind;
use std::collections::HashMap;

/// Index of a form in `MentionTable::forms`.
pub(crate) type FormId = u32;

/// One distinct (kind, folding key) of the corpus.
#[derive(Clone, Debug)]
pub(crate) struct Form {
    pub(crate) kind: EntityKind,
    pub(crate) key: String,
    /// The folded words of the key.
    pub(crate) tokens: Vec<String>,
    /// The first surface text seen with this form, whitespace collapsed.
    pub(crate) surface: String,
    /// Some surface of this form is written in capitals only ("SDF", "U.S.").
    pub(crate) written_as_acronym: bool,
    /// Articles the form occurs in, ascending.
    pub(crate) articles: Vec<u32>,
}

impl Form {
    /// A full person name: first name and surname (a bare "Assad" is not).
    pub(crate) fn is_full_person(&self) -> bool {
        self.kind == EntityKind::Person && self.tokens.len() >= 2
    }

    pub(crate) fn is_bare_person(&self) -> bool {
        self.kind == EntityKind::Person && self.tokens.len() == 1
    }
}

/// A mention kept after the overrides.
#[derive(Clone, Debug)]
pub(crate) struct MentionRecord {
    pub(crate) form: FormId,
    /// The text as written, whitespace collapsed.
    pub(crate) surface: String,
    pub(crate) start: usize,
    pub(crate) end: usize,
}

#[derive(Debug, Default)]
pub(crate) struct MentionTable {
    pub(crate) forms: Vec<Form>,
    /// Per article, per input mention; `None` when an override removed it or its span does not
    /// lie in the text.
    pub(crate) mentions: Vec<Vec<Option<MentionRecord>>>,
    /// Per article, the distinct forms it mentions, ascending.
    pub(crate) article_forms: Vec<Vec<FormId>>,
    index: HashMap<(EntityKind, String), FormId>,
}

impl MentionTable {
    pub(crate) fn build(articles: &[ArticleMentions], rules: &OverrideRules) -> Self {
        let mut table = MentionTable::default();
        // Each distinct (recognised kind, surface) is folded and looked up once.
        let mut seen: HashMap<(EntityKind, String), Option<FormId>> = HashMap::new();
        for (article_index, article) in articles.iter().enumerate() {
            let article_index = article_index as u32;
            let mut records = Vec::with_capacity(article.mentions.len());
            let mut forms_here = Vec::new();
            for mention in &article.mentions {
                let Some(raw) = article.text.get(mention.span.range()) else {
                    records.push(None);
                    continue;
                };
                let lookup = (mention.kind, collapse_whitespace(raw));
                let form = match seen.get(&lookup) {
                    Some(&form) => form,
                    None => {
                        let form = table.intern(&lookup.1, mention.kind, rules);
                        seen.insert(lookup.clone(), form);
                        form
                    }
                };
                let Some(form) = form else {
                    records.push(None);
                    continue;
                };
                let entry = &mut table.forms[form as usize];
                if entry.articles.last() != Some(&article_index) {
                    entry.articles.push(article_index);
                    forms_here.push(form);
                }
                records.push(Some(MentionRecord {
                    form,
                    surface: lookup.1,
                    start: mention.span.start,
                    end: mention.span.end,
                }));
            }
            forms_here.sort_unstable();
            table.mentions.push(records);
            table.article_forms.push(forms_here);
        }
        table
    }

    /// The form of a surface text recognised as `recognised`; `None` when it is not an entity.
    fn intern(
        &mut self,
        surface: &str,
        recognised: EntityKind,
        rules: &OverrideRules,
    ) -> Option<FormId> {
        let tokens = fold_tokens(surface);
        let key = tokens.join(" ");
        let kind = rules.kind_of(&key, recognised)?;
        let form = *self.index.entry((kind, key.clone())).or_insert_with(|| {
            self.forms.push(Form {
                kind,
                key,
                tokens,
                surface: surface.to_string(),
                written_as_acronym: false,
                articles: Vec::new(),
            });
            (self.forms.len() - 1) as FormId
        });
        self.forms[form as usize].written_as_acronym |= is_written_as_acronym(surface);
        Some(form)
    }

    pub(crate) fn form(&self, id: FormId) -> &Form {
        &self.forms[id as usize]
    }

    pub(crate) fn find_form(&self, kind: EntityKind, key: &str) -> Option<FormId> {
        self.index.get(&(kind, key.to_string())).copied()
    }
}

/// Runs of whitespace (line breaks, no-break spaces) become one space.
fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
