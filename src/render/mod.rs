//! Everything that turns query results into text: tables, plain lines, JSON, CSV, charts.
//! The only code that knows comfy-table, colored and the JSON writer.

mod certainty;
mod chart;
mod document;
mod format;
mod graph;
mod json;
mod listing;
pub mod pager;
mod profile;
pub mod records;
mod sanitize;
mod search;
mod timeline;

use std::io::Write;

use crate::error::{Error, Result};
use crate::model::Tone;
pub use format::{Format, PagingWhen};

pub use certainty::{UNCERTAIN_MARK, event_date_as_of, event_summary, mark_record, marked_date, summary_written_later};
pub use chart::tone_strip;
pub use document::{Block, Document, fit_words};
pub use graph::write_graph;
pub use json::{to_writer as write_json_line, to_writer_pretty as write_json};
pub use listing::{Cell, Columns, List, Listing};
pub use profile::{
    PROFILE_SECTIONS, ProfileView, as_of_note, period_end, period_start, profile_document, profile_json, role_dates,
};
pub use sanitize::{csv_cell, sanitize};
pub use search::{highlight_query, write_search_hits};
pub use timeline::write_timeline;

/// Where output goes and how it should look; decided once in `main`.
pub struct Output<'a> {
    pub out: &'a mut dyn Write,
    pub format: Format,
    pub color: bool,
    /// Terminal width in columns, for tables and wrapping.
    pub width: u16,
    /// `--fields`: the columns of a list to write, in this order.
    pub fields: Option<Vec<String>>,
}

impl Output<'_> {
    /// A usage error unless the chosen format is one the command can write.
    pub fn require(&self, allowed: &[Format], command: &str) -> Result<()> {
        if allowed.contains(&self.format) {
            return Ok(());
        }
        let names: Vec<&str> = allowed.iter().map(|f| format_name(*f)).collect();
        Err(Error::Usage(format!(
            "`{command}` cannot write {}; use one of: {}",
            format_name(self.format),
            names.join(", ")
        )))
    }

    pub fn json<T: serde::Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        json::to_writer_pretty(&mut *self.out, value)?;
        writeln!(self.out)?;
        Ok(())
    }
}

pub fn format_name(format: Format) -> &'static str {
    match format {
        Format::Table => "table",
        Format::Plain => "plain",
        Format::Json => "json",
        Format::Ndjson => "ndjson",
        Format::Csv => "csv",
        Format::Mermaid => "mermaid",
        Format::Dot => "dot",
    }
}

/// The formats of commands that print a list of records.
pub const LIST_FORMATS: &[Format] = &[Format::Table, Format::Plain, Format::Json, Format::Ndjson, Format::Csv];
/// The formats of commands that print one profile or document.
pub const DOCUMENT_FORMATS: &[Format] = &[Format::Table, Format::Plain, Format::Json];

pub fn tone_color(tone: Tone) -> comfy_table::Color {
    match tone {
        Tone::Hostile => comfy_table::Color::Red,
        Tone::Strained => comfy_table::Color::Yellow,
        Tone::Neutral => comfy_table::Color::Grey,
        Tone::Cooperative => comfy_table::Color::Green,
        Tone::Close => comfy_table::Color::Cyan,
    }
}

/// The same colours for text outside tables (headings, labels, charts).
pub fn paint(text: &str, tone: Tone) -> colored::ColoredString {
    use colored::Colorize;
    match tone {
        Tone::Hostile => text.red(),
        Tone::Strained => text.yellow(),
        Tone::Neutral => text.normal(),
        Tone::Cooperative => text.green(),
        Tone::Close => text.cyan(),
    }
}

/// A tone as a signed number with its word: "-1 strained".
pub fn tone_text(tone: Tone) -> String {
    format!("{:+} {}", tone.value(), tone.label()).replace("+0", "0")
}

/// Greedy word wrap to `width` columns, for paragraphs outside tables; a word is cut only when
/// it alone is wider than the line. Linear in the length of the text.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = listing::wrap_cell(text, width.max(1));
    if lines.len() == 1 && lines[0].is_empty() {
        lines.clear();
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wrap_keeps_words_whole_and_splits_only_a_word_wider_than_the_line() {
        assert_eq!(wrap("not to vote for Morales", 12), ["not to vote", "for Morales"]);
        assert_eq!(wrap("a Verylongwordindeed b", 8), ["a", "Verylong", "wordinde", "ed b"]);
        assert!(wrap("  ", 10).is_empty());
    }
}
