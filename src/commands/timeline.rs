//! `relations timeline [RANGE]`: the events of `events`, drawn by year with tone marks (as CSV,
//! or with `--fields`, the same rows as `events`).

use super::events::{as_of_year, event_filter};
use crate::cli::EventArgs;
use crate::error::{Error, Result};
use crate::model::{Dataset, Date};
use crate::render::{Format, Output, records, write_timeline};

pub fn run(args: &EventArgs, data: &Dataset, out: &mut Output) -> Result<()> {
    let filter = event_filter(args, data)?;
    let years = (filter.range.from.map(Date::year), filter.range.to.map(Date::year));
    let selected = filter.select(data);
    let as_of = as_of_year(args)?;
    // CSV, and any list of chosen fields, are the rows `events` writes, in the timeline's order.
    if out.format == Format::Csv || out.fields.is_some() {
        return records::events(data, &selected, as_of).write(out);
    }
    if args.ids {
        return Err(Error::Usage(
            "a timeline is drawn without ids; `relations events --ids` lists them (or `timeline --format csv`)".into(),
        ));
    }
    write_timeline(out, data, &selected, years, as_of)
}
