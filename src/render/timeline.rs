//! Events drawn as a timeline: grouped by year, each marked by its tone; also as Mermaid.

use std::collections::BTreeMap;

use colored::Colorize;
use serde_json::{Value, json};

use super::records::{event_date, record_json};
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
            let years: Vec<Value> = groups
                .iter()
                .map(|(year, group)| json!({"year": year, "events": group.iter().map(|e| record_json(e, Some(*year))).collect::<Vec<_>>()}))
                .collect();
            out.json(&Value::Array(years))?;
        }
        Format::Ndjson => {
            for event in events {
                serde_json::to_writer(&mut *out.out, &record_json(event, Some(event.date.year())))
                    .map_err(std::io::Error::from)?;
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

fn write_drawn(out: &mut Output, groups: &[(u16, Vec<&Event>)]) -> Result<()> {
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
        groups.iter().flat_map(|(_, g)| g.iter()).map(|e| event_date(e).chars().count()).max().unwrap_or(4);
    let beside = 4 + date_width + 1 + 2 + 1;
    // Too narrow for dates and titles side by side: the mark and date on one line, the title
    // below them.
    let stacked = width < beside + 20;
    let indent = if stacked { 5 } else { beside };
    for (year, group) in groups {
        writeln!(out.out)?;
        let rule = "─".repeat(width.saturating_sub(6).min(60));
        writeln!(out.out, "{} {}", year.to_string().bold(), rule.dimmed())?;
        for event in group {
            let date = event_date(event);
            let mut lines = wrap(&sanitize(&event.title), width.saturating_sub(indent)).into_iter();
            let mark = paint(mark(event.tone), event.tone);
            if stacked {
                writeln!(out.out, "  {mark} {date}")?;
            } else {
                let first = lines.next().unwrap_or_default();
                writeln!(out.out, "    {date:<date_width$} {mark} {first}")?;
            }
            for line in lines {
                writeln!(out.out, "{}{line}", " ".repeat(indent))?;
            }
        }
    }
    Ok(())
}

/// Mermaid's `timeline` diagram, one section per decade. Mermaid treats `:` and `#` specially,
/// so they are replaced in titles.
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
    sanitize(text).replace(':', " -").replace('#', "no. ").replace(';', ",")
}
