//! `relations cite ID`: where any record's facts come from.

use serde_json::json;

use crate::cli::CiteArgs;
use crate::error::Result;
use crate::model::{Citation, Dataset};
use crate::query::{ActorNames, Record, find_record};
use crate::render::Format;
use crate::render::{Block, DOCUMENT_FORMATS, Document, Listing, Output};

pub fn run(args: &CiteArgs, data: &Dataset, out: &mut Output) -> Result<()> {
    out.require(DOCUMENT_FORMATS, "cite")?;
    let record = find_record(data, &ActorNames::new(data), &args.id)?;
    let name = match record {
        Record::Actor(actor) => actor.name.clone(),
        Record::Event(event) => event.title.clone(),
        Record::Figure(figure) => figure.label.clone(),
        Record::Relationship(rel) => {
            format!("{} and {}", data.name_of(rel.between[0].as_str()), data.name_of(rel.between[1].as_str()))
        }
    };
    let (kind, record_id, citations) = (record.kind(), record.id(), record.sources());

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
        listing.push(vec![c.source.to_string().into(), c.section.to_string().into(), title.into()]);
    }
    doc.section("cited", "Cited", listing);
    doc.write(out)
}
