//! `relations info`: what is loaded: title, subject, sources, counts and years covered.

use serde_json::json;

use crate::error::Result;
use crate::load::compiled::{Records, Want};
use crate::model::{ActorKind, Dataset};
use crate::render::{Block, Cell, Document, Format, Listing, Output};

/// Which records `info` reads from a compiled dataset: no events or figures (their counts and
/// years are in the compiled dataset's head).
pub fn want() -> Want {
    Want { events: Records::Skip, figures: Records::Skip }
}

pub fn run(data: &Dataset, out: &mut Output) -> Result<()> {
    // From the dataset's extent: a compiled dataset is counted without its events being read.
    let extent = data.extent();
    let covered = extent.years;
    // Each count under the word `relations list` takes for its records, and a phrase for people.
    let mut counts: Vec<(&str, String, usize)> = ActorKind::ALL
        .iter()
        .map(|k| (plural(*k), format!("{k} actors"), data.actors().iter().filter(|a| a.kind == *k).count()))
        .collect();
    counts.extend([
        ("relationships", "relationships".to_owned(), data.relationships().len()),
        ("events", "events".to_owned(), extent.events),
        ("figures", "figures".to_owned(), extent.figures),
    ]);
    let info = data.info();
    if out.format == Format::Json {
        return out.json(&json!({
            "dataset": info,
            "sources": data.file.sources,
            "counts": counts.iter().map(|(key, _, n)| ((*key).to_owned(), json!(n))).collect::<serde_json::Map<_, _>>(),
            "years": covered.map(|(from, to)| json!({"from": from, "to": to})),
        }));
    }
    let mut doc = Document::default();
    doc.blocks.push(Block::Title(info.map_or_else(|| "Untitled dataset".to_owned(), |i| i.title.clone())));
    if let Some(info) = info {
        doc.field("id", info.id.to_string());
        doc.field("subject", format!("{} ({})", data.name_of(info.subject.as_str()), info.subject));
        doc.field("as of", info.as_of.to_string());
    }
    if let Some((from, to)) = covered {
        doc.field("years", format!("{from}–{to}"));
    }
    if let Some(info) = info.filter(|i| !i.description.is_empty()) {
        doc.blocks.push(Block::Text { key: "description", text: info.description.clone() });
    }
    let mut listing = Listing::new(vec!["records", "count"]);
    for (key, phrase, count) in &counts {
        listing.push(vec![Cell::from(*key).shown_as(phrase.clone()), count.to_string().into()]);
    }
    doc.section("count", "Records", listing);
    let mut sources = Listing::new(vec!["source", "section", "title"]);
    for source in &data.file.sources {
        for section in &source.sections {
            sources.push(vec![
                source.id.to_string().into(),
                section.id.to_string().into(),
                format!("{} § {}", source.title, section.title).into(),
            ]);
        }
    }
    doc.section("section", "Sources", sources);
    doc.write(out)
}

/// The kind as `relations list` names its records: countries, blocs, people, organisations.
fn plural(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Country => "countries",
        ActorKind::Bloc => "blocs",
        ActorKind::Person => "people",
        ActorKind::Organisation => "organisations",
    }
}
