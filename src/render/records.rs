//! How each kind of record appears in a list: its columns for people, its JSON for programs.

use serde::Serialize;
use serde_json::{Value, json};

use super::{Cell, Listing, tone_text};
use crate::model::{Actor, Dataset, Event, EventType, Figure, Relationship};

/// A record as JSON with the dataset's field names, plus `year` where it has one.
pub fn record_json(record: &impl Serialize, year: Option<u16>) -> Value {
    let mut value = serde_json::to_value(record).unwrap_or(Value::Null);
    if let (Value::Object(map), Some(year)) = (&mut value, year) {
        map.insert("year".into(), json!(year));
    }
    value
}

/// Actor names, all of them, and for tables the first few with a count of the rest.
fn names(data: &Dataset, ids: &[crate::model::Slug]) -> Cell {
    const SHOWN: usize = 3;
    let all: Vec<&str> = ids.iter().map(|id| data.name_of(id.as_str())).collect();
    if all.len() <= SHOWN {
        return all.join(", ").into();
    }
    let short = format!("{} +{} more", all[..SHOWN].join(", "), all.len() - SHOWN);
    Cell::with_short(all.join(", "), short)
}

pub fn event_date(event: &Event) -> String {
    let mut date = event.date.to_string();
    if let Some(end) = event.end {
        date = format!("{date}–{end}");
    }
    if event.circa {
        date = format!("c. {date}");
    }
    date
}

pub fn events(data: &Dataset, events: &[&Event]) -> Listing {
    let mut listing = Listing::new(vec!["date", "id", "type", "tone", "title", "actors"]);
    listing.wide_only = &["id"];
    listing.unwrapped = &["date", "type", "tone"];
    for event in events {
        listing.push(
            vec![
                event_date(event).into(),
                event.id.to_string().into(),
                event.kind.as_str().into(),
                Cell::toned(tone_text(event.tone), event.tone),
                event.title.clone().into(),
                names(data, &event.actors),
            ],
            record_json(event, Some(event.date.year())),
        );
    }
    listing
}

pub fn actors(actors: &[&Actor]) -> Listing {
    let mut listing = Listing::new(vec!["id", "kind", "name", "aliases"]);
    for actor in actors {
        listing.push(
            vec![
                actor.id.to_string().into(),
                kind_text(actor).into(),
                actor.name.clone().into(),
                actor.aliases.join(", ").into(),
            ],
            record_json(actor, None),
        );
    }
    listing
}

/// The kind, with an organisation's category: "organisation (company)".
fn kind_text(actor: &Actor) -> String {
    match &actor.category {
        Some(category) => format!("{} ({category})", actor.kind),
        None => actor.kind.to_string(),
    }
}

/// "more than 1,000,000 people", "15,500,000 GBP".
pub fn figure_amount(figure: &Figure) -> String {
    let amount = format!("{} {}", figure.amount, figure.unit);
    match &figure.qualifier {
        Some(q) => format!("{q} {amount}"),
        None => amount,
    }
}

pub fn figures(data: &Dataset, figures: &[&Figure]) -> Listing {
    let mut listing = Listing::new(vec!["id", "kind", "amount", "period", "from", "to", "label"]);
    listing.wide_only = &["id", "kind"];
    listing.unwrapped = &["amount", "period"];
    for figure in figures {
        let actor = |id: &Option<crate::model::Slug>| {
            id.as_ref().map_or(String::new(), |id| data.name_of(id.as_str()).to_owned())
        };
        listing.push(
            vec![
                figure.id.to_string().into(),
                figure.kind.as_str().into(),
                figure_amount(figure).into(),
                figure.period.map_or(String::new(), |p| p.to_string()).into(),
                actor(&figure.from).into(),
                actor(&figure.to).into(),
                figure.label.clone().into(),
            ],
            record_json(figure, figure.year()),
        );
    }
    listing
}

/// Relationships seen from one actor (`with` is the other side), or as pairs when `from` is None.
pub fn relationships(data: &Dataset, relationships: &[&Relationship], from: Option<&str>) -> Listing {
    let mut listing = Listing::new(vec!["with", "tone", "status", "themes"]);
    listing.unwrapped = &["tone"];
    for rel in relationships {
        let with = match from {
            Some(me) => data.name_of(rel.other(me).as_str()).to_owned(),
            None => format!("{} – {}", data.name_of(rel.between[0].as_str()), data.name_of(rel.between[1].as_str())),
        };
        listing.push(
            vec![
                with.into(),
                Cell::toned(tone_text(rel.tone), rel.tone),
                rel.status.clone().into(),
                rel.themes.join(", ").into(),
            ],
            record_json(rel, None),
        );
    }
    listing
}

/// The dataset's tags and themes with how many events and relationships carry each.
pub fn tags(counts: &[crate::query::TagCount]) -> Listing {
    let mut listing = Listing::new(vec!["tag", "events", "relationships"]);
    listing.unwrapped = &["events", "relationships"];
    for count in counts {
        listing.push(
            vec![count.tag.clone().into(), count.events.to_string().into(), count.relationships.to_string().into()],
            json!({"tag": count.tag, "events": count.events, "relationships": count.relationships}),
        );
    }
    listing
}

pub fn event_types() -> Listing {
    let mut listing = Listing::new(vec!["type", "description"]);
    for kind in EventType::ALL {
        listing.push(
            vec![kind.as_str().into(), kind.description().into()],
            json!({"type": kind, "description": kind.description()}),
        );
    }
    listing
}
