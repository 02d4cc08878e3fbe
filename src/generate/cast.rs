//! A story's cast: its people, countries, towns, organisations and topic. A country has one
//! leader for the whole corpus, so stories about the same country share its leader, as real
//! ones do; each story's spokesperson, analyst, towns and organisations are its own (distinct
//! names while the lists last, then made-up syllable names). Countries and topics repeat.

use super::rng::SplitMix64;
use super::word_lists::{Country, Organisation, Topic, Variants, WordLists};
use std::collections::{BTreeMap, BTreeSet};

/// A person: given name and family name (with spelling variants) and a title.
#[derive(Clone, Debug)]
pub struct Person {
    pub first: Variants,
    pub surname: Variants,
    pub title: &'static str,
}

impl Person {
    pub fn usual_name(&self) -> String {
        format!("{} {}", self.first.usual(), self.surname.usual())
    }
}

#[derive(Clone, Debug)]
pub struct StoryCast {
    /// The host leader ({A}) and the visitor ({B}), a spokesperson ({S}), an analyst ({X}).
    pub people: [Person; 4],
    pub countries: [Country; 2],
    pub towns: [Variants; 3],
    pub organisations: [Organisation; 2],
    pub topic: Topic,
}

/// Hands out names so that no two stories share a person, town or organisation.
pub struct CastAllocator<'a> {
    lists: &'a WordLists,
    surnames: Vec<Variants>,
    towns: Vec<Variants>,
    organisations: Vec<Organisation>,
    topics: Vec<usize>,
    made_up: BTreeSet<String>,
    /// Each country's leader, by index in the country list, once one is needed.
    leaders: BTreeMap<usize, Person>,
    stories: usize,
}

const LEADER_TITLES: [&str; 3] = ["President", "President", "Prime Minister"];
const VISITOR_TITLES: [&str; 3] = ["President", "Prime Minister", "Foreign Minister"];
const MADE_UP_BODIES: [&str; 5] = ["Authority", "Council", "Holding", "Union", "Foundation"];

impl<'a> CastAllocator<'a> {
    pub fn new(lists: &'a WordLists, rng: &mut SplitMix64) -> CastAllocator<'a> {
        let mut surnames = lists.surnames.clone();
        let mut towns = lists.towns.clone();
        let mut organisations = lists.organisations.clone();
        let mut topics: Vec<usize> = (0..lists.topics.len()).collect();
        rng.shuffle(&mut surnames);
        rng.shuffle(&mut towns);
        rng.shuffle(&mut organisations);
        rng.shuffle(&mut topics);
        CastAllocator {
            lists,
            surnames,
            towns,
            organisations,
            topics,
            made_up: BTreeSet::new(),
            leaders: BTreeMap::new(),
            stories: 0,
        }
    }

    pub fn story(&mut self, rng: &mut SplitMix64) -> StoryCast {
        let topic = self.lists.topics[self.topics[self.stories % self.topics.len()]].clone();
        self.stories += 1;
        let a = rng.below(self.lists.countries.len());
        let mut b = rng.below(self.lists.countries.len() - 1);
        if b >= a {
            b += 1;
        }
        StoryCast {
            people: [
                self.leader(rng, a, &LEADER_TITLES),
                self.leader(rng, b, &VISITOR_TITLES),
                self.person(rng, "spokesperson"),
                self.person(rng, "analyst"),
            ],
            countries: [
                self.lists.countries[a].clone(),
                self.lists.countries[b].clone(),
            ],
            towns: [self.town(rng), self.town(rng), self.town(rng)],
            organisations: [self.organisation(rng), self.organisation(rng)],
            topic,
        }
    }

    pub fn person(&mut self, rng: &mut SplitMix64, title: &'static str) -> Person {
        let surname = match self.surnames.pop() {
            Some(s) => s,
            None => Variants(vec![self.made_up_word(rng)]),
        };
        Person {
            first: rng.pick(&self.lists.first_names).clone(),
            surname,
            title,
        }
    }

    /// The country's leader: the same person in every story about it.
    fn leader(&mut self, rng: &mut SplitMix64, country: usize, titles: &[&'static str]) -> Person {
        if let Some(leader) = self.leaders.get(&country) {
            return leader.clone();
        }
        let title = *rng.pick(titles);
        let leader = self.person(rng, title);
        self.leaders.insert(country, leader.clone());
        leader
    }

    fn town(&mut self, rng: &mut SplitMix64) -> Variants {
        match self.towns.pop() {
            Some(t) => t,
            None => Variants(vec![self.made_up_word(rng)]),
        }
    }

    fn organisation(&mut self, rng: &mut SplitMix64) -> Organisation {
        match self.organisations.pop() {
            Some(o) => o,
            None => Organisation {
                name: format!("{} {}", self.made_up_word(rng), rng.pick(&MADE_UP_BODIES)),
                acronym: None,
            },
        }
    }

    /// Two or three syllables, capitalised, never handed out twice.
    fn made_up_word(&mut self, rng: &mut SplitMix64) -> String {
        loop {
            let count = rng.between(2, 3);
            let word: String = (0..count)
                .map(|_| rng.pick(&self.lists.syllables).as_str())
                .collect();
            let word = capitalise(&word);
            if self.made_up.insert(word.clone()) {
                return word;
            }
        }
    }
}

/// The text with its first letter in upper case.
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
