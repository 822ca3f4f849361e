//! Render one loaded dataset through every command and every format and check what comes out:
//! no raw control, bidi or line-separator character in a terminal format (table, plain, CSV),
//! CSV that a CSV reader reads back to the dataset's text, JSON that parses. Shared by the
//! property test in `tests/properties.rs` and the fuzz target `fuzz_targets/render_dataset.rs`.
#![allow(dead_code)]

use clap::Parser;
use relations::cli::Cli;
use relations::model::Dataset;
use relations::render::{Output, csv_cell};

const FORMATS: &[&str] = &["table", "plain", "csv", "json", "ndjson", "mermaid", "dot"];

fn is_raw_control(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}')
}

/// Every command that reads the data, with arguments naming records of this dataset.
fn commands(data: &Dataset) -> Vec<Vec<String>> {
    let mut commands: Vec<Vec<String>> = [
        &["list", "actors"][..],
        &["list", "events"],
        &["list", "figures"],
        &["list", "relationships"],
        &["list", "types"],
        &["events"],
        &["timeline"],
        &["figures"],
        &["graph"],
        &["info"],
        &["export"],
    ]
    .iter()
    .map(|args| args.iter().map(|a| (*a).to_owned()).collect())
    .collect();
    let actors = data.actors();
    if let Some(first) = actors.first() {
        commands.push(vec!["show".into(), first.id.to_string()]);
        commands.push(vec!["cite".into(), first.id.to_string()]);
        // `--` first: a generated name may begin with a hyphen.
        commands.push(vec!["search".into(), "--".into(), first.name.clone()]);
        commands.push(vec!["graph".into(), "--actor".into(), first.id.to_string()]);
    }
    // A card names the subject beside each other actor's tone with it.
    for actor in actors.iter().take(3) {
        commands.push(vec!["show".into(), actor.id.to_string(), "--brief".into()]);
    }
    if let [first, second, ..] = actors {
        commands.push(vec!["compare".into(), first.id.to_string(), second.id.to_string()]);
    }
    if let Some(event) = data.events().first() {
        commands.push(vec!["cite".into(), event.id.to_string()]);
    }
    if let Some(rel) = data.relationships().first() {
        commands.push(vec!["cite".into(), format!("{}--{}", rel.between[0], rel.between[1])]);
    }
    commands
}

/// Run one command on the loaded data; its output, or None when it failed (a format the
/// command cannot write, an ambiguous name).
fn render(data: &Dataset, format: &str, args: &[String]) -> Option<String> {
    let argv = ["relations", "--format", format].into_iter().map(str::to_owned).chain(args.iter().cloned());
    let cli = Cli::try_parse_from(argv).expect("the arguments parse");
    let format = cli.format.expect("a format is given");
    let mut bytes = Vec::new();
    let mut out = Output { out: &mut bytes, format, color: false, width: 80, fields: None };
    relations::commands::run_on(&cli, data, &mut out).ok()?;
    Some(String::from_utf8(bytes).expect("output is UTF-8"))
}

/// Panics, saying where, when any output breaks a rule.
pub fn check_every_format(data: &Dataset) {
    for args in commands(data) {
        for format in FORMATS {
            let Some(text) = render(data, format, &args) else { continue };
            let what = format!("{args:?} --format {format}");
            if matches!(*format, "table" | "plain" | "csv")
                && let Some(c) = text.chars().find(|&c| is_raw_control(c))
            {
                panic!("{what}: a raw {c:?} reached the output:\n{text}");
            }
            match *format {
                "csv" => check_csv(data, &args, &text, &what),
                "json" => {
                    serde_json::from_str::<serde_json::Value>(&text).unwrap_or_else(|e| panic!("{what}: {e}\n{text}"));
                }
                "ndjson" => {
                    for line in text.lines() {
                        serde_json::from_str::<serde_json::Value>(line)
                            .unwrap_or_else(|e| panic!("{what}: {e}\n{line}"));
                    }
                }
                _ => {}
            }
        }
    }
}

/// Every row as wide as the header; `list actors` reads back to each actor's name as the CSV
/// cell rule writes it (the name itself, for ordinary text).
fn check_csv(data: &Dataset, args: &[String], text: &str, what: &str) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap_or_else(|e| panic!("{what}: {e}")).clone();
    let rows: Vec<csv::StringRecord> =
        reader.records().map(|r| r.unwrap_or_else(|e| panic!("{what}: {e}\n{text}"))).collect();
    for row in &rows {
        assert_eq!(row.len(), headers.len(), "{what}: a row of another width\n{text}");
    }
    if args == ["list", "actors"] {
        assert_eq!(rows.len(), data.actors().len(), "{what}: one row per actor");
        let name = headers.iter().position(|h| h == "name").expect("a name column");
        for row in &rows {
            let actor = data.actors().iter().find(|a| a.id.as_str() == &row[0]).expect("an actor's id");
            assert_eq!(&row[name], csv_cell(&actor.name, None), "{what}: the name of {}", actor.id);
        }
    }
}
