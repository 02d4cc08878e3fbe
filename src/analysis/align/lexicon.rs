//! The word lists behind sentence terms: stop words, groups of words and names that report the
//! same thing (`assets/term_groups.txt`), paraphrase concepts, framing, time-span and series
//! words (`assets/align/`), and the English stemmer. Built once, shared.

use crate::analysis::entities::fold_case_and_marks;
use rust_stemmers::{Algorithm, Stemmer};
// Keys are fixed word lists; lookups with article words never insert.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

const STOP_WORDS: &str = include_str!("../../../assets/stopwords.txt");
const TERM_GROUPS: &str = include_str!("../../../assets/term_groups.txt");
const CONCEPTS: &str = include_str!("../../../assets/align/concepts.txt");
const FRAMING_WORDS: &str = include_str!("../../../assets/align/framing_words.txt");
const TIME_SPAN_WORDS: &str = include_str!("../../../assets/align/time_span_words.txt");
const SERIES_WORDS: &str = include_str!("../../../assets/align/series_words.txt");
/// The section of `term_groups.txt` whose heads are place names rather than words.
const PLACES_SECTION: &str = "## Places";

/// Stop words, the stemmer and the term groups.
pub struct Lexicon {
    stop_words: HashSet<String>,
    stemmer: Stemmer,
    /// A stemmed word → its group's key (a stem, or a place name for the places section).
    word_heads: HashMap<String, String>,
    /// A normalised name ("u s", "kremlin") → its group's head ("united states", "russia").
    name_heads: HashMap<String, String>,
    /// A word key ("base", "presenc") → the term key of its paraphrase concept ("c:presence").
    concepts: HashMap<String, String>,
    /// Word keys that frame a report rather than state it: dropped like stop words.
    framing: HashSet<String>,
    /// Word keys of time spans ("year", "decad").
    time_spans: HashSet<String>,
    /// Folded ordinals that count an occasion ("second", "previous").
    ordinals: HashSet<String>,
    /// Word keys of occasions that come in series ("meet", "talk").
    occasions: HashSet<String>,
}

impl Lexicon {
    /// The one lexicon, built from the compiled-in lists on first use.
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::build)
    }

    fn build() -> Lexicon {
        let stop_words = list_lines(STOP_WORDS).map(str::to_string).collect();
        let stemmer = Stemmer::create(Algorithm::English);
        let mut lexicon = Lexicon {
            stop_words,
            stemmer,
            word_heads: HashMap::default(),
            name_heads: HashMap::default(),
            concepts: HashMap::default(),
            framing: HashSet::default(),
            time_spans: HashSet::default(),
            ordinals: HashSet::default(),
            occasions: HashSet::default(),
        };
        let mut names = false;
        for line in TERM_GROUPS.lines().map(str::trim) {
            if line.starts_with("## ") {
                names = line.starts_with(PLACES_SECTION);
                continue;
            }
            if line.starts_with('#') {
                continue;
            }
            let Some((head, variants)) = line.split_once('=') else {
                continue;
            };
            let head = normalise_name(head);
            // A place's head stays a name; a word group's head is a stem like any word key.
            let head_key = if names {
                head.clone()
            } else {
                lexicon.stem(&head)
            };
            for variant in variants.split(',').map(normalise_name) {
                if variant.is_empty() {
                    continue;
                }
                if !variant.contains(' ') {
                    let stem = lexicon.stem(&variant);
                    lexicon.word_heads.insert(stem, head_key.clone());
                }
                if names {
                    lexicon.name_heads.insert(variant, head.clone());
                }
            }
            if names {
                lexicon.word_heads.insert(lexicon.stem(&head), head.clone());
            }
        }
        // Keys come from `word_key`, so the lists go through the same stemming and groups as
        // the words of a sentence; framing words last, since `word_key` drops them.
        for line in list_lines(CONCEPTS) {
            let Some((name, words)) = line.split_once('=') else {
                continue;
            };
            let concept = format!("{CONCEPT_PREFIX}{}", normalise_name(name));
            for word in words.split(',').map(normalise_name) {
                if let Some(key) = lexicon.work_out_word_key(&word) {
                    lexicon.concepts.insert(key, concept.clone());
                }
            }
        }
        lexicon.time_spans = list_lines(TIME_SPAN_WORDS)
            .filter_map(|w| lexicon.work_out_word_key(&normalise_name(w)))
            .collect();
        for line in list_lines(SERIES_WORDS) {
            let Some((list, words)) = line.split_once('=') else {
                continue;
            };
            let words = words.split(',').map(normalise_name);
            match list.trim() {
                "ordinal" => lexicon.ordinals.extend(words),
                "occasion" => {
                    let keys: Vec<String> = words
                        .filter_map(|w| lexicon.work_out_word_key(&w))
                        .collect();
                    lexicon.occasions.extend(keys);
                }
                _ => {}
            }
        }
        lexicon.framing = list_lines(FRAMING_WORDS)
            .filter_map(|w| lexicon.work_out_word_key(&normalise_name(w)))
            .collect();
        lexicon
    }

    /// Whether a folded word carries no fact on its own.
    pub fn is_stop_word(&self, folded: &str) -> bool {
        self.stop_words.contains(folded)
    }

    /// The term key of a folded word: stemmed, then mapped to its group's head. `None` for stop
    /// words, framing words and single letters.
    pub fn word_key(&self, folded: &str) -> Option<String> {
        // News repeats its words: half a million sentences hold a few tens of thousands of
        // distinct ones, so each thread remembers the keys it has worked out (stemming was
        // the largest cost of building sentence terms).
        // There is one lexicon (`Lexicon::get`; `build` itself calls `work_out_word_key`), so
        // the memo needs no owner.
        thread_local! {
            static KEYS: std::cell::RefCell<HashMap<String, Option<String>>> =
                std::cell::RefCell::new(HashMap::default());
        }
        const MAX_REMEMBERED: usize = 200_000;
        KEYS.with(|keys| {
            let mut memo = keys.borrow_mut();
            if memo.len() >= MAX_REMEMBERED {
                memo.clear();
            }
            if let Some(key) = memo.get(folded) {
                return key.clone();
            }
            let key = self.work_out_word_key(folded);
            memo.insert(folded.to_string(), key.clone());
            key
        })
    }

    /// The key without the memo: what `build` uses, while the lists are still being filled.
    fn work_out_word_key(&self, folded: &str) -> Option<String> {
        if folded.chars().count() < 2 || self.is_stop_word(folded) {
            return None;
        }
        let stem = self.stem(folded);
        let key = self.word_heads.get(&stem).cloned().unwrap_or(stem);
        (!self.framing.contains(&key)).then_some(key)
    }

    /// The term key of the paraphrase concept a word key belongs to ("c:presence" for "base").
    pub fn concept_key(&self, word_key: &str) -> Option<&str> {
        self.concepts.get(word_key).map(String::as_str)
    }

    /// Whether a word key names a span of time ("year", "decad").
    pub fn is_time_span(&self, word_key: &str) -> bool {
        self.time_spans.contains(word_key)
    }

    /// Whether a folded word counts an occasion in a series ("second", "previous").
    pub fn is_ordinal(&self, folded: &str) -> bool {
        self.ordinals.contains(folded)
    }

    /// Whether a word key names an occasion that comes in series ("meet" for "visit").
    pub fn is_occasion(&self, word_key: &str) -> bool {
        self.occasions.contains(word_key)
    }

    /// The term key of an entity's name: normalised, then mapped to its group's head, so that
    /// "Kremlin" and "Moscow" count as "russia" and "U.S." as "united states".
    pub fn name_key(&self, name: &str) -> String {
        let name = ["'s", "’s"]
            .iter()
            .find_map(|s| name.strip_suffix(s))
            .unwrap_or(name);
        let normal = normalise_name(name);
        self.name_heads.get(&normal).cloned().unwrap_or(normal)
    }

    fn stem(&self, word: &str) -> String {
        self.stemmer.stem(word).into_owned()
    }
}

/// How a concept's term key starts, so that it never meets a word's key.
pub const CONCEPT_PREFIX: &str = "c:";
/// The concept of an occasion counted in a series (`assets/align/series_words.txt`).
pub const SERIES_CONCEPT: &str = "c:meeting in a series";

/// Case and diacritics folded, apostrophes dropped, any other non-alphanumeric run as one space.
pub fn normalise_name(text: &str) -> String {
    let folded = fold_case_and_marks(text);
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if is_apostrophe(c) {
            continue;
        } else if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | '`' | '´')
}

fn list_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_keys_table() {
        let lexicon = Lexicon::get();
        let table = [
            ("withdrew", Some("withdraw")),
            ("withdrawal", Some("withdraw")),
            ("withdrawing", Some("withdraw")),
            ("toppled", Some("overthrow")),
            ("ouster", Some("overthrow")),
            ("stabilisation", Some("stabil")),
            ("stabilize", Some("stabil")),
            ("extradition", Some("extradit")),
            ("forces", Some("forc")),
            ("the", None),
            ("said", None),
            ("a", None),
            ("marked", None),
            ("according", None),
        ];
        for (word, key) in table {
            assert_eq!(lexicon.word_key(word).as_deref(), key, "{word}");
        }
    }

    #[test]
    fn paraphrases_share_a_concept_and_keep_their_own_key() {
        let lexicon = Lexicon::get();
        let concept = |w: &str| lexicon.concept_key(&lexicon.word_key(w).unwrap());
        assert_eq!(concept("bases"), Some("c:presence"));
        assert_eq!(concept("foothold"), Some("c:presence"));
        assert_eq!(concept("presence"), Some("c:presence"));
        assert_eq!(concept("cultivated"), Some("c:build"));
        assert_eq!(concept("airport"), None);
        assert_eq!(lexicon.word_key("bases").as_deref(), Some("base"));
    }

    #[test]
    fn time_spans_are_known() {
        let lexicon = Lexicon::get();
        for word in ["year", "years", "decade", "weeks"] {
            assert!(
                lexicon.is_time_span(&lexicon.word_key(word).unwrap()),
                "{word}"
            );
        }
        assert!(!lexicon.is_time_span("withdraw"));
    }

    #[test]
    fn ordinals_and_occasions_are_known() {
        let lexicon = Lexicon::get();
        for word in ["first", "second", "previous", "last"] {
            assert!(lexicon.is_ordinal(word), "{word}");
        }
        for word in ["visit", "trips", "meeting", "encounter", "talks"] {
            assert!(
                lexicon.is_occasion(&lexicon.word_key(word).unwrap()),
                "{word}"
            );
        }
        assert!(!lexicon.is_occasion(&lexicon.word_key("withdrawal").unwrap()));
    }

    #[test]
    fn names_stand_for_their_country() {
        let lexicon = Lexicon::get();
        assert_eq!(lexicon.name_key("Kremlin"), "russia");
        assert_eq!(lexicon.name_key("U.S."), "united states");
        assert_eq!(lexicon.name_key("Washington"), "united states");
        assert_eq!(lexicon.name_key("Qamishli"), "qamishli");
        assert_eq!(lexicon.name_key("Assad’s"), "assad");
    }
}
