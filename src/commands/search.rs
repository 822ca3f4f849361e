//! `relations search QUERY…`: every record ranked against the words, with the field that matched.

use crate::cli::SearchArgs;
use crate::error::{Error, Result};
use crate::load::compiled::Want;
use crate::model::{ActorKind, Dataset};
use crate::query::{KindFilter, Query, RecordKind, SearchOptions, fold};
use crate::render::{Output, write_search_hits};

pub fn run(args: &SearchArgs, data: &Dataset, out: &mut Output) -> Result<()> {
    let text = args.query.join(" ");
    if text.trim().is_empty() {
        return Err(Error::Usage("the search query cannot be empty".into()));
    }
    // A query of no words (punctuation, emoji) matches nothing, like any other miss.
    let query = Query::parse(&text);
    if args.limit == 0 {
        return Err(Error::Usage("--limit must be at least 1".into()));
    }
    let only = args.kind.as_deref().map(parse_kind).transpose()?;
    // Records read on use (see `want`) need the kept index: without it, or with a record that
    // fails its checks, the command is run again on the whole dataset.
    let index = if data.is_stored() {
        crate::load::kept_search_index(data).ok_or(Error::Incomplete)?
    } else {
        crate::load::search_index(data, &std::sync::atomic::AtomicBool::new(false))
    };
    let hits = index.search(&query, SearchOptions { only, limit: args.limit, typos: true });
    if data.store_damaged() {
        return Err(Error::Incomplete);
    }
    write_search_hits(&hits, out)
}

/// Which records `search` reads from a compiled dataset: with its search index kept beside it,
/// each event and figure on use (the index finds the few it needs); else all, to build it.
pub fn want(head: &Dataset) -> Want {
    if crate::load::has_kept_search_index(head) { Want::on_use() } else { Want::all() }
}

/// `actor`, `relationship`, `event`, `figure`, an actor kind, or a plural of any of them.
fn parse_kind(text: &str) -> Result<KindFilter> {
    let record = match fold(text).as_str() {
        "actor" | "actors" => Some(RecordKind::Actor),
        "relationship" | "relationships" | "relation" | "relations" => Some(RecordKind::Relationship),
        "event" | "events" => Some(RecordKind::Event),
        "figure" | "figures" => Some(RecordKind::Figure),
        _ => None,
    };
    if let Some(record) = record {
        return Ok(KindFilter::Record(record));
    }
    parse_actor_kind(text).map(KindFilter::Actor).map_err(|_| {
        Error::Usage(format!(
            "unknown kind '{}'; known: actor, relationship, event, figure, country, bloc, person, organisation",
            crate::model::shorten(text)
        ))
    })
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
