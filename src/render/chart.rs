//! The tone of a relationship over time, drawn as a one-line bar chart with a year axis.

use colored::Colorize;

use super::paint;
use crate::model::{Tone, TonePeriod};

fn glyph(tone: Tone) -> &'static str {
    match tone {
        Tone::Hostile => "▁",
        Tone::Strained => "▂",
        Tone::Neutral => "▄",
        Tone::Cooperative => "▆",
        Tone::Close => "█",
    }
}

/// The tone in force in `year`: the latest period started by then, unless it had ended.
fn tone_in(periods: &[TonePeriod], year: u16) -> Option<Tone> {
    let period = periods.iter().filter(|p| p.from.year() <= year).max_by_key(|p| p.from)?;
    period.to.is_none_or(|to| to.year() >= year).then_some(period.tone)
}

/// Lines of the chart from the first period to `last_year`, at most `width` columns wide.
/// Bar height and colour both show tone, so the chart reads without colour too.
pub fn tone_strip(periods: &[TonePeriod], last_year: u16, width: u16) -> Vec<String> {
    let Some(first) = periods.iter().map(|p| p.from.year()).min() else {
        return Vec::new();
    };
    let last = last_year.max(first);
    let span = usize::from(last - first);
    let columns = (usize::from(width).saturating_sub(2)).clamp(10, 100).min(span + 1);
    let mut bar = String::from("  ");
    for column in 0..columns {
        let offset = if columns > 1 { column * span / (columns - 1) } else { 0 };
        let year = first + u16::try_from(offset).unwrap_or(0);
        match tone_in(periods, year) {
            Some(tone) => bar.push_str(&paint(glyph(tone), tone).to_string()),
            None => bar.push(' '),
        }
    }
    let (start, end) = (first.to_string(), last.to_string());
    let gap = columns.saturating_sub(start.len() + end.len());
    let axis = if columns > start.len() + end.len() {
        format!("  {start}{}{end}", " ".repeat(gap))
    } else {
        format!("  {start}–{end}")
    };
    let legend =
        Tone::ALL.iter().map(|&t| format!("{} {}", paint(glyph(t), t), t.label())).collect::<Vec<_>>().join("  ");
    vec![bar, axis.dimmed().to_string(), format!("  {legend}")]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period(from: &str, to: Option<&str>, tone: Tone) -> TonePeriod {
        TonePeriod {
            from: from.parse().unwrap(),
            start_unknown: false,
            to: to.map(|t| t.parse().unwrap()),
            tone,
            label: String::new(),
        }
    }

    #[test]
    fn draws_each_year_with_the_glyph_of_its_tone() {
        colored::control::set_override(false);
        let periods = [period("2000", Some("2004"), Tone::Hostile), period("2005", None, Tone::Close)];
        let lines = tone_strip(&periods, 2009, 80);
        assert_eq!(lines[0], "  ▁▁▁▁▁█████");
        assert!(lines[1].contains("2000") && lines[1].contains("2009"));
    }

    #[test]
    fn years_outside_every_period_are_blank() {
        colored::control::set_override(false);
        let periods = [period("2000", Some("2001"), Tone::Strained), period("2004", None, Tone::Neutral)];
        assert_eq!(tone_strip(&periods, 2005, 80)[0], "  ▂▂  ▄▄");
    }
}
