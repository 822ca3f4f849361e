//! The compiled form of a dataset inside a cache entry, laid out so that a query reads, checks
//! and builds only the records it needs.
//!
//! After the entry's header come the *body* and then the *head*:
//!
//! - the body is every event, then every figure, each an rkyv archive of its own (aligned to
//!   16 bytes), one after another;
//! - the head is one rkyv archive of the rest: the dataset's description, sources, actors and
//!   relationships (few, and every command reads them), and the tables that say where each event
//!   and figure lies in the body with its xxh3 checksum, each event's first and last date, which
//!   events and figures involve each actor, which events a role is bounded by, and the year of
//!   each actor's earliest event.
//!
//! The head is checked whole (its checksum in the entry's header, rkyv's validation, and its
//! records' places following one another inside the body) on every read; a record is checked (its own checksum, then rkyv's validation) when it is read,
//! and a record that is not wanted is not touched. A dataset read in part answers what its
//! command asks exactly as the whole would (see [`Want`]).

use std::io::{self, Write};

use rkyv::vec::ArchivedVec;
use xxhash_rust::xxh3::{Xxh3, xxh3_64};

use crate::model::{
    Actor, Dataset, DatasetFile, DatasetInfo, Date, Event, EventText, EventType, Extent, Figure, FigureText,
    Relationship, Slug, Source, WholeDataset,
};
use crate::query::DateRange;

/// Records are aligned to this in the body (rkyv's largest alignment for these types).
const ALIGN: usize = 16;

/// Which events and figures a command reads. The rest of a compiled dataset is left unread; the
/// dataset then holds only these (`Dataset::is_partial`).
#[derive(Debug, Clone, Default)]
pub struct Want {
    pub events: Records,
    pub figures: Records,
}

impl Want {
    /// Every record: what every command but a few needs.
    pub fn all() -> Self {
        Self::default()
    }

    /// Every event and figure read on first use (`Records::OnUse`).
    pub fn on_use() -> Self {
        Self { events: Records::OnUse, figures: Records::OnUse }
    }

    pub fn is_all(&self) -> bool {
        matches!((&self.events, &self.figures), (Records::All, Records::All))
    }
}

/// A choice of records of one kind.
#[derive(Debug, Clone, Default)]
pub enum Records {
    #[default]
    All,
    /// None of them.
    Skip,
    /// Those involving any of these actors; for events, also those a role is bounded by
    /// (`from_event`, `to_event`), which a profile shows beside the role.
    Of(Vec<Slug>),
    /// Events whose dates overlap the range (`DateRange::overlaps` on the event's first and
    /// last date: the test `query::placement` starts with). Figures: all of them.
    Dated(DateRange),
    /// Each read by its place when first asked for (`Dataset::event_at`, `figure_at`): a
    /// search, which finds its records in an index, reads only those.
    OnUse,
}

/// The head of a compiled dataset.
#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct Head {
    dataset: Option<DatasetInfo>,
    sources: Vec<Source>,
    actors: Vec<Actor>,
    relationships: Vec<Relationship>,
    events: Table,
    figures: Table,
    /// Each event's first date and last date (`Event::date`, `Event::last`), in order.
    event_dates: Vec<(Date, Date)>,
    /// The events some role is bounded by, in order.
    role_events: Vec<u32>,
    /// By actor (in `actors`' order): the year of the earliest date of an event involving it.
    first_event_years: Vec<Option<u16>>,
    /// The first and last year the events cover (`Dataset::extent`).
    years: Option<(u16, u16)>,
}

/// Where each record of one kind lies in the body, and which involve each actor.
#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
struct Table {
    places: Vec<Place>,
    /// By actor (in `actors`' order), the records involving it, in order.
    by_actor: Vec<Vec<u32>>,
}

#[derive(Debug, Clone, Copy, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
struct Place {
    start: u64,
    len: u64,
    checksum: u64,
}

/// What writing a compiled dataset gave: the body's length, the head's and the head's checksum.
pub struct Written {
    pub body_len: u64,
    pub head_len: u64,
    pub head_checksum: u64,
}

/// Write a dataset's body, then its head. `Dataset::new` has ordered its events.
pub fn write(out: &mut impl Write, data: &Dataset) -> io::Result<Written> {
    let mut offset = 0u64;
    let mut put = |bytes: &[u8]| -> io::Result<Place> {
        let place = Place { start: offset, len: bytes.len() as u64, checksum: xxh3_64(bytes) };
        out.write_all(bytes)?;
        let padding = bytes.len().next_multiple_of(ALIGN) - bytes.len();
        out.write_all(&[0; ALIGN][..padding])?;
        offset += (bytes.len() + padding) as u64;
        Ok(place)
    };
    // One buffer serves every record: cleared, not reallocated.
    let mut buffer = rkyv::util::AlignedVec::<ALIGN>::with_capacity(1 << 16);
    let mut event_places = Vec::with_capacity(data.events().len());
    for event in data.events() {
        buffer.clear();
        buffer = rkyv::api::high::to_bytes_in::<_, rkyv::rancor::Error>(event, buffer).map_err(io::Error::other)?;
        event_places.push(put(&buffer)?);
    }
    let mut figure_places = Vec::with_capacity(data.figures().len());
    for figure in data.figures() {
        buffer.clear();
        buffer = rkyv::api::high::to_bytes_in::<_, rkyv::rancor::Error>(figure, buffer).map_err(io::Error::other)?;
        figure_places.push(put(&buffer)?);
    }
    let body_len = offset;

    let place = |id: &str| data.actor_place(id);
    let mut events_by_actor = vec![Vec::new(); data.actors().len()];
    let mut first_event_years: Vec<Option<u16>> = vec![None; data.actors().len()];
    for (i, event) in data.events().iter().enumerate() {
        for actor in event.actors.iter().filter_map(|a| place(a.as_str())) {
            // An actor named twice in one event is listed once.
            if events_by_actor[actor].last() != Some(&index(i)) {
                events_by_actor[actor].push(index(i));
            }
            let year = event.certain_by_year();
            first_event_years[actor] = Some(first_event_years[actor].map_or(year, |y: u16| y.min(year)));
        }
    }
    let mut figures_by_actor = vec![Vec::new(); data.actors().len()];
    for (i, figure) in data.figures().iter().enumerate() {
        for actor in [&figure.from, &figure.to].into_iter().flatten().filter_map(|a| place(a.as_str())) {
            if figures_by_actor[actor].last() != Some(&index(i)) {
                figures_by_actor[actor].push(index(i));
            }
        }
    }
    let bounding: std::collections::HashSet<&str> = data
        .actors()
        .iter()
        .flat_map(|a| &a.roles)
        .flat_map(|r| [&r.from_event, &r.to_event])
        .flatten()
        .map(Slug::as_str)
        .collect();
    let role_events = data
        .events()
        .iter()
        .enumerate()
        .filter(|(_, e)| bounding.contains(e.id.as_str()))
        .map(|(i, _)| index(i))
        .collect();
    let head = Head {
        dataset: data.file.dataset.clone(),
        sources: data.file.sources.clone(),
        actors: data.file.actors.clone(),
        relationships: data.file.relationships.clone(),
        events: Table { places: event_places, by_actor: events_by_actor },
        figures: Table { places: figure_places, by_actor: figures_by_actor },
        event_dates: data.events().iter().map(|e| (e.date, e.last())).collect(),
        role_events,
        first_event_years,
        years: data.extent().years,
    };
    // Written as it is serialised, not gathered in a buffer first: at 100k events the head is
    // about 10 MB, and a buffer grown to hold it would count twice that at the peak of a
    // first run.
    let mut hashing = HashingWriter::new(out);
    rkyv::api::high::to_bytes_in::<_, rkyv::rancor::Error>(&head, rkyv::ser::writer::IoWriter::new(&mut hashing))
        .map_err(io::Error::other)?;
    Ok(Written { body_len, head_len: hashing.written(), head_checksum: hashing.digest() })
}

/// Passes bytes on while hashing them.
pub struct HashingWriter<W> {
    inner: W,
    hasher: Xxh3,
    len: u64,
}

impl<W> HashingWriter<W> {
    pub fn new(inner: W) -> Self {
        Self { inner, hasher: Xxh3::new(), len: 0 }
    }

    /// How many bytes have passed.
    pub fn written(&self) -> u64 {
        self.len
    }

    /// The xxh3 checksum of the bytes that have passed.
    pub fn digest(&self) -> u64 {
        self.hasher.digest()
    }
}

impl<W: Write> Write for HashingWriter<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        let written = self.inner.write(bytes)?;
        self.hasher.update(&bytes[..written]);
        self.len += written as u64;
        Ok(written)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// A record's place as a table entry (a dataset has fewer than 2^32 records: its file would be
/// larger than the input limit allows).
fn index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// Read the compiled dataset of this key from an entry (`entry_file`, and its mapping): after `start`
/// bytes of header, `body_len` bytes
/// of body, then the head, whose checksum is `head_checksum`. `want` is shown the dataset without
/// its events and figures and says which to read. None when any byte read fails its checks.
pub fn read(
    entry: memmap2::Mmap,
    entry_file: &std::fs::File,
    key: u128,
    start: usize,
    body_len: u64,
    head_checksum: u64,
    want: impl FnOnce(&Dataset) -> Want,
) -> Option<Dataset> {
    let body_end = start.checked_add(usize::try_from(body_len).ok()?)?;
    let (body, head) = entry.get(start..)?.split_at_checked(body_end - start)?;
    // SAFETY: the head lies in the mapped entry, which is never written in place.
    if unsafe { super::cache::checksum_released(head) } != head_checksum {
        return None;
    }
    let head = rkyv::access::<ArchivedHead, rkyv::rancor::Error>(head).ok()?;
    let file = DatasetFile {
        dataset: rkyv::deserialize::<_, rkyv::rancor::Error>(&head.dataset).ok()?,
        sources: rkyv::deserialize::<_, rkyv::rancor::Error>(&head.sources).ok()?,
        actors: rkyv::deserialize::<_, rkyv::rancor::Error>(&head.actors).ok()?,
        relationships: rkyv::deserialize::<_, rkyv::rancor::Error>(&head.relationships).ok()?,
        events: Vec::new(),
        figures: Vec::new(),
    };
    let (events_len, figures_len) = (head.events.places.len(), head.figures.places.len());
    if head.event_dates.len() != events_len
        || head.events.by_actor.len() != file.actors.len()
        || head.figures.by_actor.len() != file.actors.len()
        || head.first_event_years.len() != file.actors.len()
    {
        return None;
    }
    // Each record lies after the one before it, within the body: no bytes are read (and hashed)
    // for two records, so reading every record reads the body at most once, whatever the places.
    in_order(&head.events.places, 0, body_len).and_then(|end| in_order(&head.figures.places, end, body_len))?;
    let mut data = Dataset::from_ordered(file);
    data.compiled = Some(key);
    let years = rkyv::deserialize::<Option<(u16, u16)>, rkyv::rancor::Error>(&head.years).ok()?;
    let extent = Extent { events: events_len, figures: figures_len, years };
    let want = want(&data);
    if want.is_all() {
        // Every record, in order: read ahead (the entry was mapped for reading a few).
        let _ = entry.advise(memmap2::Advice::Sequential);
    }
    let whole = || WholeDataset {
        extent,
        first_event_years: head.first_event_years.iter().map(|y| y.as_ref().map(|y| y.to_native())).collect(),
    };
    if matches!((&want.events, &want.figures), (Records::OnUse, _) | (_, Records::OnUse)) {
        let whole = whole();
        let store = Stored {
            events: Slots::new(events_len),
            figures: Slots::new(figures_len),
            body: start..body_end,
            head: body_end..entry.len(),
            entry,
            damaged: std::sync::atomic::AtomicBool::new(false),
        };
        data.set_store(Box::new(store), whole);
        return Some(data);
    }
    let actor_places =
        |ids: &[Slug]| -> Vec<usize> { ids.iter().filter_map(|id| data.actor_place(id.as_str())).collect() };

    let events: Vec<u32> = match &want.events {
        Records::All => (0..index(events_len)).collect(),
        Records::Skip | Records::OnUse => Vec::new(),
        Records::Of(ids) => of_actors(&head.events, &actor_places(ids), head.role_events.as_slice()),
        Records::Dated(range) => head
            .event_dates
            .iter()
            .enumerate()
            .filter(|(_, dates)| {
                let first = rkyv::deserialize::<Date, rkyv::rancor::Error>(&dates.0);
                let last = rkyv::deserialize::<Date, rkyv::rancor::Error>(&dates.1);
                // A date that does not read back is read with its record, which then fails.
                !matches!((first, last), (Ok(first), Ok(last)) if !range.overlaps(first, last))
            })
            .map(|(i, _)| index(i))
            .collect(),
    };
    let figures: Vec<u32> = match &want.figures {
        Records::All | Records::Dated(_) => (0..index(figures_len)).collect(),
        Records::Skip | Records::OnUse => Vec::new(),
        Records::Of(ids) => of_actors(&head.figures, &actor_places(ids), &[]),
    };
    let body_at = start as u64;
    let events = records::<Event>(body, entry_file, body_at, &head.events.places, &events)?;
    let figures = records::<Figure>(body, entry_file, body_at, &head.figures.places, &figures)?;
    data.add_records(events, figures, (!want.is_all()).then(whole));
    Some(data)
}

/// Where the last of these places ends, when each starts at or after the end of the one before
/// it (the first at or after `from`) and ends within the body.
fn in_order(places: &ArchivedVec<ArchivedPlace>, from: u64, body_len: u64) -> Option<u64> {
    places.iter().try_fold(from, |end, place| {
        let start = place.start.to_native();
        let next = start.checked_add(place.len.to_native())?;
        (start >= end && next <= body_len).then_some(next)
    })
}

/// The events and figures of a compiled dataset, each read and checked on first use.
#[derive(Debug)]
struct Stored {
    entry: memmap2::Mmap,
    body: std::ops::Range<usize>,
    head: std::ops::Range<usize>,
    events: Slots<Event>,
    figures: Slots<Figure>,
    damaged: std::sync::atomic::AtomicBool,
}

/// Places for records read on use, made a chunk at a time as they are first asked for (a
/// search reads a few of a million).
#[derive(Debug)]
struct Slots<T> {
    len: usize,
    chunks: Vec<std::sync::OnceLock<Box<[Slot<T>]>>>,
}

/// A record read on use: None when its bytes failed their checks.
type Slot<T> = std::sync::OnceLock<Option<Box<T>>>;

const CHUNK: usize = 1024;

impl<T> Slots<T> {
    fn new(len: usize) -> Self {
        Self { len, chunks: std::iter::repeat_with(std::sync::OnceLock::new).take(len.div_ceil(CHUNK)).collect() }
    }

    fn slot(&self, i: usize) -> Option<&Slot<T>> {
        if i >= self.len {
            return None;
        }
        let chunk = self.chunks.get(i / CHUNK)?;
        chunk.get_or_init(|| std::iter::repeat_with(std::sync::OnceLock::new).take(CHUNK).collect()).get(i % CHUNK)
    }
}

impl Stored {
    fn head(&self) -> Option<&ArchivedHead> {
        let bytes = self.entry.get(self.head.clone())?;
        // SAFETY: these bytes passed rkyv's validation (`rkyv::access` in `read`, which made
        // this store) and are a mapping of an entry file, which is never written in place (a
        // new entry is a new file renamed over the old): they are the bytes that were checked.
        Some(unsafe { rkyv::access_unchecked::<ArchivedHead>(bytes) })
    }

    /// The record at this place of a table, where it lies, checked (its checksum and rkyv's
    /// validation) on every read; a record that fails is noted as damage.
    fn archived<'s, T>(&'s self, table: impl Fn(&ArchivedHead) -> &ArchivedTable, i: usize) -> Option<&'s T::Archived>
    where
        T: rkyv::Archive,
        T::Archived: for<'a> rkyv::bytecheck::CheckBytes<rkyv::api::high::HighValidator<'a, rkyv::rancor::Error>>,
    {
        let place = table(self.head()?).places.get(i)?.to_place();
        let archived = archived::<T>(self.entry.get(self.body.clone())?, &place);
        if archived.is_none() {
            self.damaged.store(true, std::sync::atomic::Ordering::Relaxed);
        }
        archived
    }

    fn get<'s, T>(
        &'s self,
        slots: &'s Slots<T>,
        table: impl Fn(&ArchivedHead) -> &ArchivedTable,
        i: usize,
    ) -> Option<&'s T>
    where
        T: rkyv::Archive,
        T::Archived: for<'a> rkyv::bytecheck::CheckBytes<rkyv::api::high::HighValidator<'a, rkyv::rancor::Error>>
            + rkyv::Deserialize<T, rkyv::api::high::HighDeserializer<rkyv::rancor::Error>>,
    {
        let record = slots.slot(i)?.get_or_init(|| {
            let archived = self.archived::<T>(table, i)?;
            let record = rkyv::deserialize::<T, rkyv::rancor::Error>(archived).ok().map(Box::new);
            if record.is_none() {
                self.damaged.store(true, std::sync::atomic::Ordering::Relaxed);
            }
            record
        });
        record.as_deref()
    }
}

impl crate::model::RecordStore for Stored {
    fn counts(&self) -> (usize, usize) {
        (self.events.len, self.figures.len)
    }

    fn event(&self, place: usize) -> Option<&Event> {
        self.get(&self.events, |head| &head.events, place)
    }

    fn figure(&self, place: usize) -> Option<&Figure> {
        self.get(&self.figures, |head| &head.figures, place)
    }

    fn event_text(&self, place: usize, part: EventText) -> Option<&str> {
        let event = self.archived::<Event>(|head| &head.events, place)?;
        match part {
            EventText::Title => Some(event.title.as_str()),
            EventText::Tag(k) => event.tags.get(k).map(rkyv::string::ArchivedString::as_str),
            EventText::Type => {
                rkyv::deserialize::<EventType, rkyv::rancor::Error>(&event.kind).ok().map(EventType::as_str)
            }
            EventText::Summary => Some(event.summary.as_str()),
        }
    }

    fn figure_text(&self, place: usize, part: FigureText) -> Option<&str> {
        let figure = self.archived::<Figure>(|head| &head.figures, place)?;
        match part {
            FigureText::Label => Some(figure.label.as_str()),
            FigureText::Qualifier => figure.qualifier.as_ref().map(rkyv::string::ArchivedString::as_str),
            FigureText::Unit => Some(figure.unit.as_str()),
        }
    }

    fn damaged(&self) -> bool {
        self.damaged.load(std::sync::atomic::Ordering::Relaxed)
    }
}

impl ArchivedPlace {
    fn to_place(&self) -> Place {
        Place { start: self.start.to_native(), len: self.len.to_native(), checksum: self.checksum.to_native() }
    }
}

/// The records of a table that involve any of these actors (by their places in `actors`), and
/// these others, in order and once each.
fn of_actors(table: &ArchivedTable, actors: &[usize], others: &[rkyv::Archived<u32>]) -> Vec<u32> {
    let mut chosen: Vec<u32> = actors
        .iter()
        .filter_map(|&a| table.by_actor.get(a))
        .flat_map(|records| records.iter().map(|i| i.to_native()))
        .chain(others.iter().map(|i| i.to_native()))
        .collect();
    chosen.sort_unstable();
    chosen.dedup();
    chosen
}

/// The records at these places of the table, each checked as it is read: from the mapped body
/// when they are all the records, else copied from the file a run of neighbours at a time (a
/// few records of a large entry: the pages around them, which a mapping would bring into the
/// process, stay out of it).
fn records<T>(
    body: &[u8],
    file: &std::fs::File,
    body_at: u64,
    places: &ArchivedVec<ArchivedPlace>,
    chosen: &[u32],
) -> Option<Vec<T>>
where
    T: rkyv::Archive,
    T::Archived: for<'a> rkyv::bytecheck::CheckBytes<rkyv::api::high::HighValidator<'a, rkyv::rancor::Error>>
        + rkyv::Deserialize<T, rkyv::api::high::HighDeserializer<rkyv::rancor::Error>>,
{
    /// A run of neighbours read at once is cut at this many bytes.
    const RUN: u64 = 4 << 20;
    let place = |i: u32| places.get(i as usize).map(ArchivedPlace::to_place);
    let mut records = Vec::with_capacity(chosen.len());
    if chosen.len() == places.len() {
        for &i in chosen {
            records.push(record::<T>(body, &place(i)?)?);
        }
        return Some(records);
    }
    let mut buffer = rkyv::util::AlignedVec::<ALIGN>::new();
    let mut at = 0;
    while at < chosen.len() {
        let first = place(chosen[at])?;
        let mut end = at + 1;
        while end < chosen.len()
            && chosen[end] == chosen[end - 1] + 1
            && place(chosen[end])?.start.checked_add(place(chosen[end])?.len)? - first.start <= RUN
        {
            end += 1;
        }
        let last = place(chosen[end - 1])?;
        let run_end = last.start.checked_add(last.len)?;
        if run_end > body.len() as u64 || run_end < first.start {
            return None;
        }
        buffer.clear();
        buffer.resize(usize::try_from(run_end - first.start).ok()?, 0);
        read_at(file, body, &mut buffer, body_at, first.start)?;
        for &i in &chosen[at..end] {
            let place = place(i)?;
            let within = Place { start: place.start.checked_sub(first.start)?, ..place };
            records.push(record::<T>(&buffer, &within)?);
        }
        at = end;
    }
    Some(records)
}

/// Fill `buffer` with the body's bytes from `start`: read from the file where the system can
/// read at an offset, else copied from the mapped body.
#[cfg(unix)]
fn read_at(file: &std::fs::File, _body: &[u8], buffer: &mut [u8], body_at: u64, start: u64) -> Option<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buffer, body_at.checked_add(start)?).ok()
}

#[cfg(not(unix))]
fn read_at(_file: &std::fs::File, body: &[u8], buffer: &mut [u8], _body_at: u64, start: u64) -> Option<()> {
    let start = usize::try_from(start).ok()?;
    buffer.copy_from_slice(body.get(start..start.checked_add(buffer.len())?)?);
    Some(())
}

/// One record of the body, read when its bytes pass their checksum and rkyv's validation.
fn record<T>(body: &[u8], place: &Place) -> Option<T>
where
    T: rkyv::Archive,
    T::Archived: for<'a> rkyv::bytecheck::CheckBytes<rkyv::api::high::HighValidator<'a, rkyv::rancor::Error>>
        + rkyv::Deserialize<T, rkyv::api::high::HighDeserializer<rkyv::rancor::Error>>,
{
    rkyv::deserialize::<T, rkyv::rancor::Error>(archived::<T>(body, place)?).ok()
}

/// One record of the body where it lies, when its bytes pass their checksum and rkyv's
/// validation.
fn archived<'b, T>(body: &'b [u8], place: &Place) -> Option<&'b T::Archived>
where
    T: rkyv::Archive,
    T::Archived: for<'a> rkyv::bytecheck::CheckBytes<rkyv::api::high::HighValidator<'a, rkyv::rancor::Error>>,
{
    let start = usize::try_from(place.start).ok()?;
    let len = usize::try_from(place.len).ok()?;
    let bytes = body.get(start..start.checked_add(len)?)?;
    if start % ALIGN != 0 || xxh3_64(bytes) != place.checksum {
        return None;
    }
    rkyv::access::<T::Archived, rkyv::rancor::Error>(bytes).ok()
}

#[cfg(test)]
mod tests {
    //! Entries forged by someone who can write the cache: the head rewritten, and its checksum
    //! with it, so that only the checks of its structure stand between it and an answer.

    use std::path::PathBuf;

    use super::{Head, Records, Want};
    use crate::load::cache::{Cache, HEADER};
    use crate::load::{Input, load};
    use crate::model::{Dataset, Slug};
    use crate::query::DateRange;

    const KEY: u128 = 7;

    /// A cache holding the bundled dataset, and its entry's file.
    fn cached() -> (tempfile::TempDir, Cache, PathBuf) {
        let data = load(vec![Input::bundled()]).expect("the bundled dataset loads");
        let dir = tempfile::tempdir().expect("a temporary directory");
        let cache = Cache::new(dir.path().join("cache"));
        cache.put(KEY, &data).expect("the dataset compiles");
        let entry = std::fs::read_dir(cache.dir()).unwrap().map(|e| e.unwrap().path()).find(|p| p.is_file());
        (dir, cache, entry.expect("an entry"))
    }

    /// Rewrite the entry's head as `change` makes it, with the length and checksum in the header
    /// to match.
    fn forge_head(entry: &PathBuf, change: impl FnOnce(&mut Head)) {
        let mut bytes = std::fs::read(entry).unwrap();
        let body_len = usize::try_from(u64::from_le_bytes(bytes[48..56].try_into().unwrap())).unwrap();
        let mut aligned = rkyv::util::AlignedVec::<16>::new();
        aligned.extend_from_slice(&bytes[HEADER + body_len..]);
        let mut head = rkyv::from_bytes::<Head, rkyv::rancor::Error>(&aligned).expect("the head reads");
        change(&mut head);
        let head = rkyv::to_bytes::<rkyv::rancor::Error>(&head).unwrap();
        bytes.truncate(HEADER + body_len);
        bytes.extend_from_slice(&head);
        let len = (bytes.len() - HEADER) as u64;
        bytes[32..40].copy_from_slice(&len.to_le_bytes());
        bytes[40..48].copy_from_slice(&xxhash_rust::xxh3::xxh3_64(&head).to_le_bytes());
        std::fs::write(entry, bytes).unwrap();
    }

    /// Every way a command reads the entry: whole, by date, by actor, on use.
    fn every_want() -> Vec<Want> {
        let year = DateRange::parse("1879").expect("a year");
        vec![
            Want::all(),
            Want { events: Records::Dated(year), figures: Records::Skip },
            Want { events: Records::Of(vec![Slug::parse("chile").unwrap()]), figures: Records::Skip },
        ]
    }

    fn reads(cache: &Cache, want: Want) -> Option<Dataset> {
        cache.get(KEY, |_| want)
    }

    #[test]
    fn an_unforged_entry_reads_every_way() {
        let (_dir, cache, entry) = cached();
        forge_head(&entry, |_| {});
        for want in every_want() {
            assert!(reads(&cache, want).is_some());
        }
    }

    #[test]
    fn records_whose_places_overlap_are_refused_rather_than_hashed_again_and_again() {
        let (_dir, cache, entry) = cached();
        // Every event's place made one span from the body's start to the end of the last
        // event, which ends in a valid event: each passes its checksum and rkyv's validation, and
        // each would hash the whole span (a million such places over a large body: a hang).
        let body = std::fs::read(&entry).unwrap();
        forge_head(&entry, |head| {
            let last = *head.events.places.last().unwrap();
            let span = last.start + last.len;
            let checksum = xxhash_rust::xxh3::xxh3_64(&body[HEADER..HEADER + usize::try_from(span).unwrap()]);
            for place in &mut head.events.places {
                *place = super::Place { start: 0, len: span, checksum };
            }
        });
        for want in every_want() {
            assert!(reads(&cache, want).is_none(), "overlapping records are refused");
        }
    }

    #[test]
    fn records_out_of_order_are_refused() {
        let (_dir, cache, entry) = cached();
        forge_head(&entry, |head| head.events.places.swap(3, 4));
        for want in every_want() {
            assert!(reads(&cache, want).is_none(), "records out of order are refused");
        }
    }

    #[test]
    fn tables_that_name_records_the_entry_lacks_are_refused() {
        for forge in [
            (|head: &mut Head| head.events.by_actor.iter_mut().for_each(|l| l.push(u32::MAX))) as fn(&mut Head),
            |head| head.role_events.push(u32::MAX - 1),
            |head| head.figures.by_actor.iter_mut().for_each(|l| l.push(100_000)),
            |head| head.event_dates.pop().map_or((), drop),
            |head| head.first_event_years.push(Some(1)),
        ] {
            let (_dir, cache, entry) = cached();
            forge_head(&entry, forge);
            let want = Want {
                events: Records::Of(vec![Slug::parse("chile").unwrap()]),
                figures: Records::Of(vec![Slug::parse("chile").unwrap()]),
            };
            assert!(reads(&cache, want).is_none(), "a table naming a record past the end is refused");
        }
    }
}
