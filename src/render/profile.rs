//! A profile (`show`) as a terminal page, plain lines, or one JSON object.

use serde::Serialize;
use serde_json::{Value, json};

use super::records::{self, Record, record_json};
use super::{Block, Cell, Document, Listing, paint, tone_strip, tone_text};
use crate::model::{Actor, ActorKind, Dataset, Event, Figure, Membership, Relationship, Role};
use crate::query::{Profile, tone_at};

fn role_text(data: &Dataset, role: &Role) -> String {
    let mut text = role.title.clone();
    if let Some(of) = &role.of {
        text = format!("{text} of {}", data.name_of(of.as_str()));
    }
    match (role.from, role.to) {
        (Some(from), Some(to)) => format!("{text} ({from}–{to})"),
        (Some(from), None) => format!("{text} (from {from})"),
        (None, Some(to)) => format!("{text} (until {to})"),
        (None, None) => text,
    }
}

fn citations_text(data: &Dataset, profile: &Profile) -> String {
    profile
        .citations
        .iter()
        .map(|c| match data.section_title(c) {
            Some(title) => format!("{title} ({}#{})", c.source, c.section),
            None => format!("{}#{}", c.source, c.section),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

pub fn profile_document(data: &Dataset, profile: &Profile, width: u16) -> Document {
    let mut doc = Document::default();
    identity(&mut doc, data, profile);
    if let Some(rel) = profile.with_subject {
        relationship_with_subject(&mut doc, data, profile, rel, width);
    }
    other_relationships(&mut doc, data, profile);
    let actor = profile.actor;
    let mut roles = Listing::new(vec!["role"]);
    for role in &profile.roles {
        roles.push(vec![role_text(data, role).into()]);
    }
    doc.section("role", "Roles", roles);
    let mut members = Listing::new(vec!["member", "role", "since"]);
    for (membership, member) in &profile.members {
        members.push(membership_row(&member.name, membership));
    }
    doc.section("member", "Members", members);
    if let Some(note) = &actor.members_note {
        doc.field("also", note.clone());
    }
    let mut blocs = Listing::new(vec!["bloc", "role", "since"]);
    for (bloc, membership) in &profile.blocs {
        blocs.push(membership_row(&bloc.name, membership));
    }
    doc.section("bloc", "Blocs", blocs);
    let mut people = Listing::new(vec!["person", "role"]);
    for (person, role) in &profile.people {
        people.push(vec![person.name.clone().into(), role_text(data, role).into()]);
    }
    doc.section("person", "People", people);
    doc.section("organisation", "Organisations", records::actors(&profile.organisations).collect());
    doc.section("figure", "Figures", records::figures(data, &profile.figures).collect());
    doc.section("event", "Events", records::events(data, &profile.events).collect());
    doc.blocks.push(Block::Drawing(vec![String::new()]));
    doc.field("sources", citations_text(data, profile));
    doc
}

/// Name, kind, aliases, the fields of its kind, the year asked about, the summary.
fn identity(doc: &mut Document, data: &Dataset, profile: &Profile) {
    let actor = profile.actor;
    doc.blocks.push(Block::Title(format!("{} ({})", actor.name, actor.kind)));
    doc.field("id", actor.id.to_string());
    doc.field("name", actor.name.clone());
    doc.field("kind", actor.kind.as_str());
    if !actor.aliases.is_empty() {
        doc.field("aliases", actor.aliases.join(", "));
    }
    for (key, value) in [
        ("iso3", &actor.iso3),
        ("region", &actor.region),
        ("full name", &actor.full_name),
        ("category", &actor.category),
        ("sector", &actor.sector),
    ] {
        if let Some(value) = value {
            doc.field(key, value.clone());
        }
    }
    if let Some(founded) = actor.founded {
        doc.field("founded", founded.to_string());
    }
    if let Some(base) = &actor.based_in {
        doc.field("based in", data.name_of(base.as_str()));
    }
    if let Some(year) = profile.as_of {
        doc.field("as of", year.to_string());
        if profile.before_any_record() {
            let first = profile.first_year.unwrap_or(year);
            doc.field("note", format!("the dataset records nothing about {} before {first}", actor.name));
        }
    }
    doc.blocks.push(Block::Text { key: "summary", text: actor.summary.clone() });
}

/// Tone (as of the year asked), status, themes, summary, the tone chart and its periods.
fn relationship_with_subject(doc: &mut Document, data: &Dataset, profile: &Profile, rel: &Relationship, width: u16) {
    let subject = data.name_of(rel.other(profile.actor.id.as_str()).as_str()).to_owned();
    doc.blocks.push(Block::Title(format!("Relationship with {subject}")));
    match tone_at(rel, profile.as_of) {
        Some((tone, period)) => {
            let text = tone_text(tone);
            doc.blocks.push(Block::Field { key: "tone", value: text.clone(), color: Some(paint(&text, tone)) });
            if profile.as_of.is_some()
                && let Some(period) = period
            {
                doc.field("in force", period.label.clone());
            }
        }
        None => doc.field("tone", "no recorded tone yet"),
    }
    if profile.as_of.is_none() {
        doc.field("status", rel.status.clone());
    }
    if !rel.themes.is_empty() {
        doc.field("themes", rel.themes.join(", "));
    }
    doc.blocks.push(Block::Text { key: "relationship", text: rel.summary.clone() });
    let last_year = profile.as_of.or_else(|| data.info().map(|i| i.as_of.year())).unwrap_or(0);
    let periods: Vec<_> =
        rel.periods.iter().filter(|p| profile.as_of.is_none_or(|y| p.from.year() <= y)).cloned().collect();
    let chart = tone_strip(&periods, last_year, width);
    if !chart.is_empty() {
        let mut lines = vec![String::new(), "Tone over time:".to_owned()];
        lines.extend(chart);
        doc.blocks.push(Block::Drawing(lines));
    }
    let mut listing = Listing::new(vec!["from", "to", "tone", "period"]);
    for p in &periods {
        listing.push(vec![
            p.from.to_string().into(),
            p.to.map_or(String::new(), |t| t.to_string()).into(),
            Cell::toned(tone_text(p.tone), p.tone),
            p.label.clone().into(),
        ]);
    }
    doc.section("period", "Tone periods", listing);
}

/// The actor's other relationships, closest first, with their tone as of the year asked.
fn other_relationships(doc: &mut Document, data: &Dataset, profile: &Profile) {
    if profile.relationships.is_empty() {
        return;
    }
    let actor = profile.actor;
    let title = if actor.kind == ActorKind::Country && profile.with_subject.is_none() {
        "Relationships, closest first"
    } else {
        "Other relationships"
    };
    let mut listing = records::relationships(data, &profile.relationships, Some(actor.id.as_str())).collect();
    for (row, rel) in listing.rows.iter_mut().zip(&profile.relationships) {
        if let Some((tone, _)) = tone_at(rel, profile.as_of) {
            row[1] = Cell::toned(tone_text(tone), tone);
        }
    }
    doc.section("relationship", title, listing);
}

fn membership_row(name: &str, membership: &Membership) -> Vec<Cell> {
    vec![
        name.into(),
        membership.role.clone().unwrap_or_default().into(),
        membership.since.map_or(String::new(), |d| d.to_string()).into(),
    ]
}

/// A profile for programs, serialised straight to the output: the events, figures and
/// relationships (the long parts) are not copied into a JSON tree first.
#[derive(Serialize)]
pub struct ProfileJson<'a> {
    actor: &'a Actor,
    as_of: Option<u16>,
    before_any_record: bool,
    relationship: Option<Value>,
    relationships: &'a [&'a Relationship],
    roles: &'a [&'a Role],
    members: Vec<&'a Membership>,
    blocs: Vec<Value>,
    people: Vec<Value>,
    organisations: Vec<Value>,
    figures: Vec<Record<'a, Figure>>,
    events: Vec<Record<'a, Event>>,
    sources: Vec<Value>,
}

pub fn profile_json<'a>(data: &'a Dataset, profile: &'a Profile) -> ProfileJson<'a> {
    let relationship = profile.with_subject.map(|rel| {
        let mut value = record_json(rel, None);
        if let (Some(year), Value::Object(map)) = (profile.as_of, &mut value) {
            let at = tone_at(rel, Some(year));
            map.insert("tone_as_of".into(), json!(at.map(|(t, _)| t)));
            map.insert("period_as_of".into(), json!(at.and_then(|(_, p)| p).map(|p| &p.label)));
        }
        value
    });
    ProfileJson {
        actor: profile.actor,
        as_of: profile.as_of,
        before_any_record: profile.before_any_record(),
        relationship,
        relationships: &profile.relationships,
        roles: &profile.roles,
        members: profile.members.iter().map(|(m, _)| *m).collect(),
        blocs: profile
            .blocs
            .iter()
            .map(|(b, m)| json!({"bloc": b.id, "name": b.name, "role": m.role, "since": m.since}))
            .collect(),
        people: profile.people.iter().map(|(p, r)| json!({"person": p.id, "name": p.name, "role": r})).collect(),
        organisations: profile
            .organisations
            .iter()
            .map(|o| json!({"id": o.id, "name": o.name, "category": o.category}))
            .collect(),
        figures: profile.figures.iter().map(|f| Record { record: *f, year: f.year() }).collect(),
        events: profile.events.iter().map(|e| Record { record: *e, year: Some(e.date.year()) }).collect(),
        sources: profile
            .citations
            .iter()
            .map(|c| json!({"source": c.source, "section": c.section, "title": data.section_title(c)}))
            .collect(),
    }
}
