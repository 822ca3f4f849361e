//! The browser's one door into `query/`: every lookup, search, filter and as-of rule it uses is
//! called here, so that a change to the query API is re-pointed in this file alone.

use std::sync::OnceLock;
use std::sync::atomic::AtomicBool;

use crate::error::Result;
use crate::model::{Actor, Dataset, Date, Event, Relationship, Tone, TonePeriod};
pub use crate::query::Record;
use crate::query::{self, ActorNames, DateRange, EventFilter, Profile, Query, SearchIndex, SearchOptions, Selected};

/// The dataset and the folded names that lookups and search share, built once per session.
pub struct Data<'d> {
    pub dataset: &'d Dataset,
    pub names: ActorNames<'d>,
    /// The search index of `relations search`, built in the background from the moment the
    /// browser opens (`prepare_search`), or on the first search if that comes first: opening the
    /// browser costs no more than loading the data.
    index: OnceLock<SearchIndex<'d>>,
}

/// At most this many search results are listed; the best come first.
pub const SEARCH_LIMIT: usize = 500;

impl<'d> Data<'d> {
    pub fn new(dataset: &'d Dataset) -> Self {
        Self { dataset, names: ActorNames::new(dataset), index: OnceLock::new() }
    }

    /// What `relations show` resolves a name to.
    pub fn resolve_actor(&self, query: &str) -> Result<&'d Actor> {
        query::resolve_actor(self.dataset, &self.names, query)
    }

    /// A record named as `cite` names it: an event or figure id, `a--b`, or an actor id or name.
    pub fn find(&self, text: &str) -> Result<Record<'d>> {
        query::find_record(self.dataset, &self.names, text)
    }

    /// What builds the search index, unless it is built already (a search meanwhile waits for
    /// it), until `stop` is set: run on a background thread while the browser is open.
    pub fn prepare_search(&self) -> impl FnOnce(&AtomicBool) + Send + '_ {
        let (dataset, index) = (self.dataset, &self.index);
        move |stop| {
            let index = index.get_or_init(|| crate::load::search_index(dataset, stop));
            if !stop.load(std::sync::atomic::Ordering::Relaxed) {
                index.letters();
            }
        }
    }

    /// The records `relations search` finds for the query, best first.
    pub fn search(&self, text: &str) -> Vec<Record<'d>> {
        let index = self.index.get_or_init(|| crate::load::search_index(self.dataset, &AtomicBool::new(false)));
        let options = SearchOptions { only: None, limit: SEARCH_LIMIT, typos: true };
        index.search(&Query::parse(text), options).into_iter().map(|hit| hit.record).collect()
    }

    /// The actor's page as `relations show --as-of` sees it.
    pub fn profile(&self, actor: &'d Actor, as_of: Option<u16>) -> Profile<'d> {
        Profile::new(self.dataset, actor, as_of)
    }

    /// Events in date order, of one actor or of everyone, up to the as-of year (`events --as-of`).
    pub fn timeline(&self, actors: &[&Actor], as_of: Option<u16>) -> Vec<Selected<'d>> {
        EventFilter {
            range: DateRange { from: None, to: as_of.map(Date::from_year) },
            actors: actors.iter().map(|a| a.id.clone()).collect(),
            ..EventFilter::default()
        }
        .select(self.dataset)
    }

    /// The event as a list marks it as of a year: certain by then, or only maybe (`?`), by the
    /// rule of `events --as-of`.
    pub fn selected(event: &'d Event, as_of: Option<u16>) -> Selected<'d> {
        Selected { event, certain: query::placement_as_of(event, as_of) == Some(query::Placement::Certain) }
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
        query::relationship_between(self.dataset, a, b)
    }

    pub fn actor(&self, id: &str) -> Option<&'d Actor> {
        self.dataset.actor(id)
    }

    pub fn name_of<'a>(&'a self, id: &'a str) -> &'a str {
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
