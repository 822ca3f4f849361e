//! `relations timeline [RANGE]`: the events of `events`, drawn by year with tone marks.

use super::events::{as_of_year, event_filter};
use crate::cli::EventArgs;
use crate::error::Result;
use crate::model::{Dataset, Date};
use crate::render::{Output, write_timeline};

pub fn run(args: &EventArgs, data: &Dataset, out: &mut Output) -> Result<()> {
    let filter = event_filter(args, data)?;
    let years = (filter.range.from.map(Date::year), filter.range.to.map(Date::year));
    write_timeline(out, &filter.select(data), years, as_of_year(args)?)
}
