//! Compiled datasets that no validation would pass, as someone who can write the cache could
//! forge them (with every checksum to match): every command answers them without a panic, and
//! without a control character from their text reaching the output.

use clap::Parser;
use relations::cli::Cli;
use relations::load::cache::{Cache, HEADER};
use relations::model::{Dataset, DatasetFile};
use relations::render::{Format, Output};
use serde_json::{Value, json};

const KEY: u128 = 1;

/// What a command writes from the dataset in the cache, read as the command reads it (an error
/// is sanitized where it is printed, in `main`).
fn answer(cache: &Cache, args: &[&str]) -> String {
    let cli = Cli::try_parse_from(std::iter::once("relations").chain(args.iter().copied())).expect("arguments parse");
    let data = cache.get(KEY, |head| relations::commands::want(&cli, head)).expect("the entry reads back");
    let mut bytes = Vec::new();
    let mut out =
        Output { out: &mut bytes, format: cli.format.unwrap_or(Format::Plain), color: false, width: 100, fields: None };
    let _ = relations::commands::run_on(&cli, &data, &mut out);
    String::from_utf8_lossy(&bytes).into_owned()
}

/// `small.json` changed as no validation would let it be.
fn unvalidated(case: usize) -> Value {
    let mut v: Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/small.json")).unwrap(),
    )
    .unwrap();
    let each = |v: &mut Value, key: &str, change: &dyn Fn(&mut Value)| {
        v[key].as_array_mut().unwrap().iter_mut().for_each(change)
    };
    match case {
        0 => {
            let actors = v["actors"].as_array().unwrap().clone();
            v["actors"].as_array_mut().unwrap().extend(actors);
        }
        1 => each(&mut v, "events", &|e| e["actors"] = json!(["nobody", "atlantis", "atlantis"])),
        2 => each(&mut v, "relationships", &|r| r["between"] = json!(["atlantis", "atlantis"])),
        3 => each(&mut v, "relationships", &|r| r["between"] = json!(["nobody", "other"])),
        4 => each(&mut v, "actors", &|a| {
            a["name"] = json!("");
            a["summary"] = json!("");
            for role in a.get_mut("roles").and_then(Value::as_array_mut).into_iter().flatten() {
                role["of"] = json!("nobody");
                role["from_event"] = json!("no-event");
                role["to_event"] = json!("no-other-event");
            }
        }),
        5 => each(&mut v, "events", &|e| {
            e["title"] = json!("");
            e["summary"] = json!("");
            e["after"] = json!([e["id"].clone()]);
            e["sources"] = json!([{"source": "nowhere", "section": "none"}]);
        }),
        6 => v["dataset"]["subject"] = json!("nobody"),
        7 => each(&mut v, "relationships", &|r| {
            r["periods"] = json!([{"from": "2010", "to": "1900", "tone": 2, "label": ""}, {"from": "1800", "tone": -2, "label": "x"}]);
        }),
        8 => each(&mut v, "figures", &|f| {
            f["from"] = json!("nobody");
            f["to"] = json!("nobody");
        }),
        9 => {
            v["events"].as_array_mut().unwrap().reverse();
            each(&mut v, "events", &|e| e["id"] = json!("same"));
        }
        10 => each(&mut v, "actors", &|a| {
            a["name"] = json!("\u{1b}[31mred\u{7}");
            if a.get("members").is_some() {
                a["members"] = json!([{"actor": "nobody"}, {"actor": a["id"].clone()}]);
            }
        }),
        11 => drop(v.as_object_mut().unwrap().remove("dataset")),
        12 => each(&mut v, "events", &|e| {
            e["date"] = json!("2010");
            e["end"] = json!("1800");
        }),
        13 => v["actors"] = json!([]),
        _ => v["sources"] = json!([]),
    }
    v
}

/// An id no parser would take (it carries an escape sequence) put in the place of every
/// `atlantis` of the head, with the head's checksum to match.
fn forge_ids(cache: &Cache) {
    let entry = std::fs::read_dir(cache.dir()).unwrap().map(|e| e.unwrap().path()).find(|p| p.is_file()).unwrap();
    let mut bytes = std::fs::read(&entry).unwrap();
    let head = HEADER + usize::try_from(u64::from_le_bytes(bytes[48..56].try_into().unwrap())).unwrap();
    let mut forged = 0;
    for at in head..bytes.len() - 8 {
        if &bytes[at..at + 8] == b"atlantis" {
            bytes[at..at + 8].copy_from_slice(b"at\x1b[31ms");
            forged += 1;
        }
    }
    assert!(forged > 0, "ids are found in the head");
    let checksum = xxhash_rust::xxh3::xxh3_64(&bytes[head..]);
    bytes[40..48].copy_from_slice(&checksum.to_le_bytes());
    std::fs::write(&entry, bytes).unwrap();
}

#[test]
fn every_command_answers_a_forged_dataset_that_no_validation_would_pass_without_a_panic_or_a_control_character() {
    let mut commands: Vec<Vec<&str>> = vec![
        vec!["info"],
        vec!["export"],
        vec!["list"],
        vec!["list", "relationships"],
        vec!["figures"],
        vec!["events"],
        vec!["events", "2008"],
        vec!["events", "1800..2020", "--reverse"],
        vec!["timeline"],
        vec!["timeline", "2000..2010"],
        vec!["graph"],
        vec!["search", "atlantis"],
        vec!["search", "\"oil deal\""],
        vec!["compare", "atlantis", "lemuria"],
    ];
    for id in ["atlantis", "at\x1b[31ms", "lemuria", "ocean-league", "ana-nunez", "nobody", "same"] {
        commands.extend([vec!["show", id], vec!["show", id, "--as-of", "2005"], vec!["cite", id]]);
        commands.push(vec!["events", "--actor", id]);
    }
    let mut failures = Vec::new();
    for case in 0..=15 {
        let file: DatasetFile = serde_json::from_value(unvalidated(case)).expect("the shape is a dataset's");
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path().join("cache"));
        cache.put(KEY, &Dataset::new(file)).unwrap();
        if case == 15 {
            forge_ids(&cache);
        }
        for command in &commands {
            for format in ["plain", "table", "json", "csv"] {
                let args: Vec<&str> = ["--format", format].into_iter().chain(command.iter().copied()).collect();
                match std::panic::catch_unwind(|| answer(&cache, &args)) {
                    Err(_) => failures.push(format!("case {case}: {args:?} panicked")),
                    Ok(text) if text.chars().any(|c| c.is_control() && c != '\n' && c != '\t') => {
                        failures.push(format!("case {case}: {args:?} wrote a control character"));
                    }
                    Ok(_) => {}
                }
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
