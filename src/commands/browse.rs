//! `relations browse [ACTOR|ID]`: the full-screen browser, opened on a record.

use crate::browse::{self, Data, Record};
use crate::cli::BrowseArgs;
use crate::error::Result;
use crate::model::Dataset;
use crate::query::parse_year;
use crate::render::Output;

pub fn run(args: &BrowseArgs, dataset: &Dataset, out: &mut Output) -> Result<()> {
    browse::require_terminal()?;
    let as_of = args.as_of.as_deref().map(|y| parse_year(y, "--as-of")).transpose()?;
    let data = Data::new(dataset);
    let start = match &args.record {
        Some(text) => Some(data.find(text)?),
        None => dataset.subject().and_then(|s| dataset.actor(s.as_str())).map(Record::Actor),
    };
    let ending = browse::run(&data, start, as_of, out.color)?;
    if let Some(id) = ending.print {
        writeln!(out.out, "{id}")?;
    }
    if let Some(signal) = ending.signal {
        out.out.flush()?;
        // The conventional status of a process ended by a signal.
        std::process::exit(128 + signal);
    }
    Ok(())
}
