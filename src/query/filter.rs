//! Event and figure filters. A filter selects; it never formats.

use crate::model::{Dataset, Event, EventType, Figure, FigureKind, Slug, SpanKind};

use super::{DateRange, Grep, has_tag};

/// How an event stands against a date range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// The event certainly falls in the range.
    Certain,
    /// The event may fall in the range: its dates overlap it but are not wholly inside.
    Uncertain,
}

/// The one rule every date filter uses (`events`, `timeline`, `show`, `--as-of`, `graph`).
///
/// A state (a war, a government: an event with an `end` that lasted through it) is certainly in
/// every range it overlaps. A moment — a single date, or an event that happened once some time in
/// a rough span — is certainly in a range that contains every day it may mean, and only may be in
/// one it merely overlaps: `2008` is certainly in `2008` but only maybe in `2008-09-15`, and
/// "c. 2006–2011-03" is only maybe in `2010`.
pub fn placement(event: &Event, range: &DateRange) -> Option<Placement> {
    let (start, end) = (event.date, event.last());
    if !range.overlaps(start, end) {
        return None;
    }
    if event.span_kind() == SpanKind::State || range.contains(start, end) {
        Some(Placement::Certain)
    } else {
        Some(Placement::Uncertain)
    }
}

/// An event chosen by a filter, and whether it certainly falls in the dates asked for.
#[derive(Debug, Clone, Copy)]
pub struct Selected<'d> {
    pub event: &'d Event,
    pub certain: bool,
}

/// What `events` and `timeline` select. Events come back in date order (newest first when
/// `reverse`), cut to `limit`.
#[derive(Debug, Default, Clone)]
pub struct EventFilter {
    pub range: DateRange,
    /// All of these must be involved.
    pub actors: Vec<Slug>,
    pub kind: Option<EventType>,
    /// Words every event must match (see `matcher`).
    pub grep: Option<Grep>,
    /// Tags every event must carry, folded.
    pub tags: Vec<String>,
    pub reverse: bool,
    pub limit: Option<usize>,
    /// Leave out events that only may fall in the range (`--certain`).
    pub certain_only: bool,
}

impl EventFilter {
    /// Whether the event is selected, and how it stands against the range (see [`placement`]).
    pub fn placement(&self, event: &Event) -> Option<Placement> {
        let placed = placement(event, &self.range)?;
        let wanted = !(self.certain_only && placed == Placement::Uncertain)
            && self.actors.iter().all(|a| event.involves(a.as_str()))
            && self.kind.is_none_or(|k| event.kind == k)
            && self.tags.iter().all(|tag| has_tag(&event.tags, tag))
            && self.grep.as_ref().is_none_or(|grep| grep.matches_event(event));
        wanted.then_some(placed)
    }

    pub fn matches(&self, event: &Event) -> bool {
        self.placement(event).is_some()
    }

    /// The selected events, each marked certain or not, in date order.
    pub fn select<'d>(&self, data: &'d Dataset) -> Vec<Selected<'d>> {
        // The dataset keeps events in date order, so a filter only has to select; with actors
        // named, only the first one's events need looking at.
        let candidates: Box<dyn DoubleEndedIterator<Item = &'d Event>> = match self.actors.first() {
            Some(actor) => Box::new(data.events_of(actor.as_str())),
            None => Box::new(data.events().iter()),
        };
        let selected = candidates
            .filter_map(|event| self.placement(event).map(|p| Selected { event, certain: p == Placement::Certain }));
        let limit = self.limit.unwrap_or(usize::MAX);
        if self.reverse { selected.rev().take(limit).collect() } else { selected.take(limit).collect() }
    }

    pub fn apply<'d>(&self, data: &'d Dataset) -> Vec<&'d Event> {
        self.select(data).into_iter().map(|s| s.event).collect()
    }
}

#[derive(Debug, Default, Clone)]
pub struct FigureFilter {
    pub actor: Option<Slug>,
    pub kind: Option<FigureKind>,
    pub year: Option<u16>,
}

/// Whether a figure is known as of `year`: it has a dated period that ended by then. Undated
/// figures (a rank, a size, a duration) are stated as of the dataset's end.
pub fn figure_known_by(figure: &Figure, year: u16) -> bool {
    figure.last_year().is_some_and(|last| last <= year)
}

impl FigureFilter {
    pub fn apply<'d>(&self, data: &'d Dataset) -> Vec<&'d Figure> {
        data.figures()
            .iter()
            .filter(|f| self.actor.as_ref().is_none_or(|a| f.involves(a.as_str())))
            .filter(|f| self.kind.is_none_or(|k| f.kind == k))
            .filter(|f| self.year.is_none_or(|y| f.covers_year(y)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::{Placement, placement};
    use crate::model::Event;
    use crate::query::DateRange;

    fn event(date: &str, end: Option<&str>, circa: bool, span: Option<&str>) -> Event {
        let mut json = serde_json::json!({
            "id": "e", "date": date, "circa": circa, "title": "t", "summary": "s", "type": "war",
            "actors": ["a"], "tone": 0, "sources": [{"source": "s", "section": "s"}]
        });
        if let Some(end) = end {
            json["end"] = end.into();
        }
        if let Some(span) = span {
            json["span"] = span.into();
        }
        serde_json::from_value(json).unwrap()
    }

    fn range(text: &str) -> DateRange {
        DateRange::parse(text).unwrap()
    }

    #[test]
    fn a_state_is_certain_wherever_it_overlaps() {
        let war = event("1879", Some("1883"), false, None);
        assert_eq!(placement(&war, &range("1880")), Some(Placement::Certain));
        assert_eq!(placement(&war, &range("1884")), None);
        let rough_state = event("2005", Some("2011"), true, Some("state"));
        assert_eq!(placement(&rough_state, &range("2008-09-15")), Some(Placement::Certain));
    }

    #[test]
    fn a_moment_is_certain_only_in_a_range_containing_all_of_it() {
        let rough = event("2006", Some("2011-03"), true, None);
        assert_eq!(placement(&rough, &range("2010")), Some(Placement::Uncertain));
        assert_eq!(placement(&rough, &range("2006..2011")), Some(Placement::Certain));
        assert_eq!(placement(&rough, &range("2012")), None);
        let year = event("2008", None, false, None);
        assert_eq!(placement(&year, &range("2008")), Some(Placement::Certain));
        assert_eq!(placement(&year, &range("2008-09-15")), Some(Placement::Uncertain));
        let circa = event("2008", None, true, None);
        assert_eq!(placement(&circa, &range("2008-09-15")), Some(Placement::Uncertain));
        let as_of = DateRange { from: None, to: Some(crate::model::Date::from_year(2007)) };
        assert_eq!(placement(&rough, &as_of), Some(Placement::Uncertain));
    }
}
