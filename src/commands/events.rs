//! `relations events [RANGE]`: events in date order, filtered.

use crate::cli::EventArgs;
use crate::error::{Error, Result};
use crate::load::compiled::{Records, Want};
use crate::model::{Dataset, Date, EventType};
use crate::query::{ActorNames, DateRange, EventFilter, Grep, Query, fold, parse_year, resolve_actor, tag_counts};
use crate::render::Format;
use crate::render::{Output, highlight_query, records};

pub fn run(args: &EventArgs, data: &Dataset, out: &mut Output) -> Result<()> {
    let filter = event_filter(args, data)?;
    let selected = filter.select(data);
    let list = records::events(data, &selected, as_of_year(args)?);
    let list = if args.ids { list.with_all_columns() } else { list };
    match filter.grep {
        // Matched words are highlighted in a coloured table: drawn first, then marked.
        Some(grep) if out.color && out.format == Format::Table => {
            let mut drawn = Vec::new();
            let fields = out.fields.clone();
            list.write(&mut Output {
                out: &mut drawn,
                format: out.format,
                color: out.color,
                width: out.width,
                fields,
            })?;
            out.out.write_all(highlight_query(&String::from_utf8_lossy(&drawn), &grep.query).as_bytes())?;
            Ok(())
        }
        _ => list.write(out),
    }
}

/// Which records `events` and `timeline` read from a compiled dataset: with a date range, only
/// the events whose dates overlap it (every event the filter can select), and no figures. Tags
/// are checked against every event's, so with `--tag` everything is read; so it is when the
/// filter is refused (the command then reports why, on the whole dataset).
pub fn want(args: &EventArgs, head: &Dataset) -> Want {
    match event_filter(args, head) {
        Ok(filter) if args.tags.is_empty() && (filter.range.from.is_some() || filter.range.to.is_some()) => {
            Want { events: Records::Dated(filter.range), figures: Records::Skip }
        }
        _ => Want::all(),
    }
}

/// The year of `--as-of`, if given.
pub fn as_of_year(args: &EventArgs) -> Result<Option<u16>> {
    args.as_of.as_deref().map(|y| parse_year(y, "--as-of")).transpose()
}

/// Translate the command-line filters (shared by `events` and `timeline`) into a query.
pub fn event_filter(args: &EventArgs, data: &Dataset) -> Result<EventFilter> {
    // Each date constraint narrows the range; one that leaves no date at all contradicts an
    // earlier one, which is a usage error rather than an empty answer.
    let mut range = DateRange::default();
    let (mut from_by, mut to_by) = (String::new(), String::new());
    let mut narrow = |bound: DateRange, by: String| -> Result<()> {
        let narrowed = range.intersect(bound);
        if let (Some(from), Some(to)) = (narrowed.from, narrowed.to)
            && to.latest() < from.earliest()
        {
            // The end the new bound did not set came from an earlier option.
            let earlier = if bound.from.is_some() && narrowed.from == bound.from { &to_by } else { &from_by };
            let hint = match (args.from.as_deref(), args.to.as_deref()) {
                (Some(from), Some(to)) if by.starts_with("--to") && earlier.starts_with("--from") => {
                    format!("did you mean --from {to} --to {from}?")
                }
                _ => "drop or widen one of them".to_owned(),
            };
            return Err(Error::Usage(format!("{by} contradicts {earlier}: no date is in both; {hint}")));
        }
        if bound.from.is_some() && narrowed.from == bound.from {
            from_by.clone_from(&by);
        }
        if bound.to.is_some() && narrowed.to == bound.to {
            to_by.clone_from(&by);
        }
        range = narrowed;
        Ok(())
    };
    if let Some(text) = &args.range {
        narrow(DateRange::parse(text)?, format!("the range {text}"))?;
    }
    if let Some(year) = &args.year {
        let year = Date::from_year(parse_year(year, "--year")?);
        narrow(DateRange { from: Some(year), to: Some(year) }, format!("--year {year}"))?;
    }
    if let Some(as_of) = &args.as_of {
        let year = Date::from_year(parse_year(as_of, "--as-of")?);
        narrow(DateRange { from: None, to: Some(year) }, format!("--as-of {year}"))?;
    }
    for (text, option, is_from) in [(&args.from, "--from", true), (&args.to, "--to", false)] {
        if let Some(text) = text {
            let date: Date = text.parse().map_err(|e| Error::Usage(format!("invalid value for {option}: {e}")))?;
            let bound = if is_from {
                DateRange { from: Some(date), to: None }
            } else {
                DateRange { from: None, to: Some(date) }
            };
            narrow(bound, format!("{option} {date}"))?;
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
        certain_only: args.certain,
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
