//! Merging files in order and the checks that span records: unique ids, references that
//! resolve, kind-specific fields, date order, citations.

use std::collections::HashSet;
use std::collections::hash_map::Entry;
use std::ops::ControlFlow;

use rustc_hash::{FxBuildHasher, FxHashMap, FxHashSet};

use crate::error::{Problem, Problems};
use crate::model::{
    Actor, ActorKind, Citation, DatasetFile, Date, Event, Figure, Period, Relationship, Slug, Source, TonePeriod,
};

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

/// One collection being merged. Records of every file are kept in file order, each with its
/// (file number, index in file); `dedup` then applies the replacement rule in one pass.
struct Collection<T> {
    name: &'static str,
    items: Vec<T>,
    origins: Vec<(usize, usize)>,
}

impl<T> Collection<T> {
    fn new(name: &'static str) -> Self {
        Self { name, items: Vec::new(), origins: Vec::new() }
    }

    fn add_file(&mut self, file_number: usize, positions: &super::Positions, records: Vec<T>) {
        let places = positions.get(self.name);
        self.origins.extend(
            (0..records.len())
                .map(|parsed| (file_number, places.and_then(|p| p.get(parsed)).copied().unwrap_or(parsed))),
        );
        if self.items.is_empty() {
            self.items = records; // the usual case, one file: no copy
        } else {
            self.items.extend(records);
        }
    }

    /// A record whose key an earlier file already used replaces that record; the same key twice
    /// in one file is a problem, and the second record is dropped.
    fn dedup(&mut self, files: &[&str], key: impl for<'x> Fn(&'x T) -> (&'x str, &'x str), problems: &mut Problems) {
        let mut keep = vec![true; self.items.len()];
        let mut seen: FxHashMap<(&str, &str), usize> =
            FxHashMap::with_capacity_and_hasher(self.items.len(), FxBuildHasher);
        for (i, item) in self.items.iter().enumerate() {
            match seen.entry(key(item)) {
                Entry::Occupied(mut entry) => {
                    let earlier = *entry.get();
                    if self.origins[earlier].0 == self.origins[i].0 {
                        keep[i] = false;
                        let (file, index) = self.origins[i];
                        let (a, b) = *entry.key();
                        let what = if b.is_empty() { format!("id '{a}'") } else { format!("pair '{a}' and '{b}'") };
                        problems.push(Problem {
                            file: files[file].into(),
                            location: format!("{}[{index}]", self.name),
                            message: format!("duplicate {what}: another record in this file already has it"),
                        });
                    } else {
                        keep[earlier] = false;
                        entry.insert(i);
                    }
                }
                Entry::Vacant(entry) => {
                    entry.insert(i);
                }
            }
        }
        drop(seen);
        if keep.iter().all(|k| *k) {
            return;
        }
        let mut flags = keep.iter();
        self.items.retain(|_| *flags.next().unwrap_or(&true));
        let mut flags = keep.iter();
        self.origins.retain(|_| *flags.next().unwrap_or(&true));
    }

    /// Records with the place each came from.
    fn iter<'s>(&'s self, files: &'s [&'s str]) -> impl Iterator<Item = (&'s T, Origin<'s>)> {
        self.items.iter().zip(&self.origins).map(move |(item, &(file, index))| {
            (item, Origin { file: files[file], collection: self.name, index: Some(index) })
        })
    }
}

/// Collects problems against a record's origin.
struct Checker<'p> {
    problems: &'p mut Problems,
}

impl Checker<'_> {
    fn report(&mut self, origin: &Origin<'_>, field: &str, message: impl Into<String>) {
        let path = origin.path();
        let location = if field.is_empty() { path } else { format!("{path}.{field}") };
        self.problems.push(Problem { file: origin.file.into(), location, message: message.into() });
    }

    /// Text that names or titles something must have more than white space.
    fn text(&mut self, origin: &Origin<'_>, field: &dyn Fn() -> String, value: &str, what: &str) {
        if value.trim().is_empty() {
            self.report(origin, &field(), format!("{what} cannot be empty"));
        }
    }

    /// Each id at most once in a list: a second mention is reported where it stands, with
    /// where the first one is.
    fn unique<T>(&mut self, origin: &Origin<'_>, list: &str, items: &[T], key: impl Fn(&T) -> &Slug, what: &str) {
        // Lists are short (an event's actors, a bloc's members): scan them, with no allocation
        // per record; a long one gets a map, so a hostile list of a million stays linear.
        let mut seen: FxHashMap<&str, usize> = FxHashMap::default();
        for (i, item) in items.iter().enumerate() {
            let id = key(item);
            let first = if i < 16 {
                items[..i].iter().position(|earlier| key(earlier) == id)
            } else {
                if seen.is_empty() {
                    for (at, earlier) in items[..i].iter().enumerate().rev() {
                        seen.insert(key(earlier).as_str(), at);
                    }
                }
                match seen.entry(id.as_str()) {
                    Entry::Occupied(entry) => Some(*entry.get()),
                    Entry::Vacant(entry) => {
                        entry.insert(i);
                        None
                    }
                }
            };
            if let Some(first) = first {
                let field = if list == "members" { format!("{list}[{i}].actor") } else { format!("{list}[{i}]") };
                self.report(origin, &field, format!("{what} '{id}' appears twice; it is already {list}[{first}]"));
            }
        }
    }

    /// A span must not end before it starts: `field` names the end, `start` what it is held to.
    fn span(&mut self, origin: &Origin<'_>, field: &dyn Fn() -> String, from: Date, to: Option<Date>, start: &str) {
        if let Some(to) = to
            && to.latest() < from.earliest()
        {
            self.report(origin, &field(), format!("{to} is before the {start} {from}"));
        }
    }
}

/// Every file's records, merged by the replacement rule, each with where it came from.
struct Merged<'a> {
    names: Vec<&'a str>,
    info: Option<crate::model::DatasetInfo>,
    info_origin: Option<Origin<'a>>,
    sources: Collection<Source>,
    actors: Collection<Actor>,
    relationships: Collection<Relationship>,
    events: Collection<Event>,
    figures: Collection<Figure>,
}

/// Merge the files in order, then check what spans records. `unparsed_actors` are ids of actors
/// that failed to parse: already reported, so references to them are not reported again as
/// dangling.
pub(super) fn merge_and_check(
    files: Vec<FileRecords<'_>>,
    unparsed_actors: &[String],
    problems: &mut Problems,
) -> DatasetFile {
    let merged = merge(files, problems);
    check(&merged, unparsed_actors, problems);
    check_event_order(&merged, problems);
    let Merged { info, sources, actors, relationships, events, figures, .. } = merged;
    DatasetFile {
        dataset: info,
        sources: sources.items,
        actors: actors.items,
        relationships: relationships.items,
        events: events.items,
        figures: figures.items,
    }
}

fn merge<'a>(files: Vec<FileRecords<'a>>, problems: &mut Problems) -> Merged<'a> {
    let mut info = None;
    let mut info_origin = None;
    let mut sources = Collection::new("sources");
    let mut actors = Collection::new("actors");
    let mut relationships = Collection::new("relationships");
    let mut events = Collection::new("events");
    let mut figures = Collection::new("figures");
    let names: Vec<&str> = files.iter().map(|f| f.name).collect();
    for (number, FileRecords { name, file, positions }) in files.into_iter().enumerate() {
        if file.dataset.is_some() {
            info = file.dataset;
            info_origin = Some(Origin { file: name, collection: "dataset", index: None });
        }
        sources.add_file(number, &positions, file.sources);
        actors.add_file(number, &positions, file.actors);
        relationships.add_file(number, &positions, file.relationships);
        events.add_file(number, &positions, file.events);
        figures.add_file(number, &positions, file.figures);
    }
    sources.dedup(&names, |s: &Source| (s.id.as_str(), ""), problems);
    actors.dedup(&names, |a: &Actor| (a.id.as_str(), ""), problems);
    relationships.dedup(&names, Relationship::key_str, problems);
    events.dedup(&names, |e: &Event| (e.id.as_str(), ""), problems);
    figures.dedup(&names, |f: &Figure| (f.id.as_str(), ""), problems);
    Merged { names, info, info_origin, sources, actors, relationships, events, figures }
}

/// References, citations, kind-specific fields and spans, over the merged records.
#[allow(clippy::too_many_lines)] // one list of rules, read top to bottom
fn check(merged: &Merged<'_>, unparsed_actors: &[String], problems: &mut Problems) {
    let Merged { names, info, info_origin, sources, actors, relationships, events, figures } = merged;
    let mut check = Checker { problems };
    let mut actor_ids: FxHashSet<&str> = FxHashSet::with_capacity_and_hasher(actors.items.len(), FxBuildHasher);
    actor_ids.extend(actors.items.iter().map(|a| a.id.as_str()).chain(unparsed_actors.iter().map(String::as_str)));
    // Every (source, section) pair a citation may name.
    let sections: FxHashSet<(&str, &str)> =
        sources.items.iter().flat_map(|s| s.sections.iter().map(|x| (s.id.as_str(), x.id.as_str()))).collect();
    let sources_known: FxHashSet<&str> = sources.items.iter().map(|s| s.id.as_str()).collect();
    let event_ids: FxHashSet<&str> = events.items.iter().map(|e| e.id.as_str()).collect();

    if let (Some(info), Some(origin)) = (&info, &info_origin) {
        if !actor_ids.contains(info.subject.as_str()) {
            check.report(origin, "subject", format!("'{}' is not the id of any actor", info.subject));
        }
        check.text(origin, &|| "title".into(), &info.title, "a title");
    }
    for (source, origin) in sources.iter(names) {
        let origin = &origin;
        check.text(origin, &|| "title".into(), &source.title, "a title");
        let mut seen = HashSet::new();
        for (i, section) in source.sections.iter().enumerate() {
            check.text(origin, &|| format!("sections[{i}].title"), &section.title, "a title");
            if !seen.insert(section.id.as_str()) {
                check.report(origin, &format!("sections[{i}].id"), format!("duplicate section id '{}'", section.id));
            }
        }
    }

    // The field path is only written out when the reference does not resolve.
    let resolve = |check: &mut Checker, origin: &Origin, field: &dyn Fn() -> String, id: &Slug| {
        if !actor_ids.contains(id.as_str()) {
            check.report(origin, &field(), format!("'{id}' is not the id of any actor"));
        }
    };
    let cite = |check: &mut Checker, origin: &Origin, citations: &[Citation]| {
        if citations.is_empty() {
            check.report(origin, "sources", "every record must cite at least one source section");
        }
        for (i, c) in citations.iter().enumerate() {
            if sections.contains(&(c.source.as_str(), c.section.as_str())) {
                continue;
            }
            if sources_known.contains(c.source.as_str()) {
                check.report(
                    origin,
                    &format!("sources[{i}].section"),
                    format!("source '{}' has no section '{}'", c.source, c.section),
                );
            } else {
                check.report(
                    origin,
                    &format!("sources[{i}].source"),
                    format!("'{}' is not the id of any source", c.source),
                );
            }
        }
    };

    for (actor, origin) in actors.iter(names) {
        let origin = &origin;
        check_actor(&mut check, origin, actor);
        cite(&mut check, origin, &actor.sources);
        for (i, member) in actor.members.iter().enumerate() {
            resolve(&mut check, origin, &|| format!("members[{i}].actor"), &member.actor);
            if member.actor == actor.id {
                check.report(origin, &format!("members[{i}].actor"), "a bloc cannot be its own member");
            }
        }
        check.unique(origin, "members", &actor.members, |m| &m.actor, "member");
        for (i, role) in actor.roles.iter().enumerate() {
            check.text(origin, &|| format!("roles[{i}].title"), &role.title, "a title");
            if let Some(of) = &role.of {
                resolve(&mut check, origin, &|| format!("roles[{i}].of"), of);
            }
            if let Some(from) = role.from {
                check.span(origin, &|| format!("roles[{i}].to"), from, role.to, "role's start");
            }
            for (field, id) in [("from_event", &role.from_event), ("to_event", &role.to_event)] {
                if let Some(id) = id
                    && !event_ids.contains(id.as_str())
                {
                    check.report(origin, &format!("roles[{i}].{field}"), format!("'{id}' is not the id of any event"));
                }
            }
            if role.from.is_some() && role.from_event.is_some() {
                check.report(origin, &format!("roles[{i}].from_event"), "a role has one start: `from` or `from_event`");
            }
            if role.to.is_some() && role.to_event.is_some() {
                check.report(origin, &format!("roles[{i}].to_event"), "a role has one end: `to` or `to_event`");
            }
            if role.at.is_some() && (role.has_start() || role.has_end()) {
                check.report(
                    origin,
                    &format!("roles[{i}].at"),
                    "`at` places a role with no recorded start or end; this one has one",
                );
            }
        }
        if let Some(base) = &actor.based_in {
            resolve(&mut check, origin, &|| "based_in".into(), base);
            if *base == actor.id {
                check.report(origin, "based_in", "an organisation cannot be based in itself");
            }
        }
    }
    membership_cycles(&mut check, actors, names);
    for (rel, origin) in relationships.iter(names) {
        let origin = &origin;
        cite(&mut check, origin, &rel.sources);
        for (i, id) in rel.between.iter().enumerate() {
            resolve(&mut check, origin, &|| format!("between[{i}]"), id);
        }
        if rel.between[0] == rel.between[1] {
            check.report(origin, "between", "a relationship needs two different actors");
        }
        check.text(origin, &|| "status".into(), &rel.status, "a status");
        for (i, period) in rel.periods.iter().enumerate() {
            check.text(origin, &|| format!("periods[{i}].label"), &period.label, "a label");
            check.span(origin, &|| format!("periods[{i}].to"), period.from, period.to, "period's start");
        }
        period_overlaps(&mut check, origin, &rel.periods);
    }
    for (event, origin) in events.iter(names) {
        let origin = &origin;
        cite(&mut check, origin, &event.sources);
        if event.actors.is_empty() {
            check.report(origin, "actors", "an event needs at least one actor");
        }
        for (i, id) in event.actors.iter().enumerate() {
            resolve(&mut check, origin, &|| format!("actors[{i}]"), id);
        }
        check.unique(origin, "actors", &event.actors, |a| a, "actor");
        check.span(origin, &|| "end".into(), event.date, event.end, "event's date");
        let length = event.title.chars().count();
        if length > Event::MAX_TITLE_CHARS {
            check.report(
                origin,
                "title",
                format!("{length} characters; a title has at most {}", Event::MAX_TITLE_CHARS),
            );
        }
        check.text(origin, &|| "title".into(), &event.title, "a title");
    }
    for (figure, origin) in figures.iter(names) {
        let origin = &origin;
        cite(&mut check, origin, &figure.sources);
        for (field, id) in [("from", &figure.from), ("to", &figure.to)] {
            if let Some(id) = id {
                resolve(&mut check, origin, &|| field.into(), id);
            }
        }
        if let Some(Period::Span { from, to }) = figure.period {
            check.span(origin, &|| "period.to".into(), from, Some(to), "period's start");
        }
        check.text(origin, &|| "unit".into(), &figure.unit, "a unit");
        check.text(origin, &|| "label".into(), &figure.label, "a label");
    }
}

/// Two tone periods of one relationship may not both be in force: a period that begins before
/// another's `to` (certainly, at the precision both give), or at the same date as another, is
/// reported at the later one's `from`. A period ending in the year the next begins is a handover,
/// not an overlap. Sorted once, then one pass keeping the latest-ending period so far.
fn period_overlaps(check: &mut Checker, origin: &Origin<'_>, periods: &[TonePeriod]) {
    let mut order: Vec<usize> = (0..periods.len()).collect();
    order.sort_by_key(|&i| (periods[i].from, i));
    let mut longest: Option<usize> = None; // the earlier period whose `to` reaches furthest
    let mut previous: Option<usize> = None;
    for &i in &order {
        let period = &periods[i];
        let clash = longest
            .filter(|&l| periods[l].to.is_some_and(|to| period.from.latest() < to.earliest()))
            .or_else(|| previous.filter(|&p| periods[p].from == period.from));
        if let Some(other) = clash {
            let earlier = &periods[other];
            let to = earlier.to.map_or(String::new(), |to| to.to_string());
            check.report(
                origin,
                &format!("periods[{i}].from"),
                format!(
                    "{} overlaps periods[{other}] ({}–{to}); two tone periods cannot both be in force: \
                     end the earlier one sooner or leave out its `to`",
                    period.from, earlier.from
                ),
            );
        }
        if let Some(to) = period.to
            && longest.and_then(|l| periods[l].to).is_none_or(|best| to > best)
        {
            longest = Some(i);
        }
        previous = Some(i);
    }
}

/// The fields that belong to one kind of actor, required where the format requires them.
fn check_actor(check: &mut Checker, origin: &Origin, actor: &Actor) {
    check.text(origin, &|| "name".into(), &actor.name, "a name");
    for (i, alias) in actor.aliases.iter().enumerate() {
        check.text(origin, &|| format!("aliases[{i}]"), alias, "an alias");
    }
    for (field, value) in [("region", &actor.region), ("full_name", &actor.full_name), ("category", &actor.category)] {
        if let Some(value) = value {
            check.text(origin, &|| field.into(), value, &format!("a {}", field.replace('_', " ")));
        }
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

/// The order and span fields of events (`after`, `span`): every `after` id names another event,
/// the `after` relations have no cycle, an event is not dated wholly before one it follows, and
/// `span` is given only with an `end`.
fn check_event_order(merged: &Merged<'_>, problems: &mut Problems) {
    let mut check = Checker { problems };
    let events = &merged.events;
    let index: FxHashMap<&str, usize> = events.items.iter().enumerate().map(|(i, e)| (e.id.as_str(), i)).collect();
    let mut edges: Vec<Vec<usize>> = vec![Vec::new(); events.items.len()];
    for (number, (event, origin)) in events.iter(&merged.names).enumerate() {
        if event.span.is_some() && event.end.is_none() {
            check.report(&origin, "span", "a span kind needs an `end`: give the span's last date or leave `span` out");
        }
        for (i, before) in event.after.iter().enumerate() {
            let field = || format!("after[{i}]");
            match index.get(before.as_str()) {
                None => check.report(&origin, &field(), format!("'{before}' is not the id of any event")),
                Some(&b) if b == number => check.report(&origin, &field(), "an event cannot follow itself"),
                Some(&b) => {
                    let earlier = &events.items[b];
                    if event.last().latest() < earlier.date.earliest() {
                        check.report(
                            &origin,
                            &field(),
                            format!(
                                "the event is dated {}, wholly before '{before}' ({}), which it is said to follow",
                                event.last(),
                                earlier.date
                            ),
                        );
                    }
                    edges[number].push(b);
                }
            }
        }
    }
    if let Some(cycle) = find_cycle(&edges) {
        let ids: Vec<&str> = cycle.iter().map(|&i| events.items[i].id.as_str()).collect();
        let first = cycle[0];
        let (file, position) = events.origins[first];
        let origin = Origin { file: merged.names[file], collection: events.name, index: Some(position) };
        check.report(
            &origin,
            "after",
            format!("the `after` relations form a cycle: {} follows {}", ids.join(" follows "), ids[0]),
        );
    }
}

/// One cycle in a graph given as lists of successors, as the nodes in order, if there is any.
fn find_cycle(edges: &[Vec<usize>]) -> Option<Vec<usize>> {
    let mut found = None;
    each_cycle(edges, |circle, _| {
        found = Some(circle.to_vec());
        ControlFlow::Break(())
    });
    found
}

/// Depth-first over a graph given as lists of successors, calling `found(circle, edge)` for each
/// edge that closes a circle: `circle` is its nodes in order, ending with the node whose `edge`-th
/// successor is the first. Nodes are started in index order, so reports come out in a stable
/// order. An explicit stack, so a chain of a hundred thousand nodes cannot overflow the stack.
fn each_cycle(edges: &[Vec<usize>], mut found: impl FnMut(&[usize], usize) -> ControlFlow<()>) {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    let mut mark = vec![Mark::New; edges.len()];
    let mut path: Vec<usize> = Vec::new();
    let mut next: Vec<usize> = Vec::new(); // for each node on the path, the next edge to try
    for start in 0..edges.len() {
        if mark[start] != Mark::New {
            continue;
        }
        mark[start] = Mark::Open;
        path.push(start);
        next.push(0);
        while let (Some(&node), Some(edge)) = (path.last(), next.last_mut()) {
            let Some(&to) = edges[node].get(*edge) else {
                mark[node] = Mark::Done;
                path.pop();
                next.pop();
                continue;
            };
            let closing = *edge;
            *edge += 1;
            match mark[to] {
                Mark::New => {
                    mark[to] = Mark::Open;
                    path.push(to);
                    next.push(0);
                }
                Mark::Open => {
                    let at = path.iter().position(|&n| n == to).unwrap_or(0);
                    if found(&path[at..], closing).is_break() {
                        return;
                    }
                }
                Mark::Done => {}
            }
        }
    }
}

/// Things worth a warning but not a rejection: a relationship whose overall `tone` differs from
/// that of its period in force at the dataset's `as_of` (the latest; without an `as_of`, the
/// latest still open), so that `show` and `show --as-of` that year would disagree; or that has
/// periods but none in force at the `as_of` (so its overall tone has nothing behind it; a period
/// the source calls ongoing can be given with `start_unknown`). Each is one line naming the pair.
pub(super) fn tone_warnings(file: &DatasetFile) -> Vec<String> {
    let as_of = file.dataset.as_ref().map(|d| d.as_of.year());
    file.relationships
        .iter()
        .filter_map(|rel| {
            let pair = format!("relationships {}--{}", rel.between[0], rel.between[1]);
            if let Some(year) = as_of
                && !rel.periods.is_empty()
                && rel.period_in(year).is_none()
            {
                return Some(format!(
                    "{pair}: tone {} has no period in force in {year}, the dataset's as_of; add a period in \
                     force then (with `start_unknown` where the source gives no start)",
                    rel.tone.value()
                ));
            }
            // A period closed in the `as_of` year is still in force then.
            let latest = match as_of {
                Some(year) => rel.period_in(year)?,
                None => rel.open_latest_period()?,
            };
            (latest.tone != rel.tone).then(|| {
                format!(
                    "{pair}: tone {} differs from {} of its latest period (from {}); \
                     use the period's tone or add the period the tone comes from",
                    rel.tone.value(),
                    latest.tone.value(),
                    latest.from
                )
            })
        })
        .collect()
}

/// Bloc membership must not run in a circle (A in B in A): `members` would never end. A bloc
/// listing itself is reported where it stands (with the member list); each longer circle is
/// reported once, at the membership that closes it.
fn membership_cycles(check: &mut Checker, actors: &Collection<Actor>, names: &[&str]) {
    let index: FxHashMap<&str, usize> = actors
        .items
        .iter()
        .enumerate()
        .filter(|(_, a)| !a.members.is_empty())
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    if index.is_empty() {
        return;
    }
    // For each bloc, the blocs among its members and where each stands in `members`.
    let mut edges: Vec<Vec<usize>> = vec![Vec::new(); actors.items.len()];
    let mut places: Vec<Vec<usize>> = vec![Vec::new(); actors.items.len()];
    for &bloc in index.values() {
        for (at, member) in actors.items[bloc].members.iter().enumerate() {
            if let Some(&inner) = index.get(member.actor.as_str())
                && inner != bloc
            {
                edges[bloc].push(inner);
                places[bloc].push(at);
            }
        }
    }
    let origins: Vec<_> = actors.iter(names).map(|(_, origin)| origin).collect();
    each_cycle(&edges, |circle, edge| {
        let ids = |nodes: &[usize]| nodes.iter().map(|&b| actors.items[b].id.as_str()).collect::<Vec<_>>();
        // A long circle is cut in the middle, to keep the message to one line.
        let shown = if circle.len() <= 8 {
            ids(circle)
        } else {
            [ids(&circle[..4]), vec!["…"], ids(&circle[circle.len() - 3..])].concat()
        };
        let bloc = circle[circle.len() - 1];
        let at = places[bloc][edge];
        check.report(
            &origins[bloc],
            &format!("members[{at}].actor"),
            format!(
                "bloc membership runs in a circle of {}: {} → {}",
                crate::error::plural(circle.len(), "bloc"),
                shown.join(" → "),
                actors.items[circle[0]].id
            ),
        );
        ControlFlow::Continue(())
    });
}

#[cfg(test)]
mod tests {
    use super::find_cycle;

    #[test]
    fn finds_a_cycle_and_only_a_cycle() {
        assert_eq!(find_cycle(&[vec![1], vec![2], vec![]]), None);
        assert_eq!(find_cycle(&[vec![1], vec![2], vec![0]]), Some(vec![0, 1, 2]));
        assert_eq!(find_cycle(&[vec![], vec![1]]), Some(vec![1]));
        assert_eq!(find_cycle(&[vec![1, 2], vec![2], vec![]]), None);
    }
}
