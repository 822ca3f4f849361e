//! Events drawn as a timeline: grouped by year, each marked by its tone; also as Mermaid.

use std::collections::BTreeMap;

use colored::Colorize;
use serde::Serialize;
use serde_json::Value;

use super::records::record_json;
use super::{Output, mark_record, marked_date, paint, sanitize, wrap};
use crate::error::Result;
use crate::model::{Dataset, Date, Event, SpanKind, Tone};
use crate::query::Selected;
use crate::render::Format;

/// A mark that shows tone by shape as well as colour.
fn mark(tone: Tone) -> &'static str {
    match tone {
        Tone::Hostile => "▼▼",
        Tone::Strained => "▼ ",
        Tone::Neutral => "● ",
        Tone::Cooperative => "▲ ",
        Tone::Close => "▲▲",
    }
}

type Groups<'e> = Vec<(u16, Vec<Selected<'e>>)>;

/// Events grouped by the year they sort in (`Event::sort_date`), which keeps the groups in
/// order, held within the years asked for (`years`, from and to): a span that began before them
/// or may end after them is drawn in their first or last year, and years never go backwards.
fn by_year<'e>(events: &[Selected<'e>], years: (Option<u16>, Option<u16>)) -> Groups<'e> {
    let mut groups: Groups = Vec::new();
    for selected in events {
        let sorted_in = selected.event.sort_date().year();
        let year = years.1.map_or(sorted_in, |last| sorted_in.min(last));
        let year = years.0.map_or(year, |first| year.max(first));
        // An event held back behind one it follows (`after`) stays in the group it comes in.
        let year = groups.last().map_or(year, |(last, _)| year.max(*last));
        match groups.last_mut() {
            Some((last, group)) if *last == year => group.push(*selected),
            _ => groups.push((year, vec![*selected])),
        }
    }
    groups
}

/// An event's JSON record as the timeline writes it: `year`, `certain`, no end after `as_of`.
fn timeline_record(selected: &Selected, year: u16, as_of: Option<u16>, written: Option<Date>) -> Value {
    let mut record = record_json(selected.event, Some(year));
    mark_record(&mut record, selected, as_of, written);
    record
}

/// The timeline of `events`, selected for the years `years` (first, last; either may be open),
/// with nothing told after `as_of`.
pub fn write_timeline(
    out: &mut Output,
    data: &Dataset,
    events: &[Selected],
    years: (Option<u16>, Option<u16>),
    as_of: Option<u16>,
) -> Result<()> {
    let groups = by_year(events, years);
    let written = crate::query::written_later(data, as_of);
    match out.format {
        Format::Json => {
            let years: Vec<Year> =
                groups.iter().map(|(year, events)| Year { number: *year, events, as_of, written }).collect();
            crate::render::write_json(&mut *out.out, &years)?;
            writeln!(out.out)?;
        }
        Format::Ndjson => {
            for selected in events {
                crate::render::write_json_line(
                    &mut *out.out,
                    &timeline_record(selected, selected.event.date.year(), as_of, written),
                )?;
                writeln!(out.out)?;
            }
        }
        // The year each event is drawn in, then the columns `events` writes.
        Format::Plain => {
            for (year, group) in &groups {
                super::records::events(data, group, as_of).collect().write_plain(out.out, &year.to_string())?;
            }
        }
        Format::Mermaid => write_mermaid(out, &groups)?,
        Format::Table | Format::Csv | Format::Dot => write_drawn(out, &groups, as_of)?,
    }
    Ok(())
}

/// One year of the JSON timeline, its events serialised one by one as they are written.
struct Year<'a, 'e> {
    number: u16,
    events: &'a [Selected<'e>],
    as_of: Option<u16>,
    written: Option<Date>,
}

impl Serialize for Year<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        struct Events<'a, 'e>(&'a [Selected<'e>], Option<u16>, Option<Date>);
        impl Serialize for Events<'_, '_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
                serializer.collect_seq(self.0.iter().map(|s| timeline_record(s, s.event.date.year(), self.1, self.2)))
            }
        }
        let mut year = serializer.serialize_struct("Year", 2)?;
        year.serialize_field("year", &self.number)?;
        year.serialize_field("events", &Events(self.events, self.as_of, self.written))?;
        year.end()
    }
}

fn write_drawn(out: &mut Output, groups: &Groups, as_of: Option<u16>) -> Result<()> {
    if groups.is_empty() {
        writeln!(out.out, "(no events match)")?;
        return Ok(());
    }
    let width = usize::from(out.width);
    // The legend, on as many lines as the width needs.
    let mut legend = String::new();
    let mut used = 0;
    for &tone in Tone::ALL.iter().rev() {
        let item_width = mark(tone).trim_end().chars().count() + 1 + tone.label().chars().count();
        if used > 0 && used + 2 + item_width > width {
            writeln!(out.out, "{legend}")?;
            (legend, used) = (String::new(), 0);
        }
        if used > 0 {
            legend.push_str("  ");
            used += 2;
        }
        legend.push_str(&paint(mark(tone).trim_end(), tone).to_string());
        legend.push(' ');
        legend.push_str(&tone.label().dimmed().to_string());
        used += item_width;
    }
    writeln!(out.out, "{legend}")?;
    // One date column for the whole timeline, as wide as its longest date (`2008-08–2008-09`),
    // so that marks and titles line up; titles wrap in what is left of the width.
    let date_width =
        groups.iter().flat_map(|(_, g)| g.iter()).map(|s| marked_date(s, as_of).chars().count()).max().unwrap_or(4);
    let beside = 4 + date_width + 1 + 2 + 1;
    // Too narrow for dates and titles side by side: the mark and date on one line, the title
    // below them.
    let stacked = width < beside + 20;
    let indent = if stacked { 5 } else { beside };
    for (year, group) in groups {
        writeln!(out.out)?;
        let rule = "─".repeat(width.saturating_sub(6).min(60));
        writeln!(out.out, "{} {}", year.to_string().bold(), rule.dimmed())?;
        // A moment the source places only somewhere in a span is drawn in the span's last year,
        // the latest it can have happened: say so, lest the heading read as its date.
        let vague = group
            .iter()
            .filter(|s| {
                let event = s.event;
                event.span_kind() == SpanKind::Moment && event.date.year() < *year && event.last().year() == *year
            })
            .count();
        if vague > 0 {
            let note = format!(
                "{} placed only within a span ending in {year}, drawn at its end",
                crate::error::plural(vague, "event")
            );
            for line in wrap(&note, width.saturating_sub(2)) {
                writeln!(out.out, "  {}", line.dimmed())?;
            }
        }
        for selected in group {
            let event = selected.event;
            let date = marked_date(selected, as_of);
            let mut lines = wrap(&sanitize(&event.title), width.saturating_sub(indent)).into_iter();
            let mark = paint(mark(event.tone), event.tone);
            if stacked {
                writeln!(out.out, "  {mark} {date}")?;
            } else {
                let first = lines.next().unwrap_or_default();
                let pad = " ".repeat(date_width.saturating_sub(date.chars().count()));
                writeln!(out.out, "    {date}{pad} {mark} {first}")?;
            }
            for line in lines {
                writeln!(out.out, "{}{line}", " ".repeat(indent))?;
            }
        }
    }
    Ok(())
}

/// Mermaid's `timeline` diagram, one section per decade. `:` separates events, so it is replaced
/// in titles; HTML and `#` are escaped as in graph labels.
fn write_mermaid(out: &mut Output, groups: &Groups) -> Result<()> {
    let mut decades: BTreeMap<u16, Vec<&(u16, Vec<Selected>)>> = BTreeMap::new();
    for group in groups {
        decades.entry(group.0 / 10 * 10).or_default().push(group);
    }
    writeln!(out.out, "timeline")?;
    writeln!(out.out, "    title Events")?;
    for (decade, years) in decades {
        writeln!(out.out, "    section {decade}s")?;
        for (year, events) in years {
            let titles: Vec<String> = events.iter().map(|s| mermaid_title(s.event, s.certain)).collect();
            writeln!(out.out, "        {year} : {}", titles.join(" : "))?;
        }
    }
    Ok(())
}

/// A title for Mermaid, with "(?)" after it when the event only may fall in the dates asked for.
fn mermaid_title(event: &Event, certain: bool) -> String {
    let title = mermaid_text(&event.title);
    if certain { title } else { format!("{title} (?)") }
}

fn mermaid_text(text: &str) -> String {
    super::graph::mermaid_text(&text.replace(':', " -").replace(';', ","))
}
