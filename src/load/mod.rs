//! Bytes → checked dataset: parse each file, merge them in order, validate the result.

pub mod cache;
pub mod compiled;
mod input;
mod validate;

use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

use crate::error::{Error, Problem, Problems, Result};
use std::sync::atomic::{AtomicBool, Ordering};

use crate::model::{Dataset, DatasetFile};
use crate::query::SearchIndex;

pub use input::{BUNDLED, BUNDLED_NAME, Input, InputLimit, check_stdin_once, is_stdin};

/// The bundled dataset as build.rs compiled it: an rkyv archive of its records, parsed and in
/// date order. Empty when the JSON did not parse at build time (it is then parsed here, and its
/// problems reported).
static COMPILED_BUNDLED: &Aligned<[u8]> = &Aligned(*include_bytes!(concat!(env!("OUT_DIR"), "/bundled.rkyv")));

/// rkyv reads an archive from bytes aligned as its types are.
#[repr(C, align(16))]
struct Aligned<T: ?Sized>(T);

/// The bundled records from the compiled archive, or None when there is none.
pub fn compiled_bundled() -> Option<DatasetFile> {
    let bytes = &COMPILED_BUNDLED.0;
    if bytes.is_empty() {
        return None;
    }
    // Checked in test and debug builds; a release build trusts the bytes it was built with.
    debug_assert!(rkyv::access::<rkyv::Archived<DatasetFile>, rkyv::rancor::Error>(bytes).is_ok());
    // SAFETY: the bytes are the program's own, written by build.rs with `rkyv::to_bytes` of a
    // `DatasetFile` (the model's source compiled into the build script) and embedded aligned as
    // rkyv requires; they are not empty (an empty archive means none was made). Every test run
    // checks them with rkyv's validation (above, and the test below).
    let archived = unsafe { rkyv::access_unchecked::<rkyv::Archived<DatasetFile>>(bytes) };
    rkyv::deserialize::<DatasetFile, rkyv::rancor::Error>(archived).ok()
}

/// Where a dataset comes from: the bundled one, or a file named on the command line or in
/// RELATIONS_DATA (`-` is standard input).
pub struct Sources {
    pub bundled: bool,
    pub paths: Vec<std::path::PathBuf>,
    pub limit: InputLimit,
}

impl Sources {
    /// Read every input, as `load` takes them.
    pub fn read(&self) -> Result<Vec<Input>> {
        let mut inputs = Vec::with_capacity(self.paths.len() + 1);
        if self.bundled {
            inputs.push(Input::bundled());
        }
        for path in &self.paths {
            inputs.push(Input::read(path, self.limit)?);
        }
        Ok(inputs)
    }
}

/// Load through the cache of compiled datasets: answered from an entry when one was compiled
/// from the same bundled data and the same file contents, else loaded as `load` does, with the
/// key to compile it under (`Cache::put`, which the caller runs beside the command). Standard
/// input, devices and pipes are never cached; a cache that cannot be read is passed by.
///
/// From an entry, only the events and figures `want` chooses are read (it is shown the dataset
/// without them); a dataset loaded from JSON has every record.
pub fn load_cached(
    sources: &Sources,
    cache: Option<&cache::Cache>,
    want: &dyn Fn(&Dataset) -> compiled::Want,
) -> Result<(Dataset, Option<u128>)> {
    // The bundled dataset alone was checked and ordered when the program was built (build.rs).
    if sources.paths.is_empty()
        && sources.bundled
        && let Some(file) = compiled_bundled()
    {
        return Ok((Dataset::from_ordered(file), None));
    }
    let regular = |path: &std::path::Path| !is_stdin(path) && std::fs::metadata(path).is_ok_and(|m| m.is_file());
    let cache = match cache {
        Some(cache) if !sources.paths.is_empty() && sources.paths.iter().all(|p| regular(p)) => cache,
        _ => return Ok((load(sources.read()?)?, None)),
    };
    let bundled = sources.bundled.then_some(BUNDLED.as_bytes());
    // First the stamps: when every file's metadata is unchanged, no file is read at all.
    let mut key = cache::KeyBuilder::new(bundled);
    let mut all_stamped = true;
    for path in &sources.paths {
        let stamped = std::fs::metadata(path)
            .ok()
            .filter(|m| m.len() <= sources.limit.0)
            .and_then(|metadata| cache.stamped_hash(path, &metadata));
        let Some(hash) = stamped else {
            all_stamped = false;
            break;
        };
        key.file(hash);
    }
    if all_stamped && let Some(data) = cache.get(key.finish(), want) {
        return Ok((data, None));
    }
    // Otherwise read every file, and key the entry by the bytes actually read.
    let mut key = cache::KeyBuilder::new(bundled);
    let mut inputs = Vec::with_capacity(sources.paths.len() + 1);
    if sources.bundled {
        inputs.push(Input::bundled());
    }
    for path in &sources.paths {
        let read_start = std::time::SystemTime::now();
        let metadata = std::fs::metadata(path).ok();
        let input = Input::read(path, sources.limit)?;
        let hash = cache::content_hash(&input.bytes);
        if let Some(metadata) = metadata {
            cache.stamp(path, &metadata, read_start, hash);
        }
        key.file(hash);
        inputs.push(input);
    }
    let key = key.finish();
    if let Some(data) = cache.get(key, want) {
        return Ok((data, None));
    }
    let mut data = load(inputs)?;
    data.compiled = Some(key);
    Ok((data, Some(key)))
}

/// The search index kept beside the compiled dataset it was read from, if there is a whole one
/// that fits it (in the user's cache; `kept_search_index_in` names the cache).
pub fn kept_search_index(data: &Dataset) -> Option<SearchIndex<'_>> {
    kept_search_index_in(&cache::Cache::new(cache::location()?), data)
}

/// The search index kept in this cache beside the compiled dataset the dataset was read from,
/// read in place: the dataset keeps the mapped file for as long as it lives.
pub fn kept_search_index_in<'d>(cache: &cache::Cache, data: &'d Dataset) -> Option<SearchIndex<'d>> {
    let key = data.compiled?;
    let bytes = data.keep_index_bytes(Box::new(cache.get_index(key)?));
    // SAFETY: the bytes are the mapped index file, which is never written in place.
    let release = |part: &[u8]| unsafe { cache::release(part) };
    SearchIndex::from_kept(data, bytes.get(cache::HEADER..)?, &release)
}

/// Whether a search index is kept beside the compiled dataset this (head of a) dataset was read
/// from, so that a search can read its records on use (`compiled::Want::on_use`).
pub fn has_kept_search_index(data: &Dataset) -> bool {
    let cache = cache::location().map(cache::Cache::new);
    data.compiled.zip(cache).is_some_and(|(key, cache)| cache.has_index(key))
}

/// The search index of a whole dataset: the one kept beside it in the cache of compiled datasets
/// when there is one, else built (until `stop` is set) and then kept there for the next search.
/// (A dataset read in part is indexed for itself and not kept.)
pub fn search_index<'d>(data: &'d Dataset, stop: &AtomicBool) -> SearchIndex<'d> {
    if let Some(index) = kept_search_index(data) {
        return index;
    }
    let index = SearchIndex::build(data, stop);
    let cache = cache::location().map(cache::Cache::new);
    if let (Some(key), Some(cache)) = (data.compiled, cache)
        && !data.is_partial()
        && !stop.load(Ordering::Relaxed)
    {
        let _ = cache.put_index(key, |out| {
            let mut out = std::io::BufWriter::with_capacity(1 << 20, out);
            index.write_kept(&mut out)?;
            std::io::Write::flush(&mut out)
        });
    }
    index
}

/// Load, merge and validate: a later record with the same id (for relationships, the same pair)
/// replaces the earlier one. Every problem in every file is reported, not just the first.
///
/// Each file's bytes are freed as soon as it is parsed: the records own their text.
pub fn load(inputs: Vec<Input>) -> Result<Dataset> {
    let mut problems = Problems::default();
    let mut parsed_files = Vec::with_capacity(inputs.len());
    let mut unparsed_actors = Vec::new();
    for input in inputs {
        let (name, mut parsed) = parse_owned(input);
        problems.append(&mut parsed.problems);
        unparsed_actors.append(&mut parsed.unparsed_actors);
        parsed_files.push((name, parsed.file, parsed.positions));
    }
    let files = parsed_files
        .iter_mut()
        .map(|(name, file, positions)| validate::FileRecords {
            name: name.as_str(),
            file: std::mem::take(file),
            positions: std::mem::take(positions),
        })
        .collect();
    let merged = validate::merge_and_check(files, &unparsed_actors, &mut problems);
    if problems.is_empty() { Ok(Dataset::new(merged)) } else { Err(Error::InvalidData(problems)) }
}

/// Warnings about a loaded dataset that do not stop it loading (`validate` prints them): a
/// relationship's overall tone that differs from its latest open period's.
pub fn warnings(data: &Dataset) -> Vec<String> {
    validate::tone_warnings(&data.file)
}

/// What parsing one document gives: the records that fit, a problem for each that does not,
/// and the ids of actors that did not fit (so references to them are not reported as dangling).
pub struct Parsed {
    pub file: DatasetFile,
    pub problems: Problems,
    pub unparsed_actors: Vec<String>,
    /// For each collection, the index in the file of each record that parsed, so later
    /// problems name the record's own place even when an earlier one was left out.
    pub positions: Positions,
}

pub type Positions = std::collections::HashMap<&'static str, Vec<usize>>;

/// Parse one document into records, collecting a problem for each record that does not fit.
///
/// The document is first split into its records (a quick pass that checks the JSON syntax),
/// then each record is parsed on its own: one bad record does not hide the others, and a record
/// that does not fit is parsed again to locate its problem.
pub fn parse(input: &Input) -> Parsed {
    parse_text(&input.name, &input.bytes, &mut Behind::keep())
}

/// [`parse`], giving back the input's memory as its records are parsed: the text of the records
/// already parsed is released a window at a time, so the input and the records it becomes do
/// not both count whole at the peak of a load.
fn parse_owned(input: Input) -> (String, Parsed) {
    let Input { name, bytes } = input;
    let parsed = parse_text(&name, &bytes, &mut Behind::release(&bytes));
    (name, parsed)
}

fn parse_text(name: &str, bytes: &[u8], behind: &mut Behind) -> Parsed {
    let mut parsed = Parsed {
        file: DatasetFile::default(),
        problems: Problems::default(),
        unparsed_actors: Vec::new(),
        positions: Positions::new(),
    };
    // A byte-order mark before the JSON is accepted and skipped.
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text.strip_prefix('\u{feff}').unwrap_or(text),
        Err(e) => {
            parsed.problems.push(Problem {
                file: name.to_owned(),
                location: String::new(),
                message: format!("not UTF-8 text (invalid byte at offset {})", e.valid_up_to()),
            });
            return parsed;
        }
    };
    // The bundled dataset was parsed when the program was built.
    if name == BUNDLED_NAME
        && bytes == BUNDLED.as_bytes()
        && let Some(file) = compiled_bundled()
    {
        parsed.file = file;
        return parsed;
    }
    match parse_records(name, text, &mut parsed, behind) {
        Ok(()) => {}
        Err(problem) => parsed.problems.push(problem),
    }
    parsed
}

/// The top level of a document, each collection kept as raw JSON text per record so that every
/// record is checked on its own and one bad record does not hide the others.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDocument<'a> {
    #[serde(borrow, default)]
    dataset: Option<&'a RawValue>,
    #[serde(borrow, default)]
    sources: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    actors: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    relationships: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    events: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    figures: Vec<&'a RawValue>,
}

fn parse_records(name: &str, text: &str, parsed: &mut Parsed, behind: &mut Behind) -> Result<(), Problem> {
    let problem = |location: String, message: String| Problem { file: name.to_owned(), location, message };
    if !text.trim_start().starts_with('{') {
        // Say what the top level is, once the text is known to be JSON at all.
        let found = match text.trim_start().chars().next() {
            Some('[') => "an array",
            Some('"') => "a string",
            Some('t' | 'f') => "a boolean",
            Some('n') => "null",
            _ => "a number",
        };
        let failure = match deserialize::<serde::de::IgnoredAny>(text) {
            Err(failure @ Failure::Syntax { .. }) => failure,
            _ => Failure::Shape {
                path: String::new(),
                message: format!("expected a JSON object at the top level, found {found}"),
            },
        };
        return Err(failure.at(&problem, ""));
    }
    let document: RawDocument = deserialize(text).map_err(|e| match e {
        Failure::Syntax { line, column, message } => {
            problem(format!("line {line}, column {column}"), format!("invalid JSON: {message}"))
        }
        Failure::Shape { path, message } => problem(path, message),
    })?;

    let Parsed { file, problems, unparsed_actors, positions } = parsed;
    if let Some(raw) = document.dataset {
        match deserialize(raw.get()) {
            Ok(info) => file.dataset = Some(info),
            Err(failure) => problems.push(failure.at(&problem, "dataset")),
        }
    }
    // Collections are parsed in the order they lie in the text, so that all the text before a
    // record has been parsed when it is reached (see `Behind`); their problems are reported in
    // the usual order whatever the file's.
    let first = |items: &[&RawValue]| items.first().map_or(usize::MAX, |raw| raw.get().as_ptr() as usize);
    let mut order = [
        first(&document.sources),
        first(&document.actors),
        first(&document.relationships),
        first(&document.events),
        first(&document.figures),
    ]
    .into_iter()
    .enumerate()
    .collect::<Vec<_>>();
    order.sort_by_key(|&(_, at)| at);
    let mut found: [Problems; 5] = Default::default();
    let mut none = Vec::new();
    for (collection, _) in order {
        let found = &mut found[collection];
        let mut at = Place { problems: found, problem: &problem, positions, behind };
        match collection {
            0 => file.sources = at.records("sources", &document.sources, &mut none),
            1 => file.actors = at.records("actors", &document.actors, unparsed_actors),
            2 => file.relationships = at.records("relationships", &document.relationships, &mut none),
            3 => file.events = at.records("events", &document.events, &mut none),
            _ => file.figures = at.records("figures", &document.figures, &mut none),
        }
    }
    for found in &mut found {
        problems.append(found);
    }
    Ok(())
}

/// The text of an input up to where its parse has reached, given back to the system a window
/// at a time when the input is the parse's own (`parse_owned`).
struct Behind {
    /// Where the text not yet given back begins.
    released: usize,
    release: bool,
}

impl Behind {
    fn keep() -> Self {
        Self { released: 0, release: false }
    }

    fn release(bytes: &[u8]) -> Self {
        Self { released: bytes.as_ptr() as usize, release: true }
    }

    /// For a run of the text parsed apart from the rest (on another thread), from `first` on:
    /// released as this one is, and only from there.
    fn from(&self, first: &str) -> Self {
        Self { released: first.as_ptr() as usize, release: self.release }
    }

    /// The parse has reached `next`: every byte before it has been read for the last time.
    fn reached(&mut self, next: &str) {
        let at = next.as_ptr() as usize;
        if self.release && at >= self.released + cache::WINDOW {
            // SAFETY: the bytes are the input's own buffer (`parse_owned` holds it until the
            // parse returns and then frees it), lie wholly before the record about to be
            // parsed, and are never read again: the document was split into records before any
            // was parsed, and records are parsed in the order they lie in the text. A collection
            // parsed on two threads is cut at a record, and each thread releases only whole
            // pages between where its own run began (`Behind::from`) and the record it has
            // reached, so neither touches a page of the other's text still to be read. Released
            // pages of private memory read back as zeroes, which nothing does.
            unsafe { cache::release(std::slice::from_raw_parts(self.released as *const u8, at - self.released)) };
            self.released = at;
        }
    }
}

/// Where the records of one collection go: their problems and places.
struct Place<'p, P> {
    problems: &'p mut Problems,
    problem: &'p P,
    positions: &'p mut Positions,
    behind: &'p mut Behind,
}

/// Above this many records, a collection's second half is parsed on another thread.
const PARALLEL_RECORDS: usize = 20_000;

impl<P: Fn(String, String) -> Problem + Sync> Place<'_, P> {
    /// Each element of a collection on its own, so that one bad record does not hide the
    /// others. A large collection (the events, the figures of a large dataset) is parsed in two
    /// halves on two threads, each giving back the text of its own half as it goes.
    fn records<T: DeserializeOwned + Send>(
        &mut self,
        key: &'static str,
        items: &[&RawValue],
        unparsed_ids: &mut Vec<String>,
    ) -> Vec<T> {
        let problem = self.problem;
        let mut parts = if items.len() < PARALLEL_RECORDS {
            vec![Part::parse(key, items, 0, self.behind, problem)]
        } else {
            let (first, second) = items.split_at(items.len() / 2);
            let mut behind_second = self.behind.from(second[0].get());
            let behind = &mut *self.behind;
            std::thread::scope(|scope| {
                let other = std::thread::Builder::new()
                    .spawn_scoped(scope, move || Part::parse(key, second, first.len(), &mut behind_second, problem));
                let mine = Part::parse(key, first, 0, behind, problem);
                let theirs = match other {
                    // Parsing returns problems rather than failing; a thread that panicked all the
                    // same passes its panic on (its half may be released: it cannot be read again).
                    Ok(other) => other.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                    // No thread could be started (a limit on threads or on memory): the second
                    // half is parsed here, after the first, as a small collection is.
                    Err(_) => Part::parse(key, second, first.len(), behind, problem),
                };
                vec![mine, theirs]
            })
        };
        let total = parts.iter().map(|part| part.records.len()).sum::<usize>();
        let mut records = Vec::new();
        let mut places: Option<Vec<usize>> = None;
        for part in &mut parts {
            // The file's place of each record, kept only once one has been left out.
            if part.places.is_some() || places.is_some() {
                let kept = places.get_or_insert_with(|| (0..records.len()).collect());
                match &part.places {
                    Some(own) => kept.extend(own),
                    None => kept.extend(part.first..part.first + part.records.len()),
                }
            }
            if records.is_empty() {
                records = std::mem::take(&mut part.records);
                // Room for the records of every part, no more: a part whose records did not all
                // fit gives up its unused room first, so that growing copies only what it holds.
                records.shrink_to_fit();
                records.reserve_exact(total - records.len());
            } else {
                records.append(&mut part.records);
            }
            self.problems.append(&mut part.problems);
            unparsed_ids.append(&mut part.unparsed_ids);
        }
        if let Some(places) = places {
            self.positions.insert(key, places);
        }
        records
    }
}

/// The records of one run of a collection's elements, parsed in order.
struct Part<T> {
    /// The file's index of the run's first element.
    first: usize,
    records: Vec<T>,
    /// The file's index of each record parsed, once an element has been left out (until then
    /// they follow one another from `first`).
    places: Option<Vec<usize>>,
    problems: Problems,
    unparsed_ids: Vec<String>,
}

impl<T: DeserializeOwned> Part<T> {
    /// A record is parsed straight into its type; only one that does not fit is parsed again to
    /// locate the problem.
    fn parse(
        key: &str,
        items: &[&RawValue],
        first: usize,
        behind: &mut Behind,
        problem: &impl Fn(String, String) -> Problem,
    ) -> Self {
        let mut part = Part {
            first,
            records: Vec::with_capacity(items.len()),
            places: None,
            problems: Problems::default(),
            unparsed_ids: Vec::new(),
        };
        for (offset, raw) in items.iter().enumerate() {
            behind.reached(raw.get());
            let index = first + offset;
            // Once the problems listed are full, a record that does not fit is only counted.
            let record = match serde_json::from_str(raw.get()) {
                Ok(record) => Ok(record),
                Err(_) if part.problems.is_full() => Err(None),
                Err(_) => deserialize(raw.get()).map_err(Some),
            };
            match record {
                Ok(record) => {
                    part.records.push(record);
                    if let Some(places) = &mut part.places {
                        places.push(index);
                    }
                }
                Err(failure) => {
                    let parsed = part.records.len();
                    part.places.get_or_insert_with(|| (first..first + parsed).collect());
                    match failure {
                        Some(failure) => part.problems.push(failure.at(problem, &format!("{key}[{index}]"))),
                        None => part.problems.count(),
                    }
                    // Only the id is wanted, to keep references to this record from being reported twice.
                    if let Ok(IdOnly { id: Some(id) }) = serde_json::from_str(raw.get()) {
                        part.unparsed_ids.push(id);
                    }
                }
            }
        }
        part
    }
}

/// The id of a record that did not parse, if it has one.
#[derive(serde::Deserialize)]
struct IdOnly {
    id: Option<String>,
}

/// Why a piece of JSON did not become a value.
enum Failure {
    /// Not JSON at all: where, and what serde_json said.
    Syntax { line: usize, column: usize, message: String },
    /// JSON of the wrong shape: the JSON path inside the piece, and what is wrong.
    Shape { path: String, message: String },
}

impl Failure {
    fn at(self, problem: &impl Fn(String, String) -> Problem, prefix: &str) -> Problem {
        match self {
            Failure::Syntax { line, column, message } if prefix.is_empty() => {
                problem(format!("line {line}, column {column}"), format!("invalid JSON: {message}"))
            }
            Failure::Syntax { message, .. } => problem(prefix.to_owned(), message),
            Failure::Shape { path, message } => problem(join(prefix, &path), message),
        }
    }
}

fn deserialize<'a, T: serde::Deserialize<'a>>(text: &'a str) -> Result<T, Failure> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(|e| {
        let path = e.path().to_string();
        classify(if path == "." { String::new() } else { path }, &e.into_inner())
    })?;
    // Trailing text after the document is a syntax error too.
    deserializer.end().map_err(|e| classify(String::new(), &e))?;
    Ok(value)
}

fn classify(path: String, inner: &serde_json::Error) -> Failure {
    // serde_json appends " at line L column C"; the location is reported separately.
    let full = inner.to_string();
    let message = full.split(" at line ").next().unwrap_or(&full).to_owned();
    if inner.is_syntax() || inner.is_eof() {
        Failure::Syntax { line: inner.line(), column: inner.column(), message }
    } else {
        Failure::Shape { path, message }
    }
}

fn join(prefix: &str, path: &str) -> String {
    match path {
        "" => prefix.to_owned(),
        p if p.starts_with('[') => format!("{prefix}{p}"),
        p => format!("{prefix}.{p}"),
    }
}

#[cfg(test)]
mod tests {
    use super::{BUNDLED, compiled_bundled};
    use crate::model::{Dataset, DatasetFile};

    #[test]
    fn the_compiled_bundled_data_equals_the_json_it_came_from() {
        // What a release build reads unchecked passes rkyv's validation.
        assert!(rkyv::access::<rkyv::Archived<DatasetFile>, rkyv::rancor::Error>(&super::COMPILED_BUNDLED.0).is_ok());
        let compiled = compiled_bundled().expect("build.rs compiled the bundled dataset");
        let parsed: DatasetFile = serde_json::from_str(BUNDLED).expect("the bundled JSON parses");
        assert_eq!(compiled, Dataset::new(parsed).file);
        // And back to the same JSON, as `export` writes it.
        let exported: DatasetFile = serde_json::from_str(&serde_json::to_string(&compiled).unwrap()).unwrap();
        assert_eq!(exported, compiled);
    }
}
