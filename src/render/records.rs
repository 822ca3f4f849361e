//! How each kind of record appears in a list: its columns for people, its JSON for programs.

use serde::Serialize;
use serde_json::{Value, json};

use super::{Cell, Columns, List, mark_record, marked_date, tone_text};
use crate::model::{Actor, Dataset, Event, EventType, Figure, Relationship};
use crate::query::Selected;

/// A record as JSON with the dataset's field names, plus `year` where it has one.
pub fn record_json(record: &impl Serialize, year: Option<u16>) -> Value {
    let mut value = serde_json::to_value(record).unwrap_or(Value::Null);
    if let (Value::Object(map), Some(year)) = (&mut value, year) {
        map.insert("year".into(), json!(year));
    }
    value
}

/// The same as `record_json`, serialised straight to the output without a `Value` tree.
#[derive(Serialize)]
pub struct Record<'a, T: Serialize> {
    #[serde(flatten)]
    pub record: &'a T,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
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

/// Events chosen by a filter: an uncertain one is marked `?` before its date and `"certain":
/// false` in JSON, and an end after the `--as-of` year is not told.
pub fn events<'a>(
    data: &'a Dataset,
    events: &'a [Selected<'a>],
    as_of: Option<u16>,
) -> List<'a, Selected<'a>, impl Fn(&Selected<'a>) -> Vec<Cell> + 'a, impl Fn(&'a Selected<'a>) -> Value> {
    List {
        columns: Columns {
            headers: vec!["date", "id", "type", "tone", "title", "actors"],
            wide_only: &["id"],
            unwrapped: &["date", "id", "type", "tone"],
        },
        items: events,
        cells: move |selected: &Selected| {
            let event = selected.event;
            vec![
                marked_date(selected, as_of).into(),
                event.id.to_string().into(),
                event.kind.as_str().into(),
                Cell::toned(tone_text(event.tone), event.tone),
                event.title.clone().into(),
                names(data, &event.actors),
            ]
        },
        // One small JSON value per row, written and dropped before the next.
        json: move |selected: &'a Selected<'a>| {
            let mut record = record_json(selected.event, Some(selected.event.date.year()));
            mark_record(&mut record, selected, as_of);
            record
        },
    }
}

/// Every event of a list that no date range chose from: all of them certain.
pub fn all_certain<'a>(events: impl IntoIterator<Item = &'a Event>) -> Vec<Selected<'a>> {
    events.into_iter().map(|event| Selected { event, certain: true }).collect()
}

pub fn actors<'a>(
    actors: &'a [&'a Actor],
) -> List<'a, &'a Actor, impl Fn(&&'a Actor) -> Vec<Cell>, impl Fn(&'a &'a Actor) -> &'a Actor> {
    List {
        columns: Columns::new(vec!["id", "kind", "name", "aliases"]),
        items: actors,
        cells: |actor: &&Actor| {
            vec![
                actor.id.to_string().into(),
                kind_text(actor).into(),
                actor.name.clone().into(),
                actor.aliases.join(", ").into(),
            ]
        },
        json: |actor: &'a &'a Actor| *actor,
    }
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

pub fn figures<'a>(
    data: &'a Dataset,
    figures: &'a [&'a Figure],
) -> List<'a, &'a Figure, impl Fn(&&'a Figure) -> Vec<Cell> + 'a, impl Fn(&'a &'a Figure) -> Record<'a, Figure>> {
    List {
        columns: Columns {
            headers: vec!["id", "kind", "amount", "period", "from", "to", "label"],
            wide_only: &["id", "kind"],
            unwrapped: &["amount", "period"],
        },
        items: figures,
        cells: move |figure: &&Figure| {
            let actor = |id: &Option<crate::model::Slug>| {
                id.as_ref().map_or(String::new(), |id| data.name_of(id.as_str()).to_owned())
            };
            vec![
                figure.id.to_string().into(),
                figure.kind.as_str().into(),
                figure_amount(figure).into(),
                figure.period.map_or(String::new(), |p| p.to_string()).into(),
                actor(&figure.from).into(),
                actor(&figure.to).into(),
                figure.label.clone().into(),
            ]
        },
        json: |figure: &'a &'a Figure| Record { record: *figure, year: figure.year() },
    }
}

/// Relationships seen from one actor (`with` is the other side), or as pairs when `from` is None.
pub fn relationships<'a>(
    data: &'a Dataset,
    relationships: &'a [&'a Relationship],
    from: Option<&'a str>,
) -> List<
    'a,
    &'a Relationship,
    impl Fn(&&'a Relationship) -> Vec<Cell> + 'a,
    impl Fn(&'a &'a Relationship) -> &'a Relationship,
> {
    List {
        columns: Columns { headers: vec!["with", "tone", "status", "themes"], wide_only: &[], unwrapped: &["tone"] },
        items: relationships,
        cells: move |rel: &&Relationship| {
            let with = match from {
                Some(me) => data.name_of(rel.other(me).as_str()).to_owned(),
                None => {
                    format!("{} – {}", data.name_of(rel.between[0].as_str()), data.name_of(rel.between[1].as_str()))
                }
            };
            vec![
                with.into(),
                Cell::toned(tone_text(rel.tone), rel.tone),
                rel.status.clone().into(),
                rel.themes.join(", ").into(),
            ]
        },
        json: |rel: &'a &'a Relationship| *rel,
    }
}

/// The dataset's tags and themes with how many events and relationships carry each.
pub fn tags(
    counts: &[crate::query::TagCount],
) -> List<
    '_,
    crate::query::TagCount,
    impl Fn(&crate::query::TagCount) -> Vec<Cell>,
    impl Fn(&crate::query::TagCount) -> Value,
> {
    List {
        columns: Columns {
            headers: vec!["tag", "events", "relationships"],
            wide_only: &[],
            unwrapped: &["events", "relationships"],
        },
        items: counts,
        cells: |count: &crate::query::TagCount| {
            vec![count.tag.clone().into(), count.events.to_string().into(), count.relationships.to_string().into()]
        },
        json: |count: &crate::query::TagCount| json!({"tag": count.tag, "events": count.events, "relationships": count.relationships}),
    }
}

pub fn event_types() -> List<'static, EventType, impl Fn(&EventType) -> Vec<Cell>, impl Fn(&'static EventType) -> Value>
{
    List {
        columns: Columns::new(vec!["type", "description"]),
        items: EventType::ALL,
        cells: |kind: &EventType| vec![kind.as_str().into(), kind.description().into()],
        json: |kind: &'static EventType| json!({"type": kind, "description": kind.description()}),
    }
}
