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

use std::borrow::Cow;
use std::ops::Range;
use std::sync::atomic::AtomicBool;

use crate::model::{ActorKind, Dataset, EventText, FigureText};

mod build;
mod kept;

use super::Record;
use super::fuzzy::{letter_set, near_words};
use super::matcher::{Pattern, Query, Term, bit};

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
const B: f64 = 0.75;
/// What each edit of a typo costs: a fuzzy match counts this much per edit.
const TYPO_FACTOR: f64 = 0.5;
/// What a word matched only by its start counts, against a whole word.
const PREFIX_FACTOR: f64 = 0.7;

/// One indexed field of one record. `item` tells which alias, tag, theme or period. Laid out
/// as it is kept on disk (`kept`): kind and field are places in `RecordKind::ALL` and
/// `Field::ALL`.
#[derive(Debug, Clone, Copy, bytemuck::Pod, bytemuck::Zeroable)]
#[repr(C)]
struct Entry {
    record: u32,
    words: u32,
    item: u16,
    kind: u8,
    field: u8,
}

impl Entry {
    #[allow(clippy::cast_possible_truncation)] // four kinds, thirteen fields
    fn new(kind: RecordKind, record: usize, field: Field, item: usize, words: u32) -> Self {
        Self {
            record: u32::try_from(record).unwrap_or(u32::MAX),
            words,
            item: u16::try_from(item).unwrap_or(u16::MAX),
            kind: kind as u8,
            field: field as u8,
        }
    }

    /// The record's kind (a kept index's entries are checked to name one: `kept::read`).
    fn kind(&self) -> RecordKind {
        RecordKind::ALL.get(usize::from(self.kind)).copied().unwrap_or(RecordKind::Actor)
    }

    fn field(&self) -> Field {
        Field::ALL.get(usize::from(self.field)).copied().unwrap_or(Field::Summary)
    }
}

/// Every distinct folded word of an index: owned when it was built, else read in place from a
/// kept index (one text, and where each word ends in it).
enum Terms<'d> {
    Built(Vec<Box<str>>),
    Kept { text: &'d str, ends: &'d [u32] },
}

impl Terms<'_> {
    fn len(&self) -> usize {
        match self {
            Terms::Built(terms) => terms.len(),
            Terms::Kept { ends, .. } => ends.len(),
        }
    }

    /// The word of this id ("" past the end, which a checked index never asks).
    fn get(&self, id: u32) -> &str {
        let id = id as usize;
        match self {
            Terms::Built(terms) => terms.get(id).map_or("", |t| &**t),
            Terms::Kept { text, ends } => {
                let start = if id == 0 { 0 } else { ends.get(id - 1).map_or(0, |&e| e as usize) };
                let end = ends.get(id).map_or(0, |&e| e as usize);
                text.get(start..end).unwrap_or("")
            }
        }
    }

    fn iter(&self) -> impl Iterator<Item = &str> {
        (0..u32::try_from(self.len()).unwrap_or(u32::MAX)).map(|id| self.get(id))
    }
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

/// The words of every searchable field of a dataset: built from the dataset, or read in place
/// from the copy kept beside its compiled form (`kept`).
pub struct SearchIndex<'d> {
    data: &'d Dataset,
    entries: Cow<'d, [Entry]>,
    /// Every distinct folded word, and for each the entries it occurs in (an entry once per
    /// occurrence, in order): term `t`'s are `postings[starts[t]..starts[t + 1]]`.
    terms: Terms<'d>,
    starts: Cow<'d, [u32]>,
    postings: Cow<'d, [u32]>,
    /// Term ids in the order of their words, for prefix ranges.
    sorted: Cow<'d, [u32]>,
    /// Per field: how many entries, and their words in total.
    stats: [(u32, u64); Field::COUNT],
    /// Where each kind's records start in one array of all records.
    base: [usize; 4],
    /// The letters of each term (`fuzzy::letter_set`), made on the first typo looked up.
    letters: std::sync::OnceLock<Vec<u32>>,
}

impl<'d> SearchIndex<'d> {
    pub fn new(data: &'d Dataset) -> Self {
        Self::build(data, &AtomicBool::new(false))
    }

    /// Write the index to be kept beside its dataset's compiled form (`kept`), to be read back
    /// in place by `from_kept`.
    ///
    /// # Errors
    ///
    /// When writing fails, or the index has more than 2^32 entries, words or postings.
    pub fn write_kept(&self, out: &mut impl std::io::Write) -> std::io::Result<()> {
        kept::write(self, out)
    }

    /// The index kept in these bytes (by `write_kept`) for this dataset, read in place; None
    /// when the bytes are not a whole index that fits the dataset (every number is checked).
    /// `release` is given each large part of the bytes once it is checked (a mapped file's
    /// pages can then leave the process until a search reads them).
    pub fn from_kept(data: &'d Dataset, bytes: &'d [u8], release: &dyn Fn(&[u8])) -> Option<Self> {
        kept::read(data, bytes, release)
    }

    fn postings(&self, term: u32) -> &[u32] {
        let t = term as usize;
        &self.postings[self.starts[t] as usize..self.starts[t + 1] as usize]
    }

    /// The text of an indexed field.
    fn text(&self, entry: &Entry) -> &'d str {
        let (i, k) = (entry.record as usize, usize::from(entry.item));
        let data = self.data;
        let text: Option<&str> = match entry.kind() {
            RecordKind::Actor => {
                let a = &data.actors()[i];
                match entry.field() {
                    Field::Name => Some(&a.name),
                    Field::Alias => a.aliases.get(k).map(String::as_str),
                    Field::Iso => a.iso3.as_deref(),
                    _ => Some(&a.summary),
                }
            }
            RecordKind::Relationship => {
                let r = &data.relationships()[i];
                match entry.field() {
                    Field::Status => Some(&r.status),
                    Field::Theme => r.themes.get(k).map(String::as_str),
                    Field::Period => r.periods.get(k).map(|p| p.label.as_str()),
                    _ => Some(&r.summary),
                }
            }
            // Events and figures may be in a compiled dataset's store: read there in place.
            RecordKind::Event => data.event_text(
                i,
                match entry.field() {
                    Field::Title => EventText::Title,
                    Field::Tag => EventText::Tag(k),
                    Field::Type => EventText::Type,
                    _ => EventText::Summary,
                },
            ),
            RecordKind::Figure => data.figure_text(
                i,
                match entry.field() {
                    Field::Label => FigureText::Label,
                    Field::Qualifier => FigureText::Qualifier,
                    _ => FigureText::Unit,
                },
            ),
        };
        text.unwrap_or("")
    }

    /// The ids of the words a pattern matches: the word itself, or every word it begins.
    fn term_ids(&self, pattern: &Pattern) -> Vec<u32> {
        if !pattern.fuzzy.is_empty() {
            return pattern.fuzzy.iter().filter_map(|word| self.exact_id(word)).collect();
        }
        let key = pattern.folded.as_str();
        let from = self.sorted.partition_point(|&id| self.terms.get(id) < key);
        if pattern.whole {
            return self.sorted.get(from).filter(|&&id| self.terms.get(id) == key).copied().into_iter().collect();
        }
        let to = from + self.sorted[from..].partition_point(|&id| self.terms.get(id).starts_with(key));
        self.sorted[from..to].to_vec()
    }

    fn exact_id(&self, word: &str) -> Option<u32> {
        let at = self.sorted.partition_point(|&id| self.terms.get(id) < word);
        self.sorted.get(at).copied().filter(|&id| self.terms.get(id) == word)
    }

    /// The letters of every term, for the typo look-up: made once, on the first typo or ahead of
    /// time by a caller that has time to spare (the browser, while the user reads).
    pub fn letters(&self) -> &[u32] {
        self.letters.get_or_init(|| self.terms.iter().map(letter_set).collect())
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
            let candidates = self.terms.iter().zip(letters.iter()).map(|(t, &set)| (t, set));
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
                let s = entry.field().weight() * idf * f * (K1 + 1.0) / (f + K1 * norm);
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
        // Best first, ties by record: a total order (one entry per record), so choosing the
        // best `limit` first and sorting only those gives the same as sorting them all.
        let order = |a: &(f64, u32), b: &(f64, u32)| {
            let (ea, eb) = (&self.entries[a.1 as usize], &self.entries[b.1 as usize]);
            b.0.total_cmp(&a.0).then_with(|| (ea.kind, ea.record).cmp(&(eb.kind, eb.record)))
        };
        if ranked.len() > options.limit && options.limit > 0 {
            ranked.select_nth_unstable_by(options.limit - 1, order);
        }
        ranked.truncate(options.limit);
        ranked.sort_unstable_by(order);
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
            KindFilter::Record(kind) => entry.kind() == kind,
            KindFilter::Actor(kind) => {
                entry.kind() == RecordKind::Actor && self.data.actors()[entry.record as usize].kind == kind
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
            let word = self.terms.get(id);
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
        let (record, name, actor_kind) = match entry.kind() {
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
        Some(SearchHit { record, kind: entry.kind(), actor_kind, id, name, score, field: entry.field(), text, matches })
    }
}

/// Where each kind's records start in one array of all records (events and figures counted
/// also when they are read on use).
fn bases(data: &Dataset) -> [usize; 4] {
    let counts = [data.actors().len(), data.relationships().len(), data.event_count()];
    [0, counts[0], counts[0] + counts[1], counts[0] + counts[1] + counts[2]]
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

    fn kept(index: &SearchIndex) -> Vec<u8> {
        let mut bytes = Vec::new();
        index.write_kept(&mut bytes).unwrap();
        bytes
    }

    /// Bytes aligned for the arrays read in place (a mapped file is).
    fn aligned(bytes: &[u8]) -> Vec<u32> {
        let mut words = vec![0u32; bytes.len().div_ceil(4)];
        bytemuck::cast_slice_mut::<u32, u8>(&mut words)[..bytes.len()].copy_from_slice(bytes);
        words
    }

    #[test]
    fn an_index_kept_and_read_in_place_answers_as_the_one_built() {
        let data = load(vec![Input::bundled()]).unwrap();
        let built = SearchIndex::new(&data);
        let bytes = kept(&built);
        let words = aligned(&bytes);
        let kept = SearchIndex::from_kept(&data, &bytemuck::cast_slice(&words)[..bytes.len()], &|_| {})
            .expect("the index fits its dataset");
        for query in ["camisea", "ilo", "lease", "pinnera", "\"salida al mar\"", "DEA", "coca gas", "cocx"] {
            assert_eq!(ids(&kept, query), ids(&built, query), "{query}");
        }
    }

    #[test]
    fn kept_bytes_that_do_not_fit_the_dataset_are_refused() {
        let data = load(vec![Input::bundled()]).unwrap();
        let built = SearchIndex::new(&data);
        let bytes = kept(&built);
        let read = |bytes: &[u8], data| {
            let words = aligned(bytes);
            SearchIndex::from_kept(data, &bytemuck::cast_slice(&words)[..bytes.len()], &|_| {}).is_some()
        };
        assert!(read(&bytes, &data));
        let entries = u32::from_ne_bytes(bytes[12..16].try_into().unwrap()) as usize;
        let entries_at = super::kept::entries_start();
        // The first entry's record set past the dataset.
        let mut past = bytes.clone();
        past[entries_at..entries_at + 4].copy_from_slice(&u32::MAX.to_ne_bytes());
        assert!(!read(&past, &data), "a record past the dataset");
        // The first posting set past the entries.
        let terms = u32::from_ne_bytes(bytes[16..20].try_into().unwrap()) as usize;
        let postings_at = entries_at + entries * 12 + (terms + 1) * 4;
        let mut posting = bytes.clone();
        posting[postings_at..postings_at + 4].copy_from_slice(&u32::MAX.to_ne_bytes());
        assert!(!read(&posting, &data), "a posting past the entries");
        // The text cut short, another byte order, a byte more.
        assert!(!read(&bytes[..bytes.len() - 1], &data), "a word cut short");
        let mut order = bytes.clone();
        order[8..12].reverse();
        assert!(!read(&order, &data), "the other byte order");
        let mut longer = bytes.clone();
        longer.push(b'x');
        assert!(!read(&longer, &data), "a byte after the index");
        let empty = load(Vec::new()).unwrap();
        assert!(!read(&bytes, &empty), "another dataset's index");
    }

    #[test]
    fn kept_numbers_that_would_cut_a_word_or_reach_past_an_array_are_refused() {
        let data = load(vec![Input::bundled()]).unwrap();
        let bytes = kept(&SearchIndex::new(&data));
        let read = |bytes: &[u8]| {
            let words = aligned(bytes);
            SearchIndex::from_kept(&data, &bytemuck::cast_slice(&words)[..bytes.len()], &|_| {}).is_some()
        };
        let number = |at: usize| u32::from_ne_bytes(bytes[at..at + 4].try_into().unwrap()) as usize;
        let (entries, terms, postings) = (number(12), number(16), number(20));
        let entries_at = super::kept::entries_start();
        let starts_at = entries_at + entries * 12;
        let sorted_at = starts_at + (terms + 1) * 4 + postings * 4;
        let ends_at = sorted_at + terms * 4;
        let text_at = ends_at + terms * 4;
        let with = |at: usize, value: &[u8]| {
            let mut changed = bytes.clone();
            changed[at..at + value.len()].copy_from_slice(value);
            changed
        };
        assert!(read(&bytes));
        // A word's end inside a character: two letters across it made one of two bytes ("é").
        let end = (0..terms)
            .map(|t| number(ends_at + t * 4))
            .find(|&end| {
                end > 0 && bytes[text_at + end - 1].is_ascii() && bytes.get(text_at + end).is_some_and(u8::is_ascii)
            })
            .expect("a word between two ASCII letters");
        assert!(!read(&with(text_at + end - 1, "é".as_bytes())), "a word cut inside a character");
        // Word ends out of order, past the text; starts out of order; a sorted term past the
        // terms; an entry of a fifth kind or a fourteenth field.
        assert!(!read(&with(ends_at, &u32::MAX.to_ne_bytes())), "a word ending past the text");
        assert!(!read(&with(starts_at + 4, &u32::MAX.to_ne_bytes())), "starts out of order");
        assert!(!read(&with(sorted_at, &u32::try_from(terms).unwrap().to_ne_bytes())), "a term past the terms");
        assert!(!read(&with(entries_at + 10, &[4])), "a fifth kind of record");
        assert!(!read(&with(entries_at + 11, &[13])), "a fourteenth field");
        // Counts that would reach past the file, or overflow: refused before anything is read.
        for at in [12, 16, 20, 24] {
            for count in [u32::MAX, u32::MAX / 4 + 1, u32::MAX / 12 + 1] {
                assert!(!read(&with(at, &count.to_ne_bytes())), "a count of {count} at {at}");
            }
        }
    }
}
