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
pub(crate) use date::shorten;
pub use date::{DATE_PATTERN, Date};
pub use event::{Event, EventType, SpanKind};
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

/// An integer, written with no fraction: `1`, or `1.0` as JSON Schema's `integer` allows (the
/// schema says `integer`, so the loader accepts what the schema does). `1.5` is refused.
pub(crate) struct Whole<T>(pub T);

impl<'de, T: TryFrom<i64> + TryFrom<u64>> Deserialize<'de> for Whole<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::{Error, Unexpected};

        struct WholeVisitor<T>(std::marker::PhantomData<T>);

        impl<T: TryFrom<i64> + TryFrom<u64>> serde::de::Visitor<'_> for WholeVisitor<T> {
            type Value = Whole<T>;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an integer")
            }

            fn visit_u64<E: Error>(self, value: u64) -> Result<Whole<T>, E> {
                T::try_from(value)
                    .map(Whole)
                    .map_err(|_| E::invalid_value(Unexpected::Unsigned(value), &"an integer in range"))
            }

            fn visit_i64<E: Error>(self, value: i64) -> Result<Whole<T>, E> {
                T::try_from(value)
                    .map(Whole)
                    .map_err(|_| E::invalid_value(Unexpected::Signed(value), &"an integer in range"))
            }

            #[allow(clippy::cast_possible_truncation)] // whole and within i64, checked first
            fn visit_f64<E: Error>(self, value: f64) -> Result<Whole<T>, E> {
                const I64_END: f64 = 9_223_372_036_854_775_808.0; // 2^63
                if value.fract() == 0.0 && (-I64_END..I64_END).contains(&value) {
                    self.visit_i64(value as i64)
                } else {
                    Err(E::invalid_type(Unexpected::Float(value), &self))
                }
            }
        }

        deserializer.deserialize_any(WholeVisitor(std::marker::PhantomData))
    }
}

/// A record's struct derives `Deserialize` with `#[serde(remote = "Self")]`, which makes the
/// derived code an inherent function; this gives the trait impls that call it. The derived code
/// alone would also accept a record written as a JSON array of its fields in order
/// (`["chile", "country", …]`); a dataset names its fields, so only an object is let through.
macro_rules! named_fields_only {
    ($($name:ident),* $(,)?) => {$(
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $name::deserialize($crate::model::ObjectOnly(deserializer))
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                $name::serialize(self, serializer)
            }
        }
    )*};
}

pub(crate) use named_fields_only;

/// A deserializer that reads a struct only from a JSON object. The derived code for a struct
/// calls nothing but `deserialize_struct`; the rest is passed through untouched.
pub(crate) struct ObjectOnly<D>(pub D);

impl<'de, D: serde::Deserializer<'de>> serde::Deserializer<'de> for ObjectOnly<D> {
    type Error = D::Error;

    fn deserialize_any<V: serde::de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_any(visitor)
    }

    fn deserialize_struct<V: serde::de::Visitor<'de>>(
        self,
        name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_map(ObjectVisitor(visitor, name))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option
        unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier ignored_any
    }
}

/// The derived visitor, with only its `visit_map`, and an expectation that says what to write.
struct ObjectVisitor<V>(V, &'static str);

impl<'de, V: serde::de::Visitor<'de>> serde::de::Visitor<'de> for ObjectVisitor<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "a JSON object of named fields ({})", self.1)
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        self.0.visit_map(map)
    }
}

/// A source section a record rests on: which source, and which of its sections.
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    JsonSchema,
    rkyv::Archive,
    rkyv::Serialize,
    rkyv::Deserialize,
)]
#[serde(deny_unknown_fields, remote = "Self")]
#[schemars(rename = "Citation")]
pub struct Citation {
    /// The id of a source listed under `sources`.
    pub source: Slug,
    /// The id of one of that source's sections.
    pub section: Slug,
}

/// What the dataset is: its id, title, subject and the date it describes the world as of.
#[derive(
    Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
#[serde(deny_unknown_fields, remote = "Self")]
#[schemars(rename = "DatasetInfo")]
pub struct DatasetInfo {
    /// The dataset's own id.
    pub id: Slug,
    /// The dataset's title, shown by `relations info`; not empty.
    #[schemars(length(min = 1), regex(pattern = r"\S"))]
    pub title: String,
    /// The id of the actor the dataset is about; relationships are mostly between it and others.
    pub subject: Slug,
    /// The date the dataset describes the world as of (usually a year).
    pub as_of: Date,
    /// A few sentences on what the dataset covers and where it comes from.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
}

/// A document the records cite, divided into sections.
#[derive(
    Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
#[serde(deny_unknown_fields, remote = "Self")]
#[schemars(rename = "Source")]
pub struct Source {
    /// The id records use to cite this source.
    pub id: Slug,
    /// The source's title; not empty.
    #[schemars(length(min = 1), regex(pattern = r"\S"))]
    pub title: String,
    /// The parts of the source a record can cite; section ids are unique within a source.
    pub sections: Vec<Section>,
}

/// One citable part of a source.
#[derive(
    Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
#[serde(deny_unknown_fields, remote = "Self")]
#[schemars(rename = "Section")]
pub struct Section {
    /// The id a citation names in its `section`; unique within the source.
    pub id: Slug,
    /// The section's title; not empty.
    #[schemars(length(min = 1), regex(pattern = r"\S"))]
    pub title: String,
}

/// One dataset document as written in a file. Every part may be left out, so that a file can
/// add a few records on top of the bundled dataset.
#[derive(
    Debug,
    Clone,
    Default,
    PartialEq,
    Serialize,
    Deserialize,
    JsonSchema,
    rkyv::Archive,
    rkyv::Serialize,
    rkyv::Deserialize,
)]
#[serde(deny_unknown_fields, remote = "Self")]
#[schemars(rename = "DatasetFile", title = "relations dataset")]
pub struct DatasetFile {
    /// What the dataset is; a file that only adds records to another may leave it out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dataset: Option<DatasetInfo>,
    /// The documents records cite, each with its sections.
    #[serde(default)]
    pub sources: Vec<Source>,
    /// The countries, blocs, people and organisations; ids are unique across the dataset.
    #[serde(default)]
    pub actors: Vec<Actor>,
    /// How pairs of actors stand with each other; one record per pair.
    #[serde(default)]
    pub relationships: Vec<Relationship>,
    /// Dated events, each involving one or more actors.
    #[serde(default)]
    pub events: Vec<Event>,
    /// Numbers: trade, aid, populations, counts and durations.
    #[serde(default)]
    pub figures: Vec<Figure>,
}

/// Reorder date-sorted events so that none comes before an event it follows: Kahn's algorithm,
/// always releasing the free event that comes first in date order. Ids that name no event and
/// events caught in a cycle (which validation rejects) keep their date order at the end.
fn order_by_after(events: &mut Vec<Event>) {
    use std::cmp::Reverse;
    use std::collections::BinaryHeap;
    let index: HashMap<&str, usize> = events.iter().enumerate().map(|(i, e)| (e.id.as_str(), i)).collect();
    let mut waiting_on = vec![0usize; events.len()];
    let mut followers: Vec<Vec<usize>> = vec![Vec::new(); events.len()];
    for (i, event) in events.iter().enumerate() {
        for before in &event.after {
            if let Some(&b) = index.get(before.as_str())
                && b != i
            {
                waiting_on[i] += 1;
                followers[b].push(i);
            }
        }
    }
    // Positions in date order stand for events: the smallest free position goes next.
    let mut free: BinaryHeap<Reverse<usize>> = (0..events.len()).filter(|&i| waiting_on[i] == 0).map(Reverse).collect();
    let mut placed = Vec::with_capacity(events.len());
    let mut done = vec![false; events.len()];
    while let Some(Reverse(i)) = free.pop() {
        placed.push(i);
        done[i] = true;
        for &f in &followers[i] {
            waiting_on[f] -= 1;
            if waiting_on[f] == 0 {
                free.push(Reverse(f));
            }
        }
    }
    placed.extend((0..events.len()).filter(|&i| !done[i]));
    let mut slots: Vec<Option<Event>> = std::mem::take(events).into_iter().map(Some).collect();
    events.extend(placed.into_iter().filter_map(|i| slots[i].take()));
}

named_fields_only!(Citation, DatasetInfo, Source, Section, DatasetFile);

/// A loaded, merged and validated dataset, indexed for lookups. Events are kept in date order.
#[derive(Debug, Default)]
pub struct Dataset {
    pub file: DatasetFile,
    actor_index: rustc_hash::FxHashMap<Slug, usize>,
    /// For each actor (by its place in `actors`), the places of the events that involve it, in
    /// order: built on the first question about one actor's events, so a load pays nothing for it.
    events_by_actor: std::sync::OnceLock<Vec<Vec<u32>>>,
    /// The key of the dataset's entry in the cache of compiled datasets, when the loader gave
    /// it one (a search index can be kept beside it; not made from a partial dataset).
    pub compiled: Option<u128>,
    /// Set when only some events and figures were read (`load::compiled::Want`), or they are in
    /// a store: what the whole dataset holds that the records read cannot tell.
    whole: Option<WholeDataset>,
    /// Events and figures read one by one, by their place, on first use (`event_at`,
    /// `figure_at`) instead of being held in `file`: a search reads a few records this way.
    store: Option<Box<dyn RecordStore>>,
    /// Bytes kept for as long as the dataset: its search index as read from the cache, which the
    /// index reads in place.
    kept_index: std::sync::OnceLock<KeptBytes>,
}

/// How many events and figures a dataset has, and the first and last year its events cover
/// (from each event's date to its end).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Extent {
    pub events: usize,
    pub figures: usize,
    pub years: Option<(u16, u16)>,
}

/// What a dataset read in part knows of the whole (from the compiled dataset's head).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WholeDataset {
    pub extent: Extent,
    /// By actor (in `actors`' order), the year of its earliest event.
    pub first_event_years: Vec<Option<u16>>,
}

/// Bytes owned by a dataset (a mapped file), shown by their length.
struct KeptBytes(Box<dyn AsRef<[u8]> + Send + Sync>);

impl std::fmt::Debug for KeptBytes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "KeptBytes({} bytes)", self.0.as_ref().as_ref().len())
    }
}

/// A text of an event that search reads: its title, one of its tags, its type or its summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventText {
    Title,
    Tag(usize),
    Type,
    Summary,
}

impl EventText {
    pub fn of(self, event: &Event) -> Option<&str> {
        match self {
            EventText::Title => Some(&event.title),
            EventText::Tag(k) => event.tags.get(k).map(String::as_str),
            EventText::Type => Some(event.kind.as_str()),
            EventText::Summary => Some(&event.summary),
        }
    }
}

/// A text of a figure that search reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureText {
    Label,
    Qualifier,
    Unit,
}

impl FigureText {
    pub fn of(self, figure: &Figure) -> Option<&str> {
        match self {
            FigureText::Label => Some(&figure.label),
            FigureText::Qualifier => figure.qualifier.as_deref(),
            FigureText::Unit => Some(&figure.unit),
        }
    }
}

/// A dataset's events and figures, each read by its place on first use (from a compiled
/// dataset: `load::compiled`).
pub trait RecordStore: Send + Sync + std::fmt::Debug {
    /// How many events and figures there are.
    fn counts(&self) -> (usize, usize);
    /// The event at this place (in date order), read now if it was not yet; None past the end or
    /// when its bytes fail their checks (which `damaged` then tells).
    fn event(&self, place: usize) -> Option<&Event>;
    fn figure(&self, place: usize) -> Option<&Figure>;
    /// One text of the event at this place, read where it lies without building the event (a
    /// search checks phrases against many records and shows few).
    fn event_text(&self, place: usize, part: EventText) -> Option<&str>;
    fn figure_text(&self, place: usize, part: FigureText) -> Option<&str>;
    /// True when a record read so far failed its checks: what was answered from the store may
    /// then lack it.
    fn damaged(&self) -> bool;
}

impl Dataset {
    /// Index a dataset that has already been validated (`after` names known events, no cycles).
    ///
    /// Events are ordered by their sort date (`Event::sort_date`: a state by its start, a moment
    /// in a rough span by the span's end), ties by id; an event never comes before one it is
    /// recorded to follow (`after`). Where `after` decides, the order is the smallest such
    /// (a topological order that always takes the earliest-dated event free to go next).
    pub fn new(mut file: DatasetFile) -> Self {
        // Ids are unique, so an unstable sort gives one order; most files are already sorted.
        let order = |a: &Event, b: &Event| a.sort_date().cmp(&b.sort_date()).then_with(|| a.id.cmp(&b.id));
        if !file.events.is_sorted_by(|a, b| order(a, b).is_le()) {
            file.events.sort_unstable_by(order);
        }
        if file.events.iter().any(|e| !e.after.is_empty()) {
            order_by_after(&mut file.events);
        }
        Self::from_ordered(file)
    }

    /// A dataset whose events are already in the order `new` gives them (one compiled into the
    /// cache by `new`): only the index is built.
    pub fn from_ordered(file: DatasetFile) -> Self {
        let actor_index = file.actors.iter().enumerate().map(|(i, a)| (a.id.clone(), i)).collect();
        Self {
            file,
            actor_index,
            events_by_actor: std::sync::OnceLock::new(),
            compiled: None,
            whole: None,
            store: None,
            kept_index: std::sync::OnceLock::new(),
        }
    }

    /// Add the events and figures read from a compiled dataset (in its order) to one that has
    /// none yet. With `whole`, they are only some of the dataset's.
    pub fn add_records(&mut self, events: Vec<Event>, figures: Vec<Figure>, whole: Option<WholeDataset>) {
        self.file.events = events;
        self.file.figures = figures;
        self.events_by_actor = std::sync::OnceLock::new();
        self.whole = whole;
    }

    /// True when only the events and figures a command needed were read, or they are in a
    /// store (`load::compiled`).
    pub fn is_partial(&self) -> bool {
        self.whole.is_some()
    }

    /// Read the events and figures from a store, each on first use, instead of holding them.
    /// `events()` and `figures()` are then empty: only `event_at` and `figure_at` reach them.
    pub fn set_store(&mut self, store: Box<dyn RecordStore>, whole: WholeDataset) {
        self.add_records(Vec::new(), Vec::new(), Some(whole));
        self.store = Some(store);
    }

    /// Keep the bytes of the dataset's search index for as long as the dataset lives, and lend
    /// them out; the first bytes kept stay (one dataset has one kept index).
    pub fn keep_index_bytes(&self, bytes: Box<dyn AsRef<[u8]> + Send + Sync>) -> &[u8] {
        self.kept_index.get_or_init(|| KeptBytes(bytes)).0.as_ref().as_ref()
    }

    /// How many events and figures the dataset has and the years its events cover (the whole
    /// dataset's, also when only some records were read).
    pub fn extent(&self) -> Extent {
        if let Some(whole) = &self.whole {
            return whole.extent;
        }
        let first = self.file.events.iter().map(|e| e.date.year()).min();
        let last = self.file.events.iter().map(|e| e.last().year()).max();
        Extent { events: self.file.events.len(), figures: self.file.figures.len(), years: first.zip(last) }
    }

    /// True when events and figures are read from a store on first use (`set_store`).
    pub fn is_stored(&self) -> bool {
        self.store.is_some()
    }

    /// True when a record read from the store failed its checks.
    pub fn store_damaged(&self) -> bool {
        self.store.as_ref().is_some_and(|s| s.damaged())
    }

    /// How many events the dataset has (also when they are in a store).
    pub fn event_count(&self) -> usize {
        self.store.as_ref().map_or(self.file.events.len(), |s| s.counts().0)
    }

    /// How many figures the dataset has (also when they are in a store).
    pub fn figure_count(&self) -> usize {
        self.store.as_ref().map_or(self.file.figures.len(), |s| s.counts().1)
    }

    /// The event at this place in date order (also when it is in a store).
    pub fn event_at(&self, place: usize) -> Option<&Event> {
        match &self.store {
            Some(store) => store.event(place),
            None => self.file.events.get(place),
        }
    }

    /// One text of the event at this place (also when it is in a store, where it is read in
    /// place).
    pub fn event_text(&self, place: usize, part: EventText) -> Option<&str> {
        match &self.store {
            Some(store) => store.event_text(place, part),
            None => part.of(self.file.events.get(place)?),
        }
    }

    /// One text of the figure at this place (also when it is in a store).
    pub fn figure_text(&self, place: usize, part: FigureText) -> Option<&str> {
        match &self.store {
            Some(store) => store.figure_text(place, part),
            None => part.of(self.file.figures.get(place)?),
        }
    }

    /// The figure at this place (also when it is in a store).
    pub fn figure_at(&self, place: usize) -> Option<&Figure> {
        match &self.store {
            Some(store) => store.figure(place),
            None => self.file.figures.get(place),
        }
    }

    /// The place of an actor in `actors`.
    pub fn actor_place(&self, id: &str) -> Option<usize> {
        self.actor_index.get(id).copied()
    }

    /// The first year an event involving the actor certainly places it
    /// ([`Event::certain_by_year`]), in the whole dataset (also when it was read in part).
    pub fn first_event_year(&self, id: &str) -> Option<u16> {
        match &self.whole {
            Some(whole) => self.actor_place(id).and_then(|place| whole.first_event_years.get(place).copied().flatten()),
            None => self.events_of(id).map(Event::certain_by_year).min(),
        }
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

    /// The events that involve the actor, in the dataset's (date) order; none for an unknown id.
    pub fn events_of<'a>(&'a self, id: &str) -> impl DoubleEndedIterator<Item = &'a Event> + 'a {
        let index = self.events_by_actor.get_or_init(|| {
            let mut index = vec![Vec::new(); self.file.actors.len()];
            for (i, event) in self.file.events.iter().enumerate() {
                for actor in &event.actors {
                    if let Some(&a) = self.actor_index.get(actor.as_str()) {
                        index[a].push(u32::try_from(i).unwrap_or(u32::MAX));
                    }
                }
            }
            index
        });
        let places = self.actor_index.get(id).map_or(&[][..], |&a| &index[a][..]);
        places.iter().filter_map(|&i| self.file.events.get(i as usize))
    }

    /// The event with this id. A scan rather than an index: only roles bounded by an event ask,
    /// a few times per profile, and an index would cost every load.
    pub fn event(&self, id: &str) -> Option<&Event> {
        self.file.events.iter().find(|e| e.id.as_str() == id)
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

#[cfg(test)]
mod tests {
    use super::{Dataset, DatasetFile};

    fn ordered(events: &serde_json::Value) -> Vec<String> {
        let file: DatasetFile = serde_json::from_value(serde_json::json!({ "events": events })).unwrap();
        Dataset::new(file).events().iter().map(|e| e.id.to_string()).collect()
    }

    fn event(id: &str, date: &str, extra: &serde_json::Value) -> serde_json::Value {
        let mut json = serde_json::json!({
            "id": id, "date": date, "title": "t", "summary": "s", "type": "war", "actors": ["a"],
            "tone": 0, "sources": [{"source": "s", "section": "s"}]
        });
        json.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
        json
    }

    #[test]
    fn dates_decide_then_after_then_id() {
        let none = serde_json::json!({});
        let order = ordered(&serde_json::json!([
            event("c-rough", "2006", &serde_json::json!({"end": "2011-03", "circa": true})),
            event("b-reply", "2006", &serde_json::json!({"after": ["d-first"]})),
            event("d-first", "2006", &none),
            event("e-precise", "2006-01", &none),
            event("a-war", "1879", &serde_json::json!({"end": "1883"})),
        ]));
        assert_eq!(order, ["a-war", "d-first", "b-reply", "e-precise", "c-rough"]);
    }

    #[test]
    fn an_event_held_back_comes_as_soon_as_what_it_follows_is_placed() {
        let order = ordered(&serde_json::json!([
            event("a-early", "2006", &serde_json::json!({"after": ["z-late"]})),
            event("m-middle", "2006-06", &serde_json::json!({})),
            event("z-late", "2006-03", &serde_json::json!({})),
        ]));
        assert_eq!(order, ["z-late", "a-early", "m-middle"]);
    }
}
