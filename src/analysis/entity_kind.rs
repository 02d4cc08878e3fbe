//! The five kinds of entity Parallax recognises.

use serde::{Deserialize, Serialize};

/// What an entity mention refers to. Serialised in upper case (`"PERSON"`), as in the dump.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityKind {
    /// People: "Vladimir Putin", "al-Sharaa".
    Person,
    /// Organisations, agencies, outlets, armed groups, "the Kremlin" as an institution.
    Org,
    /// Countries, cities, regions, bases and airports by place name, seas, "Middle East".
    Place,
    /// Nationalities, ethnic, religious and political groups: "Syrian", "Kurdish", "Republicans".
    Group,
    /// Weekdays, months, years, full and partial dates: "Wednesday", "mid-October".
    Date,
}

impl EntityKind {
    pub const ALL: [EntityKind; 5] = [
        EntityKind::Person,
        EntityKind::Org,
        EntityKind::Place,
        EntityKind::Group,
        EntityKind::Date,
    ];

    /// The upper-case name used in the dump and the CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "PERSON",
            EntityKind::Org => "ORG",
            EntityKind::Place => "PLACE",
            EntityKind::Group => "GROUP",
            EntityKind::Date => "DATE",
        }
    }
}
