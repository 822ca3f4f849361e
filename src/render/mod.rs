//! Everything that turns query results into text: tables, plain lines, JSON, CSV, charts.
//! The only code that knows comfy-table, colored and the JSON writer.

mod chart;
mod document;
mod graph;
mod listing;
mod profile;
pub mod records;
mod sanitize;
mod search;
mod timeline;

use std::io::Write;

use crate::cli::Format;
use crate::error::{Error, Result};
use crate::model::Tone;

pub use chart::tone_strip;
pub use document::{Block, Document};
pub use graph::write_graph;
pub use listing::{Cell, Listing};
pub use profile::{profile_document, profile_json};
pub use sanitize::sanitize;
pub use search::write_search_hits;
pub use timeline::write_timeline;

/// Where output goes and how it should look; decided once in `main`.
pub struct Output<'a> {
    pub out: &'a mut dyn Write,
    pub format: Format,
    pub color: bool,
    /// Terminal width in columns, for tables and wrapping.
    pub width: u16,
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

    pub fn json(&mut self, value: &serde_json::Value) -> Result<()> {
        serde_json::to_writer_pretty(&mut *self.out, value).map_err(std::io::Error::from)?;
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

/// Greedy word wrap to `width` characters, for paragraphs outside tables.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(20);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let needed = line.chars().count() + usize::from(!line.is_empty()) + word.chars().count();
        if needed > width && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}
