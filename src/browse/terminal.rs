//! The terminal loop: raw mode, the alternate screen and mouse reporting on the way in, and
//! the terminal restored on every way out — `q`, Ctrl-C, SIGTERM/SIGINT/SIGHUP/SIGQUIT and a
//! panic. crossterm's events are translated into the browser's `Input` here.
//!
//! Signals: crossterm only reports what arrives on the terminal (in raw mode Ctrl-C is a key),
//! so a `kill` would end the process with the terminal still raw. `signal-hook` sets a flag from
//! the handler (the only safe thing a handler can do) and the loop, which wakes at least every
//! 100 ms, sees it, restores the terminal and exits with 128 + the signal number.

use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use base64::Engine;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton,
    MouseEventKind,
};
use ratatui::crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use ratatui::crossterm::{cursor, execute};

use super::app::{Input, Key, State, update_all};
use super::data::Data;
use super::view::{self, Theme};

/// Whether the terminal is in the browser's mode, so that restoring happens once.
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// How the session ended: the id to print (when the terminal could not copy it) and the signal
/// that ended it, if one did.
pub struct Ending {
    pub print: Option<String>,
    pub signal: Option<i32>,
}

fn enter() -> io::Result<()> {
    terminal::enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture, cursor::Hide)
}

/// Leave the alternate screen and raw mode; safe to call more than once and from the panic hook.
pub fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let _ = execute!(io::stdout(), DisableMouseCapture, LeaveAlternateScreen, cursor::Show);
        let _ = terminal::disable_raw_mode();
    }
}

/// Restores the terminal when the loop ends, by return, `?` or unwinding.
struct Restore;

impl Drop for Restore {
    fn drop(&mut self) {
        restore();
    }
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// Whether an OSC 52 copy can reach the clipboard. A Linux console and `TERM=dumb` ignore it;
/// tmux and screen drop it from programs unless configured to pass it on, so there the id is
/// printed on exit instead.
fn can_copy() -> bool {
    let term = std::env::var("TERM").unwrap_or_default();
    std::env::var_os("TMUX").is_none()
        && !term.is_empty()
        && term != "dumb"
        && term != "linux"
        && !term.starts_with("screen")
}

pub fn run<'d>(data: &Data<'d>, make_state: impl FnOnce((u16, u16)) -> State<'d>, theme: Theme) -> io::Result<Ending> {
    let caught = Arc::new(AtomicUsize::new(0));
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGINT,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGQUIT,
    ] {
        signal_hook::flag::register_usize(signal, Arc::clone(&caught), usize::try_from(signal).unwrap_or(15))?;
    }
    install_panic_hook();
    let size = terminal::size()?;
    let mut state = make_state(size);
    enter()?;
    let _restore = Restore;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    terminal.clear()?;
    let copy = can_copy();
    let tty = Tty::open()?;
    let mut print = None;
    loop {
        terminal.draw(|frame| view::draw(frame, &state, data, theme))?;
        if let Some(id) = state.copy.take() {
            if copy {
                let encoded = base64::engine::general_purpose::STANDARD.encode(id.as_bytes());
                let mut out = io::stdout();
                write!(out, "\x1b]52;c;{encoded}\x07")?;
                out.flush()?;
            } else {
                print = Some(id);
            }
        }
        if state.quit {
            break;
        }
        loop {
            let signal = caught.load(Ordering::SeqCst);
            if signal != 0 {
                return Ok(Ending { print, signal: i32::try_from(signal).ok() });
            }
            if tty.wait(Duration::from_millis(100))? == Waited::HungUp {
                return Ok(Ending { print, signal: Some(signal_hook::consts::SIGHUP) });
            }
            // Crossterm also reports resizes, which come by signal, not through the terminal.
            if event::poll(Duration::ZERO)? {
                break;
            }
        }
        // Every input already waiting is handled before the next draw, so fast typing or a
        // spinning wheel never queues up frames.
        let mut inputs = Vec::new();
        while event::poll(Duration::ZERO)? {
            inputs.extend(input(event::read()?));
        }
        state = update_all(state, &inputs, data);
    }
    Ok(Ending { print, signal: None })
}

/// What waiting on the terminal saw.
#[derive(Debug, PartialEq, Eq)]
enum Waited {
    Input,
    Nothing,
    /// The terminal is gone (its window closed, its tmux server killed).
    HungUp,
}

/// The terminal the keys come from, watched for input and for a hang-up. Crossterm's own wait
/// spins for ever once the terminal hangs up, never returning to see the SIGHUP; so the loop
/// waits here, and asks crossterm for events only when this wait is over and the terminal is
/// still there. Crossterm reads standard input when it is a terminal, else `/dev/tty`: so does
/// this.
#[cfg(unix)]
struct Tty {
    /// `/dev/tty` when standard input is not the terminal; kept open while it is watched.
    file: Option<std::fs::File>,
}

#[cfg(unix)]
impl Tty {
    fn open() -> io::Result<Self> {
        use std::io::IsTerminal;
        let file = if io::stdin().is_terminal() { None } else { Some(std::fs::File::open("/dev/tty")?) };
        Ok(Self { file })
    }

    fn wait(&self, timeout: Duration) -> io::Result<Waited> {
        use std::os::fd::AsRawFd;
        let fd = self.file.as_ref().map_or(libc::STDIN_FILENO, AsRawFd::as_raw_fd);
        let mut watched = libc::pollfd { fd, events: libc::POLLIN, revents: 0 };
        let millis = libc::c_int::try_from(timeout.as_millis()).unwrap_or(libc::c_int::MAX);
        // SAFETY: one valid `pollfd`, and the count says one.
        let ready = unsafe { libc::poll(&raw mut watched, 1, millis) };
        if ready < 0 {
            let error = io::Error::last_os_error();
            // A signal (the ones the loop checks, or a resize) ends the wait early.
            return if error.kind() == io::ErrorKind::Interrupted { Ok(Waited::Nothing) } else { Err(error) };
        }
        Ok(if watched.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
            Waited::HungUp
        } else if ready > 0 {
            Waited::Input
        } else {
            Waited::Nothing
        })
    }
}

/// Elsewhere crossterm's own wait is used.
#[cfg(not(unix))]
struct Tty;

#[cfg(not(unix))]
impl Tty {
    fn open() -> io::Result<Self> {
        Ok(Self)
    }

    fn wait(&self, timeout: Duration) -> io::Result<Waited> {
        Ok(if event::poll(timeout)? { Waited::Input } else { Waited::Nothing })
    }
}

#[allow(clippy::needless_pass_by_value)] // crossterm hands events over by value
fn input(event: Event) -> Option<Input> {
    match event {
        Event::Key(key_event) if key_event.kind != KeyEventKind::Release => key(key_event).map(Input::Key),
        Event::Mouse(mouse) => {
            let (column, row) = (mouse.column, mouse.row);
            match mouse.kind {
                MouseEventKind::ScrollUp => Some(Input::ScrollUp { column, row }),
                MouseEventKind::ScrollDown => Some(Input::ScrollDown { column, row }),
                MouseEventKind::Down(MouseButton::Left) => Some(Input::Click { column, row }),
                _ => None,
            }
        }
        Event::Resize(width, height) => Some(Input::Resize { width, height }),
        _ => None,
    }
}

fn key(event: KeyEvent) -> Option<Key> {
    let alt = event.modifiers.contains(KeyModifiers::ALT);
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    Some(match event.code {
        KeyCode::Char('c') if ctrl => Key::CtrlC,
        // Alt-b and Alt-f: what some terminals send for Alt-← and Alt-→.
        KeyCode::Left | KeyCode::Char('b') if alt => Key::AltLeft,
        KeyCode::Right | KeyCode::Char('f') if alt => Key::AltRight,
        KeyCode::Char(_) if ctrl || alt => return None,
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Enter => Key::Enter,
        KeyCode::Backspace => Key::Backspace,
        KeyCode::Tab => Key::Tab,
        KeyCode::BackTab => Key::BackTab,
        KeyCode::Esc => Key::Esc,
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        _ => return None,
    })
}
