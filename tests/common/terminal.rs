//! Running the binary in a pseudo-terminal of a chosen size with `script`, when the machine has it.
#![allow(dead_code)] // each test file uses a different part of this helper

use std::process::{Command, Stdio};

pub struct Screen {
    pub code: i32,
    /// What the terminal received, colour escapes and carriage returns included.
    pub raw: String,
}

impl Screen {
    /// The text without colour escapes and carriage returns.
    pub fn text(&self) -> String {
        strip_ansi(&self.raw)
    }
}

/// Run `relations ARGS` in a terminal of `columns` × `rows` with these variables set (and
/// none of the colour, width or pager settings of the developer's shell). `None` when `script`
/// is missing.
pub fn in_terminal(columns: u16, rows: u16, env: &[(&str, &str)], args: &[&str]) -> Option<Screen> {
    let binary = env!("CARGO_BIN_EXE_relations");
    let words: Vec<String> = args.iter().map(|a| quote(a)).collect();
    let line = format!("stty cols {columns} rows {rows}; {} {}", quote(binary), words.join(" "));
    let mut command = Command::new("script");
    command.args(["-qec", &line, "/dev/null"]).stdin(Stdio::null()).env("TERM", "xterm");
    for var in [
        "COLUMNS",
        "LINES",
        "NO_COLOR",
        "CLICOLOR",
        "CLICOLOR_FORCE",
        "RELATIONS_DATA",
        "PAGER",
        "RELATIONS_PAGER",
        "LESS",
    ] {
        command.env_remove(var);
    }
    for (name, value) in env {
        command.env(name, value);
    }
    let output = command.output().ok()?;
    Some(Screen { code: output.status.code().unwrap_or(-1), raw: String::from_utf8_lossy(&output.stdout).into_owned() })
}

/// A word for the shell line that `script` runs.
fn quote(word: &str) -> String {
    format!("'{}'", word.replace('\'', r"'\''"))
}

pub fn strip_ansi(text: &str) -> String {
    let mut clean = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            if chars.peek() == Some(&'[') {
                for next in chars.by_ref() {
                    if next.is_ascii_alphabetic() {
                        break;
                    }
                }
            }
        } else if c != '\r' {
            clean.push(c);
        }
    }
    clean
}

/// The widest line, in characters.
pub fn widest(text: &str) -> usize {
    text.lines().map(|l| l.chars().count()).max().unwrap_or(0)
}
