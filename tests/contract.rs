//! The JSON contract in the README, checked: every command it lists is run on the bundled data
//! and its JSON (or each NDJSON line) must have the keys and types the README's `contract` block
//! gives, and no others; and CSV reads back with typed columns.

mod common;

use std::collections::BTreeMap;

use common::run;
use serde_json::Value;

/// A key of a shape: its type, and whether it may be left out.
#[derive(Debug, Clone)]
struct Key {
    kind: String,
    optional: bool,
}

#[derive(Debug, Clone, Default)]
struct Shape {
    /// A record of `relations schema` this shape starts from, if any.
    base: Option<String>,
    keys: BTreeMap<String, Key>,
}

struct Contract {
    shapes: BTreeMap<String, Shape>,
    /// The command's arguments, whether its output is one value per line, and the type.
    commands: Vec<(Vec<String>, bool, String)>,
    schema: Value,
}

fn contract() -> Contract {
    let readme = include_str!("../README.md");
    let block = readme.split("```contract\n").nth(1).expect("the README has a contract block");
    let block = &block[..block.find("```").expect("the contract block ends")];
    let mut shapes = BTreeMap::new();
    let mut commands = Vec::new();
    for line in block.lines().filter(|l| !l.trim().is_empty()) {
        if let Some(rest) = line.strip_prefix("shape ") {
            let mut words = rest.split_whitespace().peekable();
            let name = words.next().expect("a shape's name").to_owned();
            let mut shape = Shape::default();
            if words.peek() == Some(&"=") {
                words.next();
                shape.base = Some(words.next().expect("a record after =").to_owned());
            }
            for word in words {
                let (key, kind) = word.split_once(':').unwrap_or_else(|| panic!("key:type, not {word}"));
                let (key, optional) = key.strip_suffix('?').map_or((key, false), |k| (k, true));
                shape.keys.insert(key.to_owned(), Key { kind: kind.to_owned(), optional });
            }
            shapes.insert(name, shape);
        } else {
            let (args, per_line, kind) = match (line.split_once(" -> "), line.split_once(" => ")) {
                (Some((args, kind)), _) => (args, false, kind),
                (None, Some((args, kind))) => (args, true, kind),
                _ => panic!("a command line has -> or =>: {line}"),
            };
            commands.push((args.split_whitespace().map(str::to_owned).collect(), per_line, kind.trim().to_owned()));
        }
    }
    let schema = run(&["schema", "--json"]).json();
    Contract { shapes, commands, schema }
}

impl Contract {
    /// The record's properties and required keys in `relations schema`; `DatasetFile` is the
    /// schema's root.
    fn record(&self, name: &str) -> (&serde_json::Map<String, Value>, Vec<String>) {
        let def = if name == "DatasetFile" { &self.schema } else { &self.schema["$defs"][name] };
        let properties = def["properties"].as_object().unwrap_or_else(|| panic!("no record {name} in the schema"));
        let required = def["required"]
            .as_array()
            .map_or_else(Vec::new, |r| r.iter().map(|k| k.as_str().expect("a key").to_owned()).collect());
        (properties, required)
    }

    /// The simple JSON type of a schema property, following one `$ref`, if it has one.
    fn schema_type<'s>(&'s self, property: &'s Value) -> Option<&'s str> {
        let property = match property["$ref"].as_str() {
            Some(reference) => &self.schema["$defs"][reference.rsplit('/').next().unwrap_or_default()],
            None => property,
        };
        property["type"].as_str()
    }

    /// Every way `value` breaks the type, with where.
    fn check(&self, value: &Value, kind: &str, at: &str, problems: &mut Vec<String>) {
        if kind.contains('|') && !kind.starts_with('[') {
            let alternatives: Vec<&str> = kind.split('|').collect();
            let fits = alternatives.iter().any(|alternative| {
                let mut mine = Vec::new();
                self.check(value, alternative, at, &mut mine);
                mine.is_empty()
            });
            if !fits {
                problems.push(format!("{at}: {value} is none of {kind}"));
            }
            return;
        }
        if let Some(inner) = kind.strip_prefix('[').and_then(|k| k.strip_suffix(']')) {
            match value.as_array() {
                Some(items) => {
                    for (i, item) in items.iter().enumerate() {
                        self.check(item, inner, &format!("{at}[{i}]"), problems);
                    }
                }
                None => problems.push(format!("{at}: expected a list of {inner}, found {value}")),
            }
            return;
        }
        let fits = match kind {
            "string" => value.is_string(),
            "int" => value.is_i64() || value.is_u64(),
            "number" => value.is_number(),
            "bool" => value.is_boolean(),
            "null" => value.is_null(),
            "any" => true,
            shape => return self.check_shape(value, shape, at, problems),
        };
        if !fits {
            problems.push(format!("{at}: expected {kind}, found {value}"));
        }
    }

    fn check_shape(&self, value: &Value, name: &str, at: &str, problems: &mut Vec<String>) {
        let shape = self.shapes.get(name).unwrap_or_else(|| panic!("the contract names no shape {name}"));
        let Some(object) = value.as_object() else {
            problems.push(format!("{at}: expected a {name} object, found {value}"));
            return;
        };
        for (key, item) in object {
            let here = format!("{at}.{key}");
            if let Some(own) = shape.keys.get(key) {
                self.check(item, &own.kind, &here, problems);
                continue;
            }
            let from_record = shape.base.as_deref().map(|base| self.record(base).0).and_then(|p| p.get(key));
            match from_record {
                Some(property) => {
                    let fits = match self.schema_type(property) {
                        Some("string") => item.is_string(),
                        Some("integer") => item.is_i64() || item.is_u64(),
                        Some("boolean") => item.is_boolean(),
                        Some("array") => item.is_array(),
                        Some("object") => item.is_object(),
                        _ => true,
                    };
                    if !fits {
                        problems.push(format!("{here}: {item} is not of the type `relations schema` gives"));
                    }
                }
                None => problems.push(format!("{here}: a key the contract for {name} does not list")),
            }
        }
        for (key, own) in &shape.keys {
            if !own.optional && !object.contains_key(key) {
                problems.push(format!("{at}: {name} lacks `{key}`"));
            }
        }
        if let Some(base) = &shape.base {
            for key in self.record(base).1 {
                if !shape.keys.contains_key(&key) && !object.contains_key(&key) {
                    problems.push(format!("{at}: {name} lacks `{key}`, which {base} requires"));
                }
            }
        }
    }
}

#[test]
fn every_command_in_the_readme_contract_writes_json_of_the_documented_keys_and_types() {
    let contract = contract();
    assert!(contract.commands.len() >= 30, "the contract lists the commands: {}", contract.commands.len());
    let mut problems = Vec::new();
    for (args, per_line, kind) in &contract.commands {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let output = run(&args);
        assert_eq!(output.code, 0, "{args:?}: {}", output.stderr);
        let what = args.join(" ");
        if *per_line {
            assert!(!output.stdout.is_empty(), "{what}: no lines");
            for (n, line) in output.lines().iter().enumerate() {
                let value: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{what} line {n}: {e}"));
                contract.check(&value, kind, &format!("{what} line {}", n + 1), &mut problems);
            }
        } else {
            contract.check(&output.json(), kind, &what, &mut problems);
        }
    }
    problems.truncate(20);
    assert!(problems.is_empty(), "the output drifted from the README's contract:\n{}", problems.join("\n"));
}

#[test]
fn a_shape_the_output_does_not_match_is_reported() {
    // The checker itself can fail: a key too many, a key missing, a wrong type.
    let contract = contract();
    let mut problems = Vec::new();
    let value = serde_json::json!({"tag": "gas", "events": "3", "extra": 1});
    contract.check(&value, "tag", "$", &mut problems);
    assert_eq!(problems.len(), 3, "{problems:?}");
}

#[test]
fn every_json_key_is_a_snake_case_identifier() {
    fn walk(value: &Value, at: &str, bad: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                for (key, item) in map {
                    let snake = key.starts_with(|c: char| c.is_ascii_lowercase())
                        && key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
                    if !snake {
                        bad.push(format!("{at}.{key}"));
                    }
                    walk(item, &format!("{at}.{key}"), bad);
                }
            }
            Value::Array(items) => items.iter().for_each(|item| walk(item, at, bad)),
            _ => {}
        }
    }
    let mut bad = Vec::new();
    for (args, per_line, _) in contract().commands {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let output = run(&args);
        if per_line {
            for line in output.lines() {
                walk(&serde_json::from_str(line).unwrap(), &args.join(" "), &mut bad);
            }
        } else {
            walk(&output.json(), &args.join(" "), &mut bad);
        }
    }
    assert!(bad.is_empty(), "keys that are not snake_case: {bad:?}");
}

#[test]
fn validate_json_reports_invalid_files_as_problems_on_stdout_with_exit_3() {
    let contract = contract();
    let broken = common::fixture("invalid/syntax-error.json");
    let output = run(&["validate", &broken, "--json"]);
    assert_eq!(output.code, 3, "{}", output.stderr);
    let report = output.json();
    let mut problems = Vec::new();
    contract.check(&report, "validation", "validate --json", &mut problems);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(report["valid"], false);
    let problem = &report["problems"][0];
    assert_eq!(problem["file"], broken.as_str());
    assert!(problem["line"].as_u64().is_some_and(|line| line > 0), "{problem}");
    assert!(problem["path"].is_null(), "a syntax error has no JSON path: {problem}");
    let missing = run(&["validate", "/nonexistent/relations.json", "--json"]);
    assert_eq!(missing.code, 3);
    assert!(missing.json()["problems"][0]["message"].as_str().unwrap().contains("cannot read"));
}
