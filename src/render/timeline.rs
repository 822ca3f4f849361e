//! Events drawn as a timeline: grouped by year, each marked by its tone; also as Mermaid.

use std::collections::BTreeMap;

use colored::Colorize;
use serde::{Serialize, Serializer};

use super::records::{Record, event_date};
use super::{Output, paint, sanitize, wrap};
use crate::cli::Format;
use crate::error::Result;
use crate::model::{Event, Tone};

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

fn by_year<'e>(events: &[&'e Event]) -> Vec<(u16, Vec<&'e Event>)> {
    let mut groups: Vec<(u16, Vec<&Event>)> = Vec::new();
    for event in events {
        let year = event.date.year();
        match groups.last_mut() {
            Some((last, group)) if *last == year => group.push(event),
            _ => groups.push((year, vec![event])),
        }
    }
    groups
}

pub fn write_timeline(out: &mut Output, events: &[&Event]) -> Result<()> {
    let groups = by_year(events);
    match out.format {
        Format::Json => {
            let years: Vec<Year> = groups.iter().map(|(year, events)| Year { year: *year, events }).collect();
            crate::render::write_json(&mut *out.out, &years)?;
            writeln!(out.out)?;
        }
        Format::Ndjson => {
            for event in events {
                crate::render::write_json_line(
                    &mut *out.out,
                    &Record { record: *event, year: Some(event.date.year()) },
                )?;
                writeln!(out.out)?;
            }
        }
        Format::Plain => {
            for event in events {
                let tone = event.tone;
                writeln!(
                    out.out,
                    "{}\t{}\t{}\t{}\t{}",
                    event.date.year(),
                    event_date(event),
                    tone.value(),
                    event.id,
                    sanitize(&event.title)
                )?;
            }
        }
        Format::Mermaid => write_mermaid(out, &groups)?,
        Format::Table | Format::Csv | Format::Dot => write_drawn(out, &groups)?,
    }
    Ok(())
}

/// One year of the JSON timeline, its events serialised one by one as they are written.
#[derive(Serialize)]
struct Year<'a, 'e> {
    year: u16,
    #[serde(serialize_with = "events_of_year")]
    events: &'a [&'e Event],
}

fn events_of_year<S: Serializer>(events: &&[&Event], serializer: S) -> std::result::Result<S::Ok, S::Error> {
    serializer.collect_seq(events.iter().map(|e| Record { record: *e, year: Some(e.date.year()) }))
}

fn write_drawn(out: &mut Output, groups: &[(u16, Vec<&Event>)]) -> Result<()> {
    if groups.is_empty() {
        writeln!(out.out, "(no events match)")?;
        return Ok(());
    }
    let width = usize::from(out.width);
    let legend: Vec<String> =
        Tone::ALL.iter().rev().map(|&t| format!("{} {}", paint(mark(t).trim_end(), t), t.label())).collect();
    writeln!(out.out, "{}", legend.join("  ").dimmed())?;
    for (year, group) in groups {
        writeln!(out.out)?;
        let rule = "─".repeat(width.saturating_sub(6).min(60));
        writeln!(out.out, "{} {}", year.to_string().bold(), rule.dimmed())?;
        for event in group {
            let date = event_date(event);
            let indent = 4 + 14 + 3;
            let mut lines = wrap(&sanitize(&event.title), width.saturating_sub(indent)).into_iter();
            let first = lines.next().unwrap_or_default();
            writeln!(out.out, "    {:<14} {} {}", date, paint(mark(event.tone), event.tone), first)?;
            for line in lines {
                writeln!(out.out, "{}{line}", " ".repeat(indent))?;
            }
        }
    }
    Ok(())
}

/// Mermaid's `timeline` diagram, one section per decade. `:` separates events, so it is replaced
/// in titles; HTML and `#` are escaped as in graph labels.
fn write_mermaid(out: &mut Output, groups: &[(u16, Vec<&Event>)]) -> Result<()> {
    let mut decades: BTreeMap<u16, Vec<&(u16, Vec<&Event>)>> = BTreeMap::new();
    for group in groups {
        decades.entry(group.0 / 10 * 10).or_default().push(group);
    }
    writeln!(out.out, "timeline")?;
    writeln!(out.out, "    title Events")?;
    for (decade, years) in decades {
        writeln!(out.out, "    section {decade}s")?;
        for (year, events) in years {
            let titles: Vec<String> = events.iter().map(|e| mermaid_text(&e.title)).collect();
            writeln!(out.out, "        {year} : {}", titles.join(" : "))?;
        }
    }
    Ok(())
}

fn mermaid_text(text: &str) -> String {
    super::graph::mermaid_text(&text.replace(':', " -").replace(';', ","))
}
