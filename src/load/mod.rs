//! Bytes → checked dataset: parse each file, merge them in order, validate the result.

mod validate;

use std::path::Path;

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::error::{Error, Problem, Result};
use crate::model::{Dataset, DatasetFile};

/// The bundled dataset, compiled into the binary.
pub const BUNDLED: &str = include_str!("../../data/bolivia.json");
pub const BUNDLED_NAME: &str = "<bundled>";

/// One dataset document to load, with the name its problems are reported under.
pub struct Input {
    pub name: String,
    pub bytes: Vec<u8>,
}

impl Input {
    pub fn bundled() -> Self {
        Self { name: BUNDLED_NAME.into(), bytes: BUNDLED.as_bytes().to_vec() }
    }

    /// Read a file named on the command line (`-` is standard input).
    pub fn read(path: &Path) -> Result<Self> {
        let name = path.display().to_string();
        let bytes = if path == Path::new("-") {
            let mut buffer = Vec::new();
            std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut buffer)
                .map_err(|source| Error::Read { path: "standard input".into(), source })?;
            buffer
        } else {
            if path.is_dir() {
                return Err(Error::Read {
                    path: name,
                    source: std::io::Error::new(
                        std::io::ErrorKind::InvalidInput,
                        "it is a directory, not a dataset file",
                    ),
                });
            }
            std::fs::read(path).map_err(|source| Error::Read { path: name.clone(), source })?
        };
        Ok(Self { name, bytes })
    }
}

/// Load, merge and validate: a later record with the same id (for relationships, the same pair)
/// replaces the earlier one. Every problem in every file is reported, not just the first.
pub fn load(inputs: &[Input]) -> Result<Dataset> {
    let mut problems = Vec::new();
    let mut files = Vec::new();
    let mut unparsed_actors = Vec::new();
    for input in inputs {
        let mut parsed = parse(input);
        problems.append(&mut parsed.problems);
        unparsed_actors.append(&mut parsed.unparsed_actors);
        files.push(validate::FileRecords { name: input.name.as_str(), file: parsed.file, positions: parsed.positions });
    }
    let merged = validate::merge_and_check(files, &unparsed_actors, &mut problems);
    if problems.is_empty() { Ok(Dataset::new(merged)) } else { Err(Error::InvalidData(problems)) }
}

/// What parsing one document gives: the records that fit, a problem for each that does not,
/// and the ids of actors that did not fit (so references to them are not reported as dangling).
pub struct Parsed {
    pub file: DatasetFile,
    pub problems: Vec<Problem>,
    pub unparsed_actors: Vec<String>,
    /// For each collection, the index in the file of each record that parsed, so later
    /// problems name the record's own place even when an earlier one was left out.
    pub positions: Positions,
}

pub type Positions = std::collections::HashMap<&'static str, Vec<usize>>;

/// Parse one document into records, collecting a problem for each record that does not fit.
pub fn parse(input: &Input) -> Parsed {
    let mut parsed = Parsed {
        file: DatasetFile::default(),
        problems: Vec::new(),
        unparsed_actors: Vec::new(),
        positions: Positions::new(),
    };
    match parse_records(input, &mut parsed) {
        Ok(()) => {}
        Err(problem) => parsed.problems.push(problem),
    }
    parsed
}

fn parse_records(input: &Input, parsed: &mut Parsed) -> Result<(), Problem> {
    let problem = |location: String, message: String| Problem { file: input.name.clone(), location, message };
    let text = match std::str::from_utf8(&input.bytes) {
        Ok(text) => text.strip_prefix('\u{feff}').unwrap_or(text),
        Err(e) => {
            return Err(problem(String::new(), format!("not UTF-8 text (invalid byte at offset {})", e.valid_up_to())));
        }
    };
    let value: Value = serde_json::from_str(text).map_err(|e| {
        let message = e.to_string();
        // serde_json appends " at line L column C"; the location goes in front instead.
        let message = message.split(" at line ").next().unwrap_or(&message).to_owned();
        problem(format!("line {}, column {}", e.line(), e.column()), format!("invalid JSON: {message}"))
    })?;
    let Value::Object(top) = value else {
        return Err(problem(
            String::new(),
            format!("expected a JSON object at the top level, found {}", kind_of(&value)),
        ));
    };

    let Parsed { file, problems, unparsed_actors, positions } = parsed;
    for (key, value) in top {
        match key.as_str() {
            "dataset" => match from_value(value) {
                Ok(info) => file.dataset = Some(info),
                Err((path, message)) => problems.push(problem(join("dataset", &path), message)),
            },
            "sources" => file.sources = records("sources", value, problems, &problem, positions, &mut Vec::new()),
            "actors" => file.actors = records("actors", value, problems, &problem, positions, unparsed_actors),
            "relationships" => {
                file.relationships = records("relationships", value, problems, &problem, positions, &mut Vec::new());
            }
            "events" => file.events = records("events", value, problems, &problem, positions, &mut Vec::new()),
            "figures" => file.figures = records("figures", value, problems, &problem, positions, &mut Vec::new()),
            _ => problems.push(problem(
                crate::model::shorten(&key).into_owned(),
                "unknown field; expected dataset, sources, actors, relationships, events or figures".into(),
            )),
        }
    }
    Ok(())
}

/// Each element of a collection on its own, so that one bad record does not hide the others.
fn records<T: DeserializeOwned>(
    key: &'static str,
    value: Value,
    problems: &mut Vec<Problem>,
    problem: &impl Fn(String, String) -> Problem,
    positions: &mut Positions,
    unparsed_ids: &mut Vec<String>,
) -> Vec<T> {
    let Value::Array(items) = value else {
        problems.push(problem(key.to_owned(), format!("expected an array, found {}", kind_of(&value))));
        return Vec::new();
    };
    let mut parsed = Vec::with_capacity(items.len());
    let places = positions.entry(key).or_default();
    for (index, item) in items.into_iter().enumerate() {
        let id = item.get("id").and_then(Value::as_str).map(str::to_owned);
        match from_value(item) {
            Ok(record) => {
                parsed.push(record);
                places.push(index);
            }
            Err((path, message)) => {
                problems.push(problem(join(&format!("{key}[{index}]"), &path), message));
                unparsed_ids.extend(id);
            }
        }
    }
    parsed
}

fn from_value<T: DeserializeOwned>(value: Value) -> Result<T, (String, String)> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        (if path == "." { String::new() } else { path }, e.into_inner().to_string())
    })
}

fn join(prefix: &str, path: &str) -> String {
    match path {
        "" => prefix.to_owned(),
        p if p.starts_with('[') => format!("{prefix}{p}"),
        p => format!("{prefix}.{p}"),
    }
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
