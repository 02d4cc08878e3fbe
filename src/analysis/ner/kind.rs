//! Maps what the tagger and the gazetteers found onto Parallax's [`EntityKind`]s: PER → Person,
//! ORG → Org, LOC → Place, MISC → Group only for nationalities and religious, ethnic or
//! political groups ("German", "Kurdish", "Islamist", "Republicans"); other MISC is dropped.

use super::gazetteer::{Gazetteer, GazetteerList};
use super::tag::NerLabel;
use crate::analysis::entity_kind::EntityKind;

/// Suffixes of demonyms and group names: "Syrian", "Kurdish", "Lebanese", "Iraqi", "Baathist".
const GROUP_SUFFIXES: [&str; 11] = [
    "an", "ans", "ian", "ians", "ish", "ese", "i", "is", "ist", "ists", "ites",
];

/// Words with those suffixes that are not groups.
const NOT_GROUPS: [&str; 12] = [
    "ramadan",
    "koran",
    "quran",
    "qur'an",
    "taliban",
    "iran",
    "oman",
    "sudan",
    "japan",
    "bhutan",
    "taiwan",
    "wikipedia",
];

/// The Parallax kind for a tagged span, or `None` when Parallax has no such kind.
/// A sentence-initial MISC needs the gazetteer: its capital letter proves nothing
/// ("Humanitarian, economic and governance challenges").
pub fn kind_of_label(
    label: NerLabel,
    words: &[&str],
    sentence_initial: bool,
) -> Option<EntityKind> {
    match label {
        NerLabel::Per => Some(EntityKind::Person),
        NerLabel::Org => Some(EntityKind::Org),
        NerLabel::Loc => Some(EntityKind::Place),
        NerLabel::Misc if sentence_initial => is_listed_group(words).then_some(EntityKind::Group),
        NerLabel::Misc => is_group(words).then_some(EntityKind::Group),
    }
}

/// Whether the span, or its last word, is in the demonym or group lists.
fn is_listed_group(words: &[&str]) -> bool {
    let gazetteer = Gazetteer::shared();
    let last = words
        .iter()
        .rev()
        .find(|w| w.chars().any(char::is_alphabetic));
    [GazetteerList::Demonym, GazetteerList::Group]
        .iter()
        .any(|&list| {
            gazetteer.contains(words, list)
                || last.is_some_and(|last| gazetteer.contains(&[last], list))
        })
}

/// Whether a MISC span names a nationality or a religious, ethnic or political group.
pub fn is_group(words: &[&str]) -> bool {
    let gazetteer = Gazetteer::shared();
    let Some(last) = words
        .iter()
        .rev()
        .find(|w| w.chars().any(char::is_alphabetic))
    else {
        return false;
    };
    if is_listed_group(words) {
        return true;
    }
    let lower = last.to_lowercase();
    let acronym = !last.chars().any(char::is_lowercase);
    let capitalized = words
        .iter()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    capitalized
        && !acronym
        && lower.chars().count() > 3
        && !NOT_GROUPS.contains(&lower.as_str())
        && !lower.ends_with("stan")
        && !gazetteer.contains(&[last], GazetteerList::Country)
        && GROUP_SUFFIXES.iter().any(|suffix| lower.ends_with(suffix))
}

/// The kind a gazetteer entry implies on its own, if its lists agree on one.
pub fn kind_of_lists(lists: u16) -> Option<EntityKind> {
    let mut kind = None;
    for list in GazetteerList::ALL.iter().filter(|l| lists & l.bit() != 0) {
        let list_kind = match list {
            GazetteerList::Country | GazetteerList::City | GazetteerList::Region => {
                EntityKind::Place
            }
            GazetteerList::Organization | GazetteerList::Outlet => EntityKind::Org,
            GazetteerList::Demonym | GazetteerList::Group => EntityKind::Group,
            GazetteerList::FirstName | GazetteerList::Particle | GazetteerList::PersonTitle => {
                continue
            }
        };
        if kind.is_some_and(|k| k != list_kind) {
            return None;
        }
        kind = Some(list_kind);
    }
    kind
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misc_becomes_group_only_for_groups() {
        let groups = [
            &["German"][..],
            &["Syrian"],
            &["Kurdish"],
            &["Islamist"],
            &["Republicans"],
            &["Democrats"],
            &["Baathist"],
            &["West", "Indian"],
            &["Pakistanis"],
        ];
        for words in groups {
            assert!(is_group(words), "{words:?} is a group");
        }
        let others = [
            &["Ramadan"][..],
            &["Euro", "96"],
            &["Korean", "War"],
            &["Olympics"],
            &["RUSI"],
        ];
        for words in others {
            assert!(!is_group(words), "{words:?} is not a group");
        }
        assert_eq!(kind_of_label(NerLabel::Misc, &["Humanitarian"], true), None);
        assert_eq!(
            kind_of_label(NerLabel::Misc, &["Syrian"], true),
            Some(EntityKind::Group)
        );
    }

    #[test]
    fn gazetteer_lists_map_to_one_kind() {
        assert_eq!(
            kind_of_lists(GazetteerList::City.bit()),
            Some(EntityKind::Place)
        );
        assert_eq!(
            kind_of_lists(GazetteerList::Outlet.bit()),
            Some(EntityKind::Org)
        );
        let mixed = GazetteerList::Region.bit() | GazetteerList::Organization.bit();
        assert_eq!(kind_of_lists(mixed), None);
        assert_eq!(kind_of_lists(GazetteerList::FirstName.bit()), None);
    }
}
