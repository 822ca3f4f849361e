//! The world as it stood in a year: which memberships, blocs and summaries hold then.

use crate::model::{Actor, Dataset, Date, Event, Membership};

use super::DateRange;

/// How a bloc membership stands as of a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// A member by then: the membership's start (`since`, or else the bloc's `founded`) is known
    /// and not later than the year (or no year was asked).
    Member,
    /// A member as the dataset records it, but the source gives no start, so it cannot say
    /// whether the membership held in that year.
    DateNotRecorded,
}

impl Standing {
    pub fn text(self) -> &'static str {
        match self {
            Standing::Member => "member",
            Standing::DateNotRecorded => "member; date not recorded",
        }
    }
}

/// The range `--as-of YEAR` selects: everything up to the end of that year.
pub fn as_of_range(year: u16) -> DateRange {
    DateRange { from: None, to: Some(Date::from_year(year)) }
}

/// True when the bloc's recorded founding is after `year`.
pub fn founded_after(bloc: &Actor, year: u16) -> bool {
    bloc.founded.is_some_and(|founded| founded.year() > year)
}

/// The first year the dataset places a bloc in time: its founding, or else the earliest dated
/// record involving it (an event, a relationship period), or else the dataset's own `as_of`.
pub fn first_placed(data: &Dataset, bloc: &Actor) -> Option<u16> {
    if let Some(founded) = bloc.founded {
        return Some(founded.year());
    }
    let id = bloc.id.as_str();
    let events = data.events().iter().filter(|e| e.involves(id)).map(|e| e.date.year());
    let periods =
        data.relationships().iter().filter(|r| r.involves(id)).flat_map(|r| r.periods.iter().map(|p| p.from.year()));
    events.chain(periods).min().or_else(|| data.info().map(|i| i.as_of.year()))
}

/// Whether `membership` of `bloc` is shown as of `as_of`, and how. None when it did not hold
/// then as far as the record goes: the bloc was not yet founded, the membership began later,
/// or (with no recorded start) the dataset places nothing about the bloc that early.
pub fn membership_standing(
    data: &Dataset,
    bloc: &Actor,
    membership: &Membership,
    as_of: Option<u16>,
) -> Option<Standing> {
    let Some(year) = as_of else { return Some(Standing::Member) };
    if founded_after(bloc, year) {
        return None;
    }
    match membership.since.or(bloc.founded) {
        Some(start) => (start.year() <= year).then_some(Standing::Member),
        None => first_placed(data, bloc).is_some_and(|first| first <= year).then_some(Standing::DateNotRecorded),
    }
}

/// The date the dataset's summaries, statuses and themes are written as of, when that is later
/// than the year asked about (so they must be labelled as written later).
pub fn written_later(data: &Dataset, as_of: Option<u16>) -> Option<Date> {
    let written = data.info()?.as_of;
    as_of.filter(|&year| written.year() > year).map(|_| written)
}

/// True when an event's `end` lies after the year asked about, so it must not be shown.
pub fn ends_after(event: &Event, as_of: Option<u16>) -> bool {
    as_of.is_some_and(|year| event.end.is_some_and(|end| end.year() > year))
}
