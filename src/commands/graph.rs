//! `relations graph`: the relationship network for Graphviz, Mermaid, programs or people.

use crate::cli::GraphArgs;
use crate::error::Result;
use crate::model::Dataset;
use crate::query::{ActorNames, network, parse_year, resolve_actor};
use crate::render::{Output, write_graph};

pub fn run(args: &GraphArgs, data: &Dataset, out: &mut Output) -> Result<()> {
    let focus = match &args.actor {
        Some(query) => Some(resolve_actor(data, &ActorNames::new(data), query)?),
        None => None,
    };
    let as_of = args.as_of.as_deref().map(|y| parse_year(y, "--as-of")).transpose()?;
    let centre = focus.map(|a| a.id.as_str()).or_else(|| data.subject().map(crate::model::Slug::as_str));
    write_graph(out, &network(data, focus, as_of, !args.no_members), centre)
}
