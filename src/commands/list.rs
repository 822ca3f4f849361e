//! `relations list KIND`: every record of one kind.

use super::events::known_tag;
use super::search::parse_actor_kind;
use crate::cli::ListArgs;
use crate::error::{Error, Result};
use crate::model::{Actor, Dataset};
use crate::query::{fold, has_tag, tag_counts};
use crate::render::{Output, records};

pub const KINDS: &str = "countries, blocs, people, organisations, actors, events, figures, relationships, types, tags";

pub fn run(args: &ListArgs, data: &Dataset, out: &mut Output) -> Result<()> {
    let Some(kind) = &args.kind else {
        return Err(Error::Usage(format!("say what to list: {KINDS} (as in `relations list countries`)")));
    };
    let kind = fold(kind);
    let tags = args.tags.iter().map(|tag| known_tag(data, tag)).collect::<Result<Vec<_>>>()?;
    if !tags.is_empty() && !matches!(kind.as_str(), "events" | "event" | "relationships" | "relationship" | "relations")
    {
        return Err(Error::Usage("--tag applies to `list events` and `list relationships` only".into()));
    }
    let tagged = |own: &[String]| tags.iter().all(|tag| has_tag(own, tag));
    match kind.as_str() {
        "actors" | "actor" => records::actors(data, &sorted(data.actors().iter())).write(out),
        "events" | "event" => {
            let events = records::all_certain(data.events().iter().filter(|e| tagged(&e.tags)));
            records::events(data, &events, None).write(out)
        }
        "tags" | "tag" | "themes" | "theme" => records::tags(&tag_counts(data)).write(out),
        "figures" | "figure" => records::figures(data, &data.figures().iter().collect::<Vec<_>>()).write(out),
        "relationships" | "relationship" | "relations" => records::relationships(
            data,
            &data.relationships().iter().filter(|r| tagged(&r.themes)).collect::<Vec<_>>(),
            None,
        )
        .write(out),
        "types" | "type" | "event-types" => records::event_types().write(out),
        other => {
            let kind = parse_actor_kind(other).map_err(|_| {
                Error::Usage(format!("cannot list '{}'; use one of: {KINDS}", crate::model::shorten(&kind)))
            })?;
            records::actors(data, &sorted(data.actors().iter().filter(|a| a.kind == kind))).write(out)
        }
    }
}

fn sorted<'d>(actors: impl Iterator<Item = &'d Actor>) -> Vec<&'d Actor> {
    let mut actors: Vec<&Actor> = actors.collect();
    actors.sort_by_cached_key(|a| (a.kind, fold(&a.name)));
    actors
}
