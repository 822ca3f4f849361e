//! The browser's one door into `query/`: every lookup, search, filter and as-of rule it uses is
//! called here, so that a change to the query API is re-pointed in this file alone.

use crate::error::Result;
use crate::model::{Actor, Citation, Dataset, Date, Event, Figure, Relationship, Tone, TonePeriod};
use crate::query::{self, ActorNames, DateRange, EventFilter, Profile};

/// One record of any kind. Compared by identity: two records are the same when they are the
/// same record of the dataset.
#[derive(Debug, Clone, Copy)]
pub enum Record<'d> {
    Actor(&'d Actor),
    Event(&'d Event),
    Relationship(&'d Relationship),
    Figure(&'d Figure),
}

impl PartialEq for Record<'_> {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Record::Actor(a), Record::Actor(b)) => std::ptr::eq(*a, *b),
            (Record::Event(a), Record::Event(b)) => std::ptr::eq(*a, *b),
            (Record::Relationship(a), Record::Relationship(b)) => std::ptr::eq(*a, *b),
            (Record::Figure(a), Record::Figure(b)) => std::ptr::eq(*a, *b),
            _ => false,
        }
    }
}

impl Record<'_> {
    /// The id `cite` accepts: an actor, event or figure id, or `a--b` for a relationship.
    pub fn id(&self) -> String {
        match self {
            Record::Actor(a) => a.id.to_string(),
            Record::Event(e) => e.id.to_string(),
            Record::Relationship(r) => format!("{}--{}", r.between[0], r.between[1]),
            Record::Figure(f) => f.id.to_string(),
        }
    }

    pub fn kind(&self) -> &'static str {
        match self {
            Record::Actor(a) => a.kind.as_str(),
            Record::Event(_) => "event",
            Record::Relationship(_) => "relationship",
            Record::Figure(_) => "figure",
        }
    }

    pub fn sources(&self) -> &[Citation] {
        match self {
            Record::Actor(a) => &a.sources,
            Record::Event(e) => &e.sources,
            Record::Relationship(r) => &r.sources,
            Record::Figure(f) => &f.sources,
        }
    }
}

/// The dataset and the folded names that lookups and search share, built once per session.
pub struct Data<'d> {
    pub dataset: &'d Dataset,
    pub names: ActorNames<'d>,
}

/// At most this many search results are listed; the best come first.
pub const SEARCH_LIMIT: usize = 500;

impl<'d> Data<'d> {
    pub fn new(dataset: &'d Dataset) -> Self {
        Self { dataset, names: ActorNames::new(dataset) }
    }

    /// What `relations show` resolves a name to.
    pub fn resolve_actor(&self, query: &str) -> Result<&'d Actor> {
        query::resolve_actor(self.dataset, &self.names, query)
    }

    /// A record named as `cite` names it: an event or figure id, `a--b`, or an actor id or name.
    pub fn find(&self, text: &str) -> Result<Record<'d>> {
        let text = text.trim();
        if let Some((a, b)) = text.split_once("--") {
            let (a, b) = (self.resolve_actor(a)?, self.resolve_actor(b)?);
            return self.relationship(a, b).map(Record::Relationship).ok_or_else(|| {
                crate::error::Error::NoRecord(format!(
                    "the dataset has no relationship between {} and {}",
                    a.name, b.name
                ))
            });
        }
        if let Some(event) = self.dataset.events().iter().find(|e| e.id.as_str() == text) {
            return Ok(Record::Event(event));
        }
        if let Some(figure) = self.dataset.figures().iter().find(|f| f.id.as_str() == text) {
            return Ok(Record::Figure(figure));
        }
        self.resolve_actor(text).map(Record::Actor)
    }

    /// The records `relations search` finds for the query, best first.
    pub fn search(&self, text: &str) -> Vec<Record<'d>> {
        query::search(self.dataset, &self.names, text, None)
            .into_iter()
            .take(SEARCH_LIMIT)
            .map(|hit| Record::Actor(hit.actor))
            .collect()
    }

    /// The actor's page as `relations show --as-of` sees it.
    pub fn profile(&self, actor: &'d Actor, as_of: Option<u16>) -> Profile<'d> {
        Profile::new(self.dataset, actor, as_of)
    }

    /// Events in date order, of one actor or of everyone, up to the as-of year (`events --as-of`).
    pub fn timeline(&self, actors: &[&Actor], as_of: Option<u16>) -> Vec<&'d Event> {
        EventFilter {
            range: DateRange { from: None, to: as_of.map(Date::from_year) },
            actors: actors.iter().map(|a| a.id.clone()).collect(),
            ..EventFilter::default()
        }
        .apply(self.dataset)
    }

    /// A relationship's tone and period as of a year; `None` before its history begins.
    pub fn tone_at(rel: &'d Relationship, as_of: Option<u16>) -> Option<(Tone, Option<&'d TonePeriod>)> {
        query::tone_at(rel, as_of)
    }

    /// Every relationship whose history has begun by the as-of year.
    pub fn relationships(&self, as_of: Option<u16>) -> Vec<&'d Relationship> {
        self.dataset.relationships().iter().filter(|r| Self::tone_at(r, as_of).is_some()).collect()
    }

    pub fn relationship(&self, a: &Actor, b: &Actor) -> Option<&'d Relationship> {
        self.dataset.relationships().iter().find(|r| r.involves(a.id.as_str()) && r.involves(b.id.as_str()))
    }

    pub fn actor(&self, id: &str) -> Option<&'d Actor> {
        self.dataset.actor(id)
    }

    pub fn name_of(&self, id: &'d str) -> &'d str {
        self.dataset.name_of(id)
    }

    /// The year the dataset describes the world as of: where `]` stops.
    pub fn present_year(&self) -> u16 {
        self.dataset
            .info()
            .map(|i| i.as_of.year())
            .or_else(|| self.dataset.events().last().map(|e| e.date.year()))
            .unwrap_or(2011)
    }

    /// The earliest year anything is recorded: where `[` stops.
    pub fn first_year(&self) -> u16 {
        self.dataset.events().first().map_or(1800, |e| e.date.year()).min(self.present_year())
    }
}
