//! `relations list KIND`: every record of one kind.

use super::search::parse_actor_kind;
use crate::cli::ListArgs;
use crate::error::{Error, Result};
use crate::model::{Actor, Dataset};
use crate::query::fold;
use crate::render::{Output, records};

pub const KINDS: &str = "countries, blocs, people, organisations, actors, events, figures, relationships, types";

pub fn run(args: &ListArgs, data: &Dataset, out: &mut Output) -> Result<()> {
    let Some(kind) = &args.kind else {
        return Err(Error::Usage(format!("say what to list: {KINDS} (as in `relations list countries`)")));
    };
    match fold(kind).as_str() {
        "actors" | "actor" => records::actors(&sorted(data.actors().iter())).write(out),
        "events" | "event" => records::events(data, &records::all_certain(data.events()), None).write(out),
        "figures" | "figure" => records::figures(data, &data.figures().iter().collect::<Vec<_>>()).write(out),
        "relationships" | "relationship" | "relations" => {
            records::relationships(data, &data.relationships().iter().collect::<Vec<_>>(), None).write(out)
        }
        "types" | "type" | "event-types" => records::event_types().write(out),
        other => {
            let kind = parse_actor_kind(other).map_err(|_| {
                Error::Usage(format!("cannot list '{}'; use one of: {KINDS}", crate::model::shorten(kind)))
            })?;
            records::actors(&sorted(data.actors().iter().filter(|a| a.kind == kind))).write(out)
        }
    }
}

fn sorted<'d>(actors: impl Iterator<Item = &'d Actor>) -> Vec<&'d Actor> {
    let mut actors: Vec<&Actor> = actors.collect();
    actors.sort_by_cached_key(|a| (a.kind, fold(&a.name)));
    actors
}
