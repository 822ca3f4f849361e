//! `relations search QUERY`: every actor ranked against the query, with its score.

use crate::cli::SearchArgs;
use crate::error::{Error, Result};
use crate::model::{ActorKind, Dataset};
use crate::query::{ActorNames, fold, search};
use crate::render::{Output, records};

pub fn run(args: &SearchArgs, data: &Dataset, out: &mut Output) -> Result<()> {
    if fold(&args.query).is_empty() {
        return Err(Error::Usage("the search query cannot be empty".into()));
    }
    if args.limit == 0 {
        return Err(Error::Usage("--limit must be at least 1".into()));
    }
    let kind = args.kind.as_deref().map(parse_actor_kind).transpose()?;
    let names = ActorNames::new(data);
    let mut hits = search(data, &names, &args.query, kind);
    hits.truncate(args.limit);
    records::search_hits(&hits).write(out)
}

/// `country`, `bloc`, `person`, `organisation`, and their plurals.
pub fn parse_actor_kind(text: &str) -> Result<ActorKind> {
    let wanted = fold(text);
    let singular = match wanted.as_str() {
        "countries" => "country",
        "people" | "persons" => "person",
        "organizations" | "organization" => "organisation",
        other => other.strip_suffix('s').unwrap_or(other),
    };
    super::parse_vocabulary(singular, "actor kind")
}
