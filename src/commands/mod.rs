//! One file per subcommand; this file loads the data and dispatches.

mod cite;
mod compare;
mod completions;
mod events;
mod export;
mod figures;
mod graph;
mod info;
mod list;
mod man;
mod schema;
mod search;
mod show;
mod timeline;
mod validate;

use std::path::PathBuf;

use crate::cli::{Cli, Command};
use crate::error::Result;
use crate::load::{self, Input};
use crate::model::Dataset;
use crate::render::Output;

pub fn run(cli: &Cli, out: &mut Output) -> Result<()> {
    match &cli.command {
        Command::Schema => return schema::run(out),
        Command::Man => return man::run(out),
        Command::Validate(args) => return validate::run(args, inputs(cli)?, out),
        _ => {}
    }
    let data = load::load(inputs(cli)?)?;
    let result = run_on(cli, &data, out);
    // Freeing a large dataset record by record takes longer than the command itself; the
    // process is about to exit, which returns the memory at once.
    std::mem::forget(data);
    result
}

/// Run a command that reads the data on a dataset already loaded (tests and fuzz targets render
/// generated datasets through every command this way). `schema`, `man` and `validate` read no
/// dataset and are a usage error here.
pub fn run_on(cli: &Cli, data: &Dataset, out: &mut Output) -> Result<()> {
    match &cli.command {
        Command::Show(args) => show::run(args, data, out),
        Command::Events(args) => events::run(args, data, out),
        Command::Timeline(args) => timeline::run(args, data, out),
        Command::Search(args) => search::run(args, data, out),
        Command::List(args) => list::run(args, data, out),
        Command::Figures(args) => figures::run(args, data, out),
        Command::Compare(args) => compare::run(args, data, out),
        Command::Export => export::run(data, out),
        Command::Graph(args) => graph::run(args, data, out),
        Command::Cite(args) => cite::run(args, data, out),
        Command::Info => info::run(data, out),
        Command::Completions(args) => completions::run(args, data, out),
        Command::Schema | Command::Man | Command::Validate(_) => {
            Err(crate::error::Error::Usage("this command reads no loaded dataset".into()))
        }
    }
}

/// The bundled dataset (unless `--no-bundled`), then each `--data` file, or else the files
/// named by RELATIONS_DATA.
fn inputs(cli: &Cli) -> Result<Vec<Input>> {
    let mut inputs = Vec::new();
    if !cli.no_bundled {
        inputs.push(Input::bundled());
    }
    let from_env: Vec<PathBuf> = match std::env::var_os("RELATIONS_DATA") {
        Some(paths) if cli.data.is_empty() => {
            std::env::split_paths(&paths).filter(|p| !p.as_os_str().is_empty()).collect()
        }
        _ => Vec::new(),
    };
    for path in cli.data.iter().chain(&from_env) {
        inputs.push(Input::read(path)?);
    }
    Ok(inputs)
}

/// A name from a closed vocabulary (event types, figure and actor kinds), case-folded; otherwise
/// a usage error that lists every name.
fn parse_vocabulary<T: crate::model::Vocabulary>(text: &str, what: &str) -> Result<T> {
    T::from_name(&crate::query::fold(text)).ok_or_else(|| {
        crate::error::Error::Usage(format!(
            "unknown {what} '{}'; known: {}",
            crate::model::shorten(text),
            T::names().join(", ")
        ))
    })
}
