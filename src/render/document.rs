//! A profile (`show`, `compare`) as a sequence of blocks: a framed page on a terminal, one
//! tab-separated line per fact when piped.

use colored::Colorize;

use super::{Listing, Output, sanitize, wrap};
use crate::error::Result;
use crate::render::Format;

pub enum Block {
    /// The profile's title line.
    Title(String),
    /// A labelled value: "kind: country". The key is the first plain column.
    Field { key: &'static str, value: String, color: Option<colored::ColoredString> },
    /// A paragraph.
    Text { key: &'static str, text: String },
    /// A section heading followed by a table.
    Section { key: &'static str, title: String, listing: Listing },
    /// Pre-drawn lines (a chart); table format only.
    Drawing(Vec<String>),
}

#[derive(Default)]
pub struct Document {
    pub blocks: Vec<Block>,
}

impl Document {
    pub fn field(&mut self, key: &'static str, value: impl Into<String>) {
        self.blocks.push(Block::Field { key, value: value.into(), color: None });
    }

    pub fn section(&mut self, key: &'static str, title: impl Into<String>, listing: Listing) {
        if !listing.rows.is_empty() {
            self.blocks.push(Block::Section { key, title: title.into(), listing });
        }
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
                Block::Field { key, value, color } => {
                    let label = format!("{:<10}", format!("{key}:"));
                    if let Some(painted) = color {
                        writeln!(out.out, "{} {painted}", label.dimmed())?;
                    } else {
                        // Long values wrap under the value, not under the label.
                        let indent = label.chars().count() + 1;
                        let mut lines = wrap(&sanitize(value), width.saturating_sub(indent)).into_iter();
                        writeln!(out.out, "{} {}", label.dimmed(), lines.next().unwrap_or_default())?;
                        for line in lines {
                            writeln!(out.out, "{}{line}", " ".repeat(indent))?;
                        }
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
            }
        }
        Ok(())
    }

    /// Every fact on its own line, its first column saying what it is, for grep and cut.
    fn write_plain(&self, out: &mut Output) -> Result<()> {
        for block in &self.blocks {
            match block {
                Block::Title(_) | Block::Drawing(_) => {}
                Block::Field { key, value, .. } => writeln!(out.out, "{key}\t{}", sanitize(value))?,
                Block::Text { key, text } => writeln!(out.out, "{key}\t{}", sanitize(text))?,
                Block::Section { key, listing, .. } => listing.write_plain(out.out, key)?,
            }
        }
        Ok(())
    }
}
