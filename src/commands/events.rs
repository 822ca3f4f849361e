//! `relations events [RANGE]`: events in date order, filtered.

use crate::cli::EventArgs;
use crate::error::{Error, Result};
use crate::model::{Dataset, Date, EventType};
use crate::query::{ActorNames, DateRange, EventFilter, Grep, Query, fold, parse_year, resolve_actor, tag_counts};
use crate::render::{LIST_FORMATS, Output, records};

pub fn run(args: &EventArgs, data: &Dataset, out: &mut Output) -> Result<()> {
    out.require(LIST_FORMATS, "events")?;
    let filter = event_filter(args, data)?;
    let mut listing = records::events(data, &filter.apply(data));
    listing.highlight = filter.grep.map(|grep| grep.query);
    if args.ids {
        listing.wide_only = &[];
    }
    listing.write(out)
}

/// Translate the command-line filters (shared by `events` and `timeline`) into a query.
pub fn event_filter(args: &EventArgs, data: &Dataset) -> Result<EventFilter> {
    let mut range = DateRange::default();
    if let Some(text) = &args.range {
        range = range.intersect(DateRange::parse(text)?);
    }
    if let Some(year) = &args.year {
        let year = Date::from_year(parse_year(year, "--year")?);
        range = range.intersect(DateRange { from: Some(year), to: Some(year) });
    }
    if let Some(as_of) = &args.as_of {
        let year = Date::from_year(parse_year(as_of, "--as-of")?);
        range = range.intersect(DateRange { from: None, to: Some(year) });
    }
    for (text, option, is_from) in [(&args.from, "--from", true), (&args.to, "--to", false)] {
        if let Some(text) = text {
            let date: Date = text.parse().map_err(|e| Error::Usage(format!("invalid value for {option}: {e}")))?;
            let bound = if is_from {
                DateRange { from: Some(date), to: None }
            } else {
                DateRange { from: None, to: Some(date) }
            };
            range = range.intersect(bound);
        }
    }
    let actors = if args.actors.is_empty() {
        Vec::new()
    } else {
        let names = ActorNames::new(data);
        args.actors
            .iter()
            .map(|a| resolve_actor(data, &names, a).map(|actor| actor.id.clone()))
            .collect::<Result<_>>()?
    };
    let kind = args.kind.as_deref().map(|k| super::parse_vocabulary::<EventType>(k, "event type")).transpose()?;
    if args.limit == Some(0) {
        return Err(Error::Usage("--limit must be at least 1".into()));
    }
    Ok(EventFilter {
        range,
        actors,
        kind,
        grep: args.grep.as_deref().map(Query::parse).filter(|q| !q.is_empty()).map(|q| Grep::new(q, data)),
        tags: args.tags.iter().map(|tag| known_tag(data, tag)).collect::<Result<_>>()?,
        reverse: args.reverse,
        limit: args.limit,
    })
}

/// A tag (or theme) from the dataset's vocabulary, folded; otherwise a usage error that points
/// at `relations list tags`.
pub fn known_tag(data: &Dataset, tag: &str) -> Result<String> {
    let wanted = fold(tag);
    if tag_counts(data).iter().any(|t| fold(&t.tag) == wanted) {
        return Ok(wanted);
    }
    Err(Error::Usage(format!(
        "no event or relationship is tagged '{}'; `relations list tags` lists every tag",
        crate::model::shorten(tag)
    )))
}
