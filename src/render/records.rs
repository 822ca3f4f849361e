//! How each kind of record appears in a list: its columns for people, its JSON for programs.

use serde::Serialize;
use serde_json::{Value, json};

use super::{Cell, Columns, List, event_summary, mark_record, marked_date, tone_text};
use crate::model::{Actor, Dataset, Event, EventType, Figure, Period, Relationship, Slug, Tone};
use crate::query::{Selected, ends_after, relationships_with_subject, tone_at};

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

/// Several values in one cell: joined by "; " for plain and CSV (names may hold commas), by ", "
/// in tables, and a JSON array for `--fields`.
pub fn list_cell(items: &[impl AsRef<str>]) -> Cell {
    let items: Vec<&str> = items.iter().map(AsRef::as_ref).collect();
    let cell = Cell::typed(items.join("; "), json!(items));
    if items.len() > 1 { cell.shown_as(items.join(", ")) } else { cell }
}

/// Actor ids, shown in tables as their names: all of them, or the first few and a count.
fn actor_ids(data: &Dataset, ids: &[Slug]) -> Cell {
    const SHOWN: usize = 3;
    let names: Vec<&str> = ids.iter().map(|id| data.name_of(id.as_str())).collect();
    let shown = if names.len() <= SHOWN {
        names.join(", ")
    } else {
        format!("{} +{} more", names[..SHOWN].join(", "), names.len() - SHOWN)
    };
    list_cell(&ids.iter().map(Slug::as_str).collect::<Vec<_>>()).shown_as(shown)
}

fn actor_names(data: &Dataset, ids: &[Slug]) -> Cell {
    list_cell(&ids.iter().map(|id| data.name_of(id.as_str())).collect::<Vec<_>>())
}

/// A tone as two cells: its number (shown in tables with its word, coloured) and its word.
/// Both empty where there is no tone.
pub fn tone_cells(tone: Option<Tone>) -> [Cell; 2] {
    match tone {
        Some(tone) => [
            Cell { value: Some(json!(tone.value())), ..Cell::toned(tone.value().to_string(), tone) }
                .shown_as(tone_text(tone)),
            tone.label().into(),
        ],
        None => [Cell::default(), Cell::default()],
    }
}

fn flag(value: bool) -> Cell {
    Cell::typed(value.to_string(), json!(value))
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

/// Events chosen by a filter: an uncertain one is marked `?` before its date in tables,
/// `certain` false in plain and CSV, and `"certain": false` in JSON; an end after the `--as-of`
/// year is not told.
pub fn events<'a>(
    data: &'a Dataset,
    events: &'a [Selected<'a>],
    as_of: Option<u16>,
) -> List<'a, Selected<'a>, impl Fn(&Selected<'a>) -> Vec<Cell> + 'a, impl Fn(&'a Selected<'a>) -> Value> {
    let written = crate::query::written_later(data, as_of);
    List {
        columns: Columns {
            headers: vec![
                "date",
                "end",
                "circa",
                "certain",
                "id",
                "type",
                "tone",
                "tone_label",
                "title",
                "actors",
                "actor_names",
                "summary",
                "tags",
            ],
            wide_only: &["id"],
            unwrapped: &["date", "id", "type", "tone"],
            data_only: &["end", "circa", "certain", "tone_label", "actor_names", "summary", "tags"],
            table_only: &[],
        },
        items: events,
        cells: move |selected: &Selected| {
            let event = selected.event;
            let end = event.end.filter(|_| !ends_after(event, as_of));
            let [tone, tone_label] = tone_cells(Some(event.tone));
            vec![
                Cell::from(event.date.to_string()).shown_as(marked_date(selected, as_of)),
                end.map_or(String::new(), |end| end.to_string()).into(),
                flag(event.circa),
                flag(selected.certain),
                event.id.to_string().into(),
                event.kind.as_str().into(),
                tone,
                tone_label,
                event.title.clone().into(),
                actor_ids(data, &event.actors),
                actor_names(data, &event.actors),
                event_summary(event, as_of, written).into(),
                list_cell(&event.tags),
            ]
        },
        // One small JSON value per row, written and dropped before the next.
        json: move |selected: &'a Selected<'a>| {
            let mut record = record_json(selected.event, Some(selected.event.date.year()));
            mark_record(&mut record, selected, as_of, written);
            record
        },
    }
}

/// Every event of a list that no date range chose from: all of them certain.
pub fn all_certain<'a>(events: impl IntoIterator<Item = &'a Event>) -> Vec<Selected<'a>> {
    events.into_iter().map(|event| Selected { event, certain: true }).collect()
}

/// Actors, each with its tone with the dataset's subject (from the relationship between them,
/// as `show` gives it; empty for the subject itself and where none is recorded).
pub fn actors<'a>(
    data: &'a Dataset,
    actors: &'a [&'a Actor],
) -> List<'a, &'a Actor, impl Fn(&&'a Actor) -> Vec<Cell> + 'a, impl Fn(&'a &'a Actor) -> &'a Actor> {
    let with_subject = relationships_with_subject(data);
    let tone_of = move |actor: &Actor| {
        with_subject.get(actor.id.as_str()).and_then(|rel| tone_at(rel, None)).map(|(tone, _)| tone)
    };
    // A table leaves out a kind every row shares (`list countries`) and a tone no row has; it
    // shows organisations' categories in a column of their own, when all rows are of one kind
    // (`show`'s organisations) or on wide terminals.
    let one_kind = !actors.is_empty() && actors.windows(2).all(|pair| pair[0].kind == pair[1].kind);
    let categories = actors.iter().any(|actor| actor.category.is_some());
    let no_tone = actors.iter().all(|actor| tone_of(actor).is_none());
    let data_only: &'static [&'static str] = match (one_kind, categories, no_tone) {
        (false, true, false) => &["iso3", "tone_label", "summary"],
        (false, true, true) => &["iso3", "tone", "tone_label", "summary"],
        (false, false, false) => &["category", "iso3", "tone_label", "summary"],
        (false, false, true) => &["category", "iso3", "tone", "tone_label", "summary"],
        (true, true, false) => &["kind", "iso3", "tone_label", "summary"],
        (true, true, true) => &["kind", "iso3", "tone", "tone_label", "summary"],
        (true, false, false) => &["kind", "category", "iso3", "tone_label", "summary"],
        (true, false, true) => &["kind", "category", "iso3", "tone", "tone_label", "summary"],
    };
    List {
        columns: Columns {
            headers: vec!["id", "kind", "category", "name", "aliases", "iso3", "tone", "tone_label", "summary"],
            wide_only: if one_kind { &[] } else { &["category"] },
            unwrapped: &["id", "tone"],
            data_only,
            table_only: &[],
        },
        items: actors,
        cells: move |actor: &&Actor| {
            let [tone, tone_label] = tone_cells(tone_of(actor));
            vec![
                actor.id.to_string().into(),
                actor.kind.as_str().into(),
                actor.category.as_ref().map_or(String::new(), ToString::to_string).into(),
                actor.name.clone().into(),
                list_cell(&actor.aliases),
                actor.iso3.clone().unwrap_or_default().into(),
                tone,
                tone_label,
                actor.summary.clone().into(),
            ]
        },
        json: |actor: &'a &'a Actor| *actor,
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

/// Figures: the amount a plain number (its unit and qualifier beside it), the period as ISO
/// start and end dates or a number of years, and the actors at either end as ids and names.
pub fn figures<'a>(
    data: &'a Dataset,
    figures: &'a [&'a Figure],
) -> List<'a, &'a Figure, impl Fn(&&'a Figure) -> Vec<Cell> + 'a, impl Fn(&'a &'a Figure) -> Record<'a, Figure>> {
    List {
        columns: Columns {
            headers: vec![
                "id",
                "kind",
                "amount",
                "unit",
                "qualifier",
                "period",
                "start",
                "end",
                "years",
                "year",
                "from",
                "from_name",
                "to",
                "to_name",
                "label",
            ],
            wide_only: &["id", "kind"],
            unwrapped: &["amount", "period"],
            data_only: &["unit", "qualifier", "start", "end", "years", "year", "from_name", "to_name"],
            table_only: &["period"],
        },
        items: figures,
        cells: move |figure: &&Figure| {
            let actor = |id: &Option<Slug>| match id {
                Some(id) => Cell::from(id.to_string()).shown_as(data.name_of(id.as_str())),
                None => Cell::default(),
            };
            let name = |id: &Option<Slug>| -> Cell {
                id.as_ref().map_or(String::new(), |id| data.name_of(id.as_str()).to_owned()).into()
            };
            let (start, end, years) = match figure.period {
                Some(Period::Date(date)) => (date.to_string(), String::new(), None),
                Some(Period::Span { from, to }) => (from.to_string(), to.to_string(), None),
                Some(Period::Years { years }) => (String::new(), String::new(), Some(years)),
                None => (String::new(), String::new(), None),
            };
            let amount = serde_json::to_value(figure.amount).unwrap_or(Value::Null);
            vec![
                figure.id.to_string().into(),
                figure.kind.as_str().into(),
                Cell::typed(amount.to_string(), amount).shown_as(figure_amount(figure)),
                figure.unit.clone().into(),
                figure.qualifier.clone().unwrap_or_default().into(),
                figure.period.map_or(String::new(), |p| p.to_string()).into(),
                start.into(),
                end.into(),
                years.map_or_else(Cell::default, |n| Cell::typed(n.to_string(), json!(n))),
                figure.year().map_or_else(Cell::default, |y| Cell::typed(y.to_string(), json!(y))),
                actor(&figure.from),
                name(&figure.from),
                actor(&figure.to),
                name(&figure.to),
                figure.label.clone().into(),
            ]
        },
        json: |figure: &'a &'a Figure| Record { record: *figure, year: figure.year() },
    }
}

/// Relationships, each with its pair id (`bolivia--chile`, as `cite` takes it) and the ids and
/// names of both sides. Seen from one actor (`from`), tables show the other side under `with`;
/// as a list of pairs, both names under `between`.
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
    let mut headers = vec!["id", "between", "between_names", "tone", "tone_label", "status", "themes", "summary"];
    let columns = if from.is_some() {
        headers.insert(0, "with");
        Columns {
            headers,
            wide_only: &["id"],
            unwrapped: &["tone"],
            data_only: &["between", "between_names", "tone_label", "summary"],
            table_only: &["with"],
        }
    } else {
        Columns {
            headers,
            wide_only: &["id"],
            unwrapped: &["tone"],
            data_only: &["between_names", "tone_label", "summary"],
            table_only: &[],
        }
    };
    List {
        columns,
        items: relationships,
        cells: move |rel: &&Relationship| {
            let [a, b] = &rel.between;
            let names = [data.name_of(a.as_str()), data.name_of(b.as_str())];
            let [tone, tone_label] = tone_cells(Some(rel.tone));
            let mut cells = vec![
                format!("{a}--{b}").into(),
                list_cell(&[a.as_str(), b.as_str()]).shown_as(format!("{} – {}", names[0], names[1])),
                list_cell(&names),
                tone,
                tone_label,
                rel.status.clone().into(),
                list_cell(&rel.themes),
                rel.summary.clone().into(),
            ];
            if let Some(me) = from {
                cells.insert(0, data.name_of(rel.other(me).as_str()).to_owned().into());
            }
            cells
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
            unwrapped: &["events", "relationships"],
            ..Columns::default()
        },
        items: counts,
        cells: |count: &crate::query::TagCount| {
            vec![
                count.tag.clone().into(),
                Cell::typed(count.events.to_string(), json!(count.events)),
                Cell::typed(count.relationships.to_string(), json!(count.relationships)),
            ]
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
