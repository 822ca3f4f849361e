//! A record of any kind, and finding one by what `cite` and `browse` accept: an event or figure
//! id, a relationship as `a--b`, or an actor id or name.

use crate::error::{Error, Result};
use crate::model::{Actor, Citation, Dataset, Event, Figure, Relationship};

use super::{ActorNames, resolve_actor};

/// One record of any kind. Two are equal when they are the same record of the dataset.
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

    /// `country`, `person`, … for an actor; `event`, `relationship` or `figure` otherwise.
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

/// The relationship between two actors, if the dataset has one.
pub fn relationship_between<'d>(data: &'d Dataset, a: &Actor, b: &Actor) -> Option<&'d Relationship> {
    // The exact pair, in either order: `involves` twice would let `chile--chile` match any
    // relationship of Chile's.
    let (a, b) = (a.id.as_str(), b.id.as_str());
    let key = if a <= b { (a, b) } else { (b, a) };
    data.relationships().iter().find(|r| r.key_str() == key)
}

/// `a--b` is the relationship of the two actors (each resolved as `show` resolves a name); an
/// exact event or figure id is that record; anything else is resolved as an actor.
pub fn find_record<'d>(data: &'d Dataset, names: &ActorNames, text: &str) -> Result<Record<'d>> {
    let text = text.trim();
    if let Some((a, b)) = text.split_once("--") {
        let (a, b) = (resolve_actor(data, names, a)?, resolve_actor(data, names, b)?);
        if a.id == b.id {
            return Err(Error::Usage(format!(
                "'{}' names {} twice; a relationship is between two different actors",
                crate::model::shorten(text),
                a.id
            )));
        }
        return relationship_between(data, a, b).map(Record::Relationship).ok_or_else(|| {
            Error::NoRecord(format!("the dataset has no relationship between {} and {}", a.name, b.name))
        });
    }
    if let Some(event) = data.events().iter().find(|e| e.id.as_str() == text) {
        return Ok(Record::Event(event));
    }
    if let Some(figure) = data.figures().iter().find(|f| f.id.as_str() == text) {
        return Ok(Record::Figure(figure));
    }
    // An event's title, whatever its case and accents: `cite "War of the Pacific"`.
    if let Some(event) = super::event_by_title(data, text) {
        return Ok(Record::Event(event));
    }
    resolve_actor(data, names, text).map(Record::Actor)
}
