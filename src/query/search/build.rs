//! Building a search index: every word of every searchable field read, folded and inverted
//! into postings (the events on two threads when there are many).

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};

use rustc_hash::FxBuildHasher;

use super::{Entry, Field, RecordKind, SearchIndex, Terms, bases};
use crate::model::Dataset;
use crate::query::matcher::{for_each_word, word_key};

/// Above this many events, the second half of them is read on another thread.
const PARALLEL_EVENTS: usize = 20_000;

impl<'d> SearchIndex<'d> {
    /// The index, built until `stop` is set: a browser that quits while its index is still
    /// being built in the background stops the build rather than wait for it (what was built by
    /// then is not a whole index, and is only dropped).
    pub fn build(data: &'d Dataset, stop: &AtomicBool) -> Self {
        let mut builder = Builder::default();
        for (i, a) in data.actors().iter().enumerate() {
            let add = |b: &mut Builder, field, item, text: &str| b.add(RecordKind::Actor, i, field, item, text);
            add(&mut builder, Field::Name, 0, &a.name);
            for (k, alias) in a.aliases.iter().enumerate() {
                add(&mut builder, Field::Alias, k, alias);
            }
            if let Some(iso) = &a.iso3 {
                add(&mut builder, Field::Iso, 0, iso);
            }
            add(&mut builder, Field::Summary, 0, &a.summary);
        }
        for (i, r) in data.relationships().iter().enumerate() {
            let add = |b: &mut Builder, field, item, text: &str| b.add(RecordKind::Relationship, i, field, item, text);
            add(&mut builder, Field::Status, 0, &r.status);
            for (k, theme) in r.themes.iter().enumerate() {
                add(&mut builder, Field::Theme, k, theme);
            }
            for (k, period) in r.periods.iter().enumerate() {
                add(&mut builder, Field::Period, k, &period.label);
            }
            add(&mut builder, Field::Summary, 0, &r.summary);
        }
        // Events are most of a large dataset: the second half is read on another thread while
        // this one reads the first (reading the text, not ranking, is what takes the time).
        let events = data.events();
        let half = if events.len() >= PARALLEL_EVENTS { balanced_split(data) } else { events.len() };
        let second = std::thread::scope(|scope| {
            let second = (half < events.len()).then(|| {
                std::thread::Builder::new().spawn_scoped(scope, || {
                    let mut second = Builder::default();
                    second.add_events(&events[half..], half, stop);
                    second
                })
            });
            builder.add_events(&events[..half], 0, stop);
            second.map(|other| other.ok().and_then(|other| other.join().ok()))
        });
        match second {
            Some(Some(second)) => builder.absorb(second),
            // The other thread failed, or none could be started (a limit on threads or memory).
            Some(None) => builder.add_events(&events[half..], half, stop),
            None => {}
        }
        for (i, f) in data.figures().iter().enumerate() {
            let add = |b: &mut Builder, field, item, text: &str| b.add(RecordKind::Figure, i, field, item, text);
            add(&mut builder, Field::Label, 0, &f.label);
            if let Some(qualifier) = &f.qualifier {
                add(&mut builder, Field::Qualifier, 0, qualifier);
            }
            add(&mut builder, Field::Unit, 0, &f.unit);
        }
        let Builder { entries, terms, tokens, stats, .. } = builder;
        let (starts, postings) = invert(&entries, &terms, &tokens);
        let mut sorted: Vec<u32> = (0..u32::try_from(terms.len()).unwrap_or(u32::MAX)).collect();
        sorted.sort_unstable_by(|&a, &b| terms[a as usize].cmp(&terms[b as usize]));
        Self {
            data,
            entries: Cow::Owned(entries),
            terms: Terms::Built(terms),
            starts: Cow::Owned(starts),
            postings: Cow::Owned(postings),
            sorted: Cow::Owned(sorted),
            stats,
            base: bases(data),
            letters: std::sync::OnceLock::new(),
        }
    }
}

#[derive(Default)]
struct Builder {
    entries: Vec<Entry>,
    /// Words of up to 16 bytes (most of them) are looked up by their key (`Word::key`): no
    /// string hash, no string compare.
    short_ids: HashMap<u128, u32, FxBuildHasher>,
    /// The last word seen in each of a few thousand slots: most words are found here, before
    /// the map.
    recent: Vec<(u128, u32)>,
    ids: HashMap<Box<str>, u32, FxBuildHasher>,
    terms: Vec<Box<str>>,
    /// The term id of every word of every entry, entry after entry.
    tokens: Vec<u32>,
    stats: [(u32, u64); Field::COUNT],
}

impl Builder {
    fn add(&mut self, kind: RecordKind, record: usize, field: Field, item: usize, text: &str) {
        let mut words = 0u32;
        let Self { short_ids, recent, ids, terms, tokens, .. } = self;
        if recent.is_empty() {
            recent.resize(RECENT_SLOTS, (0, 0));
        }
        for_each_word(text, |word| {
            words += 1;
            let slot = &mut recent[recent_slot(word.key)];
            let id = if word.key != 0 && slot.0 == word.key {
                slot.1
            } else {
                let id = term_id(short_ids, ids, terms, word.folded, word.key);
                *slot = (word.key, id);
                id
            };
            tokens.push(id);
        });
        if words == 0 {
            return;
        }
        self.entries.push(Entry::new(kind, record, field, item, words));
        let stats = &mut self.stats[field as usize];
        stats.0 += 1;
        stats.1 += u64::from(words);
    }
}

impl Builder {
    fn add_events(&mut self, events: &[crate::model::Event], first: usize, stop: &AtomicBool) {
        for (i, e) in events.iter().enumerate() {
            if i % 512 == 0 && stop.load(Ordering::Relaxed) {
                return;
            }
            let i = first + i;
            self.add(RecordKind::Event, i, Field::Title, 0, &e.title);
            for (k, tag) in e.tags.iter().enumerate() {
                self.add(RecordKind::Event, i, Field::Tag, k, tag);
            }
            self.add(RecordKind::Event, i, Field::Type, 0, e.kind.as_str());
            self.add(RecordKind::Event, i, Field::Summary, 0, &e.summary);
        }
    }

    /// Take in what another builder read, its words renumbered into this one's.
    fn absorb(&mut self, other: Builder) {
        let Self { short_ids, ids, terms, .. } = self;
        let renumbered: Vec<u32> = other.terms.iter().map(|t| term_id(short_ids, ids, terms, t, word_key(t))).collect();
        self.tokens.extend(other.tokens.iter().map(|&t| renumbered[t as usize]));
        self.entries.extend(other.entries);
        for (mine, theirs) in self.stats.iter_mut().zip(other.stats) {
            mine.0 += theirs.0;
            mine.1 += theirs.1;
        }
    }
}

/// Where to cut the events so that the text this thread reads (actors, relationships and the
/// events before the cut) is about as long as the text of the events after it.
fn balanced_split(data: &Dataset) -> usize {
    let events = data.events();
    let event_text = |e: &crate::model::Event| e.title.len() + e.summary.len();
    let others: usize = data.actors().iter().map(|a| a.name.len() + a.summary.len()).sum::<usize>()
        + data.relationships().iter().map(|r| r.summary.len()).sum::<usize>();
    let all: usize = others + events.iter().map(event_text).sum::<usize>();
    let mut second = 0;
    for (i, event) in events.iter().enumerate().rev() {
        second += event_text(event);
        if second * 2 >= all {
            return i;
        }
    }
    0
}
const RECENT_SLOTS: usize = 1 << 12;

fn recent_slot(key: u128) -> usize {
    #[allow(clippy::cast_possible_truncation)] // the low half of the key, then the top 12 bits
    let mixed = (key as u64 ^ (key >> 64) as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    usize::try_from(mixed >> 52).unwrap_or(0)
}

/// The id of a folded word, given one if it is new.
fn term_id(
    short_ids: &mut HashMap<u128, u32, FxBuildHasher>,
    ids: &mut HashMap<Box<str>, u32, FxBuildHasher>,
    terms: &mut Vec<Box<str>>,
    folded: &str,
    key: u128,
) -> u32 {
    let mut new_id = || {
        let id = u32::try_from(terms.len()).unwrap_or(u32::MAX);
        terms.push(folded.into());
        id
    };
    if key != 0 {
        return *short_ids.entry(key).or_insert_with(new_id);
    }
    if let Some(&id) = ids.get(folded) {
        return id;
    }
    let id = new_id();
    ids.insert(folded.into(), id);
    id
}

/// The postings of every term from the words of every entry, by counting sort: one pass to
/// count, one to place. Appending each word to its own list while reading was twice as slow.
fn invert(entries: &[Entry], terms: &[Box<str>], tokens: &[u32]) -> (Vec<u32>, Vec<u32>) {
    let mut starts = vec![0u32; terms.len() + 1];
    for &t in tokens {
        starts[t as usize + 1] += 1;
    }
    for t in 1..starts.len() {
        starts[t] += starts[t - 1];
    }
    let mut next = starts.clone();
    let mut postings = vec![0u32; tokens.len()];
    let mut at = 0;
    for (e, entry) in entries.iter().enumerate() {
        let words = entry.words as usize;
        for &t in &tokens[at..at + words] {
            let slot = &mut next[t as usize];
            postings[*slot as usize] = u32::try_from(e).unwrap_or(u32::MAX);
            *slot += 1;
        }
        at += words;
    }
    (starts, postings)
}
