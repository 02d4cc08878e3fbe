//! Hand-written name lists (`assets/ner/*.txt`) and their matching over token sequences.
//! Owns list membership only; how a match becomes a feature or a mention is decided elsewhere.

use super::feature_hash::{hash_lowercase, FeatureHasher};
use super::token::tokenize;
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// One hand-written list. The order is part of the feature encoding: append, never reorder.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum GazetteerList {
    FirstName,
    Particle,
    PersonTitle,
    Country,
    City,
    Region,
    Demonym,
    Group,
    Organization,
    Outlet,
}

impl GazetteerList {
    pub const ALL: [GazetteerList; 10] = [
        GazetteerList::FirstName,
        GazetteerList::Particle,
        GazetteerList::PersonTitle,
        GazetteerList::Country,
        GazetteerList::City,
        GazetteerList::Region,
        GazetteerList::Demonym,
        GazetteerList::Group,
        GazetteerList::Organization,
        GazetteerList::Outlet,
    ];

    pub fn bit(self) -> u16 {
        1 << self as u16
    }

    fn source(self) -> &'static str {
        match self {
            GazetteerList::FirstName => include_str!("../../../assets/ner/first_names.txt"),
            GazetteerList::Particle => include_str!("../../../assets/ner/name_particles.txt"),
            GazetteerList::PersonTitle => include_str!("../../../assets/ner/person_titles.txt"),
            GazetteerList::Country => include_str!("../../../assets/ner/countries.txt"),
            GazetteerList::City => include_str!("../../../assets/ner/cities.txt"),
            GazetteerList::Region => include_str!("../../../assets/ner/regions.txt"),
            GazetteerList::Demonym => include_str!("../../../assets/ner/demonyms.txt"),
            GazetteerList::Group => include_str!("../../../assets/ner/groups.txt"),
            GazetteerList::Organization => include_str!("../../../assets/ner/organizations.txt"),
            GazetteerList::Outlet => include_str!("../../../assets/ner/outlets.txt"),
        }
    }
}

/// Longest entry, in tokens, that the matcher looks for.
pub const MAX_ENTRY_TOKENS: usize = 6;

/// What is known about one lower-cased token sequence.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct Entry {
    /// Bit set of [`GazetteerList::bit`].
    pub lists: u16,
    /// Bit `k` set when token `k` of some entry with this key starts with a capital letter.
    pub capitals: u8,
    /// Bit `k` set when token `k` of some entry is an acronym ("AP", "BBC"): needs all caps.
    pub acronyms: u8,
}

/// A run of tokens `start..end` found in one or more lists.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct GazetteerMatch {
    pub start: usize,
    pub end: usize,
    pub entry: Entry,
}

/// All lists, indexed by the hash of each entry's lower-cased tokens. Every proper prefix of
/// an entry is a key too (with `lists` empty unless it is an entry itself), so a scan can stop
/// at the first token sequence that starts no entry: most words start none.
pub struct Gazetteer {
    entries: FxHashMap<u64, Slot>,
}

#[derive(Copy, Clone, Default)]
struct Slot {
    entry: Entry,
    /// Some longer entry starts with this token sequence.
    continues: bool,
}

static SHARED: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::from_assets);

const KEY_SEED: u64 = 0x6a2;

impl Gazetteer {
    /// The lists compiled into the binary, parsed once.
    pub fn shared() -> &'static Gazetteer {
        &SHARED
    }

    fn from_assets() -> Gazetteer {
        let mut gazetteer = Gazetteer {
            entries: FxHashMap::default(),
        };
        for list in GazetteerList::ALL {
            for line in list.source().lines() {
                gazetteer.insert(list, line);
            }
        }
        gazetteer
    }

    /// Adds one entry (`#` starts a comment line; blank lines are ignored).
    pub fn insert(&mut self, list: GazetteerList, line: &str) {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            return;
        }
        let tokens = tokenize(line);
        if tokens.is_empty() || tokens.len() > MAX_ENTRY_TOKENS {
            return;
        }
        let mut key = FeatureHasher::new(KEY_SEED);
        let (mut capitals, mut acronyms) = (0u8, 0u8);
        for (index, token) in tokens.iter().enumerate() {
            if index > 0 {
                self.entries.entry(key.finish()).or_default().continues = true;
            }
            let text = token.text(line);
            key.add(hash_lowercase(KEY_SEED, text));
            if text.chars().next().is_some_and(char::is_uppercase) {
                capitals |= 1 << index;
            }
            if text.chars().filter(|c| c.is_alphabetic()).count() >= 2 && is_all_caps(text) {
                acronyms |= 1 << index;
            }
        }
        let entry = &mut self.entries.entry(key.finish()).or_default().entry;
        entry.lists |= list.bit();
        entry.capitals |= capitals;
        entry.acronyms |= acronyms;
    }

    /// Whether the lower-cased token sequence is an entry of `list`.
    pub fn contains(&self, words: &[&str], list: GazetteerList) -> bool {
        let mut key = FeatureHasher::new(KEY_SEED);
        for word in words {
            key.add(hash_lowercase(KEY_SEED, word));
        }
        self.entries
            .get(&key.finish())
            .is_some_and(|slot| slot.entry.lists & list.bit() != 0)
    }

    /// Every entry occurring in `words`, compared case-insensitively (overlaps included).
    pub fn find_all(&self, words: &[&str]) -> Vec<GazetteerMatch> {
        let lowered: Vec<u64> = words.iter().map(|w| hash_lowercase(KEY_SEED, w)).collect();
        let mut found = Vec::new();
        for start in 0..words.len() {
            let mut key = FeatureHasher::new(KEY_SEED);
            for end in start + 1..=(start + MAX_ENTRY_TOKENS).min(words.len()) {
                key.add(lowered[end - 1]);
                let Some(slot) = self.entries.get(&key.finish()) else {
                    break;
                };
                if slot.entry.lists != 0 {
                    found.push(GazetteerMatch {
                        start,
                        end,
                        entry: slot.entry,
                    });
                }
                if !slot.continues {
                    break;
                }
            }
        }
        found
    }
}

impl GazetteerMatch {
    /// True when each token is capitalised where the list entry is (or the token is all caps).
    pub fn case_agrees(&self, words: &[&str]) -> bool {
        let Some(matched) = words.get(self.start..self.end) else {
            return false;
        };
        matched.iter().enumerate().all(|(index, word)| {
            let bit = 1u8.checked_shl(index as u32).unwrap_or(0);
            let capital_ok = self.entry.capitals & bit == 0
                || word.chars().next().is_some_and(char::is_uppercase);
            let acronym_ok = self.entry.acronyms & bit == 0 || is_all_caps(word);
            capital_ok && acronym_ok
        })
    }
}

fn is_all_caps(word: &str) -> bool {
    word.chars().any(char::is_uppercase) && !word.chars().any(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn middle_east_places_are_listed() {
        let gazetteer = Gazetteer::shared();
        for place in [
            "Damascus", "Qamishli", "Hmeimim", "Khmeimim", "Tartus", "Latakia", "Idlib",
        ] {
            assert!(gazetteer.contains(&[place], GazetteerList::City), "{place}");
        }
        assert!(gazetteer.contains(&["Middle", "East"], GazetteerList::Region));
        assert!(gazetteer.contains(&["Deir", "ez-Zor"], GazetteerList::City));
    }

    #[test]
    fn multi_token_entries_are_found_case_insensitively() {
        let words = ["IN", "THE", "MIDDLE", "EAST", "AND", "Al", "Jazeera"];
        let found = Gazetteer::shared().find_all(&words);
        let region = found
            .iter()
            .find(|m| m.entry.lists & GazetteerList::Region.bit() != 0);
        assert_eq!(region.map(|m| (m.start, m.end)), Some((2, 4)));
        let outlet = found
            .iter()
            .find(|m| m.entry.lists & GazetteerList::Outlet.bit() != 0);
        assert!(outlet.is_some_and(|m| m.case_agrees(&words)));
    }

    #[test]
    fn acronyms_match_only_in_capitals() {
        let words = ["us", "Us", "US"];
        let found = Gazetteer::shared().find_all(&words);
        let agreeing: Vec<usize> = found
            .iter()
            .filter(|m| m.case_agrees(&words))
            .map(|m| m.start)
            .collect();
        assert_eq!(agreeing, [2]);
    }
}
