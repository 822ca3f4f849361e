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

/// One actor: a country, bloc, person or organisation. The kind-specific fields live side by
/// side and are checked against `kind` on load (a `full_name` on a person is an error), which
/// keeps the JSON flat as the format describes.
#[derive(
    Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
#[serde(deny_unknown_fields, remote = "Self")]
#[schemars(rename = "Actor", transform = kind_rules)]
pub struct Actor {
    /// The id other records use to name this actor; unique across the dataset.
    pub id: Slug,
    /// What the actor is; it decides which of the kind-specific fields below apply.
    pub kind: ActorKind,
    /// The name shown for the actor; not empty.
    #[schemars(length(min = 1), regex(pattern = r"\S"))]
    pub name: String,
    /// Other names, abbreviations, spellings and metonyms the source uses; none empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(inner(length(min = 1), regex(pattern = r"\S")))]
    pub aliases: Vec<String>,
    /// A few sentences on who or what the actor is, in our own words.
    pub summary: String,
    /// The source sections the actor's facts rest on; at least one.
    #[schemars(length(min = 1))]
    pub sources: Vec<Citation>,
    /// Country only, and required there: its ISO 3166-1 alpha-3 code (three capital letters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[A-Z]{3}$"))]
    pub iso3: Option<String>,
    /// Country only, and required there: its world region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1), regex(pattern = r"\S"))]
    pub region: Option<String>,
    /// Bloc only, and required there: its full name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1), regex(pattern = r"\S"))]
    pub full_name: Option<String>,
    /// Bloc only: when it was founded, if the source says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub founded: Option<Date>,
    /// Bloc only: its members, each actor at most once; a bloc is never its own member, and
    /// membership never runs in a circle (a bloc inside a bloc inside the first).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<Membership>,
    /// Bloc only: members the source names only vaguely.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub members_note: Option<String>,
    /// Person only: the offices they held.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
    /// Organisation only, and required there: company, agency, court, bank, assembly, party, …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1), regex(pattern = r"\S"))]
    pub category: Option<String>,
    /// Organisation only: the id of the actor it is based in (never itself).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub based_in: Option<Slug>,
    /// Organisation only: its field of activity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<String>,
}

/// One member of a bloc, with its role and the date it joined where known.
#[derive(
    Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
#[serde(deny_unknown_fields, remote = "Self")]
#[schemars(rename = "Membership")]
pub struct Membership {
    /// The id of the member actor; not the bloc itself.
    pub actor: Slug,
    /// Its standing in the bloc: founder, associate, observer, …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// When it joined, if the source says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<Date>,
}

/// An office a person held: president, minister, ambassador, …
///
/// Each end of a role is a date (`from`, `to`), an event whose date it shares with that event's
/// uncertainty (`from_event`, `to_event`: the role began or ended with it), or not recorded.
/// Without `to` or `to_event`, a role with a recorded start is still held at the dataset's
/// `as_of`; a role with no recorded start has no recorded end either, unless one is given.
/// `at` places a role the source gives neither start nor end for at one date it was held.
#[derive(
    Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
#[serde(deny_unknown_fields, remote = "Self")]
#[schemars(rename = "Role", transform = role_rules)]
pub struct Role {
    /// The office's title; not empty.
    #[schemars(length(min = 1), regex(pattern = r"\S"))]
    pub title: String,
    /// The id of the actor the office belongs to (a country, an organisation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<Slug>,
    /// When the office was taken up. Not together with `from_event`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Date>,
    /// The id of the event the office was taken up with (an inauguration, an election), where
    /// the source dates the start only through it; the start is then as certain as that
    /// event's date. Not together with `from`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_event: Option<Slug>,
    /// When it was left; not before `from` (a rule the schema cannot state). Not together with
    /// `to_event`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Date>,
    /// The id of the event the office ended with (a successor's inauguration), where the source
    /// dates the end only through it; the end is then as certain as that event's date. Not
    /// together with `to`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_event: Option<Slug>,
    /// A date the source places the person in the office, for a role with no recorded start
    /// (`from`, `from_event`) or end (`to`, `to_event`): held then, and not known when it began or
    /// ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<Date>,
}

super::named_fields_only!(Actor, Membership, Role);

/// The fields each kind of actor requires and the fields only another kind may have, as JSON
/// Schema rules on `kind`: the same rules `load` checks. An absent field may also be written as
/// `null`, and an absent list as `[]`, as the loader accepts.
fn kind_rules(schema: &mut schemars::Schema) {
    const OWNED: &[(&str, &str, bool)] = &[
        ("iso3", "country", false),
        ("region", "country", false),
        ("full_name", "bloc", false),
        ("founded", "bloc", false),
        ("members", "bloc", true),
        ("members_note", "bloc", false),
        ("roles", "person", true),
        ("category", "organisation", false),
        ("based_in", "organisation", false),
        ("sector", "organisation", false),
    ];
    const REQUIRED: &[(&str, &[&str])] =
        &[("country", &["iso3", "region"]), ("bloc", &["full_name"]), ("organisation", &["category"]), ("person", &[])];
    let rules: Vec<serde_json::Value> = REQUIRED
        .iter()
        .map(|(kind, required)| {
            let mut absent = serde_json::Map::new();
            for (field, owner, is_list) in OWNED {
                if owner != kind {
                    let empty = if *is_list {
                        serde_json::json!({"maxItems": 0})
                    } else {
                        serde_json::json!({"type": "null"})
                    };
                    absent.insert((*field).to_owned(), empty);
                }
            }
            let mut present = serde_json::Map::new();
            for field in *required {
                present.insert((*field).to_owned(), serde_json::json!({"not": {"type": "null"}}));
            }
            serde_json::json!({
                "if": {"properties": {"kind": {"const": kind}}, "required": ["kind"]},
                "then": {"required": required, "properties": present.into_iter().chain(absent).collect::<serde_json::Map<_, _>>()}
            })
        })
        .collect();
    schema.insert("allOf".into(), rules.into());
}

/// The rules on a role's bounds the schema can state, as the loader checks them: one start
/// (`from` or `from_event`), one end (`to` or `to_event`), and `at` only without either. A field
/// written `null` counts as absent.
fn role_rules(schema: &mut schemars::Schema) {
    let given = |fields: &[&str]| {
        let present: serde_json::Map<_, _> =
            fields.iter().map(|f| ((*f).to_owned(), serde_json::json!({"not": {"type": "null"}}))).collect();
        serde_json::json!({"not": {"required": fields, "properties": present}})
    };
    let rules: Vec<serde_json::Value> = [
        &["from", "from_event"][..],
        &["to", "to_event"],
        &["at", "from"],
        &["at", "from_event"],
        &["at", "to"],
        &["at", "to_event"],
    ]
    .iter()
    .map(|fields| given(fields))
    .collect();
    schema.insert("allOf".into(), rules.into());
}

impl Role {
    /// True when the role has a recorded start (`from` or `from_event`).
    pub fn has_start(&self) -> bool {
        self.from.is_some() || self.from_event.is_some()
    }

    /// True when the role has a recorded end (`to` or `to_event`).
    pub fn has_end(&self) -> bool {
        self.to.is_some() || self.to_event.is_some()
    }
}
