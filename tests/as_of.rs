//! The world as it stood: `--as-of`, tone periods that end, memberships and blocs in time,
//! uncertain dates, ordering by `after`, and the checks on the new fields.

mod common;

use common::{assert_error, fixture, run};
use serde_json::Value;

fn json(args: &[&str]) -> Value {
    let run = run(args);
    assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
    run.json()
}

fn plain(args: &[&str]) -> String {
    let run = run(args);
    assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
    run.stdout
}

fn ids(events: &Value) -> Vec<&str> {
    events.as_array().unwrap().iter().map(|e| e["id"].as_str().unwrap()).collect()
}

fn position(ids: &[&str], id: &str) -> usize {
    ids.iter().position(|i| *i == id).unwrap_or_else(|| panic!("{id} missing from {ids:?}"))
}

/// Every four-digit year from 1800 to 2099 mentioned in a text.
fn years_in(text: &str) -> Vec<u16> {
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(3))
        .filter(|&i| bytes[i..i + 4].iter().all(u8::is_ascii_digit))
        .filter(|&i| (i == 0 || !bytes[i - 1].is_ascii_digit()) && bytes.get(i + 4).is_none_or(|b| !b.is_ascii_digit()))
        .filter_map(|i| text[i..i + 4].parse().ok())
        .filter(|y| (1800..2100).contains(y))
        .collect()
}

/// Every string in a JSON value with its path, skipping the fields labelled by `summary_as_of`
/// (an object carrying `summary_as_of` keeps its `summary` and `themes` as written then).
fn strings<'v>(value: &'v Value, path: String, out: &mut Vec<(String, &'v str)>) {
    match value {
        Value::String(s) => out.push((path, s)),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                strings(item, format!("{path}[{i}]"), out);
            }
        }
        Value::Object(map) => {
            let labelled = map.contains_key("summary_as_of");
            for (key, item) in map {
                if labelled && ["summary", "themes", "summary_as_of"].contains(&key.as_str()) {
                    continue;
                }
                strings(item, format!("{path}.{key}"), out);
            }
        }
        _ => {}
    }
}

/// Nothing in `show ACTOR --as-of YEAR --json` states a year after YEAR, except text labelled
/// as written later; and that label is there.
fn assert_no_leak(actor: &str, year: u16) {
    let profile = json(&["show", actor, "--as-of", &year.to_string(), "--json"]);
    assert_eq!(profile["actor"]["summary_as_of"], "2011", "{actor}: the summary is labelled");
    let mut found = Vec::new();
    strings(&profile, String::new(), &mut found);
    for (path, text) in found {
        for mentioned in years_in(text) {
            assert!(mentioned <= year, "show {actor} --as-of {year}: {path} mentions {mentioned}: {text}");
        }
    }
    let text = plain(&["show", actor, "--as-of", &year.to_string()]);
    let summary = text.lines().find(|l| l.starts_with("summary\t")).unwrap();
    assert!(summary.starts_with("summary\t(written as of 2011) "), "{summary}");
}

#[test]
fn nothing_shown_as_of_a_year_states_what_came_after_it() {
    for (actor, year) in [("chile", 2007), ("peru", 1950), ("bolivia", 1900), ("united-states", 1999), ("unasur", 2000)]
    {
        assert_no_leak(actor, year);
    }
    let chile = plain(&["show", "chile", "--as-of", "2007"]);
    assert!(!chile.lines().any(|l| l.starts_with("status\t")), "the status is as of 2011:\n{chile}");
    assert!(!chile.contains("–2011") && !chile.contains("2011-03"), "no end after 2007 is shown:\n{chile}");
}

#[test]
fn a_bloc_does_not_exist_before_its_recorded_founding() {
    let unasur = json(&["show", "unasur", "--as-of", "2000", "--json"]);
    assert_eq!(unasur["not_yet_founded"], true);
    assert_eq!(unasur["members"], serde_json::json!([]));
    assert!(unasur["actor"].get("members").is_none(), "the record's member list is as of 2011");
    let text = plain(&["show", "unasur", "--as-of", "2000"]);
    assert!(text.contains("had not been founded as of 2000"), "{text}");
    assert!(!text.lines().any(|l| l.starts_with("member\t")), "{text}");
    let founded = json(&["show", "unasur", "--as-of", "2008", "--json"]);
    assert_eq!(founded["not_yet_founded"], false);
    assert!(
        founded["members"].as_array().unwrap().iter().any(|m| m["actor"] == "bolivia" && m["standing"] == "member")
    );
}

#[test]
fn a_membership_counts_only_from_a_known_start() {
    let bolivia_1900 = json(&["show", "bolivia", "--as-of", "1900", "--json"]);
    assert_eq!(bolivia_1900["blocs"], serde_json::json!([]), "no Andean Community, no ALBA in 1900");
    // The Andean Community's founding and Bolivia's joining are not dated; the first record
    // that certainly places the bloc is UNASUR's founding in 2008, which joined it with
    // Mercosur. Events that only may fall earlier (the EU trade talks put on hold some time
    // between 1968 and 2011) do not place it.
    for year in ["1968", "2006", "2007"] {
        let earlier = json(&["show", "bolivia", "--as-of", year, "--json"]);
        assert!(earlier["blocs"].as_array().unwrap().iter().all(|b| b["bloc"] != "can"), "no CAN as of {year}");
    }
    let bolivia_2008 = json(&["show", "bolivia", "--as-of", "2008", "--json"]);
    let blocs = bolivia_2008["blocs"].as_array().unwrap();
    let can = blocs.iter().find(|b| b["bloc"] == "can").expect("CAN is placed in time by 2008");
    assert_eq!(can["standing"], "member; date not recorded");
    let text = plain(&["show", "bolivia", "--as-of", "2008"]);
    assert!(
        text.lines().any(|l| l.starts_with("bloc\tcan\tAndean Community") && l.ends_with("member; date not recorded"))
    );
    let graph = json(&["graph", "--as-of", "2008", "--json"]);
    let edges = graph["edges"].as_array().unwrap();
    assert!(edges.iter().all(|e| e["type"] != "member" || e["to"] != "can"), "a graph cannot hedge a membership");
    assert!(
        json(&["graph", "--as-of", "2009", "--json"])["edges"].as_array().unwrap().iter().any(|e| e["to"] == "unasur")
    );
}

#[test]
fn a_tone_period_holds_only_between_its_bounds() {
    // Peru: drawn together after the war (from 1883); nothing recorded before it.
    let peru = json(&["show", "peru", "--as-of", "1880", "--json"]);
    assert!(peru["relationship"]["tone_as_of"].is_null());
    assert!(peru["relationship"]["period_as_of"].is_null());
    assert!(peru["relationship"].get("tone").is_none(), "the tone of 2011 is not given as of 1880");
    let text = plain(&["show", "peru", "--as-of", "1880"]);
    assert!(text.contains("tone\tnone recorded: the source records no tone for 1880"), "{text}");
    assert!(!text.lines().any(|l| l.starts_with("in force\t")), "{text}");
    let in_1950 = plain(&["show", "peru", "--as-of", "1950"]);
    assert!(in_1950.lines().any(|l| l.starts_with("in force\tHistorically drawn together")), "{in_1950}");
    // Peru–Chile, seen from Chile in 2007: the war ended in 1883.
    let chile = json(&["show", "chile", "--as-of", "2007", "--json"]);
    let peru_chile = chile["relationships"].as_array().unwrap().iter().find(|r| r["between"][0] == "peru").unwrap();
    assert!(peru_chile["tone_as_of"].is_null(), "{peru_chile}");
    let table = plain(&["show", "chile", "--as-of", "2007"]);
    assert!(
        table.lines().any(|l| l.starts_with("relationship\tperu--chile\t") && l.contains("\tnone recorded for 2007\t")),
        "{table}"
    );
    // Between two Argentine periods (1976–1979 and from 2006) the source records no tone.
    let argentina = json(&["show", "argentina", "--as-of", "1990", "--json"]);
    assert!(argentina["relationship"]["tone_as_of"].is_null());
    assert_eq!(json(&["show", "argentina", "--as-of", "1977", "--json"])["relationship"]["tone_as_of"], -2);
    assert_eq!(json(&["show", "argentina", "--as-of", "2007", "--json"])["relationship"]["tone_as_of"], 1);
}

#[test]
fn a_period_begun_by_the_year_hides_an_end_after_it() {
    let us = json(&["show", "united-states", "--as-of", "1999", "--json"]);
    let periods = us["relationship"]["periods"].as_array().unwrap();
    let banzer = periods.iter().find(|p| p["from"] == "1997").unwrap();
    assert!(banzer.get("to").is_none(), "2001 is after 1999: {banzer}");
    assert!(periods.iter().all(|p| p["from"].as_str().unwrap() <= "1999"));
}

#[test]
fn a_year_lists_certain_events_and_marks_those_that_may_fall_in_it() {
    let in_2010 = json(&["events", "2010", "--json"]);
    let events = in_2010.as_array().unwrap();
    for id in ["pinera-elected", "pinera-inauguration"] {
        let event = events.iter().find(|e| e["id"] == id).unwrap_or_else(|| panic!("{id} may be of 2010"));
        assert_eq!(event["certain"], false);
    }
    assert!(events.iter().any(|e| e["id"] == "2010-peoples-climate-conference" && e["certain"] == true));
    let certain = json(&["events", "2010", "--certain", "--json"]);
    assert!(!certain.as_array().unwrap().is_empty());
    assert!(certain.as_array().unwrap().iter().all(|e| e["certain"] == true));
    // A rough or coarse date is never certain in a range narrower than it (a state lasting
    // through the range is).
    for event in json(&["events", "2008-09-15", "--json"]).as_array().unwrap() {
        let moment = event["span"] != "state" && (event["circa"] == true || event["end"].is_null());
        if moment && (event["circa"] == true || event["date"].as_str().unwrap().len() < 10) {
            assert_eq!(event["certain"], false, "{event}");
        }
    }
    // A war the source dates outright is certainly in each of its years.
    let war = json(&["events", "1880", "--json"]);
    assert!(war.as_array().unwrap().iter().any(|e| e["type"] == "war" && e["certain"] == true));
}

#[test]
fn uncertain_events_are_marked_in_every_format() {
    let table = run(&["events", "2010", "--format", "table"]).stdout;
    assert!(table.contains("? c. 2006–2011-03"), "{table}");
    // Plain and CSV give the dates as ISO text and say so in `circa` and `certain`.
    let text = plain(&["events", "2010"]);
    assert!(text.lines().any(|l| l.starts_with("2006\t2011-03\ttrue\tfalse\tpinera-elected\t")), "{text}");
    assert!(text.lines().any(|l| l.starts_with("2010\t\tfalse\ttrue\t")), "certain events are certain");
    let csv = plain(&["events", "2010", "--format", "csv"]);
    assert!(csv.lines().any(|l| l.starts_with("2006,2011-03,true,false,pinera-elected,")), "{csv}");
    let ndjson = plain(&["events", "2010", "--format", "ndjson"]);
    let records: Vec<Value> = ndjson.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(records.iter().any(|r| r["id"] == "pinera-elected" && r["certain"] == false));
    let timeline = plain(&["timeline", "2010"]);
    assert!(
        timeline.lines().any(|l| l.starts_with("2010\t2006\t2011-03\ttrue\tfalse\tpinera-elected\t")),
        "{timeline}"
    );
    let grouped = json(&["timeline", "2010", "--json"]);
    assert!(grouped[0]["events"].as_array().unwrap().iter().any(|e| e["certain"] == false));
    assert!(!plain(&["timeline", "2010", "--certain"]).contains("pinera"));
}

#[test]
fn as_of_marks_events_that_may_be_before_the_year_and_certain_leaves_them_out() {
    let chile = json(&["show", "chile", "--as-of", "2007", "--json"]);
    let events = chile["events"].as_array().unwrap();
    let pinera = events.iter().find(|e| e["id"] == "pinera-elected").unwrap();
    assert_eq!(pinera["certain"], false);
    assert_eq!(pinera["ends_after_as_of"], true);
    assert!(pinera.get("end").is_none());
    assert!(events.iter().all(|e| e["id"] != "2011-hague-announcement"));
    let certain = json(&["show", "chile", "--as-of", "2007", "--certain", "--json"]);
    assert!(certain["events"].as_array().unwrap().iter().all(|e| e["certain"] == true));
    let listed = json(&["events", "--as-of", "1880", "--json"]);
    let war = listed.as_array().unwrap().iter().find(|e| e["type"] == "war").unwrap();
    assert!(war.get("end").is_none() && war["ends_after_as_of"] == true, "{war}");
    // An end after the year is not told: the end column is empty.
    assert!(plain(&["events", "--as-of", "1880"]).starts_with("1879\t\tfalse\t"));
    assert_error(&run(&["show", "chile", "--certain"]), 2, "--certain needs --as-of");
}

#[test]
fn events_follow_the_events_the_source_says_they_came_after() {
    let all = json(&["events", "--json"]);
    let order = ids(&all);
    for (before, after) in [
        ("2008-guzman-asked-to-leave", "2008-dea-expelled"),
        ("2008-goldberg-expelled", "2008-guzman-asked-to-leave"),
        ("2009-us-decertification", "2009-atpdea-cancelled"),
        ("2006-lagos-visits-la-paz", "pinera-elected"),
        ("2006-morales-inauguration", "2006-bachelet-inauguration"),
        ("pinera-inauguration", "2011-hague-announcement"),
    ] {
        assert!(position(&order, before) < position(&order, after), "{before} should come before {after}");
    }
    let in_2008 = json(&["events", "2008", "--json"]);
    assert_ne!(ids(&in_2008)[0], "2008-dea-expelled");
    let dea = &all.as_array().unwrap()[position(&order, "2008-dea-expelled")];
    assert_eq!(dea["after"][0], "2008-guzman-asked-to-leave");
}

#[test]
fn ordering_uses_dates_then_after_then_id() {
    let data = fixture("asof/order.json");
    let listed = json(&["--no-bundled", "--data", &data, "events", "--json"]);
    // The state sorts by its start; the two events of 2000 by `after`, not by id; a moment some
    // time in 1999–2001 after everything it may follow.
    assert_eq!(ids(&listed), ["e-state", "b-quarrel", "a-reply", "d-precise", "c-rough"]);
    let in_2000 = json(&["--no-bundled", "--data", &data, "events", "2000", "--json"]);
    let certain: Vec<(&str, bool)> = in_2000
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["id"].as_str().unwrap(), e["certain"].as_bool().unwrap()))
        .collect();
    assert_eq!(
        certain,
        [("e-state", true), ("b-quarrel", true), ("a-reply", true), ("d-precise", true), ("c-rough", false)]
    );
}

#[test]
fn validate_rejects_an_after_cycle_an_unknown_id_and_a_span_without_an_end() {
    let cycle = run(&["--no-bundled", "validate", &fixture("asof/after-cycle.json")]);
    assert_error(&cycle, 3, "events[0].after: the `after` relations form a cycle: a-one follows b-two follows c-three");
    let unknown = run(&["--no-bundled", "validate", &fixture("asof/after-unknown.json")]);
    assert_error(&unknown, 3, "events[0].after[0]: 'no-such-event' is not the id of any event");
    let span = run(&["--no-bundled", "validate", &fixture("asof/span-without-end.json")]);
    assert_error(&span, 3, "events[0].span: a span kind needs an `end`");
    // The same data does not load for any other command either.
    assert_error(&run(&["--data", &fixture("asof/after-cycle.json"), "events"]), 3, "cycle");
}

#[test]
fn validate_warns_when_a_tone_differs_from_its_latest_period() {
    let disagrees = run(&["--no-bundled", "validate", &fixture("asof/tone-disagrees.json")]);
    assert_eq!(disagrees.code, 0, "a warning is not a failure: {}", disagrees.stderr);
    assert!(disagrees.stdout.starts_with("ok: "), "{}", disagrees.stdout);
    assert!(
        disagrees
            .stderr
            .contains("warning: relationships atlantis--lemuria: tone 1 differs from -1 of its latest period"),
        "{}",
        disagrees.stderr
    );
    let as_json = run(&["--no-bundled", "validate", &fixture("asof/tone-disagrees.json"), "--json"]);
    assert_eq!(as_json.json()["warnings"].as_array().unwrap().len(), 1);
    let bundled = run(&["validate", &fixture("asof/order.json")]);
    assert_eq!(bundled.code, 0);
    assert!(!bundled.stderr.contains("warning"), "the bundled tones agree with their periods: {}", bundled.stderr);
}

#[test]
fn a_membership_with_a_since_holds_from_then_and_a_founding_member_from_the_founding() {
    let small = fixture("small.json");
    let show =
        |actor: &str, year: &str| json(&["--no-bundled", "--data", &small, "show", actor, "--as-of", year, "--json"]);
    assert_eq!(show("lemuria", "2000")["blocs"], serde_json::json!([]), "Lemuria joined in 2005");
    assert_eq!(show("lemuria", "2006")["blocs"][0]["standing"], "member");
    assert_eq!(show("atlantis", "1989")["blocs"], serde_json::json!([]), "the league was founded in 1990");
    assert_eq!(show("atlantis", "1990")["blocs"][0]["bloc"], "ocean-league");
    let league = show("ocean-league", "2000");
    let members: Vec<&str> =
        league["members"].as_array().unwrap().iter().map(|m| m["actor"].as_str().unwrap()).collect();
    assert_eq!(members, ["atlantis"]);
}

#[test]
fn a_brief_card_says_what_a_year_before_the_record_does_not_know() {
    let unasur = plain(&["show", "unasur", "--as-of", "2000", "--brief"]);
    assert!(
        unasur.lines().any(|l| l == "note\tUNASUR had not been founded as of 2000, per the record; no members then"),
        "{unasur}"
    );
    assert!(
        unasur.lines().any(|l| l == "tone\tnone recorded with Bolivia: the source records no tone for 2000"),
        "{unasur}"
    );
    let chile = run(&["show", "chile", "--as-of", "1850", "--brief", "--format", "table"]).stdout;
    assert!(chile.contains("the dataset records nothing about Chile as early as 1850"), "{chile}");
    // A year the record covers has no such note.
    assert!(!plain(&["show", "unasur", "--as-of", "2008", "--brief"]).lines().any(|l| l.starts_with("note\t")));
}

#[test]
fn every_text_written_later_is_labelled_in_its_own_column_of_plain_output() {
    for (actor, year) in [("chile", "2007"), ("bolivia", "2005"), ("peru", "1950")] {
        let text = plain(&["show", actor, "--as-of", year]);
        let rows: Vec<Vec<&str>> =
            text.lines().filter(|l| l.starts_with("relationship\t")).map(|l| l.split('\t').collect()).collect();
        let listed: Vec<&Vec<&str>> = rows.iter().filter(|fields| fields.len() > 2).collect();
        assert!(!listed.is_empty(), "{actor} has other relationships as of {year}:\n{text}");
        for fields in listed {
            // The columns: id, between, between_names, tone, tone_label, in force, themes, summary.
            for (column, cell) in [("themes", fields[7]), ("summary", fields[8])] {
                assert!(cell.starts_with("(written as of 2011) "), "show {actor} --as-of {year}: {column}: {cell}");
            }
        }
    }
}

#[test]
fn validate_warns_when_a_tone_differs_from_a_period_that_closes_in_the_datasets_own_year() {
    let closed = run(&["--no-bundled", "validate", &fixture("asof/tone-disagrees-closed.json")]);
    assert_eq!(closed.code, 0, "{}", closed.stderr);
    assert!(
        closed.stderr.contains(
            "warning: relationships atlantis--lemuria: tone 1 differs from -1 of its latest period (from 2000)"
        ),
        "{}",
        closed.stderr
    );
    // What the warning is about: the profile and the profile as of 2011 disagree.
    let data = fixture("asof/tone-disagrees-closed.json");
    let now = json(&["--no-bundled", "--data", &data, "show", "lemuria", "--json"]);
    let then = json(&["--no-bundled", "--data", &data, "show", "lemuria", "--as-of", "2011", "--json"]);
    assert_eq!(
        (now["relationship"]["tone"].as_i64(), then["relationship"]["tone_as_of"].as_i64()),
        (Some(1), Some(-1))
    );
}

#[test]
fn the_summary_of_an_event_running_past_the_year_is_labelled_as_written_later_in_every_format() {
    // The war ended in 1883: as of 1880 its summary tells an outcome still to come.
    let label = "(written as of 2011) Three-sided war";
    let text = plain(&["events", "--as-of", "1880"]);
    assert!(text.lines().any(|l| l.starts_with("1879\t") && l.contains(&format!("\t{label}"))), "{text}");
    let csv = plain(&["events", "--as-of", "1880", "--format", "csv"]);
    assert!(csv.contains(&format!(",\"{label}")), "{csv}");
    let war = |events: &Value| events.as_array().unwrap().iter().find(|e| e["type"] == "war").cloned().unwrap();
    for (args, events) in [
        (vec!["events", "--as-of", "1880", "--json"], None),
        (vec!["show", "chile", "--as-of", "1880", "--json"], Some("events")),
    ] {
        let value = json(&args);
        let event = war(events.map_or(&value, |key| &value[key]));
        assert_eq!(event["summary_as_of"], "2011", "{args:?}: {event}");
    }
    let grouped = json(&["timeline", "--as-of", "1880", "--json"]);
    assert_eq!(war(&grouped[0]["events"])["summary_as_of"], "2011");
    let ndjson = plain(&["events", "--as-of", "1880", "--format", "ndjson"]);
    assert!(ndjson.lines().any(|l| l.contains("\"summary_as_of\":\"2011\"")), "{ndjson}");
    // Once the war is over, its summary is of its time.
    let after = json(&["events", "--as-of", "1883", "--json"]);
    assert!(war(&after).get("summary_as_of").is_none(), "{after}");
    assert!(!plain(&["events", "--as-of", "1883"]).contains("(written as of"));
}
