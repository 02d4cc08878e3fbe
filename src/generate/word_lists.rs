//! The generator's word lists (`assets/generator/`), parsed once from the compiled-in text.

use std::sync::LazyLock;

/// One entry with its spelling variants; the first is the usual one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Variants(pub Vec<String>);

impl Variants {
    pub fn usual(&self) -> &str {
        &self.0[0]
    }
}

#[derive(Clone, Debug)]
pub struct Country {
    pub name: String,
    pub capital: String,
    pub demonym: String,
}

#[derive(Clone, Debug)]
pub struct Organisation {
    pub name: String,
    pub acronym: Option<String>,
}

#[derive(Clone, Debug)]
pub struct Topic {
    pub name: String,
    pub phrase: String,
    pub keywords: Vec<String>,
}

/// Sentence templates by section of `sentences.txt`.
#[derive(Clone, Debug, Default)]
pub struct Templates {
    pub headline: Vec<String>,
    pub dek: Vec<String>,
    pub body: Vec<String>,
    pub topic: Vec<String>,
}

/// Page furniture by kind of `boilerplate.txt`.
#[derive(Clone, Debug, Default)]
pub struct Furniture {
    pub navigation: Vec<String>,
    pub section: Vec<String>,
    pub caption: Vec<String>,
    pub debris: Vec<String>,
    pub related: Vec<String>,
    pub newsletter: Vec<String>,
    pub share: Vec<String>,
    pub comment: Vec<String>,
    pub cookie: Vec<String>,
    pub copyright: Vec<String>,
}

pub struct WordLists {
    pub first_names: Vec<Variants>,
    pub surnames: Vec<Variants>,
    pub syllables: Vec<String>,
    pub countries: Vec<Country>,
    pub towns: Vec<Variants>,
    pub organisations: Vec<Organisation>,
    pub outlets: Vec<String>,
    pub verbs: Vec<String>,
    pub topics: Vec<Topic>,
    pub templates: Templates,
    pub furniture: Furniture,
}

macro_rules! asset {
    ($name:literal) => {
        include_str!(concat!("../../assets/generator/", $name))
    };
}

pub static WORD_LISTS: LazyLock<WordLists> = LazyLock::new(|| WordLists {
    first_names: entries(asset!("first_names.txt")).map(variants).collect(),
    surnames: entries(asset!("surnames.txt")).map(variants).collect(),
    syllables: entries(asset!("syllables.txt"))
        .map(str::to_string)
        .collect(),
    countries: entries(asset!("countries.txt"))
        .filter_map(|line| {
            let mut fields = line.split('|').map(str::trim);
            Some(Country {
                name: fields.next()?.to_string(),
                capital: fields.next()?.to_string(),
                demonym: fields.next()?.to_string(),
            })
        })
        .collect(),
    towns: entries(asset!("towns.txt")).map(variants).collect(),
    organisations: entries(asset!("organisations.txt"))
        .map(|line| {
            let mut fields = line.split('|').map(str::trim);
            Organisation {
                name: fields.next().unwrap_or_default().to_string(),
                acronym: fields.next().map(str::to_string),
            }
        })
        .collect(),
    outlets: entries(asset!("outlets.txt")).map(str::to_string).collect(),
    verbs: entries(asset!("verbs.txt")).map(str::to_string).collect(),
    topics: entries(asset!("topics.txt"))
        .filter_map(|line| {
            let mut fields = line.split('|').map(str::trim);
            Some(Topic {
                name: fields.next()?.to_string(),
                phrase: fields.next()?.to_string(),
                keywords: fields
                    .next()?
                    .split(',')
                    .map(|k| k.trim().to_string())
                    .collect(),
            })
        })
        .collect(),
    templates: templates(asset!("sentences.txt")),
    furniture: furniture(asset!("boilerplate.txt")),
});

/// Non-empty, non-comment lines. Section headers (`[name]`) are kept for the callers that
/// need them.
fn entries(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

fn variants(line: &str) -> Variants {
    Variants(line.split('|').map(|v| v.trim().to_string()).collect())
}

/// Lines grouped under `[section]` headers.
fn sections(text: &'static str) -> Vec<(&'static str, Vec<String>)> {
    let mut out: Vec<(&str, Vec<String>)> = Vec::new();
    for line in entries(text) {
        match line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            Some(name) => out.push((name, Vec::new())),
            None => {
                if let Some((_, lines)) = out.last_mut() {
                    lines.push(line.to_string());
                }
            }
        }
    }
    out
}

fn templates(text: &'static str) -> Templates {
    let mut t = Templates::default();
    for (name, lines) in sections(text) {
        match name {
            "headline" => t.headline = lines,
            "dek" => t.dek = lines,
            "body" => t.body = lines,
            "topic" => t.topic = lines,
            _ => {}
        }
    }
    t
}

fn furniture(text: &'static str) -> Furniture {
    let mut f = Furniture::default();
    for (name, lines) in sections(text) {
        let slot = match name {
            "navigation" => &mut f.navigation,
            "section" => &mut f.section,
            "caption" => &mut f.caption,
            "debris" => &mut f.debris,
            "related" => &mut f.related,
            "newsletter" => &mut f.newsletter,
            "share" => &mut f.share,
            "comment" => &mut f.comment,
            "cookie" => &mut f.cookie,
            "copyright" => &mut f.copyright,
            _ => continue,
        };
        *slot = lines;
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_has_entries() {
        let w = &*WORD_LISTS;
        assert!(w.first_names.len() > 50 && w.surnames.len() > 200);
        assert!(w.countries.len() > 40 && w.towns.len() > 100);
        assert!(w.organisations.len() > 40 && w.topics.len() > 20);
        assert!(w.templates.body.len() > 40 && w.templates.topic.len() > 10);
        assert!(!w.templates.headline.is_empty() && !w.templates.dek.is_empty());
        assert!(!w.furniture.cookie.is_empty() && !w.furniture.caption.is_empty());
        assert!(w.topics.iter().all(|t| t.keywords.len() >= 2));
    }
}
