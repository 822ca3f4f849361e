//! `relations timeline [RANGE]`: the events of `events`, drawn by year with tone marks.

use super::events::event_filter;
use crate::cli::EventArgs;
use crate::error::Result;
use crate::model::Dataset;
use crate::render::{Output, write_timeline};

pub fn run(args: &EventArgs, data: &Dataset, out: &mut Output) -> Result<()> {
    let filter = event_filter(args, data)?;
    write_timeline(out, &filter.apply(data))
}
