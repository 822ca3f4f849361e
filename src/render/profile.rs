//! A profile (`show`) as a terminal page, plain lines, or one JSON object.

use serde::Serialize;
use serde_json::{Value, json};

use super::records::{self, record_json};
use super::{Block, Cell, Document, Listing, event_date_as_of, mark_record, tone_strip, tone_text};
use crate::model::{Actor, ActorKind, Dataset, Date, Membership, Relationship, Role, Slug, TonePeriod};
use crate::query::{Profile, RoleStanding, Selected, Standing, tone_at, written_later};

/// A role's end date as shown as of a year: not told when it lies after that year.
fn role_end(role: &Role, as_of: Option<u16>) -> Option<Date> {
    role.to.filter(|to| as_of.is_none_or(|year| to.year() <= year))
}

/// The date a role is placed at, as shown as of a year: not told when it lies after that year.
fn role_at(role: &Role, as_of: Option<u16>) -> Option<Date> {
    role.at.filter(|at| as_of.is_none_or(|year| at.year() <= year))
}

/// A role as JSON, without an end after the year asked about, with its `standing` as of it.
fn role_json(role: &Role, standing: RoleStanding, as_of: Option<u16>) -> Value {
    let mut value = record_json(role, None);
    if let Value::Object(map) = &mut value {
        if role.to.is_some() && role_end(role, as_of).is_none() {
            map.remove("to");
        }
        if role.at.is_some() && role_at(role, as_of).is_none() {
            map.remove("at");
        }
        map.insert("standing".into(), json!(standing.text()));
    }
    value
}

/// An event that bounds a role, as shown as of a year: its title and its date (without an end
/// after the year); None when it lies wholly after the year.
fn bound_event(data: &Dataset, id: Option<&Slug>, as_of: Option<u16>) -> Option<String> {
    let event = data.event(id?.as_str())?;
    as_of
        .is_none_or(|year| event.date.year() <= year)
        .then(|| format!("“{}”, {}", event.title, event_date_as_of(event, as_of)))
}

/// "from 2006", or the event it began with as it stands.
fn from_text(start: &str) -> String {
    if start.starts_with("began") { start.to_owned() } else { format!("from {start}") }
}

/// "until 2006", or the event it ended with as it stands.
fn until_text(end: &str) -> String {
    if end.starts_with("ended") { end.to_owned() } else { format!("until {end}") }
}

/// "President of Chile (from 2006, until …)", with a note on how it stands when not certainly
/// held in the year asked about.
fn role_text(data: &Dataset, role: &Role, standing: RoleStanding, as_of: Option<u16>) -> String {
    let mut text = role.title.clone();
    if let Some(of) = &role.of {
        text = format!("{text} of {}", data.name_of(of.as_str()));
    }
    text.push_str(&role_dates(data, role, standing, as_of));
    text
}

/// What follows a role's title and office: " (from 2006, until …)" and, when it is not certainly
/// held in the year asked about, how it stands. Shared by `show` and the browser.
pub fn role_dates(data: &Dataset, role: &Role, standing: RoleStanding, as_of: Option<u16>) -> String {
    let mut text = String::new();
    let start = role
        .from
        .map(|d| d.to_string())
        .or_else(|| bound_event(data, role.from_event.as_ref(), as_of).map(|event| format!("began with {event}")));
    let end = role_end(role, as_of)
        .map(|d| d.to_string())
        .or_else(|| bound_event(data, role.to_event.as_ref(), as_of).map(|event| format!("ended with {event}")));
    let dates = match (start, end, role_at(role, as_of)) {
        (Some(from), Some(to), _) if role.from.is_some() && role.to.is_some() => format!("{from}–{to}"),
        (Some(from), Some(to), _) => format!("{}; {}", from_text(&from), until_text(&to)),
        (Some(from), None, _) => from_text(&from),
        (None, Some(to), _) => until_text(&to),
        (None, None, Some(at)) => format!("in {at}"),
        (None, None, None) => String::new(),
    };
    if !dates.is_empty() {
        text = format!(" ({dates})");
    }
    if as_of.is_some() && standing != RoleStanding::Held {
        text = format!("{text}; {}", standing.text());
    }
    text
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

/// The parts of a profile, in the order written, for `show --section NAME`.
pub const PROFILE_SECTIONS: &[&str] = &[
    "identity",
    "summary",
    "tone",
    "periods",
    "relationships",
    "roles",
    "members",
    "blocs",
    "people",
    "organisations",
    "figures",
    "events",
    "sources",
];

/// The parts of a `show --brief` card.
const BRIEF_SECTIONS: &[&str] = &["identity", "summary", "tone", "relationships", "roles", "members", "events"];

/// Rows of each list in a card unless `--limit` says otherwise.
const BRIEF_LIMIT: usize = 3;

/// Which parts of a profile to write, and at most how many rows of each list.
#[derive(Debug, Default)]
pub struct ProfileView {
    brief: bool,
    /// Names from `PROFILE_SECTIONS`; empty for every part (of the card, when brief).
    sections: Vec<&'static str>,
    limit: Option<usize>,
}

impl ProfileView {
    /// Names not in `PROFILE_SECTIONS` are ignored (clap has refused them already).
    pub fn new(brief: bool, sections: &[String], limit: Option<usize>) -> Self {
        let sections = PROFILE_SECTIONS.iter().copied().filter(|s| sections.iter().any(|n| n == s)).collect();
        Self { brief, sections, limit: limit.or(brief.then_some(BRIEF_LIMIT)) }
    }

    fn shows(&self, part: &str) -> bool {
        if self.sections.is_empty() {
            !self.brief || BRIEF_SECTIONS.contains(&part)
        } else {
            self.sections.contains(&part)
        }
    }
}

/// Keep at most `limit` rows, the first ones or (`latest`) the last ones; the number left out.
fn cap<T>(rows: &mut Vec<T>, limit: Option<usize>, latest: bool) -> usize {
    let Some(limit) = limit.filter(|&l| l < rows.len()) else { return 0 };
    let cut = rows.len() - limit;
    if latest {
        rows.drain(..cut);
    } else {
        rows.truncate(limit);
    }
    cut
}

/// How to ask for a whole list that was cut: "12 more events: relations events --actor chile".
fn more_hint(profile: &Profile, part: &str, cut: usize) -> String {
    let id = profile.actor.id.as_str();
    let as_of = profile.as_of.map_or(String::new(), |y| format!(" --as-of {y}"));
    let how = match part {
        "events" => format!("relations events --actor {id}{as_of}"),
        "figures" if profile.as_of.is_none() => format!("relations figures --actor {id}"),
        _ => format!("relations show {id} --section {part}{as_of}"),
    };
    let noun = match (cut, part) {
        (1, "people") => "person",
        (1, _) => part.trim_end_matches('s'),
        _ => part,
    };
    format!("{cut} more {noun}: {how}")
}

/// A section with at most the view's limit of rows, and a hint when some were left out.
fn capped_section(
    doc: &mut Document,
    profile: &Profile,
    view: &ProfileView,
    (key, part): (&'static str, &'static str),
    title: &str,
    mut listing: Listing,
) {
    let cut = cap(&mut listing.rows, view.limit, part == "events");
    doc.blocks.push(Block::Part(part));
    doc.section(key, title, listing);
    if cut > 0 {
        doc.blocks.push(Block::Hint(more_hint(profile, part, cut)));
    }
}

/// The profile as a document: every part, or the card (`--brief`), with only the parts asked for.
pub fn profile_document(data: &Dataset, profile: &Profile, width: u16, view: &ProfileView) -> Document {
    let mut doc = if view.brief { card(data, profile, width, view) } else { full(data, profile, width, view) };
    doc.keep_parts(|part| part == "hint" || view.shows(part));
    doc
}

fn full(data: &Dataset, profile: &Profile, width: u16, view: &ProfileView) -> Document {
    let mut doc = Document::default();
    identity(&mut doc, data, profile);
    doc.blocks.push(Block::Part("summary"));
    doc.blocks.push(Block::Text { key: "summary", text: labelled(data, profile, &profile.actor.summary) });
    if let Some(rel) = profile.with_subject {
        relationship_with_subject(&mut doc, data, profile, rel, (width, view));
    }
    other_relationships(&mut doc, data, profile, view);
    let actor = profile.actor;
    let mut roles = Listing::new(vec!["role"]);
    for (role, standing) in &profile.roles {
        roles.push(vec![role_text(data, role, *standing, profile.as_of).into()]);
    }
    capped_section(&mut doc, profile, view, ("role", "roles"), "Roles", roles);
    let members = profile.members.iter().map(|(m, member, standing)| (member.name.as_str(), actor, *m, *standing));
    let members = memberships("member", members.collect(), profile.as_of);
    capped_section(&mut doc, profile, view, ("member", "members"), "Members", members);
    // The note on vaguely named members is written as of the dataset's end.
    if let Some(note) = actor.members_note.as_ref().filter(|_| profile.as_of.is_none()) {
        doc.field("also", note.clone());
    }
    let blocs = profile.blocs.iter().map(|(bloc, m, standing)| (bloc.name.as_str(), *bloc, *m, *standing));
    let blocs = memberships("bloc", blocs.collect(), profile.as_of);
    capped_section(&mut doc, profile, view, ("bloc", "blocs"), "Blocs", blocs);
    let mut people = Listing::new(vec!["person", "name", "role"]);
    people.columns.data_only = &["name"];
    for (person, role, standing) in &profile.people {
        people.push(vec![
            Cell::from(person.id.to_string()).shown_as(person.name.clone()),
            person.name.clone().into(),
            role_text(data, role, *standing, profile.as_of).into(),
        ]);
    }
    capped_section(&mut doc, profile, view, ("person", "people"), "People", people);
    let organisations = records::actors(data, &profile.organisations).collect();
    capped_section(&mut doc, profile, view, ("organisation", "organisations"), "Organisations", organisations);
    let figures = records::figures(data, &profile.figures).collect();
    capped_section(&mut doc, profile, view, ("figure", "figures"), "Figures", figures);
    let events = records::events(data, &profile.events, profile.as_of).collect();
    capped_section(&mut doc, profile, view, ("event", "events"), "Events", events);
    doc.blocks.push(Block::Part("sources"));
    doc.blocks.push(Block::Drawing(vec![String::new()]));
    doc.field("sources", citations_text(data, profile));
    doc
}

/// The first sentence of a text (up to ". " followed by a capital), or all of it.
fn first_sentence(text: &str) -> &str {
    let bytes = text.as_bytes();
    for (i, _) in text.match_indices(". ") {
        if bytes.get(i + 2).is_some_and(u8::is_ascii_uppercase) {
            return &text[..=i];
        }
    }
    text
}

/// One screen: the title, one line of identity, one of summary, the tone with the subject and
/// its chart, then the first few relationships, roles and members and the latest events, one line each,
/// with a hint for each list that was cut and one for the whole profile.
fn card(data: &Dataset, profile: &Profile, width: u16, view: &ProfileView) -> Document {
    let actor = profile.actor;
    let mut doc = Document::default();
    doc.blocks.push(Block::Title(format!("{} ({})", actor.name, actor.kind)));
    doc.blocks.push(Block::Part("identity"));
    let mut identity = vec![actor.id.to_string(), actor.kind.to_string()];
    identity.extend(actor.aliases.first().cloned());
    identity.extend([&actor.iso3, &actor.region, &actor.category].into_iter().flatten().cloned());
    if let Some(year) = profile.as_of {
        identity.push(format!("as of {year}"));
    }
    doc.blocks.push(Block::Line { key: "actor", text: identity.join(" · ") });
    if let Some(note) = as_of_note(profile) {
        doc.field("note", note);
    }
    doc.blocks.push(Block::Part("summary"));
    doc.blocks.push(Block::Line { key: "summary", text: labelled(data, profile, first_sentence(&actor.summary)) });
    doc.blocks.push(Block::Part("tone"));
    if let Some(rel) = profile.with_subject {
        let subject = data.name_of(rel.other(actor.id.as_str()).as_str());
        doc.blocks.push(Block::Drawing(vec![String::new()]));
        let (text, tone) = match tone_at(rel, profile.as_of) {
            Some((tone, _)) => (format!("{} with {subject}", tone_text(tone)), Some(tone)),
            None => match profile.as_of {
                Some(year) => (format!("none recorded with {subject}: the source records no tone for {year}"), None),
                None => (format!("no tone recorded with {subject}"), None),
            },
        };
        doc.blocks.push(Block::Field { key: "tone", value: text, tone });
        let last_year = profile.as_of.or_else(|| data.info().map(|i| i.as_of.year())).unwrap_or(0);
        let periods: Vec<_> =
            rel.periods.iter().filter(|p| profile.as_of.is_none_or(|y| p.from.year() <= y)).cloned().collect();
        doc.blocks.push(Block::Drawing(tone_strip(&periods, last_year, width)));
    }
    doc.blocks.push(Block::Part("relationships"));
    let mut relationships = relationships_as_of(data, profile);
    relationships.keep(&["with", "between", "tone", "tone_label", "status", "in force"]);
    let title = if profile.with_subject.is_some() { "Other relationships" } else { "Relationships, closest first" };
    compact(&mut doc, profile, view, ("relationship", "relationships"), title, relationships, false);
    doc.blocks.push(Block::Part("roles"));
    let mut roles = Listing::new(vec!["role"]);
    for (role, standing) in &profile.roles {
        roles.push(vec![role_text(data, role, *standing, profile.as_of).into()]);
    }
    compact(&mut doc, profile, view, ("role", "roles"), "Roles", roles, false);
    doc.blocks.push(Block::Part("members"));
    let members = profile.members.iter().map(|(m, member, standing)| (member.name.as_str(), actor, *m, *standing));
    let members = memberships("member", members.collect(), profile.as_of);
    compact(&mut doc, profile, view, ("member", "members"), "Members", members, false);
    doc.blocks.push(Block::Part("events"));
    let mut events = Listing::new(vec!["date", "tone", "title"]);
    for selected in &profile.events {
        let event = selected.event;
        events.push(vec![
            super::marked_date(selected, profile.as_of).into(),
            Cell::toned(tone_text(event.tone), event.tone),
            event.title.clone().into(),
        ]);
    }
    compact(&mut doc, profile, view, ("event", "events"), "Latest events", events, true);
    doc.blocks.push(Block::Part("hint"));
    let as_of = profile.as_of.map_or(String::new(), |y| format!(" --as-of {y}"));
    doc.blocks.push(Block::Hint(format!("the whole profile: relations show {}{as_of}", actor.id)));
    doc
}

/// A card's list: at most the view's limit of rows (the latest first when `latest`), one line
/// each, and a hint when some were left out.
fn compact(
    doc: &mut Document,
    profile: &Profile,
    view: &ProfileView,
    (key, part): (&'static str, &'static str),
    title: &str,
    mut listing: Listing,
    latest: bool,
) {
    let cut = cap(&mut listing.rows, view.limit, latest);
    if latest {
        listing.rows.reverse();
    }
    if !listing.rows.is_empty() {
        doc.blocks.push(Block::Compact { key, title: title.to_owned(), listing });
    }
    if cut > 0 {
        doc.blocks.push(Block::Hint(more_hint(profile, part, cut)));
    }
}

/// Name, kind, aliases, the fields of its kind, the year asked about.
fn identity(doc: &mut Document, data: &Dataset, profile: &Profile) {
    let actor = profile.actor;
    doc.blocks.push(Block::Title(format!("{} ({})", actor.name, actor.kind)));
    doc.blocks.push(Block::Part("identity"));
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
    match (actor.founded, profile.not_yet_founded, profile.as_of) {
        (_, Some(_), Some(year)) => {
            doc.field("founded", format!("not yet as of {year}, per the record"));
            if let Some(note) = as_of_note(profile) {
                doc.field("note", note);
            }
        }
        (Some(founded), _, _) => doc.field("founded", founded.to_string()),
        _ => {}
    }
    if let Some(base) = &actor.based_in {
        doc.field("based in", data.name_of(base.as_str()));
    }
    if let Some(year) = profile.as_of {
        doc.field("as of", year.to_string());
        if profile.not_yet_founded.is_none()
            && let Some(note) = as_of_note(profile)
        {
            doc.field("note", note);
        }
    }
}

/// What a profile as of a year does not know: the bloc was not yet founded, or the year is
/// earlier than anything recorded about the actor. The first year on record is later than the
/// year asked about, so it is not told.
pub fn as_of_note(profile: &Profile) -> Option<String> {
    let year = profile.as_of?;
    let name = &profile.actor.name;
    if profile.not_yet_founded.is_some() {
        Some(format!("{name} had not been founded as of {year}, per the record; no members then"))
    } else if profile.before_any_record() {
        Some(format!("the dataset records nothing about {name} as early as {year}"))
    } else {
        None
    }
}

/// Text written as of the dataset's end, labelled so when a profile is as of an earlier year.
fn labelled(data: &Dataset, profile: &Profile, text: &str) -> String {
    match written_later(data, profile.as_of) {
        Some(written) => format!("(written as of {written}) {text}"),
        None => text.to_owned(),
    }
}

/// A period's start as shown: "by 2011" when the source gives only the latest it can have begun.
pub fn period_start(period: &TonePeriod) -> String {
    if period.start_unknown { format!("by {}", period.from) } else { period.from.to_string() }
}

/// A period's end as shown as of a year: not told when it lies after that year.
pub fn period_end(period: &TonePeriod, as_of: Option<u16>) -> Option<Date> {
    period.to.filter(|to| as_of.is_none_or(|year| to.year() <= year))
}

/// Tone (as of the year asked), status, themes, summary, the tone chart and its periods.
fn relationship_with_subject(
    doc: &mut Document,
    data: &Dataset,
    profile: &Profile,
    rel: &Relationship,
    (width, view): (u16, &ProfileView),
) {
    let subject = data.name_of(rel.other(profile.actor.id.as_str()).as_str()).to_owned();
    doc.blocks.push(Block::Part("tone"));
    doc.blocks.push(Block::Title(format!("Relationship with {subject}")));
    match tone_at(rel, profile.as_of) {
        Some((tone, period)) => {
            let text = tone_text(tone);
            doc.blocks.push(Block::Field { key: "tone", value: text, tone: Some(tone) });
            if profile.as_of.is_some()
                && let Some(period) = period
            {
                doc.field("in force", period.label.clone());
            }
        }
        None => match profile.as_of {
            Some(year) => doc.field("tone", format!("none recorded: the source records no tone for {year}")),
            None => doc.field("tone", "none recorded"),
        },
    }
    if profile.as_of.is_none() {
        doc.field("status", rel.status.clone());
    }
    if !rel.themes.is_empty() {
        doc.field("themes", labelled(data, profile, &rel.themes.join(", ")));
    }
    doc.blocks.push(Block::Text { key: "relationship", text: labelled(data, profile, &rel.summary) });
    let last_year = profile.as_of.or_else(|| data.info().map(|i| i.as_of.year())).unwrap_or(0);
    let periods: Vec<_> =
        rel.periods.iter().filter(|p| profile.as_of.is_none_or(|y| p.from.year() <= y)).cloned().collect();
    let chart = tone_strip(&periods, last_year, width);
    if !chart.is_empty() {
        let mut lines = vec![String::new(), "Tone over time:".to_owned()];
        lines.extend(chart);
        doc.blocks.push(Block::Drawing(lines));
    }
    let mut listing = Listing::new(vec!["from", "to", "tone", "tone_label", "period"]);
    listing.columns.data_only = &["tone_label"];
    for p in &periods {
        let [tone, label] = records::tone_cells(Some(p.tone));
        listing.push(vec![
            period_start(p).into(),
            period_end(p, profile.as_of).map_or(String::new(), |t| t.to_string()).into(),
            tone,
            label,
            p.label.clone().into(),
        ]);
    }
    capped_section(doc, profile, view, ("period", "periods"), "Tone periods", listing);
}

/// The actor's other relationships, closest first, with their tone as of the year asked.
fn other_relationships(doc: &mut Document, data: &Dataset, profile: &Profile, view: &ProfileView) {
    if profile.relationships.is_empty() {
        return;
    }
    let title = if profile.actor.kind == ActorKind::Country && profile.with_subject.is_none() {
        "Relationships, closest first"
    } else {
        "Other relationships"
    };
    let listing = relationships_as_of(data, profile);
    capped_section(doc, profile, view, ("relationship", "relationships"), title, listing);
}

/// The rows of the actor's other relationships, as of the profile's year: the tone and label of
/// the period then in force, never the tone and status of the dataset's end.
fn relationships_as_of(data: &Dataset, profile: &Profile) -> Listing {
    let actor = profile.actor;
    let mut listing = records::relationships(data, &profile.relationships, Some(actor.id.as_str())).collect();
    let column = |name: &str| listing.columns.headers.iter().position(|h| *h == name).unwrap_or(usize::MAX);
    let (tone_at_column, label_column, status_column, themes_column, summary_column) =
        (column("tone"), column("tone_label"), column("status"), column("themes"), column("summary"));
    if profile.as_of.is_some()
        && let Some(header) = listing.columns.headers.get_mut(status_column)
    {
        *header = "in force";
    }
    for (row, rel) in listing.rows.iter_mut().zip(&profile.relationships) {
        let Some(year) = profile.as_of else { continue };
        // As of a year: the tone and label of the period in force, never the tone and status of
        // the dataset's end.
        let (tone, status) = if let Some((tone, period)) = tone_at(rel, Some(year)) {
            (records::tone_cells(Some(tone)), period.map_or(String::new(), |p| p.label.clone()).into())
        } else {
            // No tone: tables say so under `tone`; plain says so in the period column.
            let none = format!("none recorded for {year}");
            ([Cell::from(String::new()).shown_as(none.clone()), Cell::default()], Cell::from(none).shown_as(""))
        };
        let [tone, label] = tone;
        for (index, cell) in [(tone_at_column, tone), (label_column, label), (status_column, status)] {
            if let Some(slot) = row.get_mut(index) {
                *slot = cell;
            }
        }
        // Each cell written later carries its own label, so that a column cut out of plain
        // output still says so.
        if let Some(themes) = row.get_mut(themes_column) {
            *themes = labelled(data, profile, &rel.themes.join(", ")).into();
        }
        if let Some(summary) = row.get_mut(summary_column) {
            *summary = labelled(data, profile, &rel.summary).into();
        }
    }
    listing
}

/// Members or blocs, with a `role` and a `since` column only when some row has one. The start is
/// the membership's `since`, else the bloc's founding; as of a year with no recorded start,
/// "member; date not recorded".
fn memberships(heading: &'static str, rows: Vec<(&str, &Actor, &Membership, Standing)>, as_of: Option<u16>) -> Listing {
    let since = |bloc: &Actor, membership: &Membership, standing: Standing| match (
        standing,
        membership.since,
        as_of.and(bloc.founded),
    ) {
        (Standing::DateNotRecorded, _, _) => standing.text().to_owned(),
        (Standing::Member, Some(since), _) => since.to_string(),
        (Standing::Member, None, Some(founded)) => format!("{founded} (founding)"),
        (Standing::Member, None, None) => String::new(),
    };
    let rows: Vec<(&str, &str, String, String)> = rows
        .into_iter()
        .map(|(name, bloc, m, standing)| {
            // The member's id (a bloc's own, in a list of blocs); the name beside it.
            let id = if heading == "member" { m.actor.as_str() } else { bloc.id.as_str() };
            (id, name, m.role.clone().unwrap_or_default(), since(bloc, m, standing))
        })
        .collect();
    let with_role = rows.iter().any(|(_, _, role, _)| !role.is_empty());
    let with_since = rows.iter().any(|(_, _, _, since)| !since.is_empty());
    let mut headings = vec![heading, "name"];
    headings.extend(with_role.then_some("role"));
    headings.extend(with_since.then_some("since"));
    let mut listing = Listing::new(headings);
    listing.columns.data_only = &["name"];
    for (id, name, role, since) in rows {
        let mut row: Vec<Cell> = vec![Cell::from(id).shown_as(name), name.into()];
        if with_role {
            row.push(role.into());
        }
        if with_since {
            row.push(since.into());
        }
        listing.push(row);
    }
    listing
}

/// A relationship record as of the profile's year: without the tone and status of the dataset's
/// end, with `tone_as_of` and `period_as_of` (null where no period is in force), periods begun
/// by then (an end after the year left out), and `summary_as_of`.
fn relationship_json(data: &Dataset, profile: &Profile, rel: &Relationship) -> Value {
    let mut value = record_json(rel, None);
    let Value::Object(map) = &mut value else { return value };
    if let Some(written) = data.info().map(|i| i.as_of) {
        map.insert("summary_as_of".into(), json!(written));
    }
    if let Some(year) = profile.as_of {
        let at = tone_at(rel, Some(year));
        map.remove("tone");
        map.remove("status");
        map.insert("tone_as_of".into(), json!(at.map(|(t, _)| t)));
        map.insert("period_as_of".into(), json!(at.and_then(|(_, p)| p).map(|p| &p.label)));
        let periods: Vec<Value> = rel
            .periods
            .iter()
            .filter(|p| p.from.year() <= year)
            .map(|p| {
                let mut period = record_json(p, None);
                if let Value::Object(fields) = &mut period
                    && period_end(p, Some(year)).is_none()
                {
                    fields.remove("to");
                }
                period
            })
            .collect();
        map.insert("periods".into(), Value::Array(periods));
    }
    value
}

/// The actor's record; as of a year, without the parts written as of the dataset's end that the
/// profile gives as of that year (members, roles, the members note).
fn actor_json(data: &Dataset, profile: &Profile) -> Value {
    let mut value = record_json(profile.actor, None);
    if let Value::Object(map) = &mut value {
        if let Some(written) = data.info().map(|i| i.as_of) {
            map.insert("summary_as_of".into(), json!(written));
        }
        if profile.as_of.is_some() {
            for field in ["members", "roles", "members_note"] {
                map.remove(field);
            }
        }
        if profile.not_yet_founded.is_some() {
            map.remove("founded");
        }
    }
    value
}

/// A profile for programs. Its events (the long part: tens of thousands for the subject of a
/// large dataset) are serialised one by one as they are written, not gathered into a tree.
#[derive(Serialize)]
pub struct ProfileJson<'a> {
    #[serde(flatten)]
    fields: serde_json::Map<String, Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    events: Option<SelectedEvents<'a>>,
}

/// Events with their `certain` mark and no end after the `--as-of` year, written lazily.
struct SelectedEvents<'a> {
    events: &'a [Selected<'a>],
    as_of: Option<u16>,
    written: Option<Date>,
}

impl Serialize for SelectedEvents<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.events.iter().map(|selected| {
            let mut record = record_json(selected.event, Some(selected.event.date.year()));
            mark_record(&mut record, selected, self.as_of, self.written);
            record
        }))
    }
}

/// The JSON keys each part of a profile is written under.
fn json_keys(part: &str) -> &'static [&'static str] {
    match part {
        "identity" => &["actor", "as_of", "before_any_record", "not_yet_founded"],
        "summary" => &["actor"],
        "tone" | "periods" => &["relationship"],
        "relationships" => &["relationships"],
        "roles" => &["roles"],
        "members" => &["members"],
        "blocs" => &["blocs"],
        "people" => &["people"],
        "organisations" => &["organisations"],
        "figures" => &["figures"],
        "events" => &["events"],
        "sources" => &["sources"],
        _ => &[],
    }
}

/// A profile for programs: only the keys of the parts asked for, every list capped to the view's
/// limit (the latest events), and then `left_out` counting the rows each capped list lost.
pub fn profile_json<'a>(data: &Dataset, profile: &'a Profile, view: &ProfileView) -> ProfileJson<'a> {
    let relationship = profile.with_subject.map(|rel| relationship_json(data, profile, rel));
    let fields = json!({
        "actor": actor_json(data, profile),
        "as_of": profile.as_of,
        "before_any_record": profile.before_any_record(),
        "not_yet_founded": profile.not_yet_founded.is_some(),
        "relationship": relationship,
        "relationships": profile.relationships.iter().map(|r| relationship_json(data, profile, r)).collect::<Vec<_>>(),
        "roles": profile.roles.iter().map(|(r, s)| role_json(r, *s, profile.as_of)).collect::<Vec<_>>(),
        "members": profile.members.iter().map(|(m, _, s)| {
            let mut record = record_json(m, None);
            if let Value::Object(map) = &mut record {
                map.insert("standing".into(), json!(s.text()));
            }
            record
        }).collect::<Vec<_>>(),
        "blocs": profile.blocs.iter().map(|(b, m, s)| json!({"bloc": b.id, "name": b.name, "role": m.role, "since": m.since, "standing": s.text()})).collect::<Vec<_>>(),
        "people": profile.people.iter().map(|(p, r, s)| json!({"person": p.id, "name": p.name, "role": role_json(r, *s, profile.as_of)})).collect::<Vec<_>>(),
        "organisations": profile.organisations.iter().map(|o| json!({"id": o.id, "name": o.name, "category": o.category})).collect::<Vec<_>>(),
        "figures": profile.figures.iter().map(|f| record_json(f, f.year())).collect::<Vec<_>>(),
        "sources": profile.citations.iter().map(|c| json!({"source": c.source, "section": c.section, "title": data.section_title(c)})).collect::<Vec<_>>(),
    });
    let Value::Object(mut fields) = fields else { unreachable!("json! of an object is an object") };
    let kept: Vec<&str> =
        PROFILE_SECTIONS.iter().filter(|part| view.shows(part)).flat_map(|part| json_keys(part)).copied().collect();
    fields.retain(|key, _| kept.contains(&key.as_str()));
    let mut left_out = serde_json::Map::new();
    for (key, value) in &mut fields {
        if let Value::Array(rows) = value {
            let cut = cap(rows, view.limit, false);
            if view.limit.is_some() {
                left_out.insert(key.clone(), json!(cut));
            }
        }
    }
    let mut events: &[Selected] = &[];
    if kept.contains(&"events") {
        events = &profile.events;
        if let Some(limit) = view.limit {
            let cut = events.len().saturating_sub(limit);
            events = &events[cut..];
            left_out.insert("events".into(), json!(cut));
        }
    }
    if view.limit.is_some() {
        fields.insert("left_out".into(), Value::Object(left_out));
    }
    ProfileJson {
        fields,
        events: kept.contains(&"events").then_some(SelectedEvents {
            events,
            as_of: profile.as_of,
            written: written_later(data, profile.as_of),
        }),
    }
}
