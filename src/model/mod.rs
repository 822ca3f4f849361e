//! Plain typed data: the records of a dataset and the loaded, indexed dataset. No I/O here.

mod actor;
mod date;
mod event;
mod figure;
mod relationship;
mod slug;
mod tone;
#[macro_use]
mod vocabulary;

use std::collections::HashMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use actor::{Actor, ActorKind, Membership, Role};
pub use date::Date;
pub(crate) use date::shorten;
pub use event::{Event, EventType};
pub use figure::{Amount, Figure, FigureKind, Period};
pub use relationship::{Relationship, TonePeriod};
pub use slug::Slug;
pub use tone::Tone;
pub use vocabulary::Vocabulary;
use vocabulary::vocabulary;

/// Read a value written as a JSON string through its `FromStr`, without an owned copy of the
/// text (dates and ids are read this way, hundreds of thousands of times in a large file).
pub(crate) fn deserialize_from_str<'de, D, T>(deserializer: D, expecting: &'static str) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: std::str::FromStr,
    T::Err: std::fmt::Display,
{
    struct FromStrVisitor<T>(&'static str, std::marker::PhantomData<T>);

    impl<T: std::str::FromStr> serde::de::Visitor<'_> for FromStrVisitor<T>
    where
        T::Err: std::fmt::Display,
    {
        type Value = T;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(self.0)
        }

        fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<T, E> {
            text.parse().map_err(E::custom)
        }
    }

    deserializer.deserialize_str(FromStrVisitor(expecting, std::marker::PhantomData))
}

/// Where a record's facts come from: a source and one of its sections.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    pub source: Slug,
    pub section: Slug,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DatasetInfo {
    pub id: Slug,
    pub title: String,
    /// The actor the dataset is about; relationships are mostly between it and others.
    pub subject: Slug,
    /// The year the dataset describes the world as of.
    pub as_of: Date,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: Slug,
    pub title: String,
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: Slug,
    pub title: String,
}

/// One dataset document as written in a file. Every part may be left out, so that a file can
/// add a few records on top of the bundled dataset.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "relations dataset")]
pub struct DatasetFile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dataset: Option<DatasetInfo>,
    #[serde(default)]
    pub sources: Vec<Source>,
    #[serde(default)]
    pub actors: Vec<Actor>,
    #[serde(default)]
    pub relationships: Vec<Relationship>,
    #[serde(default)]
    pub events: Vec<Event>,
    #[serde(default)]
    pub figures: Vec<Figure>,
}

/// A loaded, merged and validated dataset, indexed for lookups. Events are kept in date order.
#[derive(Debug, Default)]
pub struct Dataset {
    pub file: DatasetFile,
    actor_index: HashMap<Slug, usize>,
}

impl Dataset {
    /// Index a dataset that has already been validated.
    pub fn new(mut file: DatasetFile) -> Self {
        // Ids are unique, so an unstable sort gives one order; most files are already sorted.
        let order = |a: &Event, b: &Event| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id));
        if !file.events.is_sorted_by(|a, b| order(a, b).is_le()) {
            file.events.sort_unstable_by(order);
        }
        let actor_index = file.actors.iter().enumerate().map(|(i, a)| (a.id.clone(), i)).collect();
        Self { file, actor_index }
    }

    pub fn info(&self) -> Option<&DatasetInfo> {
        self.file.dataset.as_ref()
    }

    pub fn actors(&self) -> &[Actor] {
        &self.file.actors
    }

    pub fn events(&self) -> &[Event] {
        &self.file.events
    }

    pub fn figures(&self) -> &[Figure] {
        &self.file.figures
    }

    pub fn relationships(&self) -> &[Relationship] {
        &self.file.relationships
    }

    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actor_index.get(id).map(|&i| &self.file.actors[i])
    }

    /// The display name of an actor id, or the id itself when it is unknown.
    pub fn name_of<'a>(&'a self, id: &'a str) -> &'a str {
        self.actor(id).map_or(id, |a| a.name.as_str())
    }

    pub fn subject(&self) -> Option<&Slug> {
        self.info().map(|i| &i.subject)
    }

    pub fn section_title(&self, citation: &Citation) -> Option<&str> {
        let source = self.file.sources.iter().find(|s| s.id == citation.source)?;
        source.sections.iter().find(|s| s.id == citation.section).map(|s| s.title.as_str())
    }
}
