//! A profile (`show`, `compare`) as a sequence of blocks: a framed page on a terminal, one
//! tab-separated line per fact when piped.

use colored::Colorize;

use unicode_width::UnicodeWidthStr;

use super::{Cell, Listing, Output, sanitize, wrap};
use crate::error::Result;
use crate::model::Tone;
use crate::render::Format;

pub enum Block {
    /// The profile's title line.
    Title(String),
    /// A labelled value: "kind: country". The key is the first plain column. With a tone, the
    /// value is coloured as that tone.
    Field { key: &'static str, value: String, tone: Option<Tone> },
    /// A paragraph.
    Text { key: &'static str, text: String },
    /// A section heading followed by a table.
    Section { key: &'static str, title: String, listing: Listing },
    /// Pre-drawn lines (a chart); table format only.
    Drawing(Vec<String>),
    /// Where a part of the document begins (`show --section NAME`); writes nothing.
    Part(&'static str),
    /// A note for people on what else there is and how to ask for it; table format only.
    Hint(String),
    /// One line of text cut at a word to the width (a card's summary); `key` and the text in plain.
    Line { key: &'static str, text: String },
    /// A heading and one line per row, columns aligned, the last cut at a word to the width (a
    /// card's lists); in plain, like a section.
    Compact { key: &'static str, title: String, listing: Listing },
}

#[derive(Default)]
pub struct Document {
    pub blocks: Vec<Block>,
}

impl Document {
    pub fn field(&mut self, key: &'static str, value: impl Into<String>) {
        self.blocks.push(Block::Field { key, value: value.into(), tone: None });
    }

    pub fn section(&mut self, key: &'static str, title: impl Into<String>, listing: Listing) {
        if !listing.rows.is_empty() {
            self.blocks.push(Block::Section { key, title: title.into(), listing });
        }
    }

    /// Only the parts `keep` chooses (what comes before the first part, the title, always).
    pub fn keep_parts(&mut self, keep: impl Fn(&str) -> bool) {
        let mut kept = true;
        self.blocks.retain(|block| {
            if let Block::Part(name) = block {
                kept = keep(name);
            }
            kept && !matches!(block, Block::Part(_))
        });
    }

    pub fn write(&self, out: &mut Output) -> Result<()> {
        if out.format == Format::Plain {
            return self.write_plain(out);
        }
        let width = usize::from(out.width);
        for (i, block) in self.blocks.iter().enumerate() {
            match block {
                Block::Title(title) => {
                    if i > 0 {
                        writeln!(out.out)?;
                    }
                    let lines = wrap(&sanitize(title), width);
                    for line in &lines {
                        writeln!(out.out, "{}", line.bold())?;
                    }
                    let longest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
                    writeln!(out.out, "{}", "═".repeat(longest.min(width)))?;
                }
                Block::Field { key, value, tone } => {
                    let label = format!("{:<10}", format!("{key}:"));
                    // Long values wrap under the value, not under the label; a toned value is
                    // escaped and wrapped like any other (it may name an actor), then coloured.
                    let indent = label.chars().count() + 1;
                    let paint = |line: String| match tone {
                        Some(tone) => super::paint(&line, *tone).to_string(),
                        None => line,
                    };
                    let mut lines = wrap(&sanitize(value), width.saturating_sub(indent)).into_iter().map(paint);
                    writeln!(out.out, "{} {}", label.dimmed(), lines.next().unwrap_or_default())?;
                    for line in lines {
                        writeln!(out.out, "{}{line}", " ".repeat(indent))?;
                    }
                }
                Block::Text { text, .. } => {
                    writeln!(out.out)?;
                    for line in wrap(&sanitize(text), width.saturating_sub(2)) {
                        writeln!(out.out, "{line}")?;
                    }
                }
                Block::Section { title, listing, .. } => {
                    writeln!(out.out)?;
                    writeln!(out.out, "{}", sanitize(title).bold().underline())?;
                    listing.write_table(out.out, out.color, out.width)?;
                }
                Block::Drawing(lines) => {
                    for line in lines {
                        writeln!(out.out, "{line}")?;
                    }
                }
                Block::Part(_) => {}
                Block::Hint(hint) => {
                    // Apart from a table or stacked records above, so it is not read as their last row.
                    if i > 0 && matches!(self.blocks[i - 1], Block::Section { .. }) {
                        writeln!(out.out)?;
                    }
                    for (n, line) in wrap(&sanitize(hint), width.saturating_sub(2)).iter().enumerate() {
                        let indent = if n == 0 { "" } else { "  " };
                        writeln!(out.out, "{indent}{}", line.dimmed())?;
                    }
                }
                Block::Line { text, .. } => writeln!(out.out, "{}", fit_words(&sanitize(text), width))?,
                Block::Compact { title, listing, .. } => {
                    writeln!(out.out)?;
                    writeln!(out.out, "{}", sanitize(title).bold().underline())?;
                    write_compact(listing, out.out, out.color, width)?;
                }
            }
        }
        Ok(())
    }

    /// Every fact on its own line, its first column saying what it is, for grep and cut.
    fn write_plain(&self, out: &mut Output) -> Result<()> {
        for block in &self.blocks {
            match block {
                Block::Title(_) | Block::Drawing(_) | Block::Part(_) | Block::Hint(_) => {}
                Block::Section { key, listing, .. } | Block::Compact { key, listing, .. } => {
                    listing.write_plain(out.out, key)?;
                }
                Block::Field { key, value, .. } => writeln!(out.out, "{key}\t{}", sanitize(value))?,
                Block::Text { key, text } | Block::Line { key, text } => {
                    writeln!(out.out, "{key}\t{}", sanitize(text))?;
                }
            }
        }
        Ok(())
    }
}

/// `text` on one line of at most `width` columns: whole when it fits, else cut after the last
/// word that fits, with "…" (a word is cut only when it alone is wider than the line).
pub fn fit_words(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    let mut line = wrap(text, width.saturating_sub(1).max(1)).into_iter().next().unwrap_or_default();
    line.push('…');
    line
}

/// Rows as single lines under two spaces: the columns a table shows, every one but the last
/// padded to its widest cell, the last cut at a word to what is left of the width; toned cells
/// coloured.
fn write_compact(listing: &Listing, out: &mut dyn std::io::Write, color: bool, width: usize) -> Result<()> {
    let shown = listing.columns.in_table(u16::try_from(width).unwrap_or(u16::MAX), None)?;
    let rows: Vec<Vec<&Cell>> =
        listing.rows.iter().map(|row| shown.iter().filter_map(|&i| row.get(i)).collect()).collect();
    let count = shown.len();
    let mut widest = vec![0; count];
    for row in &rows {
        for (i, cell) in row.iter().enumerate().take(count.saturating_sub(1)) {
            widest[i] = widest[i].max(sanitize(cell.shown()).width());
        }
    }
    // Leading columns too wide to leave ten for the last (long names in a narrow terminal) share
    // the width evenly and are cut at a word.
    let leading: usize = widest.iter().map(|w| w + 2).sum();
    if 2 + leading + 10 > width {
        let share = (width.saturating_sub(12) / count.max(1)).max(4);
        for w in &mut widest {
            *w = (*w).min(share);
        }
    }
    for row in &rows {
        let mut line = String::from(" ");
        let mut used = 1;
        for (i, cell) in row.iter().enumerate() {
            line.push(' ');
            used += 1;
            let last = i + 1 == row.len();
            let text = if last {
                fit_words(&sanitize(cell.shown()), width.saturating_sub(used).max(10))
            } else {
                let text = fit_words(&sanitize(cell.shown()), widest.get(i).copied().unwrap_or(0));
                let pad = " ".repeat(widest[i].saturating_sub(text.width()));
                format!("{text}{pad}")
            };
            used += text.width() + 1;
            match cell.tone {
                Some(tone) if color => line.push_str(&super::paint(&text, tone).to_string()),
                _ => line.push_str(&text),
            }
            if !last {
                line.push(' ');
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}
