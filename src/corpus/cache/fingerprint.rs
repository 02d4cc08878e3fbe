//! The analyser's fingerprint: `ANALYSER_VERSION`, the recogniser's weights and every word
//! list cleaning and recognition compile in, hashed together, so that retraining or editing a
//! list invalidates the cache without anyone remembering to bump the version.

use super::ANALYSER_VERSION;
use crate::analysis::ner::Recognizer;
use std::sync::LazyLock;

/// The lists that change what cleaning, sentence splitting and recognition produce.
const LISTS: [&str; 13] = [
    include_str!("../../../assets/boilerplate.txt"),
    include_str!("../../../assets/outlet_words.txt"),
    include_str!("../../../assets/abbreviations.txt"),
    include_str!("../../../assets/ner/first_names.txt"),
    include_str!("../../../assets/ner/name_particles.txt"),
    include_str!("../../../assets/ner/person_titles.txt"),
    include_str!("../../../assets/ner/countries.txt"),
    include_str!("../../../assets/ner/cities.txt"),
    include_str!("../../../assets/ner/regions.txt"),
    include_str!("../../../assets/ner/demonyms.txt"),
    include_str!("../../../assets/ner/groups.txt"),
    include_str!("../../../assets/ner/organizations.txt"),
    include_str!("../../../assets/ner/outlets.txt"),
];

static FINGERPRINT: LazyLock<u64> = LazyLock::new(|| {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    hasher.update(&ANALYSER_VERSION.to_le_bytes());
    hasher.update(Recognizer::shipped_weights());
    for list in LISTS {
        hasher.update(&(list.len() as u64).to_le_bytes());
        hasher.update(list.as_bytes());
    }
    hasher.digest()
});

/// The fingerprint of the analyser compiled into this binary.
pub fn analyser_fingerprint() -> u64 {
    *FINGERPRINT
}
