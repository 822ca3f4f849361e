//! `relations figures`: trade, aid and other figures, filtered.

use crate::cli::FigureArgs;
use crate::error::Result;
use crate::model::{Dataset, FigureKind};
use crate::query::{ActorNames, FigureFilter, parse_year, resolve_actor};
use crate::render::{Output, records};

pub fn run(args: &FigureArgs, data: &Dataset, out: &mut Output) -> Result<()> {
    let actor = match &args.actor {
        Some(query) => Some(resolve_actor(data, &ActorNames::new(data), query)?.id.clone()),
        None => None,
    };
    let kind = args.kind.as_deref().map(|k| super::parse_vocabulary::<FigureKind>(k, "figure kind")).transpose()?;
    let year = args.year.as_deref().map(|y| parse_year(y, "--year")).transpose()?;
    let filter = FigureFilter { actor, kind, year };
    records::figures(data, &filter.apply(data)).write(out)
}
