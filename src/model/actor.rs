//! Actors: the countries, blocs, people and organisations of a dataset.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Citation, Date, Slug, vocabulary};

vocabulary! {
    /// What an actor is.
    ActorKind {
        Country => "country": "a state",
        Bloc => "bloc": "a group of states: a trade bloc, union or alliance",
        Person => "person": "a named individual",
        Organisation => "organisation": "a company, agency, court, bank, assembly, party or movement",
    }
}

/// One actor. The kind-specific fields live side by side and are checked against `kind` on load
/// (a `full_name` on a person is an error), which keeps the JSON flat as the format describes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    pub id: Slug,
    pub kind: ActorKind,
    pub name: String,
    /// Other names, abbreviations, spellings and metonyms the source uses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    pub summary: String,
    pub sources: Vec<Citation>,
    /// Country: ISO 3166-1 alpha-3 code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iso3: Option<String>,
    /// Country: world region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Bloc: its full name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub full_name: Option<String>,
    /// Bloc: when it was founded, if stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub founded: Option<Date>,
    /// Bloc: its members.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<Membership>,
    /// Bloc: members named only vaguely.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub members_note: Option<String>,
    /// Person: offices held.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
    /// Organisation: company, agency, court, bank, assembly, …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// Organisation: the actor it is based in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub based_in: Option<Slug>,
    /// Organisation: its field of activity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Membership {
    pub actor: Slug,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<Date>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<Slug>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Date>,
}

impl Role {
    /// Whether the role was held at some point of `year`. A role needs a known start to be
    /// placed in time; an open end counts as still held.
    pub fn held_in(&self, year: u16) -> bool {
        self.from.is_some_and(|from| from.year() <= year) && self.to.is_none_or(|to| to.year() >= year)
    }
}
