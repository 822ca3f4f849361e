//! Event and figure filters. A filter selects; it never formats.

use crate::model::{Dataset, Event, EventType, Figure, FigureKind, Slug};

use super::{DateRange, Grep, has_tag};

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
}

impl EventFilter {
    pub fn matches(&self, event: &Event) -> bool {
        // A span the source states (a war, a government) counts in every year it touches. A
        // `circa` span only bounds an uncertain date, so it counts only where it lies wholly
        // inside the range: "c. 2006–2011" is not an event of 2008.
        let in_range = match event.end {
            Some(end) if event.circa => self.range.contains(event.date, end),
            end => self.range.overlaps(event.date, end.unwrap_or(event.date)),
        };
        in_range
            && self.actors.iter().all(|a| event.involves(a.as_str()))
            && self.kind.is_none_or(|k| event.kind == k)
            && self.tags.iter().all(|tag| has_tag(&event.tags, tag))
            && self.grep.as_ref().is_none_or(|grep| grep.matches_event(event))
    }

    pub fn apply<'d>(&self, data: &'d Dataset) -> Vec<&'d Event> {
        // The dataset keeps events in date order, so a filter only has to select.
        let selected = data.events().iter().filter(|e| self.matches(e));
        let limit = self.limit.unwrap_or(usize::MAX);
        if self.reverse { selected.rev().take(limit).collect() } else { selected.take(limit).collect() }
    }
}

#[derive(Debug, Default, Clone)]
pub struct FigureFilter {
    pub actor: Option<Slug>,
    pub kind: Option<FigureKind>,
    pub year: Option<u16>,
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
