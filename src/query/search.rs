//! Search over every record: an inverted index of the words of every searchable field, built
//! once per run, and a BM25 ranking with field weights.
//!
//! Each field of each record (an actor's name, each alias, its summary; each tag of an event…)
//! is one indexed document. A query's words follow the rules of `matcher` (folded, whole words
//! or prefixes, acronyms in capitals, phrases); a word found nowhere is replaced by the known
//! words within a typo or two of it (`fuzzy::near_words`), each worth half as much per edit.
//! A word matched only by its start ("lease" in "leased") counts 0.7 of a whole word.
//!
//! The score of a record is the sum, over the query's terms and the record's matching fields, of
//!
//! ```text
//! weight(field) × idf(term) × tf × (k1 + 1) / (tf + k1 × (1 − b + b × words / average words))
//! ```
//!
//! with k1 = 1.2, b = 0.75, tf the times the term occurs in the field, `words` the field's
//! length in words against the average for that field, and idf = ln(1 + (N − n + 0.5) /
//! (n + 0.5)) over N indexed fields of which n contain the term. Weights: names, aliases, ISO
//! codes, titles and figure labels 3; tags and themes 2; event types, relationship statuses and
//! period labels 1.5; summaries, qualifiers and units 1. A record must match every term.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::model::{ActorKind, Dataset};
use rustc_hash::FxBuildHasher;

use super::Record;
use super::fuzzy::{letter_set, near_words};
use super::matcher::{Pattern, Query, Term, bit, for_each_word, word_key};

/// The four kinds of record, in the order results of equal score are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RecordKind {
    Actor,
    Relationship,
    Event,
    Figure,
}

impl RecordKind {
    pub const ALL: [RecordKind; 4] = [Self::Actor, Self::Relationship, Self::Event, Self::Figure];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Actor => "actor",
            Self::Relationship => "relationship",
            Self::Event => "event",
            Self::Figure => "figure",
        }
    }
}

/// A searchable field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Name,
    Alias,
    Iso,
    Title,
    Label,
    Tag,
    Theme,
    Type,
    Status,
    Period,
    Summary,
    Qualifier,
    Unit,
}

impl Field {
    const COUNT: usize = 13;
    const ALL: [Field; Field::COUNT] = [
        Self::Name,
        Self::Alias,
        Self::Iso,
        Self::Title,
        Self::Label,
        Self::Tag,
        Self::Theme,
        Self::Type,
        Self::Status,
        Self::Period,
        Self::Summary,
        Self::Qualifier,
        Self::Unit,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::Alias => "alias",
            Self::Iso => "iso3",
            Self::Title => "title",
            Self::Label => "label",
            Self::Tag => "tag",
            Self::Theme => "theme",
            Self::Type => "type",
            Self::Status => "status",
            Self::Period => "period",
            Self::Summary => "summary",
            Self::Qualifier => "qualifier",
            Self::Unit => "unit",
        }
    }

    /// Names and titles above tags and themes above summaries; see the module comment.
    pub fn weight(self) -> f64 {
        match self {
            Self::Name | Self::Alias | Self::Iso | Self::Title | Self::Label => 3.0,
            Self::Tag | Self::Theme => 2.0,
            Self::Type | Self::Status | Self::Period => 1.5,
            Self::Summary | Self::Qualifier | Self::Unit => 1.0,
        }
    }
}

const K1: f64 = 1.2;
/// From this many events the index is built on two threads.
const PARALLEL_EVENTS: usize = 20_000;
const B: f64 = 0.75;
/// What each edit of a typo costs: a fuzzy match counts this much per edit.
const TYPO_FACTOR: f64 = 0.5;
/// What a word matched only by its start counts, against a whole word.
const PREFIX_FACTOR: f64 = 0.7;

/// One indexed field of one record. `item` tells which alias, tag, theme or period.
#[derive(Debug, Clone, Copy)]
struct Entry {
    kind: RecordKind,
    record: u32,
    field: Field,
    item: u16,
    words: u32,
}

/// What to search and how much to return.
#[derive(Debug, Clone, Copy)]
pub struct SearchOptions {
    pub only: Option<KindFilter>,
    pub limit: usize,
    /// Replace a word found nowhere by the known words a typo away from it.
    pub typos: bool,
}

/// `--kind`: a kind of record, or a kind of actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KindFilter {
    Record(RecordKind),
    Actor(ActorKind),
}

/// One result: the record, its score, and the field shown for it with where the query matched
/// (byte ranges into `text`).
#[derive(Debug, Clone)]
pub struct SearchHit<'d> {
    /// The record itself.
    pub record: Record<'d>,
    pub kind: RecordKind,
    /// An actor's kind, for actors.
    pub actor_kind: Option<ActorKind>,
    /// The id `cite` and `show` take (`bolivia--chile` for a relationship).
    pub id: String,
    /// The name, title or label; both actors' names for a relationship.
    pub name: String,
    pub score: f64,
    pub field: Field,
    pub text: &'d str,
    pub matches: Vec<Range<usize>>,
}

/// The words of every searchable field of a dataset.
pub struct SearchIndex<'d> {
    data: &'d Dataset,
    entries: Vec<Entry>,
    /// Every distinct folded word, and for each the entries it occurs in (an entry once per
    /// occurrence, in order): term `t`'s are `postings[starts[t]..starts[t + 1]]`.
    terms: Vec<Box<str>>,
    starts: Vec<u32>,
    postings: Vec<u32>,
    /// Term ids in the order of their words, for prefix ranges.
    sorted: Vec<u32>,
    /// Per field: how many entries, and their words in total.
    stats: [(u32, u64); Field::COUNT],
    /// Where each kind's records start in one array of all records.
    base: [usize; 4],
    /// The letters of each term (`fuzzy::letter_set`), made on the first typo looked up.
    letters: std::sync::OnceLock<Vec<u32>>,
}

/// A search index as plain arrays, without the dataset it points into: what the cache of
/// compiled datasets keeps beside a dataset, so that a search need not read every word again.
#[derive(Debug, PartialEq, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct IndexParts {
    /// Per entry: kind (its place in `RecordKind::ALL`), record, field (its place in
    /// `Field::ALL`), item and length in words.
    entries: Vec<(u8, u32, u8, u16, u32)>,
    terms: Vec<String>,
    starts: Vec<u32>,
    postings: Vec<u32>,
    sorted: Vec<u32>,
    stats: Vec<(u32, u64)>,
}

impl<'d> SearchIndex<'d> {
    pub fn new(data: &'d Dataset) -> Self {
        Self::build(data, &AtomicBool::new(false))
    }

    /// The index as plain arrays, to be kept (see `IndexParts`).
    pub fn to_parts(&self) -> IndexParts {
        let place = |kind: RecordKind| RecordKind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
        let field = |field: Field| Field::ALL.iter().position(|f| *f == field).unwrap_or(0);
        IndexParts {
            entries: self
                .entries
                .iter()
                .map(|e| {
                    #[allow(clippy::cast_possible_truncation)] // four kinds, thirteen fields
                    let (kind, field) = (place(e.kind) as u8, field(e.field) as u8);
                    (kind, e.record, field, e.item, e.words)
                })
                .collect(),
            terms: self.terms.iter().map(ToString::to_string).collect(),
            starts: self.starts.clone(),
            postings: self.postings.clone(),
            sorted: self.sorted.clone(),
            stats: self.stats.to_vec(),
        }
    }

    /// The index kept for this dataset, or None when the parts do not fit it: every number is
    /// checked against the dataset and the other arrays, so that no lookup can go out of bounds.
    pub fn from_parts(data: &'d Dataset, parts: IndexParts) -> Option<Self> {
        let counts = [data.actors().len(), data.relationships().len(), data.event_count(), data.figure_count()];
        let IndexParts { entries, terms, starts, postings, sorted, stats } = parts;
        let entries = entries
            .into_iter()
            .map(|(kind, record, field, item, words)| {
                let kind = *RecordKind::ALL.get(usize::from(kind))?;
                let field = *Field::ALL.get(usize::from(field))?;
                (usize::try_from(record).ok()? < counts[kind as usize]).then_some(Entry {
                    kind,
                    record,
                    field,
                    item,
                    words,
                })
            })
            .collect::<Option<Vec<Entry>>>()?;
        let fits = starts.len() == terms.len() + 1
            && starts.first() == Some(&0)
            && starts.windows(2).all(|w| w[0] <= w[1])
            && starts.last().is_some_and(|&last| last as usize == postings.len())
            && postings.iter().all(|&e| (e as usize) < entries.len())
            && sorted.len() == terms.len()
            && sorted.iter().all(|&t| (t as usize) < terms.len());
        let stats: [(u32, u64); Field::COUNT] = stats.try_into().ok()?;
        let base = [0, counts[0], counts[0] + counts[1], counts[0] + counts[1] + counts[2]];
        fits.then(|| Self {
            data,
            entries,
            terms: terms.into_iter().map(String::into_boxed_str).collect(),
            starts,
            postings,
            sorted,
            stats,
            base,
            letters: std::sync::OnceLock::new(),
        })
    }

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
                scope.spawn(|| {
                    let mut second = Builder::default();
                    second.add_events(&events[half..], half, stop);
                    second
                })
            });
            builder.add_events(&events[..half], 0, stop);
            second.map(std::thread::ScopedJoinHandle::join)
        });
        match second {
            Some(Ok(second)) => builder.absorb(second),
            Some(Err(_)) => builder.add_events(&events[half..], half, stop),
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
        let counts = [data.actors().len(), data.relationships().len(), data.events().len()];
        let base = [0, counts[0], counts[0] + counts[1], counts[0] + counts[1] + counts[2]];
        Self { data, entries, terms, starts, postings, sorted, stats, base, letters: std::sync::OnceLock::new() }
    }

    fn postings(&self, term: u32) -> &[u32] {
        let t = term as usize;
        &self.postings[self.starts[t] as usize..self.starts[t + 1] as usize]
    }

    /// The text of an indexed field.
    fn text(&self, entry: &Entry) -> &'d str {
        let (i, k) = (entry.record as usize, usize::from(entry.item));
        let data = self.data;
        let text: Option<&str> = match entry.kind {
            RecordKind::Actor => {
                let a = &data.actors()[i];
                match entry.field {
                    Field::Name => Some(&a.name),
                    Field::Alias => a.aliases.get(k).map(String::as_str),
                    Field::Iso => a.iso3.as_deref(),
                    _ => Some(&a.summary),
                }
            }
            RecordKind::Relationship => {
                let r = &data.relationships()[i];
                match entry.field {
                    Field::Status => Some(&r.status),
                    Field::Theme => r.themes.get(k).map(String::as_str),
                    Field::Period => r.periods.get(k).map(|p| p.label.as_str()),
                    _ => Some(&r.summary),
                }
            }
            // Events and figures may be read only now (from a compiled dataset's store).
            RecordKind::Event => data.event_at(i).and_then(|e| match entry.field {
                Field::Title => Some(e.title.as_str()),
                Field::Tag => e.tags.get(k).map(String::as_str),
                Field::Type => Some(e.kind.as_str()),
                _ => Some(e.summary.as_str()),
            }),
            RecordKind::Figure => data.figure_at(i).and_then(|f| match entry.field {
                Field::Label => Some(f.label.as_str()),
                Field::Qualifier => f.qualifier.as_deref(),
                _ => Some(f.unit.as_str()),
            }),
        };
        text.unwrap_or("")
    }

    /// The ids of the words a pattern matches: the word itself, or every word it begins.
    fn term_ids(&self, pattern: &Pattern) -> Vec<u32> {
        if !pattern.fuzzy.is_empty() {
            return pattern.fuzzy.iter().filter_map(|word| self.exact_id(word)).collect();
        }
        let key = pattern.folded.as_str();
        let from = self.sorted.partition_point(|&id| &*self.terms[id as usize] < key);
        if pattern.whole {
            return self
                .sorted
                .get(from)
                .filter(|&&id| &*self.terms[id as usize] == key)
                .copied()
                .into_iter()
                .collect();
        }
        let to = from + self.sorted[from..].partition_point(|&id| self.terms[id as usize].starts_with(key));
        self.sorted[from..to].to_vec()
    }

    fn exact_id(&self, word: &str) -> Option<u32> {
        let at = self.sorted.partition_point(|&id| &*self.terms[id as usize] < word);
        self.sorted.get(at).copied().filter(|&id| &*self.terms[id as usize] == word)
    }

    /// The letters of every term, for the typo look-up: made once, on the first typo or ahead of
    /// time by a caller that has time to spare (the browser, while the user reads).
    pub fn letters(&self) -> &[u32] {
        self.letters.get_or_init(|| self.terms.iter().map(|t| letter_set(t)).collect())
    }

    /// A copy of the query in which each lone word that matches nothing carries the known words
    /// a typo away from it.
    fn with_typos(&self, query: &Query) -> Query {
        let mut query = query.clone();
        for term in &mut query.terms {
            if term.words.len() != 1 || !self.term_ids(&term.words[0]).is_empty() {
                continue;
            }
            let letters = self.letters();
            let pattern = &mut term.words[0];
            let candidates = self.terms.iter().zip(letters.iter()).map(|(t, &set)| (&**t, set));
            pattern.fuzzy = near_words(&pattern.folded, candidates).into_iter().map(|(w, _)| w.to_owned()).collect();
        }
        query
    }

    /// Every record that matches all of the query's terms, best first.
    #[allow(clippy::cast_precision_loss)] // counts far below 2^52, as scores
    pub fn search(&self, query: &Query, options: SearchOptions) -> Vec<SearchHit<'d>> {
        let query = if options.typos { self.with_typos(query) } else { query.clone() };
        if query.is_empty() {
            return Vec::new();
        }
        let total = self.base[3] + self.data.figure_count();
        let mut score = vec![0.0f64; total];
        let mut matched = vec![0u64; total];
        // The field that scored most, shown with the result.
        let mut best: Vec<(f64, u32)> = vec![(0.0, u32::MAX); total];
        let mut touched: Vec<usize> = Vec::new();
        let mut tf = vec![0.0f32; self.entries.len()];
        let entries_total = self.entries.len() as f64;
        for (t, term) in query.terms.iter().enumerate() {
            let hits = self.term_frequencies(term, &mut tf);
            let n = hits.len() as f64;
            let idf = (1.0 + (entries_total - n + 0.5) / (n + 0.5)).ln();
            for e in hits {
                let entry = &self.entries[e as usize];
                let (count, words) = self.stats[entry.field as usize];
                let average = words as f64 / f64::from(count.max(1));
                let f = f64::from(std::mem::take(&mut tf[e as usize]));
                let norm = 1.0 - B + B * f64::from(entry.words) / average.max(1.0);
                let s = entry.field.weight() * idf * f * (K1 + 1.0) / (f + K1 * norm);
                let r = self.base[entry.kind as usize] + entry.record as usize;
                if matched[r] == 0 {
                    touched.push(r);
                }
                matched[r] |= bit(t);
                score[r] += s;
                if s > best[r].0 {
                    best[r] = (s, e);
                }
            }
        }
        let all = query.all_terms();
        let mut ranked: Vec<(f64, u32)> = touched
            .into_iter()
            .filter(|&r| matched[r] == all)
            .map(|r| (score[r], best[r].1))
            .filter(|&(_, e)| options.only.is_none_or(|only| self.passes(&self.entries[e as usize], only)))
            .collect();
        ranked.sort_by(|a, b| {
            let (ea, eb) = (&self.entries[a.1 as usize], &self.entries[b.1 as usize]);
            b.0.total_cmp(&a.0).then_with(|| (ea.kind, ea.record).cmp(&(eb.kind, eb.record)))
        });
        ranked.truncate(options.limit);
        ranked.into_iter().filter_map(|(s, e)| self.hit(&query, s, &self.entries[e as usize])).collect()
    }

    /// How many records of each kind match (no typos): for the hint of a name that is not an
    /// actor's.
    pub fn count(&self, query: &Query) -> [usize; 4] {
        let hits = self.search(query, SearchOptions { only: None, limit: usize::MAX, typos: false });
        RecordKind::ALL.map(|kind| hits.iter().filter(|h| h.kind == kind).count())
    }

    fn passes(&self, entry: &Entry, only: KindFilter) -> bool {
        match only {
            KindFilter::Record(kind) => entry.kind == kind,
            KindFilter::Actor(kind) => {
                entry.kind == RecordKind::Actor && self.data.actors()[entry.record as usize].kind == kind
            }
        }
    }

    /// For each entry where the term matches, its frequency there (left in `tf`), and the list
    /// of those entries. A phrase or an acronym is looked up by its words and then checked
    /// against the text.
    #[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation)] // small counts and factors ≤ 1
    fn term_frequencies(&self, term: &Term, tf: &mut [f32]) -> Vec<u32> {
        let mut hits = Vec::new();
        let checked = term.words.len() > 1 || term.words.iter().any(|p| p.acronym && p.fuzzy.is_empty());
        // The rarest word of a phrase gives the fewest candidates.
        let candidates = term
            .words
            .iter()
            .map(|p| self.term_ids(p))
            .min_by_key(|ids| ids.iter().map(|&id| self.postings(id).len()).sum::<usize>())
            .unwrap_or_default();
        let pattern = &term.words[0];
        for id in candidates {
            let word = &*self.terms[id as usize];
            let factor = if checked || word == pattern.folded {
                1.0
            } else if pattern.fuzzy.is_empty() {
                PREFIX_FACTOR
            } else {
                let distance = strsim::damerau_levenshtein(&pattern.folded, word);
                TYPO_FACTOR.powi(i32::try_from(distance).unwrap_or(i32::MAX))
            };
            for &e in self.postings(id) {
                if tf[e as usize] == 0.0 {
                    hits.push(e);
                }
                tf[e as usize] += factor as f32;
            }
        }
        if checked {
            let alone = Query { terms: vec![term.clone()] };
            hits.retain(|&e| {
                let found = alone.find(self.text(&self.entries[e as usize])).len();
                tf[e as usize] = found as f32;
                found > 0
            });
        }
        hits
    }

    /// The hit for an entry; None only when its record cannot be read (a damaged store, which
    /// the dataset then reports).
    fn hit(&self, query: &Query, score: f64, entry: &Entry) -> Option<SearchHit<'d>> {
        let data = self.data;
        let i = entry.record as usize;
        let (record, name, actor_kind) = match entry.kind {
            RecordKind::Actor => {
                let a = &data.actors()[i];
                (Record::Actor(a), a.name.clone(), Some(a.kind))
            }
            RecordKind::Relationship => {
                let r = &data.relationships()[i];
                let [a, b] = [r.between[0].as_str(), r.between[1].as_str()];
                (Record::Relationship(r), format!("{} – {}", data.name_of(a), data.name_of(b)), None)
            }
            RecordKind::Event => {
                let e = data.event_at(i)?;
                (Record::Event(e), e.title.clone(), None)
            }
            RecordKind::Figure => {
                let f = data.figure_at(i)?;
                (Record::Figure(f), f.label.clone(), None)
            }
        };
        let text = self.text(entry);
        let matches = query.find(text).into_iter().map(|(_, range)| range).collect();
        let id = record.id();
        Some(SearchHit { record, kind: entry.kind, actor_kind, id, name, score, field: entry.field, text, matches })
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
        self.entries.push(Entry {
            kind,
            record: u32::try_from(record).unwrap_or(u32::MAX),
            field,
            item: u16::try_from(item).unwrap_or(u16::MAX),
            words,
        });
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

#[cfg(test)]
mod tests {
    use super::{SearchIndex, SearchOptions};
    use crate::load::{Input, load};
    use crate::query::Query;

    fn ids(index: &SearchIndex, query: &str) -> Vec<(String, String)> {
        let options = SearchOptions { only: None, limit: usize::MAX, typos: true };
        index.search(&Query::parse(query), options).iter().map(|h| (h.id.clone(), format!("{:.6}", h.score))).collect()
    }

    #[test]
    fn an_index_kept_as_parts_answers_as_the_one_built() {
        let data = load(vec![Input::bundled()]).unwrap();
        let built = SearchIndex::new(&data);
        let kept = SearchIndex::from_parts(&data, built.to_parts()).expect("the parts fit their dataset");
        for query in ["camisea", "ilo", "lease", "pinnera", "\"salida al mar\"", "DEA", "coca gas"] {
            assert_eq!(ids(&kept, query), ids(&built, query), "{query}");
        }
    }

    #[test]
    fn parts_that_do_not_fit_the_dataset_are_refused() {
        let data = load(vec![Input::bundled()]).unwrap();
        let built = SearchIndex::new(&data);
        let mut parts = built.to_parts();
        parts.postings.push(u32::MAX);
        assert!(SearchIndex::from_parts(&data, parts).is_none(), "a posting past the entries");
        let mut parts = built.to_parts();
        parts.entries[0].1 = u32::MAX;
        assert!(SearchIndex::from_parts(&data, parts).is_none(), "a record past the dataset");
        let mut parts = built.to_parts();
        parts.sorted.pop();
        assert!(SearchIndex::from_parts(&data, parts).is_none(), "a term missing from the order");
        let empty = load(Vec::new()).unwrap();
        assert!(SearchIndex::from_parts(&empty, built.to_parts()).is_none(), "another dataset's index");
    }
}
