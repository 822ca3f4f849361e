//! `relations compare A B`: two actors side by side, and what they share.

use serde_json::json;

use crate::cli::CompareArgs;
use crate::error::{Error, Result};
use crate::model::{Dataset, Event, Figure};
use crate::query::{ActorNames, Profile, resolve_actor, tone_at};
use crate::render::Format;
use crate::render::records::{self, record_json};
use crate::render::{Block, Cell, Document, Listing, Output, sanitize, tone_text};

pub fn run(args: &CompareArgs, data: &Dataset, out: &mut Output) -> Result<()> {
    let names = ActorNames::new(data);
    let first = resolve_actor(data, &names, &args.first)?;
    let second = resolve_actor(data, &names, &args.second)?;
    if first.id == second.id {
        return Err(Error::Usage(format!("'{}' and '{}' are the same actor ({})", args.first, args.second, first.id)));
    }
    let (a, b) = (Profile::new(data, first, None), Profile::new(data, second, None));
    let between = data.relationships().iter().find(|r| r.involves(first.id.as_str()) && r.involves(second.id.as_str()));
    let shared_blocs: Vec<_> = a
        .blocs
        .iter()
        .filter(|(bloc, _, _)| b.blocs.iter().any(|(other, _, _)| other.id == bloc.id))
        .map(|(bloc, _, _)| *bloc)
        .collect();
    let shared_events: Vec<&Event> =
        a.events.iter().map(|s| s.event).filter(|e| e.involves(second.id.as_str())).collect();
    let shared_figures: Vec<&Figure> = a.figures.iter().copied().filter(|f| f.involves(second.id.as_str())).collect();

    if out.format == Format::Json {
        return out.json(&json!({
            "actors": [record_json(first, None), record_json(second, None)],
            "relationship": between.map(|r| record_json(r, None)),
            "with_subject": [a.with_subject.map(|r| record_json(r, None)), b.with_subject.map(|r| record_json(r, None))],
            "shared_blocs": shared_blocs.iter().map(|bloc| &bloc.id).collect::<Vec<_>>(),
            "shared_events": shared_events.iter().map(|e| record_json(e, Some(e.date.year()))).collect::<Vec<_>>(),
            "figures": shared_figures.iter().map(|f| record_json(f, f.year())).collect::<Vec<_>>(),
        }));
    }

    let mut doc = Document::default();
    doc.blocks.push(Block::Title(format!("{} and {}", first.name, second.name)));
    // The columns are headed by the actors' names. Listing headings are `&'static str`, as every
    // other table's are fixed words; these two strings live until the process ends, moments later.
    let heading = |name: &str| -> &'static str { Box::leak(sanitize(name).into_owned().into_boxed_str()) };
    let mut side = Listing::new(vec!["", heading(&first.name), heading(&second.name)]);
    let tone_cell = |p: &Profile| match p.with_subject.and_then(|r| tone_at(r, None)) {
        Some((tone, _)) => Cell::toned(tone_text(tone), tone),
        None => Cell::from("—"),
    };
    let subject_name = data.subject().map_or("the subject", |s| data.name_of(s.as_str()));
    let bloc_names = |p: &Profile| p.blocs.iter().map(|(b, _, _)| b.name.clone()).collect::<Vec<_>>().join(", ");
    let mut rows: Vec<(String, Cell, Cell)> = Vec::new();
    // Plain output has no heading row, so the names come first there.
    if out.format != Format::Table {
        rows.push(("name".into(), first.name.clone().into(), second.name.clone().into()));
    }
    rows.extend([
        ("kind".into(), first.kind.as_str().into(), second.kind.as_str().into()),
        (format!("tone with {subject_name}"), tone_cell(&a), tone_cell(&b)),
        ("blocs".into(), bloc_names(&a).into(), bloc_names(&b).into()),
        ("events".into(), a.events.len().to_string().into(), b.events.len().to_string().into()),
        ("figures".into(), a.figures.len().to_string().into(), b.figures.len().to_string().into()),
    ]);
    for (label, x, y) in rows {
        side.push(vec![label.into(), x, y]);
    }
    doc.section("compare", "Side by side", side);
    if let Some(rel) = between {
        doc.section("relationship", "Their relationship", records::relationships(data, &[rel], None).collect());
    }
    let blocs: Vec<_> = shared_blocs.clone();
    // Without the subject's tone with each bloc, which would read as the pair's.
    let mut shared = records::actors(data, &blocs).collect();
    shared.keep(&["id", "name", "aliases"]);
    doc.section("bloc", "Blocs they share", shared);
    doc.section(
        "event",
        "Events involving both",
        records::events(data, &records::all_certain(shared_events.iter().copied()), None).collect(),
    );
    doc.section("figure", "Figures between them", records::figures(data, &shared_figures).collect());
    if between.is_none() && shared_blocs.is_empty() && shared_events.is_empty() && shared_figures.is_empty() {
        doc.field("shared", "the dataset records nothing that links them directly");
    }
    doc.write(out)
}
