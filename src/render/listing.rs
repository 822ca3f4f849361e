//! A list of records, written as a table, plain lines, CSV, a JSON array or NDJSON.

use comfy_table::{Attribute, ContentArrangement, Table, presets};
use serde_json::Value;

use super::{Output, sanitize, tone_color};
use crate::cli::Format;
use crate::error::Result;
use crate::model::Tone;

/// The widest an unwrapped column is kept, in characters.
const UNWRAPPED_CAP: usize = 18;

/// One cell of a table row: its text, and a tone to colour it by.
#[derive(Debug, Clone, Default)]
pub struct Cell {
    pub text: String,
    pub tone: Option<Tone>,
    /// A shorter form for boxed tables, where width is scarce (plain and CSV keep `text`).
    pub short: Option<String>,
}

impl Cell {
    pub fn toned(text: impl Into<String>, tone: Tone) -> Self {
        Self { text: text.into(), tone: Some(tone), short: None }
    }

    pub fn with_short(text: impl Into<String>, short: impl Into<String>) -> Self {
        Self { text: text.into(), tone: None, short: Some(short.into()) }
    }
}

impl<T: Into<String>> From<T> for Cell {
    fn from(text: T) -> Self {
        Self { text: text.into(), tone: None, short: None }
    }
}

/// Rows for people (table, plain, CSV) and the same records for programs (JSON).
#[derive(Debug, Default)]
pub struct Listing {
    pub headers: Vec<&'static str>,
    pub rows: Vec<Vec<Cell>>,
    pub records: Vec<Value>,
    /// Columns left out of boxed tables narrower than 140 columns (still in plain and CSV).
    pub wide_only: &'static [&'static str],
    /// Columns that keep their full width in tables (short codes and dates); the rest wrap.
    pub unwrapped: &'static [&'static str],
    /// Words to highlight in a coloured table (`events --grep`).
    pub highlight: Option<crate::query::Query>,
}

impl Listing {
    pub fn new(headers: Vec<&'static str>) -> Self {
        Self { headers, ..Self::default() }
    }

    pub fn push(&mut self, row: Vec<Cell>, record: Value) {
        self.rows.push(row);
        self.records.push(record);
    }

    pub fn write(&self, out: &mut Output) -> Result<()> {
        match out.format {
            Format::Json => out.json(&Value::Array(self.records.clone()))?,
            Format::Ndjson => {
                for record in &self.records {
                    serde_json::to_writer(&mut *out.out, record).map_err(std::io::Error::from)?;
                    writeln!(out.out)?;
                }
            }
            Format::Csv => {
                let mut writer = csv::Writer::from_writer(&mut *out.out);
                writer.write_record(&self.headers).map_err(csv_error)?;
                for row in &self.rows {
                    writer.write_record(row.iter().map(|c| c.text.as_str())).map_err(csv_error)?;
                }
                writer.flush()?;
            }
            Format::Plain => {
                for row in &self.rows {
                    let cells: Vec<_> = row.iter().map(|c| sanitize(&c.text)).collect();
                    writeln!(out.out, "{}", cells.join("\t"))?;
                }
            }
            Format::Table | Format::Mermaid | Format::Dot => {
                if self.rows.is_empty() {
                    writeln!(out.out, "(nothing matches)")?;
                } else {
                    let mut table = self.table(out.color, out.width).to_string();
                    if let (Some(query), true) = (&self.highlight, out.color) {
                        table = super::search::highlight_query(&table, query);
                    }
                    writeln!(out.out, "{table}")?;
                }
            }
        }
        Ok(())
    }

    pub fn table(&self, color: bool, width: u16) -> Table {
        let mut table = Table::new();
        table
            .load_style(presets::UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .force_no_tty()
            .set_width(width);
        if color {
            table.enforce_styling();
        }
        let shown: Vec<usize> =
            (0..self.headers.len()).filter(|&i| width >= 140 || !self.wide_only.contains(&self.headers[i])).collect();
        table.set_header(shown.iter().map(|&i| comfy_table::Cell::new(self.headers[i]).add_attribute(Attribute::Bold)));
        for row in &self.rows {
            table.add_row(shown.iter().filter_map(|&i| row.get(i)).map(|cell| {
                let shown = comfy_table::Cell::new(sanitize(cell.short.as_deref().unwrap_or(&cell.text)));
                match cell.tone {
                    Some(tone) if color => shown.fg(tone_color(tone)),
                    _ => shown,
                }
            }));
        }
        // Short codes and dates keep their width (up to `UNWRAPPED_CAP`) so they do not break mid-word.
        for (column, &i) in shown.iter().enumerate() {
            if !self.unwrapped.contains(&self.headers[i]) {
                continue;
            }
            let widest = self
                .rows
                .iter()
                .filter_map(|row| row.get(i))
                .map(|c| c.short.as_deref().unwrap_or(&c.text).chars().count())
                .chain(std::iter::once(self.headers[i].len()))
                .max()
                .unwrap_or(0)
                .min(UNWRAPPED_CAP);
            if let Some(column) = table.column_mut(column) {
                let lower = u16::try_from(widest + 2).unwrap_or(u16::MAX);
                column.set_constraint(comfy_table::ColumnConstraint::LowerBoundary(comfy_table::Width::Fixed(lower)));
            }
        }
        table
    }
}

fn csv_error(error: csv::Error) -> std::io::Error {
    match error.into_kind() {
        csv::ErrorKind::Io(io) => io,
        other => std::io::Error::other(format!("{other:?}")),
    }
}
