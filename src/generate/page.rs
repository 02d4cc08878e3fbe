//! One generated page: the article's sentences, its story's names in this outlet's spelling,
//! and the page furniture a scraper keeps (navigation, captions, cookie notices…).

use super::cast::{capitalise, Person, StoryCast};
use super::rng::SplitMix64;
use super::word_lists::{Variants, WordLists};
use std::collections::BTreeSet;

/// How one article spells its story's names: a transliteration per person and town, the
/// particle as `al-`, `Al-` or `el-`, short forms with or without it.
pub struct NameStyle {
    /// Full name and short form of {A}, {B}, {S}, {X}.
    people: [(String, String); 4],
    towns: [String; 3],
}

impl NameStyle {
    pub fn choose(cast: &StoryCast, rng: &mut SplitMix64) -> NameStyle {
        let particle = match rng.below(10) {
            0..=6 => "al-",
            7..=8 => "Al-",
            _ => "el-",
        };
        let drop_particle = rng.chance(0.4);
        let person = |p: &Person, rng: &mut SplitMix64| {
            let first = variant(&p.first, rng);
            let surname = variant(&p.surname, rng);
            let bare = surname.strip_prefix("al-");
            let full = match bare {
                Some(rest) => format!("{first} {particle}{rest}"),
                None => format!("{first} {surname}"),
            };
            let short = match bare {
                Some(rest) if drop_particle => rest.to_string(),
                Some(rest) => format!("{particle}{rest}"),
                None => surname,
            };
            (full, short)
        };
        NameStyle {
            people: [
                person(&cast.people[0], rng),
                person(&cast.people[1], rng),
                person(&cast.people[2], rng),
                person(&cast.people[3], rng),
            ],
            towns: [
                variant(&cast.towns[0], rng),
                variant(&cast.towns[1], rng),
                variant(&cast.towns[2], rng),
            ],
        }
    }

    pub fn full_name(&self, person: usize) -> &str {
        &self.people[person].0
    }
}

/// The usual spelling most of the time, another one sometimes.
fn variant(v: &Variants, rng: &mut SplitMix64) -> String {
    if v.0.len() > 1 && rng.chance(0.3) {
        v.0[1 + rng.below(v.0.len() - 1)].clone()
    } else {
        v.usual().to_string()
    }
}

use crate::analysis::ner::dates::{MONTHS, WEEKDAYS as DAYS};
/// Countries and bodies every story may mention: shared entities that must not join stories.
const BACKGROUND: [&str; 6] = [
    "the United States",
    "the European Union",
    "the United Nations",
    "Washington",
    "Brussels",
    "China",
];

/// Fills sentence templates for one article.
pub struct SentenceWriter<'a> {
    pub lists: &'a WordLists,
    pub cast: &'a StoryCast,
    pub style: &'a NameStyle,
    /// Whether each organisation was named in full yet (the first time defines its acronym).
    defined: [bool; 2],
}

impl<'a> SentenceWriter<'a> {
    pub fn new(lists: &'a WordLists, cast: &'a StoryCast, style: &'a NameStyle) -> Self {
        SentenceWriter {
            lists,
            cast,
            style,
            defined: [false; 2],
        }
    }

    /// A template with its slots filled, first letter capitalised.
    pub fn fill(&mut self, template: &str, rng: &mut SplitMix64) -> String {
        let mut out = String::with_capacity(template.len() + 40);
        let mut rest = template;
        let mut keyword = None;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let Some(close) = rest[open..].find('}') else {
                break;
            };
            let slot = &rest[open + 1..open + close];
            match self.slot(slot, rng, &mut keyword) {
                Some(value) => out.push_str(&value),
                None => out.push_str(&rest[open..=open + close]),
            }
            rest = &rest[open + close + 1..];
        }
        out.push_str(rest);
        capitalise(&out)
    }

    fn slot(
        &mut self,
        slot: &str,
        rng: &mut SplitMix64,
        keyword: &mut Option<usize>,
    ) -> Option<String> {
        let cast = self.cast;
        let person = |i: usize| self.style.people[i].clone();
        let value = match slot {
            "A" => person(0).0,
            "B" => person(1).0,
            "S" => person(2).0,
            "X" => person(3).0,
            "A.short" => person(0).1,
            "B.short" => person(1).1,
            "S.short" => person(2).1,
            "X.short" => person(3).1,
            "A.title" => cast.people[0].title.to_string(),
            "B.title" => cast.people[1].title.to_string(),
            "CA" => cast.countries[0].name.clone(),
            "CB" => cast.countries[1].name.clone(),
            "capA" => cast.countries[0].capital.clone(),
            "capB" => cast.countries[1].capital.clone(),
            "demA" => cast.countries[0].demonym.clone(),
            "demB" => cast.countries[1].demonym.clone(),
            "T1" => self.style.towns[0].clone(),
            "T2" => self.style.towns[1].clone(),
            "T3" => self.style.towns[2].clone(),
            "O1" => self.organisation(0),
            "O2" => self.organisation(1),
            "O1.acr" => match &cast.organisations[0].acronym {
                Some(acronym) if self.defined[0] => acronym.clone(),
                _ => self.organisation(0),
            },
            "topic" => cast.topic.phrase.clone(),
            "kw" | "kw2" => {
                let keywords = &cast.topic.keywords;
                let mut pick = rng.below(keywords.len());
                if let Some(previous) = *keyword {
                    if pick == previous {
                        pick = (pick + 1) % keywords.len();
                    }
                }
                *keyword = Some(pick);
                keywords[pick].clone()
            }
            "said" => rng.pick(&self.lists.verbs).clone(),
            "day" => rng.pick(&DAYS).to_string(),
            "month" => rng.pick(&MONTHS).to_string(),
            "year" => rng.between(2019, 2025).to_string(),
            "n" => rng.between(2, 40).to_string(),
            "bg" => rng.pick(&BACKGROUND).to_string(),
            _ => return None,
        };
        Some(value)
    }

    /// The name, with its acronym in brackets the first time.
    fn organisation(&mut self, i: usize) -> String {
        let org = &self.cast.organisations[i];
        match &org.acronym {
            Some(acronym) if !self.defined[i] => {
                self.defined[i] = true;
                format!("{} ({acronym})", org.name)
            }
            _ => org.name.clone(),
        }
    }
}

/// The body text of an article, as the generator composed it (before page furniture).
#[derive(Clone, Debug)]
pub struct ArticleBody {
    pub headline: String,
    pub dek: Option<String>,
    pub paragraphs: Vec<Vec<String>>,
}

/// Lays out a body with a page's furniture around it.
pub struct PageLayout<'a> {
    pub lists: &'a WordLists,
    pub outlet: &'a str,
    pub author: &'a str,
    /// A name for captions ("Vladimir Putin © Mena Today").
    pub pictured: &'a str,
    /// The capital the author is based in, for the bio.
    pub based_in: &'a str,
}

impl PageLayout<'_> {
    pub fn render(&self, body: &ArticleBody, rng: &mut SplitMix64) -> String {
        let f = &self.lists.furniture;
        // One line per paragraph with blank lines between, or (one page in five) no blank lines.
        let gap = !rng.chance(0.2);
        let mut lines: Vec<String> = Vec::new();
        let push = |lines: &mut Vec<String>, line: String| {
            lines.push(line);
            if gap {
                lines.push(String::new());
            }
        };
        if rng.chance(0.5) {
            push(&mut lines, rng.pick(&f.navigation).clone());
        }
        if rng.chance(0.5) {
            push(&mut lines, rng.pick(&f.section).clone());
        }
        push(&mut lines, body.headline.clone());
        if let Some(dek) = &body.dek {
            push(&mut lines, dek.clone());
        }
        if rng.chance(0.7) {
            let byline = match rng.below(3) {
                0 => format!("{} min {}", rng.between(1, 6), self.author),
                1 => format!("By {}", self.author),
                _ => self.author.to_string(),
            };
            push(&mut lines, byline);
        }
        for (i, paragraph) in body.paragraphs.iter().enumerate() {
            let text = paragraph.join(" ");
            push(&mut lines, text.clone());
            if i == 0 && rng.chance(0.1) {
                push(&mut lines, text);
            }
            if rng.chance(0.08) {
                let caption = self.fill(rng.pick_str(&f.caption));
                // Scraped captions often come twice, with a trailing space.
                let copies = if rng.chance(0.5) { 2 } else { 1 };
                for _ in 0..copies {
                    push(&mut lines, format!("{caption} "));
                }
            }
            if rng.chance(0.04) {
                push(&mut lines, rng.pick(&f.debris).clone());
            }
        }
        let mut footer: Vec<String> = Vec::new();
        if rng.chance(0.4) {
            footer.push("Tags".to_string());
        }
        if rng.chance(0.3) {
            footer.push(self.author.to_string());
            footer.push(format!(
                "{} is based in {} and has been reporting for {} for the past year",
                self.author, self.based_in, self.outlet
            ));
        }
        for (p, lines) in [
            (0.5, &f.related),
            (0.5, &f.newsletter),
            (0.3, &f.share),
            (0.2, &f.comment),
            (0.4, &f.cookie),
            (0.3, &f.copyright),
        ] {
            if rng.chance(p) {
                footer.push(self.fill(rng.pick_str(lines)));
            }
        }
        for line in footer {
            push(&mut lines, line);
        }
        while lines.last().is_some_and(String::is_empty) {
            lines.pop();
        }
        let mut text = lines.join("\n");
        text.push('\n');
        text
    }

    fn fill(&self, line: &str) -> String {
        let handle: String = self
            .outlet
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        line.replace("{outlet}", self.outlet)
            .replace("{name}", self.pictured)
            .replace("{handle}", &handle)
    }
}

/// Sentences already in an article, so that none is written twice (a repeated paragraph is a
/// page-furniture choice, made on purpose in the layout).
#[derive(Default)]
pub struct SeenSentences(BTreeSet<String>);

impl SeenSentences {
    pub fn insert(&mut self, sentence: &str) -> bool {
        self.0.insert(sentence.to_string())
    }
}
