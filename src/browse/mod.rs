//! `relations browse`: a full-screen browser that follows the links between records. Another
//! front end beside `commands/`: `app` holds the state and its update, `view` draws it, and
//! `terminal` runs the loop; `data` is its one door into `query/`.

pub mod app;
pub mod data;
pub mod page;
mod terminal;
pub mod view;

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::error::{Error, Result};

pub use app::{Input, Key, State, update};
pub use data::{Data, Record};
pub use terminal::Ending;
pub use view::Theme;

/// A one-line refusal when standard output is not a terminal.
pub fn require_terminal() -> Result<()> {
    if std::io::stdout().is_terminal() {
        Ok(())
    } else {
        Err(Error::Usage(
            "`browse` needs a terminal, and standard output is not one; use `show`, `events` or `search` in pipes"
                .into(),
        ))
    }
}

/// Run the browser on a record (the dataset's subject when `None`) until the user quits.
///
/// The search index is built on a second thread meanwhile, so that the first search letter
/// rarely waits for it; quitting stops that build.
pub fn run<'d>(data: &Data<'d>, start: Option<Record<'d>>, as_of: Option<u16>, color: bool) -> Result<Ending> {
    let stop = AtomicBool::new(false);
    std::thread::scope(|scope| {
        let prepare = data.prepare_search();
        // Where no thread can be started (a limit on threads or memory), the index is built at
        // the first search instead.
        let _ = std::thread::Builder::new().spawn_scoped(scope, || prepare(&stop));
        let ending = terminal::run(data, |size| State::new(data, start, as_of, size), Theme { color });
        stop.store(true, Ordering::Relaxed);
        Ok(ending?)
    })
}
