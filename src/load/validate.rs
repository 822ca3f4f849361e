//! Merging files in order and the checks that span records: unique ids, references that
//! resolve, kind-specific fields, date order, citations.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};

use crate::error::Problem;
use crate::model::{Actor, ActorKind, Citation, DatasetFile, Event, Figure, Period, Relationship, Slug, Source};

/// One parsed file: its name, its records, and where each record stood in the file.
pub(super) struct FileRecords<'a> {
    pub name: &'a str,
    pub file: DatasetFile,
    pub positions: super::Positions,
}

/// Where a merged record came from, so a problem names the file and the index in it. The path
/// is only written out when there is a problem to report.
struct Origin<'a> {
    file: &'a str,
    collection: &'static str,
    index: Option<usize>,
}

impl Origin<'_> {
    fn path(&self) -> String {
        match self.index {
            Some(index) => format!("{}[{index}]", self.collection),
            None => self.collection.to_owned(),
        }
    }
}

/// One collection being merged: later records with a known key replace earlier ones in place.
struct Collection<'a, T> {
    name: &'static str,
    items: Vec<T>,
    origins: Vec<Origin<'a>>,
    /// Where each key stands in `items`, and which file (by number) put it there.
    position: HashMap<String, (usize, usize)>,
}

impl<'a, T> Collection<'a, T> {
    fn new(name: &'static str) -> Self {
        Self { name, items: Vec::new(), origins: Vec::new(), position: HashMap::new() }
    }

    fn add_file(
        &mut self,
        (file_number, file): (usize, &'a str),
        positions: &super::Positions,
        records: Vec<T>,
        key: impl Fn(&T) -> String,
        problems: &mut Vec<Problem>,
    ) {
        let places = positions.get(self.name);
        self.items.reserve(records.len());
        for (parsed, record) in records.into_iter().enumerate() {
            let index = places.and_then(|p| p.get(parsed)).copied().unwrap_or(parsed);
            let origin = Origin { file, collection: self.name, index: Some(index) };
            match self.position.entry(key(&record)) {
                Entry::Occupied(entry) if entry.get().1 == file_number => problems.push(Problem {
                    file: file.into(),
                    location: origin.path(),
                    message: format!("duplicate id '{}': another record in this file already has it", entry.key()),
                }),
                Entry::Occupied(mut entry) => {
                    let at = entry.get().0;
                    entry.insert((at, file_number));
                    self.items[at] = record;
                    self.origins[at] = origin;
                }
                Entry::Vacant(entry) => {
                    entry.insert((self.items.len(), file_number));
                    self.items.push(record);
                    self.origins.push(origin);
                }
            }
        }
    }

    /// Records with the place each came from.
    fn iter(&self) -> impl Iterator<Item = (&T, &Origin<'a>)> {
        self.items.iter().zip(&self.origins)
    }
}

/// Collects problems against a record's origin.
struct Checker<'p> {
    problems: &'p mut Vec<Problem>,
}

impl Checker<'_> {
    fn report(&mut self, origin: &Origin<'_>, field: &str, message: impl Into<String>) {
        let path = origin.path();
        let location = if field.is_empty() { path } else { format!("{path}.{field}") };
        self.problems.push(Problem { file: origin.file.into(), location, message: message.into() });
    }
}

/// `unparsed_actors` are ids of actors that failed to parse: already reported, so references to
/// them are not reported again as dangling.
pub(super) fn merge_and_check<'a>(
    files: Vec<FileRecords<'a>>,
    unparsed_actors: &[String],
    problems: &mut Vec<Problem>,
) -> DatasetFile {
    let mut info = None;
    let mut info_origin = None;
    let mut sources = Collection::new("sources");
    let mut actors = Collection::new("actors");
    let mut relationships = Collection::new("relationships");
    let mut events = Collection::new("events");
    let mut figures = Collection::new("figures");
    for (number, FileRecords { name, file, positions }) in files.into_iter().enumerate() {
        let positions = &positions;
        let at = (number, name);
        if file.dataset.is_some() {
            info = file.dataset;
            info_origin = Some(Origin { file: name, collection: "dataset", index: None });
        }
        sources.add_file(at, positions, file.sources, |s: &Source| s.id.to_string(), problems);
        actors.add_file(at, positions, file.actors, |a: &Actor| a.id.to_string(), problems);
        relationships.add_file(
            at,
            positions,
            file.relationships,
            |r: &Relationship| {
                let (a, b) = r.key();
                format!("{a} and {b}")
            },
            problems,
        );
        events.add_file(at, positions, file.events, |e: &Event| e.id.to_string(), problems);
        figures.add_file(at, positions, file.figures, |f: &Figure| f.id.to_string(), problems);
    }

    let mut check = Checker { problems };
    let actor_ids: HashSet<&str> =
        actors.items.iter().map(|a| a.id.as_str()).chain(unparsed_actors.iter().map(String::as_str)).collect();
    let sections: HashMap<&str, HashSet<&str>> =
        sources.items.iter().map(|s| (s.id.as_str(), s.sections.iter().map(|x| x.id.as_str()).collect())).collect();

    if let (Some(info), Some(origin)) = (&info, &info_origin)
        && !actor_ids.contains(info.subject.as_str())
    {
        check.report(origin, "subject", format!("'{}' is not the id of any actor", info.subject));
    }
    for (source, origin) in sources.iter() {
        let mut seen = HashSet::new();
        for (i, section) in source.sections.iter().enumerate() {
            if !seen.insert(section.id.as_str()) {
                check.report(origin, &format!("sections[{i}].id"), format!("duplicate section id '{}'", section.id));
            }
        }
    }

    let resolve = |check: &mut Checker, origin: &Origin, field: &str, id: &Slug| {
        if !actor_ids.contains(id.as_str()) {
            check.report(origin, field, format!("'{id}' is not the id of any actor"));
        }
    };
    let cite = |check: &mut Checker, origin: &Origin, citations: &[Citation]| {
        if citations.is_empty() {
            check.report(origin, "sources", "every record must cite at least one source section");
        }
        for (i, c) in citations.iter().enumerate() {
            match sections.get(c.source.as_str()) {
                None => check.report(
                    origin,
                    &format!("sources[{i}].source"),
                    format!("'{}' is not the id of any source", c.source),
                ),
                Some(known) if !known.contains(c.section.as_str()) => check.report(
                    origin,
                    &format!("sources[{i}].section"),
                    format!("source '{}' has no section '{}'", c.source, c.section),
                ),
                Some(_) => {}
            }
        }
    };

    for (actor, origin) in actors.iter() {
        check_actor(&mut check, origin, actor);
        cite(&mut check, origin, &actor.sources);
        for (i, member) in actor.members.iter().enumerate() {
            resolve(&mut check, origin, &format!("members[{i}].actor"), &member.actor);
        }
        for (i, role) in actor.roles.iter().enumerate() {
            if let Some(of) = &role.of {
                resolve(&mut check, origin, &format!("roles[{i}].of"), of);
            }
            if let (Some(from), Some(to)) = (role.from, role.to)
                && to.latest() < from.earliest()
            {
                check.report(origin, &format!("roles[{i}].to"), format!("{to} is before the role's start {from}"));
            }
        }
        if let Some(base) = &actor.based_in {
            resolve(&mut check, origin, "based_in", base);
        }
    }
    for (rel, origin) in relationships.iter() {
        cite(&mut check, origin, &rel.sources);
        for (i, id) in rel.between.iter().enumerate() {
            resolve(&mut check, origin, &format!("between[{i}]"), id);
        }
        if rel.between[0] == rel.between[1] {
            check.report(origin, "between", "a relationship needs two different actors");
        }
        for (i, period) in rel.periods.iter().enumerate() {
            if let Some(to) = period.to
                && to.latest() < period.from.earliest()
            {
                check.report(
                    origin,
                    &format!("periods[{i}].to"),
                    format!("{to} is before the period's start {}", period.from),
                );
            }
        }
    }
    for (event, origin) in events.iter() {
        cite(&mut check, origin, &event.sources);
        if event.actors.is_empty() {
            check.report(origin, "actors", "an event needs at least one actor");
        }
        for (i, id) in event.actors.iter().enumerate() {
            resolve(&mut check, origin, &format!("actors[{i}]"), id);
        }
        if let Some(end) = event.end
            && end.latest() < event.date.earliest()
        {
            check.report(origin, "end", format!("{end} is before the event's date {}", event.date));
        }
        let length = event.title.chars().count();
        if length > Event::MAX_TITLE_CHARS {
            check.report(
                origin,
                "title",
                format!("{length} characters; a title has at most {}", Event::MAX_TITLE_CHARS),
            );
        }
        if event.title.trim().is_empty() {
            check.report(origin, "title", "a title cannot be empty");
        }
    }
    for (figure, origin) in figures.iter() {
        cite(&mut check, origin, &figure.sources);
        for (field, id) in [("from", &figure.from), ("to", &figure.to)] {
            if let Some(id) = id {
                resolve(&mut check, origin, field, id);
            }
        }
        if let Some(Period::Span { from, to }) = figure.period
            && to.latest() < from.earliest()
        {
            check.report(origin, "period.to", format!("{to} is before the period's start {from}"));
        }
        if figure.unit.trim().is_empty() {
            check.report(origin, "unit", "a unit cannot be empty");
        }
    }

    DatasetFile {
        dataset: info,
        sources: sources.items,
        actors: actors.items,
        relationships: relationships.items,
        events: events.items,
        figures: figures.items,
    }
}

/// The fields that belong to one kind of actor, required where the format requires them.
fn check_actor(check: &mut Checker, origin: &Origin, actor: &Actor) {
    if actor.name.trim().is_empty() {
        check.report(origin, "name", "a name cannot be empty");
    }
    let present = [
        ("iso3", actor.iso3.is_some(), ActorKind::Country),
        ("region", actor.region.is_some(), ActorKind::Country),
        ("full_name", actor.full_name.is_some(), ActorKind::Bloc),
        ("founded", actor.founded.is_some(), ActorKind::Bloc),
        ("members", !actor.members.is_empty(), ActorKind::Bloc),
        ("members_note", actor.members_note.is_some(), ActorKind::Bloc),
        ("roles", !actor.roles.is_empty(), ActorKind::Person),
        ("category", actor.category.is_some(), ActorKind::Organisation),
        ("based_in", actor.based_in.is_some(), ActorKind::Organisation),
        ("sector", actor.sector.is_some(), ActorKind::Organisation),
    ];
    for (field, is_present, owner) in present {
        if is_present && actor.kind != owner {
            check.report(origin, field, format!("only a {owner} has {field}; this actor is a {}", actor.kind));
        }
    }
    let required: &[(&str, bool)] = match actor.kind {
        ActorKind::Country => &[("iso3", actor.iso3.is_some()), ("region", actor.region.is_some())],
        ActorKind::Bloc => &[("full_name", actor.full_name.is_some())],
        ActorKind::Organisation => &[("category", actor.category.is_some())],
        ActorKind::Person => &[],
    };
    for (field, is_present) in required {
        if !is_present {
            check.report(origin, field, format!("a {} needs {field}", actor.kind));
        }
    }
    if let Some(code) = &actor.iso3
        && !(code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()))
    {
        check.report(
            origin,
            "iso3",
            format!("'{}' is not an ISO 3166-1 alpha-3 code (three capital letters)", crate::model::shorten(code)),
        );
    }
}
