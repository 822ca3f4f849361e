//! `relations cite ID`: where any record's facts come from.

use serde_json::json;

use crate::cli::{CiteArgs, Format};
use crate::error::Result;
use crate::model::{Citation, Dataset};
use crate::query::{ActorNames, event_by_title, resolve_actor};
use crate::render::{Block, DOCUMENT_FORMATS, Document, Listing, Output};

pub fn run(args: &CiteArgs, data: &Dataset, out: &mut Output) -> Result<()> {
    out.require(DOCUMENT_FORMATS, "cite")?;
    let id = args.id.trim();
    let (kind, record_id, name, citations): (&str, String, String, &[Citation]) = if let Some((a, b)) =
        id.split_once("--")
    {
        let names = ActorNames::new(data);
        let (a, b) = (resolve_actor(data, &names, a)?, resolve_actor(data, &names, b)?);
        match data.relationships().iter().find(|r| r.involves(a.id.as_str()) && r.involves(b.id.as_str())) {
            Some(rel) => (
                "relationship",
                format!("{}--{}", rel.between[0], rel.between[1]),
                format!("{} and {}", a.name, b.name),
                &rel.sources,
            ),
            None => {
                return Err(crate::error::Error::NoRecord(format!(
                    "the dataset has no relationship between {} and {}",
                    a.name, b.name
                )));
            }
        }
    } else if let Some(event) = data.events().iter().find(|e| e.id.as_str() == id).or_else(|| event_by_title(data, id))
    {
        ("event", event.id.to_string(), event.title.clone(), &event.sources)
    } else if let Some(figure) = data.figures().iter().find(|f| f.id.as_str() == id) {
        ("figure", figure.id.to_string(), figure.label.clone(), &figure.sources)
    } else {
        let actor = resolve_actor(data, &ActorNames::new(data), id)?;
        (actor.kind.as_str(), actor.id.to_string(), actor.name.clone(), &actor.sources)
    };

    let source_title = |c: &Citation| data.file.sources.iter().find(|s| s.id == c.source).map(|s| s.title.clone());
    if out.format == Format::Json {
        return out.json(&json!({
            "kind": kind,
            "id": record_id,
            "name": name,
            "sources": citations.iter().map(|c| json!({
                "source": c.source, "section": c.section, "source_title": source_title(c), "section_title": data.section_title(c),
            })).collect::<Vec<_>>(),
        }));
    }
    let mut doc = Document::default();
    doc.blocks.push(Block::Title(format!("Sources of {kind} {record_id}")));
    doc.field("kind", kind);
    doc.field("id", record_id);
    doc.field("name", name);
    let mut listing = Listing::new(vec!["source", "section", "title"]);
    for c in citations {
        let title = match (source_title(c), data.section_title(c)) {
            (Some(source), Some(section)) => format!("{source} § {section}"),
            (source, section) => source.or(section.map(str::to_owned)).unwrap_or_default(),
        };
        listing.push(
            vec![c.source.to_string().into(), c.section.to_string().into(), title.into()],
            serde_json::Value::Null,
        );
    }
    doc.section("cited", "Cited", listing);
    doc.write(out)
}
