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
    for input in inputs {
        match parse(input) {
            Ok(file) => files.push((input.name.as_str(), file)),
            Err(mut found) => problems.append(&mut found),
        }
    }
    let merged = validate::merge_and_check(files, &mut problems);
    if problems.is_empty() { Ok(Dataset::new(merged)) } else { Err(Error::InvalidData(problems)) }
}

/// Parse one document into records, collecting a problem for each record that does not fit.
pub fn parse(input: &Input) -> Result<DatasetFile, Vec<Problem>> {
    let problem = |location: String, message: String| Problem { file: input.name.clone(), location, message };
    let text = match std::str::from_utf8(&input.bytes) {
        Ok(text) => text.strip_prefix('\u{feff}').unwrap_or(text),
        Err(e) => {
            return Err(vec![problem(
                String::new(),
                format!("not UTF-8 text (invalid byte at offset {})", e.valid_up_to()),
            )]);
        }
    };
    let value: Value = serde_json::from_str(text).map_err(|e| {
        let message = e.to_string();
        // serde_json appends " at line L column C"; the location goes in front instead.
        let message = message.split(" at line ").next().unwrap_or(&message).to_owned();
        vec![problem(format!("line {}, column {}", e.line(), e.column()), format!("invalid JSON: {message}"))]
    })?;
    let Value::Object(top) = value else {
        return Err(vec![problem(
            String::new(),
            format!("expected a JSON object at the top level, found {}", kind_of(&value)),
        )]);
    };

    let mut file = DatasetFile::default();
    let mut problems = Vec::new();
    for (key, value) in top {
        match key.as_str() {
            "dataset" => match from_value(value) {
                Ok(info) => file.dataset = Some(info),
                Err((path, message)) => problems.push(problem(join("dataset", &path), message)),
            },
            "sources" => file.sources = records(&key, value, &mut problems, &problem),
            "actors" => file.actors = records(&key, value, &mut problems, &problem),
            "relationships" => file.relationships = records(&key, value, &mut problems, &problem),
            "events" => file.events = records(&key, value, &mut problems, &problem),
            "figures" => file.figures = records(&key, value, &mut problems, &problem),
            _ => problems.push(problem(
                crate::model::shorten(&key).into_owned(),
                "unknown field; expected dataset, sources, actors, relationships, events or figures".into(),
            )),
        }
    }
    if problems.is_empty() { Ok(file) } else { Err(problems) }
}

/// Each element of a collection on its own, so that one bad record does not hide the others.
fn records<T: DeserializeOwned>(
    key: &str,
    value: Value,
    problems: &mut Vec<Problem>,
    problem: &impl Fn(String, String) -> Problem,
) -> Vec<T> {
    let Value::Array(items) = value else {
        problems.push(problem(key.to_owned(), format!("expected an array, found {}", kind_of(&value))));
        return Vec::new();
    };
    let mut parsed = Vec::with_capacity(items.len());
    for (index, item) in items.into_iter().enumerate() {
        match from_value(item) {
            Ok(record) => parsed.push(record),
            Err((path, message)) => problems.push(problem(join(&format!("{key}[{index}]"), &path), message)),
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
