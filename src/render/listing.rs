//! A list of records, written as a table, plain lines, CSV, a JSON array or NDJSON — row by
//! row as it goes, so a long list is never held whole in memory as text or JSON.

use std::borrow::Cow;
use std::io::Write;

use comfy_table::{Attribute, ColumnConstraint, ContentArrangement, Table, Width, presets};
use serde::{Serialize, Serializer};
use serde_json::Value;
use unicode_width::UnicodeWidthStr;

use super::{Output, csv_cell, sanitize, tone_color};
use crate::error::{Error, Result};
use crate::model::Tone;
use crate::render::Format;

/// The narrowest a wrapped column may be before a table is stacked instead.
const MIN_READABLE: usize = 20;
/// A word longer than this may be cut rather than widen its column.
const WORD_CAP: usize = 24;
/// The narrowest a stacked value is wrapped to, however narrow the terminal.
const STACKED_MIN_VALUE: usize = 10;
/// Rows drawn per comfy-table; each chunk is drawn with the widths measured over all rows.
const TABLE_CHUNK: usize = 256;

/// One cell of a table row: its text, and a tone to colour it by.
#[derive(Debug, Clone, Default)]
pub struct Cell {
    pub text: String,
    pub tone: Option<Tone>,
    /// The form boxed tables show, where width is scarce and people read (a name for an id, a
    /// tone's word beside its number, a display date); plain and CSV keep `text`.
    pub short: Option<String>,
    /// The cell as a typed JSON value (a number, a flag, a list) for `--fields` JSON; without
    /// one, `text` as a string, or null when empty.
    pub value: Option<Value>,
}

impl Cell {
    pub fn toned(text: impl Into<String>, tone: Tone) -> Self {
        Self { text: text.into(), tone: Some(tone), short: None, value: None }
    }

    pub fn with_short(text: impl Into<String>, short: impl Into<String>) -> Self {
        Self { text: text.into(), tone: None, short: Some(short.into()), value: None }
    }

    /// A cell whose JSON is `value` (a number, flag or list) rather than its text.
    pub fn typed(text: impl Into<String>, value: Value) -> Self {
        Self { text: text.into(), value: Some(value), ..Self::default() }
    }

    /// The same cell, shown as `short` in boxed tables.
    #[must_use]
    pub fn shown_as(mut self, short: impl Into<String>) -> Self {
        self.short = Some(short.into());
        self
    }

    /// The cell's value in `--fields` JSON.
    fn json(&self) -> Value {
        match &self.value {
            Some(value) => value.clone(),
            None if self.text.is_empty() => Value::Null,
            None => Value::String(self.text.clone()),
        }
    }

    /// The text a boxed table shows.
    pub(crate) fn shown(&self) -> &str {
        self.short.as_deref().unwrap_or(&self.text)
    }
}

impl<T: Into<String>> From<T> for Cell {
    fn from(text: T) -> Self {
        Self { text: text.into(), tone: None, short: None, value: None }
    }
}

/// The columns of a list, and which of them tables treat specially.
#[derive(Debug, Default, Clone)]
pub struct Columns {
    pub headers: Vec<&'static str>,
    /// Columns left out of boxed tables narrower than 140 columns (still in plain and CSV).
    pub wide_only: &'static [&'static str],
    /// Columns that keep their full width in tables (short codes and dates); the rest wrap.
    pub unwrapped: &'static [&'static str],
    /// Columns for programs and analysts only: in plain, CSV and `--fields`, never in tables
    /// unless `--fields` names them.
    pub data_only: &'static [&'static str],
    /// Columns for people only: in tables, never in plain or CSV, and not a field.
    pub table_only: &'static [&'static str],
}

impl Columns {
    pub fn new(headers: Vec<&'static str>) -> Self {
        Self { headers, ..Self::default() }
    }

    /// The columns plain, CSV and `--fields` JSON write: the ones `fields` names, in its order,
    /// or else every column but the table's own. An unknown field is a usage error that lists
    /// the known ones.
    pub fn selected(&self, fields: Option<&[String]>) -> Result<Vec<usize>> {
        let data: Vec<usize> =
            (0..self.headers.len()).filter(|&i| !self.table_only.contains(&self.headers[i])).collect();
        let Some(fields) = fields else { return Ok(data) };
        fields
            .iter()
            .map(|field| {
                data.iter().copied().find(|&i| self.headers[i] == field.trim()).ok_or_else(|| {
                    let known: Vec<&str> = data.iter().map(|&i| self.headers[i]).collect();
                    Error::Usage(format!(
                        "unknown field '{}'; this list has: {}",
                        crate::model::shorten(field),
                        known.join(", ")
                    ))
                })
            })
            .collect()
    }

    /// The columns a boxed table `width` columns wide shows: those `fields` names, or else every
    /// column but the data-only ones (and the wide-only ones below 140 columns).
    pub(crate) fn in_table(&self, width: u16, fields: Option<&[String]>) -> Result<Vec<usize>> {
        if fields.is_some() {
            return self.selected(fields);
        }
        Ok((0..self.headers.len())
            .filter(|&i| {
                let header = &self.headers[i];
                !self.data_only.contains(header) && (width >= 140 || !self.wide_only.contains(header))
            })
            .collect())
    }
}

/// Rows that can be visited more than once (a boxed table measures them, then draws them).
trait Rows {
    fn columns(&self) -> &Columns;
    fn len(&self) -> usize;
    fn row(&self, index: usize) -> Cow<'_, [Cell]>;
}

/// A short list held in memory: a section of a profile or document.
#[derive(Debug, Default)]
pub struct Listing {
    pub columns: Columns,
    pub rows: Vec<Vec<Cell>>,
}

impl Listing {
    pub fn new(headers: Vec<&'static str>) -> Self {
        Self { columns: Columns::new(headers), rows: Vec::new() }
    }

    pub fn push(&mut self, row: Vec<Cell>) {
        self.rows.push(row);
    }

    /// Only the named columns, in the order named (a name the listing lacks is skipped).
    pub fn keep(&mut self, names: &[&'static str]) {
        let at: Vec<usize> =
            names.iter().filter_map(|name| self.columns.headers.iter().position(|h| h == name)).collect();
        self.columns.headers = at.iter().map(|&i| self.columns.headers[i]).collect();
        for row in &mut self.rows {
            let mut cells: Vec<Option<Cell>> = std::mem::take(row).into_iter().map(Some).collect();
            *row = at.iter().filter_map(|&i| cells.get_mut(i).and_then(Option::take)).collect();
        }
    }

    /// Table, plain or CSV (a document's sections have no JSON of their own).
    pub fn write(&self, out: &mut Output) -> Result<()> {
        write_rows(self, out)
    }

    /// The boxed table, drawn at `width` columns.
    pub fn write_table(&self, out: &mut dyn Write, color: bool, width: u16) -> Result<()> {
        write_table(self, out, color, width, None)
    }

    /// The rows as plain lines, each after `key` and a tab.
    pub fn write_plain(&self, out: &mut dyn Write, key: &str) -> Result<()> {
        write_plain(self, out, Some(key), None)
    }
}

impl Rows for Listing {
    fn columns(&self) -> &Columns {
        &self.columns
    }
    fn len(&self) -> usize {
        self.rows.len()
    }
    fn row(&self, index: usize) -> Cow<'_, [Cell]> {
        Cow::Borrowed(&self.rows[index])
    }
}

/// A list over query results: each row's cells (for people) and JSON (for programs) are made
/// from its record only when that row is written.
pub struct List<'a, T, C, J> {
    pub columns: Columns,
    pub items: &'a [T],
    /// A record's cells, in the order of `columns.headers`.
    pub cells: C,
    /// A record as JSON, serialised straight to the output.
    pub json: J,
}

impl<'a, T, C, J, S> List<'a, T, C, J>
where
    C: Fn(&T) -> Vec<Cell>,
    J: Fn(&'a T) -> S,
    S: Serialize,
{
    pub fn write(&self, out: &mut Output) -> Result<()> {
        if let (Some(fields), Format::Json | Format::Ndjson) = (out.fields.clone(), out.format) {
            return self.write_fields_json(out, &fields);
        }
        match out.format {
            Format::Json => {
                crate::render::write_json(&mut *out.out, &Elements(self.items, &self.json))?;
                writeln!(out.out)?;
            }
            Format::Ndjson => {
                for item in self.items {
                    crate::render::write_json_line(&mut *out.out, &(self.json)(item))?;
                    writeln!(out.out)?;
                }
            }
            _ => write_rows(self, out)?,
        }
        Ok(())
    }

    /// The chosen columns of each record as one JSON object, with the columns' names as keys.
    fn write_fields_json(&self, out: &mut Output, fields: &[String]) -> Result<()> {
        let picked = self.columns.selected(Some(fields))?;
        let object = |item: &'a T| -> Fields {
            let cells = (self.cells)(item);
            Fields(
                picked
                    .iter()
                    .map(|&i| (self.columns.headers[i], cells.get(i).map_or(Value::Null, Cell::json)))
                    .collect(),
            )
        };
        if out.format == Format::Json {
            crate::render::write_json(&mut *out.out, &Elements(self.items, &object))?;
            writeln!(out.out)?;
        } else {
            for item in self.items {
                crate::render::write_json_line(&mut *out.out, &object(item))?;
                writeln!(out.out)?;
            }
        }
        Ok(())
    }

    /// Every column, also those kept for wide terminals (`events --ids`).
    #[must_use]
    pub fn with_all_columns(mut self) -> Self {
        self.columns.wide_only = &[];
        self
    }

    /// The rows in memory, for a section of a document.
    pub fn collect(&self) -> Listing {
        Listing { columns: self.columns.clone(), rows: self.items.iter().map(&self.cells).collect() }
    }
}

impl<T, C: Fn(&T) -> Vec<Cell>, J> Rows for List<'_, T, C, J> {
    fn columns(&self) -> &Columns {
        &self.columns
    }
    fn len(&self) -> usize {
        self.items.len()
    }
    fn row(&self, index: usize) -> Cow<'_, [Cell]> {
        Cow::Owned((self.cells)(&self.items[index]))
    }
}

/// One record's chosen columns as a JSON object, keys in the order `--fields` gave them.
struct Fields(Vec<(&'static str, Value)>);

impl Serialize for Fields {
    fn serialize<Z: Serializer>(&self, serializer: Z) -> std::result::Result<Z::Ok, Z::Error> {
        serializer.collect_map(self.0.iter().map(|(key, value)| (key, value)))
    }
}

/// A JSON array written element by element as serde visits it.
struct Elements<'a, 'j, T, J>(&'a [T], &'j J);

impl<'a, T, J: Fn(&'a T) -> S, S: Serialize> Serialize for Elements<'a, '_, T, J> {
    fn serialize<Z: Serializer>(&self, serializer: Z) -> std::result::Result<Z::Ok, Z::Error> {
        serializer.collect_seq(self.0.iter().map(self.1))
    }
}

fn write_rows(rows: &dyn Rows, out: &mut Output) -> Result<()> {
    let fields = out.fields.as_deref();
    match out.format {
        Format::Csv => {
            let picked = rows.columns().selected(fields)?;
            let mut writer = csv::Writer::from_writer(&mut *out.out);
            writer.write_record(picked.iter().map(|&i| rows.columns().headers[i])).map_err(csv_error)?;
            for index in 0..rows.len() {
                let row = rows.row(index);
                let cells = picked
                    .iter()
                    .map(|&i| row.get(i).map_or(String::new(), |c| csv_cell(&c.text, c.tone).into_owned()));
                writer.write_record(cells).map_err(csv_error)?;
            }
            writer.flush()?;
        }
        Format::Plain | Format::Json | Format::Ndjson => write_plain(rows, out.out, None, fields)?,
        Format::Table | Format::Mermaid | Format::Dot => {
            if rows.len() == 0 {
                rows.columns().in_table(out.width, fields)?;
                writeln!(out.out, "(nothing matches)")?;
            } else {
                write_table(rows, out.out, out.color, out.width, fields)?;
            }
        }
    }
    Ok(())
}

/// One tab-separated line per row, after `prefix` and a tab when there is one.
fn write_plain(rows: &dyn Rows, out: &mut dyn Write, prefix: Option<&str>, fields: Option<&[String]>) -> Result<()> {
    let picked = rows.columns().selected(fields)?;
    for index in 0..rows.len() {
        if let Some(prefix) = prefix {
            write!(out, "{prefix}\t")?;
        }
        let row = rows.row(index);
        for (k, &i) in picked.iter().enumerate() {
            if k > 0 {
                out.write_all(b"\t")?;
            }
            out.write_all(sanitize(row.get(i).map_or("", |cell| cell.text.as_str())).as_bytes())?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// A boxed table in two passes over the rows: the first measures each column (its widest line
/// and its longest word) and fixes the column widths; the second draws the rows in chunks of
/// `TABLE_CHUNK` with those widths, so memory stays one chunk whatever the number of rows. Every
/// cell is wrapped to its column here, in time linear in its text, so comfy-table never has to
/// break a word itself (its breaking is quadratic in a long word's length). A column is never
/// narrower than its longest word (up to `WORD_CAP`), so only a word wider than that is cut;
/// when the columns cannot all get a readable width, the rows are stacked instead
/// (`write_stacked`).
fn write_table(rows: &dyn Rows, out: &mut dyn Write, color: bool, width: u16, fields: Option<&[String]>) -> Result<()> {
    let columns = rows.columns();
    let shown = columns.in_table(width, fields)?;
    let mut widest: Vec<usize> = shown.iter().map(|&i| columns.headers[i].width()).collect();
    let mut longest_word: Vec<usize> = shown.iter().map(|&i| longest_word_width(columns.headers[i])).collect();
    for index in 0..rows.len() {
        let row = rows.row(index);
        for (k, &i) in shown.iter().enumerate() {
            if let Some(cell) = row.get(i) {
                let text = sanitize(cell.shown());
                widest[k] = widest[k].max(text.width());
                longest_word[k] = longest_word[k].max(longest_word_width(&text));
            }
        }
    }
    let unwrapped: Vec<bool> = shown.iter().map(|&i| columns.unwrapped.contains(&columns.headers[i])).collect();
    let Some(widths) = column_widths(&widest, &longest_word, &unwrapped, usize::from(width)) else {
        return write_stacked(rows, &shown, out, color, width);
    };
    let chunks = rows.len().div_ceil(TABLE_CHUNK).max(1);
    for chunk in 0..chunks {
        let mut table = Table::new();
        table
            .load_style(presets::UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Disabled)
            .force_no_tty();
        if color {
            table.enforce_styling();
        }
        let header = shown.iter().zip(&widths).map(|(&i, &w)| {
            comfy_table::Cell::new(wrap_cell(columns.headers[i], w).join("\n")).add_attribute(Attribute::Bold)
        });
        if chunk == 0 {
            table.set_header(header);
        }
        for index in chunk * TABLE_CHUNK..rows.len().min((chunk + 1) * TABLE_CHUNK) {
            let row = rows.row(index);
            table.add_row(shown.iter().zip(&widths).filter_map(|(&i, &w)| row.get(i).map(|cell| (cell, w))).map(
                |(cell, w)| {
                    let drawn = comfy_table::Cell::new(wrap_cell(&sanitize(cell.shown()), w).join("\n"));
                    match cell.tone {
                        Some(tone) if color => drawn.fg(tone_color(tone)),
                        _ => drawn,
                    }
                },
            ));
        }
        for (k, &w) in widths.iter().enumerate() {
            if let Some(column) = table.column_mut(k) {
                let padded = u16::try_from(w + 2).unwrap_or(u16::MAX);
                column.set_constraint(ColumnConstraint::Absolute(Width::Fixed(padded)));
            }
        }
        // Chunks join into one table: only the first keeps its top border, only the last its
        // bottom border (the condensed style draws no lines between rows).
        let lines: Vec<String> = table.lines().collect();
        let from = usize::from(chunk > 0);
        let to = if chunk + 1 < chunks { lines.len().saturating_sub(1) } else { lines.len() };
        for line in lines.get(from..to).unwrap_or_default() {
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}

/// The rows of a table too narrow for its columns, one record at a time as `key: value` lines
/// (as `psql \x` and `kubectl describe` do), records apart by a blank line; a long value wraps
/// at word boundaries under itself. Empty values are left out. Written row by row as they come.
fn write_stacked(rows: &dyn Rows, shown: &[usize], out: &mut dyn Write, color: bool, width: u16) -> Result<()> {
    use colored::Colorize;
    let columns = rows.columns();
    let key_width = shown.iter().map(|&i| columns.headers[i].width()).max().unwrap_or(0) + 1;
    let indent = key_width + 1;
    let value_width = usize::from(width).saturating_sub(indent).max(STACKED_MIN_VALUE);
    for index in 0..rows.len() {
        if index > 0 {
            writeln!(out)?;
        }
        let row = rows.row(index);
        for &i in shown {
            let Some(cell) = row.get(i) else { continue };
            let text = sanitize(cell.shown());
            if text.trim().is_empty() {
                continue;
            }
            let key = format!("{:<key_width$}", format!("{}:", columns.headers[i]));
            let key = if color { key.dimmed().to_string() } else { key };
            for (n, line) in wrap_cell(&text, value_width).into_iter().enumerate() {
                let line = match cell.tone {
                    Some(tone) if color => super::paint(&line, tone).to_string(),
                    _ => line,
                };
                if n == 0 {
                    writeln!(out, "{key} {line}")?;
                } else {
                    writeln!(out, "{:indent$}{line}", "")?;
                }
            }
        }
    }
    Ok(())
}

/// The display width of the widest word of `text`.
fn longest_word_width(text: &str) -> usize {
    text.split(char::is_whitespace).map(UnicodeWidthStr::width).max().unwrap_or(0)
}

/// Content widths of the columns of a table `width` columns wide, or None when they do not fit
/// readably (then the rows are stacked). Every column gets its widest line when they all fit.
/// Otherwise an unwrapped column keeps its widest line (up to `WORD_CAP`) and a wrapped one
/// needs at least `MIN_READABLE` (or its widest line when shorter) and its longest word (up to
/// `WORD_CAP`, so one freak word does not stack a whole table); what is left goes first to
/// longer words, then is shared out among the columns that would still wrap.
fn column_widths(widest: &[usize], longest_word: &[usize], unwrapped: &[bool], width: usize) -> Option<Vec<usize>> {
    let count = widest.len();
    // Each column has a border and a space either side; the table one more border.
    let available = width.saturating_sub(3 * count + 1);
    if widest.iter().sum::<usize>() <= available {
        return Some(widest.to_vec());
    }
    let mut widths: Vec<usize> = (0..count)
        .map(|i| {
            if unwrapped[i] {
                widest[i].min(WORD_CAP)
            } else {
                widest[i].min(longest_word[i].clamp(MIN_READABLE, WORD_CAP)).max(1)
            }
        })
        .collect();
    let mut left = available.checked_sub(widths.iter().sum())?;
    // Then, while there is room, words longer than `WORD_CAP` are kept whole too.
    for i in 0..count {
        let whole_word = longest_word[i].min(widest[i]);
        if whole_word > widths[i] && whole_word - widths[i] <= left {
            left -= whole_word - widths[i];
            widths[i] = whole_word;
        }
    }
    // Share what is left evenly among the columns still narrower than their widest line; a
    // column that needs less than its share gives the rest back.
    loop {
        let open: Vec<usize> = (0..count).filter(|&i| !unwrapped[i] && widths[i] < widest[i]).collect();
        if open.is_empty() || left == 0 {
            break;
        }
        let share = (left / open.len()).max(1);
        for &i in &open {
            let extra = share.min(widest[i] - widths[i]).min(left);
            widths[i] += extra;
            left -= extra;
        }
    }
    Some(widths)
}

/// Greedy word wrap of one line of text to `width` display columns, cutting any word wider than
/// that; linear in the length of the text.
pub fn wrap_cell(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for word in text.split(char::is_whitespace).filter(|w| !w.is_empty()) {
        let word_width = word.width();
        if used > 0 && used + 1 + word_width <= width {
            line.push(' ');
            line.push_str(word);
            used += 1 + word_width;
            continue;
        }
        if used > 0 {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        if word_width <= width {
            line.push_str(word);
            used = word_width;
            continue;
        }
        for c in word.chars() {
            let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if used + w > width && used > 0 {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            line.push(c);
            used += w;
        }
    }
    if used > 0 || lines.is_empty() {
        lines.push(line);
    }
    lines
}

fn csv_error(error: csv::Error) -> std::io::Error {
    match error.into_kind() {
        csv::ErrorKind::Io(io) => io,
        other => std::io::Error::other(format!("{other:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::{column_widths, wrap_cell};

    #[test]
    fn wrapping_cuts_words_longer_than_the_column() {
        assert_eq!(wrap_cell("ab cdefghij k", 4), ["ab", "cdef", "ghij", "k"]);
        assert_eq!(wrap_cell("", 4), [""]);
        assert_eq!(wrap_cell("日本語です", 4), ["日本", "語で", "す"]);
    }

    #[test]
    fn columns_that_fit_keep_their_width_and_the_rest_share() {
        assert_eq!(column_widths(&[4, 10], &[4, 10], &[false, false], 80), Some(vec![4, 10]));
        // 80 - 3 * 3 - 1 = 70 columns of content: the date keeps 10, the short 5, the rest 55.
        assert_eq!(column_widths(&[10, 5, 500], &[10, 5, 12], &[true, false, false], 80), Some(vec![10, 5, 55]));
        assert_eq!(column_widths(&[300, 300], &[9, 9], &[false, false], 80), Some(vec![37, 36]));
    }

    #[test]
    fn a_column_is_as_wide_as_its_longest_word_or_the_table_is_stacked() {
        // 56 - 10 = 46: the first column needs its 22-character word, the second 20 to read.
        assert_eq!(column_widths(&[100, 100, 3], &[22, 5, 3], &[false, false, true], 56), Some(vec![23, 20, 3]));
        assert_eq!(column_widths(&[100, 100, 3], &[22, 5, 3], &[false, false, true], 54), None);
        // Four wrapped columns of at least 20 do not fit in 60 - 13 = 47.
        assert_eq!(column_widths(&[100; 4], &[5; 4], &[false; 4], 60), None);
    }
}
