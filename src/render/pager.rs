//! Paging: on a terminal, output taller than the screen goes through `$RELATIONS_PAGER`, else
//! `$PAGER`, else `less -FRX`; shorter output, a missing pager or a failing one prints directly.

use std::io::{self, Write};
use std::process::{Child, ChildStdin, Command, Stdio};

/// Output sent to the pager is also kept, up to this many bytes, so that it can be printed
/// directly if the pager turns out to have failed (it exits non-zero without having shown it).
const REPLAY_LIMIT: usize = 4 << 20;

/// How the pager is chosen and when it starts; decided once in `main`.
pub struct PagerSettings {
    /// The program and its arguments.
    pub command: Vec<String>,
    /// Rows of the terminal: output needing this many rows or more is paged.
    pub rows: usize,
    /// Columns of the terminal, to count the rows that long lines wrap onto.
    pub width: usize,
    /// Page even output that fits on one screen (`--paging always`).
    pub always: bool,
}

/// The pager program and its arguments: RELATIONS_PAGER, else PAGER, else `less -FRX`. `None`
/// when the variable is set but empty or `cat` (as git does), or cannot be split into words.
pub fn pager_command() -> Option<Vec<String>> {
    let chosen = ["RELATIONS_PAGER", "PAGER"].iter().find_map(|name| std::env::var(name).ok());
    let Some(text) = chosen else {
        return Some(vec!["less".into(), "-FRX".into()]);
    };
    let words = shell_words::split(&text).ok()?;
    match words.first().map(String::as_str) {
        None | Some("cat") => None,
        Some(_) => Some(words),
    }
}

/// Rows of the terminal on standard output: its own size, else LINES, else 24.
pub fn terminal_rows() -> usize {
    if let Some((_, terminal_size::Height(rows))) = terminal_size::terminal_size_of(io::stdout())
        && rows > 0
    {
        return usize::from(rows);
    }
    std::env::var("LINES").ok().and_then(|l| l.trim().parse().ok()).filter(|&l| l > 0).unwrap_or(24)
}

enum State {
    /// Holding output until it is known whether it fits on one screen.
    Holding(Vec<u8>),
    /// Streaming into the pager; `copy` is what it has been sent, while under `REPLAY_LIMIT`.
    Paging { child: Child, stdin: ChildStdin, copy: Option<Vec<u8>> },
    /// Printing to the terminal: no pager wanted, output too short, or the pager unavailable.
    Direct,
    /// The reader closed the pager (pressed q): the rest of the output is not wanted.
    Closed,
}

/// A writer in front of standard output that starts the pager once the output outgrows the
/// screen. Call [`Pager::finish`] at the end: it prints short output and waits for the pager.
pub struct Pager<W: Write> {
    out: W,
    settings: Option<PagerSettings>,
    state: State,
    rows: RowCounter,
}

impl<W: Write> Pager<W> {
    /// Without settings every write goes straight to `out`.
    pub fn new(out: W, settings: Option<PagerSettings>) -> Self {
        let state = if settings.is_some() { State::Holding(Vec::new()) } else { State::Direct };
        let width = settings.as_ref().map_or(80, |s| s.width);
        Pager { out, settings, state, rows: RowCounter::new(width) }
    }

    /// Print what is held, or close the pager's input and wait for the reader to quit it.
    pub fn finish(mut self) -> io::Result<()> {
        if let State::Holding(held) = &self.state
            && self.settings.as_ref().is_some_and(|s| s.always)
            && !held.is_empty()
        {
            self.start_pager()?;
        }
        match std::mem::replace(&mut self.state, State::Direct) {
            State::Holding(held) => self.out.write_all(&held)?,
            State::Paging { mut child, stdin, copy } => {
                drop(stdin);
                let status = child.wait()?;
                if !status.success()
                    && let Some(copy) = copy
                {
                    self.out.write_all(&copy)?;
                }
            }
            State::Direct | State::Closed => {}
        }
        self.out.flush()
    }

    fn start_pager(&mut self) -> io::Result<()> {
        let State::Holding(held) = std::mem::replace(&mut self.state, State::Direct) else {
            return Ok(());
        };
        let Some(settings) = &self.settings else {
            return self.out.write_all(&held);
        };
        let mut command = Command::new(&settings.command[0]);
        command.args(&settings.command[1..]).stdin(Stdio::piped());
        // As git does: colour and quit-if-one-screen for a `less` named without options.
        for (name, value) in [("LESS", "FRX"), ("LV", "-c")] {
            if std::env::var_os(name).is_none() {
                command.env(name, value);
            }
        }
        match command.spawn() {
            Ok(mut child) => {
                let Some(stdin) = child.stdin.take() else {
                    return self.out.write_all(&held);
                };
                leave_interrupts_to_the_pager();
                self.state = State::Paging { child, stdin, copy: Some(Vec::new()) };
                self.send(&held)
            }
            // A missing or unstartable pager: print directly.
            Err(_) => self.out.write_all(&held),
        }
    }

    /// Write to the pager; when it has gone, either the reader quit (exit 0: stop quietly with
    /// a broken pipe) or the pager failed (print what it was sent, then carry on directly).
    fn send(&mut self, bytes: &[u8]) -> io::Result<()> {
        let State::Paging { child, stdin, copy } = &mut self.state else {
            return self.out.write_all(bytes);
        };
        if let Some(kept) = copy {
            if kept.len() + bytes.len() <= REPLAY_LIMIT {
                kept.extend_from_slice(bytes);
            } else {
                *copy = None;
            }
        }
        match stdin.write_all(bytes) {
            Ok(()) => Ok(()),
            Err(error) if error.kind() == io::ErrorKind::BrokenPipe => {
                let failed = !child.wait()?.success();
                match std::mem::replace(&mut self.state, State::Closed) {
                    State::Paging { copy: Some(copy), .. } if failed => {
                        self.state = State::Direct;
                        self.out.write_all(&copy)
                    }
                    _ => Err(error),
                }
            }
            Err(error) => Err(error),
        }
    }
}

impl<W: Write> Write for Pager<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        match &mut self.state {
            State::Holding(held) => {
                held.extend_from_slice(bytes);
                self.rows.count(bytes);
                let screen = self.settings.as_ref().map_or(usize::MAX, |s| s.rows);
                if self.rows.needed() >= screen {
                    self.start_pager()?;
                }
            }
            State::Paging { .. } => self.send(bytes)?,
            State::Direct => self.out.write_all(bytes)?,
            State::Closed => return Err(io::ErrorKind::BrokenPipe.into()),
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.state {
            State::Paging { stdin, .. } => match stdin.flush() {
                Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Ok(()),
                other => other,
            },
            State::Direct => self.out.flush(),
            State::Holding(_) | State::Closed => Ok(()),
        }
    }
}

/// While the pager runs, Ctrl-C belongs to it (`less` uses it to stop a search): this process
/// ignores SIGINT from then on, as git does, and ends when the reader quits the pager. Were it
/// to die instead, the shell would take the terminal back while the pager still draws on it.
fn leave_interrupts_to_the_pager() {
    #[cfg(unix)]
    // SAFETY: SIG_IGN installs no handler; only the disposition of SIGINT changes.
    unsafe {
        libc::signal(libc::SIGINT, libc::SIG_IGN);
    }
}

/// Counts the terminal rows that output takes: one per line, more for lines wider than the
/// terminal. Colour escapes take no room; each character counts as one column.
struct RowCounter {
    width: usize,
    rows: usize,
    column: usize,
    escape: Escape,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Escape {
    None,
    Started,
    Sequence,
}

impl RowCounter {
    fn new(width: usize) -> Self {
        RowCounter { width: width.max(1), rows: 0, column: 0, escape: Escape::None }
    }

    fn count(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            match (self.escape, byte) {
                (Escape::Started, b'[') => self.escape = Escape::Sequence,
                // A two-byte escape, or the final byte of a colour sequence, ends the escape.
                (Escape::Started, _) | (Escape::Sequence, 0x40..=0x7e) => self.escape = Escape::None,
                (Escape::None, 0x1b) => self.escape = Escape::Started,
                (Escape::None, b'\n') => {
                    self.rows += 1;
                    self.column = 0;
                }
                // Inside a colour sequence, and for UTF-8 continuation bytes and carriage
                // returns, no column is taken.
                (Escape::Sequence, _) | (Escape::None, 0x80..=0xbf | b'\r') => {}
                (Escape::None, _) => {
                    if self.column == self.width {
                        self.rows += 1;
                        self.column = 0;
                    }
                    self.column += 1;
                }
            }
        }
    }

    /// Rows needed so far, counting an unfinished last line.
    fn needed(&self) -> usize {
        self.rows + usize::from(self.column > 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_count_lines_wrapped_lines_and_not_colour_escapes() {
        let mut counter = RowCounter::new(10);
        counter.count(b"short\n");
        assert_eq!(counter.needed(), 1);
        counter.count("\u{1b}[31mred and ñ\u{1b}[0m\n".as_bytes());
        assert_eq!(counter.needed(), 2, "10 visible characters fill one row exactly");
        counter.count(b"eleven char");
        assert_eq!(counter.needed(), 4, "an eleventh character wraps onto another row");
    }

    #[test]
    fn short_output_is_printed_when_finished_and_long_output_falls_back_without_a_pager() {
        let settings = |rows| PagerSettings {
            command: vec!["/nonexistent/relations-test-pager".into()],
            rows,
            width: 80,
            always: false,
        };
        let mut printed = Vec::new();
        let mut pager = Pager::new(&mut printed, Some(settings(10)));
        pager.write_all(b"one\ntwo\n").unwrap();
        pager.finish().unwrap();
        assert_eq!(printed, b"one\ntwo\n");
        let mut printed = Vec::new();
        let mut pager = Pager::new(&mut printed, Some(settings(2)));
        pager.write_all(b"one\ntwo\nthree\n").unwrap();
        pager.finish().unwrap();
        assert_eq!(printed, b"one\ntwo\nthree\n");
    }
}
