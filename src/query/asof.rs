//! The world as it stood in a year: which memberships, blocs, roles and summaries hold then.

use crate::model::{Actor, Dataset, Date, Event, Membership, Role, Slug, SpanKind};

use super::{DateRange, Placement, placement};

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

/// How an event stands as of a year (`--as-of`): certainly by then, only maybe, or (None) not
/// yet. Without a year every event is certain.
pub fn placement_as_of(event: &Event, as_of: Option<u16>) -> Option<Placement> {
    match as_of {
        None => Some(Placement::Certain),
        Some(year) => placement(event, &as_of_range(year)),
    }
}

/// True when the bloc's recorded founding is after `year`.
pub fn founded_after(bloc: &Actor, year: u16) -> bool {
    bloc.founded.is_some_and(|founded| founded.year() > year)
}

/// The first year the dataset places a bloc in time: its founding, or else the earliest dated
/// record involving it (an event, by the year it certainly happened; a relationship period),
/// or else the dataset's own `as_of`.
pub fn first_placed(data: &Dataset, bloc: &Actor) -> Option<u16> {
    if let Some(founded) = bloc.founded {
        return Some(founded.year());
    }
    let id = bloc.id.as_str();
    let events = data.first_event_year(id).into_iter();
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

/// How a person's role stands as of a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleStanding {
    /// Certainly held at some point of the year (or no year was asked).
    Held,
    /// Its start is an event that may fall after the year.
    MayHaveBegun,
    /// Begun by then; its end is an event that may fall in or before the year, or after it.
    MayHaveEnded,
    /// Begun by then; its end is an event certainly by the end of the year, at a date the source
    /// does not fix more closely.
    EndedBy,
    /// Held by then (`at`), and the source gives no end: it may still be held.
    EndNotRecorded,
    /// The source gives no start, no end and no date it was held by then.
    DatesNotRecorded,
}

impl RoleStanding {
    /// The note shown beside the role; empty when it was held.
    pub fn text(self) -> &'static str {
        match self {
            RoleStanding::Held => "held",
            RoleStanding::MayHaveBegun => "may have begun by then; start uncertain",
            RoleStanding::MayHaveEnded => "may have ended by then; end uncertain",
            RoleStanding::EndedBy => "ended by then; date uncertain",
            RoleStanding::EndNotRecorded => "may still hold; end not recorded",
            RoleStanding::DatesNotRecorded => "dates not recorded",
        }
    }
}

/// The first and last year a role's bound can mean: a date's year, or the years of the event it
/// names (a moment span from its date to its end; anything else its date).
fn bound_years(data: &Dataset, date: Option<Date>, event: Option<&Slug>) -> Option<(u16, u16)> {
    if let Some(date) = date {
        return Some((date.year(), date.year()));
    }
    let event = data.event(event?.as_str())?;
    let last = match event.span_kind() {
        SpanKind::Moment => event.last(),
        SpanKind::State => event.date,
    };
    Some((event.date.year(), last.year()))
}

/// The first year the dataset places a person in time: their earliest dated event or role date,
/// or else the dataset's own `as_of`.
pub fn person_first_placed(data: &Dataset, person: &Actor) -> Option<u16> {
    let id = person.id.as_str();
    let events = data.first_event_year(id).into_iter();
    let roles = person.roles.iter().flat_map(|r| [r.from, r.to, r.at]).flatten().map(Date::year);
    events.chain(roles).min().or_else(|| data.info().map(|i| i.as_of.year()))
}

/// Whether `role` of `person` is shown as of `as_of`, and how. None when it certainly did not
/// hold then: it began later, it ended before the year, the office's bloc was not yet founded,
/// or (with no recorded start) the dataset places nothing about the person that early.
pub fn role_standing(data: &Dataset, person: &Actor, role: &Role, as_of: Option<u16>) -> Option<RoleStanding> {
    let Some(year) = as_of else { return Some(RoleStanding::Held) };
    let start = bound_years(data, role.from, role.from_event.as_ref());
    let end = bound_years(data, role.to, role.to_event.as_ref());
    let office_founded_later =
        role.of.as_ref().and_then(|of| data.actor(of.as_str())).is_some_and(|of| founded_after(of, year));
    if start.is_some_and(|(first, _)| first > year) || end.is_some_and(|(_, last)| last < year) || office_founded_later
    {
        return None;
    }
    if start.is_none() && person_first_placed(data, person).is_some_and(|first| first > year) {
        return None;
    }
    let at = role.at.map(Date::year);
    let begun = match start {
        Some((_, last)) => last <= year,
        // No recorded start: held by then if placed there by `at`, or if it certainly ended in
        // the year (it was held until then).
        None => at.is_some_and(|a| a <= year) || end.is_some_and(|(first, last)| first == year && last == year),
    };
    let not_ended = match end {
        Some((first, _)) => first >= year,
        None => role.has_start() || at == Some(year),
    };
    Some(match (begun, not_ended, start, end) {
        (true, true, _, _) => RoleStanding::Held,
        (true, false, _, Some((_, last))) if last <= year => RoleStanding::EndedBy,
        (true, false, _, Some(_)) => RoleStanding::MayHaveEnded,
        (true, false, _, None) => RoleStanding::EndNotRecorded,
        (false, _, Some(_), _) => RoleStanding::MayHaveBegun,
        (false, _, None, _) => RoleStanding::DatesNotRecorded,
    })
}
