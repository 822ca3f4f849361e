//! One file per subcommand; this file loads the data and dispatches.

mod browse;
mod cache;
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

pub use completions::complete_if_asked;

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{CommandFactory, ValueEnum};

use crate::cli::{Cli, Command};
use crate::error::Result;
use crate::load::{self, Input};
use crate::model::Dataset;
use crate::render::Format;
use crate::render::{DOCUMENT_FORMATS, LIST_FORMATS, Output};

/// The formats each subcommand can write. Its `--format` help offers these and no others, and
/// the same list is checked before it runs (for `--json`, and for the default format).
pub fn formats(command: &str) -> &'static [Format] {
    use Format::{Csv, Dot, Json, Mermaid, Ndjson, Plain, Table};
    match command {
        "events" | "search" | "list" | "figures" => LIST_FORMATS,
        "timeline" => &[Table, Plain, Json, Ndjson, Csv, Mermaid],
        "graph" => &[Table, Plain, Json, Ndjson, Csv, Mermaid, Dot],
        "show" | "compare" | "cite" | "info" | "validate" | "export" | "schema" | "cache" => DOCUMENT_FORMATS,
        // A completion script and the manual are text of their own kind: the format is unused.
        _ => &[Table, Plain],
    }
}

/// Whether `--fields` applies: to the commands that write lists (those that can write CSV).
pub fn takes_fields(command: &str) -> bool {
    formats(command).contains(&Format::Csv)
}

/// The command-line parser: `Cli` with each subcommand's global options narrowed to what it
/// accepts (its formats; `--format` and `--json` hidden where the format is unused).
///
/// # Panics
///
/// Never: each possible value offered is the name of a `Format`.
pub fn cli_command() -> clap::Command {
    narrowed(|_| true)
}

/// The command-line parser for these arguments: as `cli_command`, with only the subcommands the
/// arguments name narrowed (the others' options are not parsed or shown; narrowing every one
/// is a quarter of start-up).
pub fn cli_command_for(args: &[std::ffi::OsString]) -> clap::Command {
    narrowed(|name| args.iter().skip(1).any(|arg| arg == name))
}

fn narrowed(wanted: impl Fn(&str) -> bool) -> clap::Command {
    let mut command = Cli::command();
    let globals: Vec<clap::Arg> = command.get_arguments().filter(|a| a.is_global_set()).cloned().collect();
    let names: Vec<String> =
        command.get_subcommands().map(|s| s.get_name().to_owned()).filter(|name| wanted(name)).collect();
    for name in names {
        let allowed = formats(&name);
        let args: Vec<clap::Arg> = globals
            .iter()
            .map(|arg| match arg.get_id().as_str() {
                "format" => {
                    let values: Vec<_> = allowed.iter().filter_map(ValueEnum::to_possible_value).collect();
                    arg.clone()
                        .value_parser(
                            PossibleValuesParser::new(values)
                                .map(|name| Format::from_str(&name, false).expect("a possible value names a format")),
                        )
                        .hide(!allowed.contains(&Format::Json))
                }
                "json" => arg.clone().hide(!allowed.contains(&Format::Json)),
                "fields" => arg.clone().hide(!takes_fields(&name)),
                _ => arg.clone(),
            })
            .collect();
        // An argument already on a subcommand is not propagated to it again by clap.
        command = command.mut_subcommand(name, |sub| sub.args(args));
    }
    // A drawn timeline has no ids to show (its CSV has them anyway).
    if wanted("timeline") {
        command = command.mut_subcommand("timeline", |sub| sub.mut_arg("ids", |arg| arg.hide(true)));
    }
    command
}

/// The subcommand's name as typed.
fn name(command: &Command) -> &'static str {
    match command {
        Command::Browse(_) => "browse",
        Command::Show(_) => "show",
        Command::Events(_) => "events",
        Command::Timeline(_) => "timeline",
        Command::Search(_) => "search",
        Command::List(_) => "list",
        Command::Figures(_) => "figures",
        Command::Compare(_) => "compare",
        Command::Graph(_) => "graph",
        Command::Cite(_) => "cite",
        Command::Info => "info",
        Command::Validate(_) => "validate",
        Command::Export => "export",
        Command::Schema => "schema",
        Command::Completions(_) => "completions",
        Command::Man => "man",
        Command::Cache(_) => "cache",
    }
}

pub fn run(cli: &Cli, out: &mut Output) -> Result<()> {
    let command = name(&cli.command);
    out.require(formats(command), command)?;
    if out.fields.is_some() && matches!(out.format, Format::Mermaid | Format::Dot) {
        return Err(crate::error::Error::Usage(format!(
            "--fields chooses columns of a list; {} draws a diagram",
            crate::render::format_name(out.format)
        )));
    }
    if out.fields.is_some() && !takes_fields(command) {
        return Err(crate::error::Error::Usage(format!(
            "`{command}` writes no list to choose --fields from; they apply to events, timeline, search, list, figures and graph"
        )));
    }
    match &cli.command {
        Command::Schema => return schema::run(out),
        Command::Man => return man::run(out),
        Command::Validate(args) => return validate::run(args, inputs(cli)?, cli.max_input, out),
        Command::Completions(args) => return completions::run(args, out),
        Command::Cache(args) => return cache::run(args, load::cache::location().as_ref(), out),
        // Refused before the data is loaded: there is nothing to do without a terminal.
        Command::Browse(_) => crate::browse::require_terminal()?,
        _ => {}
    }
    let cache = if cli.no_cache { None } else { load::cache::location().map(load::cache::Cache::new) };
    let sources = sources(cli)?;
    let (data, compile) = load::load_cached(&sources, cache.as_ref(), &|head| want(cli, head))?;
    if data.is_stored() {
        // Records read on use: a record that fails its checks stops the command before it
        // writes anything, and it is run again on the whole dataset (from the entry, or from
        // the files if the entry is damaged).
        match run_on(cli, &data, out) {
            Err(crate::error::Error::Incomplete) => {}
            result => {
                std::mem::forget(data);
                return result;
            }
        }
        let (whole, compile) = load::load_cached(&sources, cache.as_ref(), &|_| load::compiled::Want::all())?;
        return run_loaded(cli, cache.as_ref(), whole, compile, out);
    }
    run_loaded(cli, cache.as_ref(), data, compile, out)
}

/// Run the command on a loaded dataset, compiling it into the cache beside the command when it
/// was loaded from JSON (`compile`).
fn run_loaded(
    cli: &Cli,
    cache: Option<&load::cache::Cache>,
    data: Dataset,
    compile: Option<u128>,
    out: &mut Output,
) -> Result<()> {
    // A dataset loaded from JSON is compiled into the cache on a second thread while the
    // command runs; a cache that cannot be written, or a thread that cannot be started (a limit
    // on threads or memory), is passed by.
    let result = std::thread::scope(|scope| {
        if let (Some(cache), Some(key)) = (cache, compile) {
            let data = &data;
            let _ = std::thread::Builder::new().spawn_scoped(scope, move || {
                let _ = cache.put(key, data);
            });
        }
        run_on(cli, &data, out)
    });
    // Freeing a large dataset record by record takes longer than the command itself; the
    // process is about to exit, which returns the memory at once.
    std::mem::forget(data);
    result
}

/// Which events and figures a command reads from a compiled dataset (`load::compiled`), decided
/// from its arguments and the dataset without them. A command not listed reads everything.
pub fn want(cli: &Cli, head: &Dataset) -> load::compiled::Want {
    match &cli.command {
        Command::Events(args) | Command::Timeline(args) => events::want(args, head),
        Command::Show(args) => want_actors(args.actors.iter().map(String::as_str), head),
        Command::Compare(args) => want_actors([args.first.as_str(), args.second.as_str()], head),
        Command::Search(_) => search::want(head),
        Command::Info => info::want(),
        _ => load::compiled::Want::all(),
    }
}

/// The records `show` and `compare` read from a compiled dataset: the events and figures of the
/// actors named (and the events roles are bounded by). A name that does not resolve reads
/// everything, so that the error can say where else the words appear.
fn want_actors<'q>(queries: impl IntoIterator<Item = &'q str>, head: &Dataset) -> load::compiled::Want {
    use load::compiled::{Records, Want};
    let names = crate::query::ActorNames::new(head);
    let ids: Result<Vec<crate::model::Slug>> =
        queries.into_iter().map(|q| crate::query::resolve_actor(head, &names, q).map(|a| a.id.clone())).collect();
    match ids {
        Ok(ids) => Want { events: Records::Of(ids.clone()), figures: Records::Of(ids) },
        Err(_) => Want::all(),
    }
}

/// Run a command that reads the data on a dataset already loaded (tests and fuzz targets render
/// generated datasets through every command this way). `schema`, `man` and `validate` read no
/// dataset and are a usage error here.
pub fn run_on(cli: &Cli, data: &Dataset, out: &mut Output) -> Result<()> {
    let command = name(&cli.command);
    out.require(formats(command), command)?;
    match &cli.command {
        Command::Show(args) => show::run(args, data, out),
        Command::Browse(args) => browse::run(args, data, out),
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
        Command::Schema | Command::Man | Command::Validate(_) | Command::Completions(_) | Command::Cache(_) => {
            Err(crate::error::Error::Usage("this command reads no loaded dataset".into()))
        }
    }
}

/// The bundled dataset (unless `--no-bundled`), then each `--data` file, or else the files
/// named by RELATIONS_DATA.
fn inputs(cli: &Cli) -> Result<Vec<Input>> {
    sources(cli)?.read()
}

/// Where the dataset comes from, read by `load_cached` or `Sources::read`.
fn sources(cli: &Cli) -> Result<load::Sources> {
    let from_env: Vec<PathBuf> = match std::env::var_os("RELATIONS_DATA") {
        Some(paths) if cli.data.is_empty() => {
            std::env::split_paths(&paths).filter(|p| !p.as_os_str().is_empty()).collect()
        }
        _ => Vec::new(),
    };
    load::check_stdin_once(cli.data.iter().chain(&from_env).map(PathBuf::as_path))?;
    let paths = cli.data.iter().chain(&from_env).cloned().collect();
    Ok(load::Sources { bundled: !cli.no_bundled, paths, limit: cli.max_input })
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
