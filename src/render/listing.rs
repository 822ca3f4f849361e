//! A list of records, written as a table, plain lines, CSV, a JSON array or NDJSON.

use comfy_table::{Attribute, ContentArrangement, Table, presets};
use serde_json::Value;

use super::{Output, sanitize, tone_color};
use crate::cli::Format;
use crate::error::Result;
use crate::model::Tone;

/// One cell of a table row: its text, and a tone to colour it by.
#[derive(Debug, Clone, Default)]
pub struct Cell {
    pub text: String,
    pub tone: Option<Tone>,
}

impl Cell {
    pub fn toned(text: impl Into<String>, tone: Tone) -> Self {
        Self { text: text.into(), tone: Some(tone) }
    }
}

impl<T: Into<String>> From<T> for Cell {
    fn from(text: T) -> Self {
        Self { text: text.into(), tone: None }
    }
}

/// Rows for people (table, plain, CSV) and the same records for programs (JSON).
#[derive(Debug, Default)]
pub struct Listing {
    pub headers: Vec<&'static str>,
    pub rows: Vec<Vec<Cell>>,
    pub records: Vec<Value>,
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
            Format::Table | Format::Mermaid => {
                if self.rows.is_empty() {
                    writeln!(out.out, "(nothing matches)")?;
                } else {
                    writeln!(out.out, "{}", self.table(out.color, out.width))?;
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
        table.set_header(self.headers.iter().map(|h| comfy_table::Cell::new(h).add_attribute(Attribute::Bold)));
        for row in &self.rows {
            table.add_row(row.iter().map(|cell| {
                let shown = comfy_table::Cell::new(sanitize(&cell.text));
                match cell.tone {
                    Some(tone) if color => shown.fg(tone_color(tone)),
                    _ => shown,
                }
            }));
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
