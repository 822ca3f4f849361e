//! The bundled dataset, validation of broken datasets, and export/load round trips.

mod common;

use std::collections::HashSet;

use common::{assert_error, assert_problem, fixture, run};
use serde_json::Value;

fn export() -> Value {
    let run = run(&["export"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.json()
}

#[test]
fn bundled_dataset_validates() {
    let run = run(&["validate", &format!("{}/data/bolivia.json", env!("CARGO_MANIFEST_DIR"))]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("ok: 1 file valid"), "{}", run.stdout);
}

#[test]
fn bundled_dataset_has_every_kind_of_record_in_number() {
    let data = export();
    let count = |key: &str| data[key].as_array().map_or(0, Vec::len);
    assert!(count("actors") >= 50, "actors: {}", count("actors"));
    assert!(count("events") >= 40, "events: {}", count("events"));
    assert!(count("relationships") >= 10, "relationships: {}", count("relationships"));
    assert!(count("figures") >= 10, "figures: {}", count("figures"));
    for kind in ["country", "bloc", "person", "organisation"] {
        assert!(data["actors"].as_array().unwrap().iter().any(|a| a["kind"] == kind), "no {kind}");
    }
    assert_eq!(data["dataset"]["subject"], "bolivia");
}

#[test]
fn every_id_in_the_bundled_dataset_is_unique_within_its_collection() {
    let data = export();
    for key in ["actors", "events", "figures"] {
        let ids: Vec<&str> = data[key].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect();
        let unique: HashSet<&&str> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len(), "duplicate ids in {key}");
    }
    let pairs: Vec<(String, String)> = data["relationships"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let mut pair = [r["between"][0].as_str().unwrap().to_owned(), r["between"][1].as_str().unwrap().to_owned()];
            pair.sort();
            (pair[0].clone(), pair[1].clone())
        })
        .collect();
    assert_eq!(pairs.iter().collect::<HashSet<_>>().len(), pairs.len(), "duplicate relationship pairs");
}

#[test]
fn every_reference_in_the_bundled_dataset_resolves() {
    let data = export();
    let actors: HashSet<&str> = data["actors"].as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap()).collect();
    let sections: HashSet<(String, String)> = data["sources"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| {
            s["sections"]
                .as_array()
                .unwrap()
                .iter()
                .map(move |x| (s["id"].as_str().unwrap().to_owned(), x["id"].as_str().unwrap().to_owned()))
        })
        .collect();
    let mut references = Vec::new();
    for actor in data["actors"].as_array().unwrap() {
        references.extend(actor["members"].as_array().into_iter().flatten().map(|m| m["actor"].clone()));
        references.extend(actor["roles"].as_array().into_iter().flatten().filter_map(|r| r.get("of").cloned()));
        references.extend(actor.get("based_in").cloned());
    }
    for rel in data["relationships"].as_array().unwrap() {
        references.extend(rel["between"].as_array().unwrap().iter().cloned());
    }
    for event in data["events"].as_array().unwrap() {
        assert!(!event["actors"].as_array().unwrap().is_empty(), "{} has no actors", event["id"]);
        references.extend(event["actors"].as_array().unwrap().iter().cloned());
    }
    for figure in data["figures"].as_array().unwrap() {
        references.extend(["from", "to"].iter().filter_map(|k| figure.get(*k).cloned()));
    }
    for reference in &references {
        assert!(actors.contains(reference.as_str().unwrap()), "dangling reference {reference}");
    }
    for key in ["actors", "relationships", "events", "figures"] {
        for record in data[key].as_array().unwrap() {
            let citations = record["sources"].as_array().unwrap();
            assert!(!citations.is_empty(), "{key} record without sources: {record}");
            for c in citations {
                let pair = (c["source"].as_str().unwrap().to_owned(), c["section"].as_str().unwrap().to_owned());
                assert!(sections.contains(&pair), "unknown section {pair:?}");
            }
        }
    }
}

#[test]
fn bundled_dataset_keeps_the_sources_spellings_and_numbers() {
    let data = export();
    let actor =
        |id: &str| data["actors"].as_array().unwrap().iter().find(|a| a["id"] == id).cloned().unwrap_or(Value::Null);
    assert_eq!(actor("sebastian-pinera")["name"], "Sebastián Piñera");
    let united_states = actor("united-states");
    assert!(united_states["aliases"].as_array().unwrap().iter().any(|a| a == "Washington"), "{united_states}");
    let uk_exports =
        data["figures"].as_array().unwrap().iter().find(|f| f["unit"] == "GBP" && f["kind"] == "exports").unwrap();
    assert_eq!(uk_exports["amount"], 15_500_000);
    let war = data["events"].as_array().unwrap().iter().find(|e| e["type"] == "war").unwrap();
    assert_eq!((war["date"].as_str(), war["end"].as_str()), (Some("1879"), Some("1883")));
    let text = data.to_string().to_lowercase();
    for debris in ["replica", "bitcoin", "louboutin", "oakley", "rolex"] {
        assert!(!text.contains(debris), "page debris '{debris}' in the dataset");
    }
}

#[test]
fn export_loads_back_unchanged() {
    let first = run(&["export"]);
    let dir = std::env::temp_dir().join(format!("relations-roundtrip-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("export.json");
    std::fs::write(&path, &first.stdout).unwrap();
    let second = run(&["--no-bundled", "--data", path.to_str().unwrap(), "export"]);
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(second.code, 0, "{}", second.stderr);
    assert_eq!(first.json(), second.json());
    assert_eq!(first.stdout, second.stdout);
}

/// The bundled dataset written with its collections in reverse order and 5 MiB of spaces after
/// the first record of each, so that the loader gives back the text it has parsed while later
/// records are still to come; `break_record` spoils records on the way.
fn reversed_and_padded(break_record: impl Fn(&str, usize, &mut Value)) -> String {
    let mut data = export();
    let padding = " ".repeat(5 << 20);
    let mut text = String::from("{");
    for key in ["figures", "events", "relationships", "actors", "sources"] {
        let records = data[key].as_array_mut().unwrap();
        for (index, record) in records.iter_mut().enumerate() {
            break_record(key, index, record);
        }
        let mut records = records.iter().map(Value::to_string);
        let first = records.next().unwrap();
        let rest: String = records.map(|record| format!(",{record}")).collect();
        text += &format!("\"{key}\": [{first}{padding}{rest}],\n");
    }
    text + &format!("\"dataset\": {}}}", data["dataset"])
}

#[test]
fn a_dataset_loads_the_same_whatever_the_order_of_its_collections_and_its_size() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("reversed.json");
    std::fs::write(&path, reversed_and_padded(|_, _, _| {})).unwrap();
    let reread = run(&["--no-bundled", "--no-cache", "--data", path.to_str().unwrap(), "export"]);
    assert_eq!(reread.code, 0, "{}", reread.stderr);
    assert_eq!(reread.stdout, run(&["export"]).stdout);
}

#[test]
fn problems_deep_in_a_large_file_are_located_and_listed_in_the_usual_order() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("reversed.json");
    let last_event = export()["events"].as_array().unwrap().len() - 1;
    let text = reversed_and_padded(|key, index, record| match (key, index) {
        ("events", i) if i == last_event => record["date"] = Value::from("2008-13"),
        ("actors", 3) => record["colour"] = Value::from("red"),
        _ => {}
    });
    std::fs::write(&path, text).unwrap();
    let path = path.to_str().unwrap();
    let run = run(&["--no-bundled", "--no-cache", "validate", path]);
    assert_error(&run, 3, "2 problems");
    let actor = format!("{path}: actors[3].colour: ");
    let event = format!("{path}: events[{last_event}].date: ");
    assert_problem(&run, "reversed.json", &actor, "unknown field `colour`");
    assert_problem(&run, "reversed.json", &event, "has month 13");
    assert!(run.stderr.find(&actor) < run.stderr.find(&event), "actors come before events:\n{}", run.stderr);
}

/// The small fixture, as JSON to add records to.
fn small_fixture() -> Value {
    serde_json::from_str(&std::fs::read_to_string(fixture("small.json")).unwrap()).unwrap()
}

/// `count` minimal events of the small fixture's subject, the i-th dated `date(i)`.
fn generated_events(count: usize, date: impl Fn(usize) -> String) -> Vec<Value> {
    (0..count)
        .map(|i| {
            serde_json::json!({"id": format!("e{i}"), "date": date(i), "title": "t", "summary": "s", "type": "dispute",
                "actors": ["atlantis"], "tone": 0, "sources": [{"source": "notes", "section": "one"}]})
        })
        .collect()
}

/// A dataset large enough that its events are parsed in two halves on two threads.
#[test]
fn problems_in_both_halves_of_a_large_collection_are_located_by_their_own_place() {
    let small = small_fixture();
    let count = 30_000;
    let mut events = generated_events(count, |_| "2008".into());
    events[100]["date"] = Value::from("2008-13"); // left out in the first half
    events[20_000]["colour"] = Value::from("red"); // left out in the second half
    events[25_000]["id"] = Value::from("e1"); // a duplicate, found once both halves are merged
    let mut data = small.clone();
    data["events"] = Value::from(events);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.json");
    std::fs::write(&path, data.to_string()).unwrap();
    let path = path.to_str().unwrap();
    let run = run(&["--no-bundled", "--no-cache", "validate", path]);
    assert_error(&run, 3, "3 problems");
    assert_problem(&run, "large.json", &format!("{path}: events[100].date: "), "has month 13");
    assert_problem(&run, "large.json", &format!("{path}: events[20000].colour: "), "unknown field `colour`");
    assert_problem(&run, "large.json", &format!("{path}: events[25000]"), "duplicate id 'e1'");

    let mut data = small;
    data["events"] = Value::from(generated_events(count, |i| format!("{}", 1900 + i % 100)));
    std::fs::write(path, data.to_string()).unwrap();
    let listed = common::run(&["--no-bundled", "--no-cache", "--data", path, "events", "--ids"]);
    assert_eq!(listed.code, 0, "{}", listed.stderr);
    assert_eq!(listed.stdout.lines().count(), count, "every event of both halves loads");
}

/// A collection large enough for two threads loads on one when no second thread can be started
/// (a limit on threads or memory; here a stack size no system grants).
#[test]
fn a_large_collection_loads_on_one_thread_when_no_other_can_be_started() {
    let mut data = small_fixture();
    let count = 20_000;
    let mut events = generated_events(count, |_| "2008".into());
    data["events"] = Value::from(events.clone());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.json");
    std::fs::write(&path, data.to_string()).unwrap();
    let path = path.to_str().unwrap();
    let no_thread = |args: &[&str]| {
        let mut command = common::relations();
        command.env("RUST_MIN_STACK", "100000000000000").args(["--color", "never", "--no-bundled", "--no-cache"]);
        common::run_command(command.args(args))
    };
    let listed = no_thread(&["--data", path, "events", "--ids"]);
    assert_eq!(listed.code, 0, "{}", listed.stderr);
    assert_eq!(listed.stdout.lines().count(), count, "every event of both halves loads");

    events[9_999]["date"] = Value::from("2008-13"); // the first half's last
    events[10_000]["colour"] = Value::from("red"); // the second half's first
    data["events"] = Value::from(events);
    std::fs::write(path, data.to_string()).unwrap();
    let run = no_thread(&["validate", path]);
    assert_error(&run, 3, "2 problems");
    assert_problem(&run, "large.json", &format!("{path}: events[9999].date: "), "has month 13");
    assert_problem(&run, "large.json", &format!("{path}: events[10000].colour: "), "unknown field `colour`");
}

#[test]
fn a_user_dataset_replaces_bundled_records_with_the_same_id_and_adds_new_ones() {
    let small = fixture("small.json");
    let merged = run(&["--data", &small, "export"]).json();
    let ids: Vec<&str> = merged["actors"].as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert!(ids.contains(&"atlantis") && ids.contains(&"chile"));
    assert_eq!(merged["dataset"]["id"], "atlantis", "the later file's header wins");

    let replacement = r#"{"actors": [{"id": "chile", "kind": "country", "name": "Chile (edited)", "summary": "x", "iso3": "CHL", "region": "South America", "sources": [{"source": "bir", "section": "chile"}]}]}"#;
    let path = std::env::temp_dir().join(format!("relations-replace-{}.json", std::process::id()));
    std::fs::write(&path, replacement).unwrap();
    let replaced = run(&["--data", path.to_str().unwrap(), "export"]).json();
    std::fs::remove_file(&path).ok();
    let chiles: Vec<&Value> = replaced["actors"].as_array().unwrap().iter().filter(|a| a["id"] == "chile").collect();
    assert_eq!(chiles.len(), 1);
    assert_eq!(chiles[0]["name"], "Chile (edited)");
}

/// Each broken fixture, the message it must produce and where.
const BROKEN: &[(&str, &str, &str)] = &[
    ("syntax-error.json", "line 3, column 1", "invalid JSON"),
    ("wrong-type.json", "events[0].date", "invalid type: integer `2008`, expected a date string"),
    ("unknown-field.json", "events[0].colour", "unknown field `colour`"),
    ("bad-date.json", "events[0].date", "'2008-13' has month 13"),
    ("end-before-date.json", "events[0].end", "2006 is before the event's date 2008"),
    ("tone-out-of-range.json", "events[0].tone", "tone 3 is out of range"),
    ("duplicate-id.json", "events[1]", "duplicate id 'e1'"),
    ("dangling-reference.json", "events[0].actors[0]", "'atlantis' is not the id of any actor"),
    ("unknown-section.json", "events[0].sources[0].section", "source 'bir' has no section 'mars'"),
];

#[test]
fn each_kind_of_invalid_dataset_is_named_with_its_location_and_exits_3() {
    for (file, location, message) in BROKEN {
        let path = fixture(&format!("invalid/{file}"));
        let run = run(&["validate", &path]);
        assert_error(&run, 3, "problem");
        let expected = format!("{path}: {location}: ");
        assert_problem(&run, file, &expected, message);
    }
}

#[test]
fn an_invalid_dataset_given_with_data_does_not_load_and_exits_3() {
    let run = run(&["--data", &fixture("invalid/bad-date.json"), "events"]);
    assert_error(&run, 3, "1 problem in the dataset");
    assert!(run.stdout.is_empty());
}

#[test]
fn validation_lists_every_problem_not_just_the_first() {
    let path = fixture("invalid/several-problems.json");
    let run = run(&["validate", &path]);
    assert_error(&run, 3, "3 problems in the dataset");
    for needle in ["events[0].date", "events[1].actors[0]", "figures[0].id"] {
        assert!(run.stderr.contains(&format!("{path}: {needle}")), "missing {needle}:\n{}", run.stderr);
    }
}

#[test]
fn a_missing_data_file_is_a_one_line_error_with_exit_3() {
    let run = run(&["--data", "missing.json", "show", "chile"]);
    assert_error(&run, 3, "cannot read missing.json");
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
}

#[test]
fn relations_data_names_extra_files_when_no_data_option_is_given() {
    let mut command = common::relations();
    command.env("RELATIONS_DATA", fixture("small.json")).args(["--color", "never", "show", "lemuria"]);
    let run = common::run_command(&mut command);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("Lemuria"));
}

#[test]
fn schema_is_a_json_schema_generated_for_every_collection() {
    let schema = run(&["schema"]).json();
    assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    for key in ["dataset", "sources", "actors", "relationships", "events", "figures"] {
        assert!(schema["properties"][key].is_object(), "schema lacks {key}");
    }
    assert_eq!(schema["additionalProperties"], false, "unknown fields must be rejected");
    assert!(schema.to_string().contains("\"observation\""));
    assert_eq!(schema["$defs"]["Date"]["pattern"], relations::model::DATE_PATTERN);
}
