//! `events` and `timeline`: ranges, filters, ordering, and their errors.

mod common;

use common::{assert_error, run};
use serde_json::Value;

fn events(args: &[&str]) -> Vec<Value> {
    let mut all = vec!["events", "--json"];
    all.extend_from_slice(args);
    let run = run(&all);
    assert_eq!(run.code, 0, "{all:?}: {}", run.stderr);
    run.json().as_array().unwrap().clone()
}

fn years(event: &Value) -> (u64, u64) {
    let start: u64 = event["date"].as_str().unwrap()[..4].parse().unwrap();
    let end: u64 = event["end"].as_str().map_or(start, |e| e[..4].parse().unwrap());
    (start, end)
}

/// The date an event sorts by: a moment some time in a span by the span's end, else its date.
fn sort_date(event: &Value) -> &str {
    let moment = event["span"] == "moment" || (event["span"].is_null() && event["circa"] == true);
    match event["end"].as_str() {
        Some(end) if moment => end,
        _ => event["date"].as_str().unwrap(),
    }
}

#[test]
fn all_events_come_in_date_order_with_their_year() {
    let all = events(&[]);
    assert!(all.len() >= 40);
    // In sort-date order, except where an event is held back behind one it follows.
    for pair in all.windows(2) {
        let follows = pair[1]["after"].as_array().is_some_and(|a| !a.is_empty())
            || pair[0]["after"].as_array().is_some_and(|a| !a.is_empty());
        assert!(follows || sort_date(&pair[0])[..4] <= sort_date(&pair[1])[..4], "not in date order: {pair:?}");
    }
    for event in &all {
        assert_eq!(event["year"].as_u64().unwrap(), years(event).0);
    }
}

#[test]
fn a_year_selects_the_events_that_touch_it() {
    let in_2008 = events(&["2008"]);
    assert!(in_2008.len() >= 5);
    for event in &in_2008 {
        let (start, end) = years(event);
        assert!(start <= 2008 && end >= 2008, "{event}");
    }
    assert!(in_2008.iter().any(|e| e["title"].as_str().unwrap().contains("Goldberg")));
    assert_eq!(events(&["--year", "2008"]), in_2008);
}

#[test]
fn a_rough_moment_is_certain_only_for_a_range_that_contains_it() {
    let rough = |e: &&Value| e["circa"] == true && e["end"].is_string() && e["span"] != "state";
    let in_2008 = events(&["2008", "--certain"]);
    for event in in_2008.iter().filter(rough) {
        assert_eq!(years(event), (2008, 2008), "{event}");
    }
    let wide = events(&["2006..2011"]);
    assert!(wide.iter().filter(rough).count() > in_2008.iter().filter(rough).count());
    assert!(wide.iter().any(|e| e["title"].as_str().unwrap().contains("Piñera")));
    // A span the source states outright still counts in every year it touches.
    assert!(events(&["1880"]).iter().any(|e| e["type"] == "war"));
}

#[test]
fn a_range_is_inclusive_at_both_ends() {
    let range = events(&["2006..2009"]);
    for event in &range {
        let (start, end) = years(event);
        assert!(start <= 2009 && end >= 2006, "{event}");
    }
    assert!(range.iter().any(|e| e["date"].as_str().unwrap().starts_with("2009")));
    assert!(range.iter().any(|e| e["date"].as_str().unwrap().starts_with("2006")));
    let open = events(&["2011.."]);
    assert!(open.iter().any(|e| e["date"] == "2011-03"));
}

#[test]
fn from_and_to_take_dates_of_any_precision() {
    let september = events(&["--from", "2008-09", "--to", "2008-09"]);
    assert!(!september.is_empty());
    for event in &september {
        let date = event["date"].as_str().unwrap();
        let end = event["end"].as_str().unwrap_or(date);
        assert!(date <= "2008-09-30" && end >= "2008-09" || date == "2008", "{event}");
    }
}

#[test]
fn filters_combine_and_every_actor_given_must_be_involved() {
    let both = events(&["--actor", "bolivia", "--actor", "chile"]);
    assert!(!both.is_empty());
    for event in &both {
        let actors: Vec<&str> = event["actors"].as_array().unwrap().iter().map(|a| a.as_str().unwrap()).collect();
        assert!(actors.contains(&"bolivia") && actors.contains(&"chile"), "{event}");
    }
    let expulsions = events(&["--type", "expulsion"]);
    assert!(expulsions.len() >= 2 && expulsions.iter().all(|e| e["type"] == "expulsion"));
    let grep = events(&["--grep", "GOLDBERG"]);
    assert!(!grep.is_empty());
    assert!(grep.iter().all(|e| format!("{}{}", e["title"], e["summary"]).to_lowercase().contains("goldberg")));
    let accent = events(&["--grep", "pinera"]);
    assert!(!accent.is_empty(), "grep folds accents");
}

#[test]
fn reverse_and_limit_give_the_newest_first() {
    let all = events(&[]);
    let newest = events(&["--reverse", "--limit", "3"]);
    assert_eq!(newest.len(), 3);
    assert_eq!(newest[0], all[all.len() - 1]);
    assert_eq!(newest[2], all[all.len() - 3]);
    assert_eq!(events(&["--limit", "2"]), all[..2].to_vec());
}

#[test]
fn as_of_is_an_upper_bound() {
    for event in events(&["--as-of", "1980"]) {
        assert!(years(&event).0 <= 1980, "{event}");
    }
}

#[test]
fn no_match_is_an_empty_json_array_and_exit_0() {
    let run = run(&["events", "1800", "--json"]);
    assert_eq!(run.code, 0);
    assert_eq!(run.json(), serde_json::json!([]));
}

#[test]
fn bad_ranges_years_and_types_are_usage_errors() {
    assert_error(&run(&["events", "2009..2006"]), 2, "ends (2006) before it starts (2009)");
    assert_error(&run(&["events", "abc"]), 2, "invalid range 'abc'");
    assert_error(&run(&["events", "99999"]), 2, "invalid range");
    assert_error(&run(&["events", "--year", "abc"]), 2, "expected a four-digit year");
    assert_error(&run(&["events", "--type", "picnic"]), 2, "unknown event type 'picnic'");
    assert_error(&run(&["events", "--from", "2008-13"]), 2, "--from");
    assert_error(&run(&["events", "--limit", "0"]), 2, "--limit");
}

#[test]
fn timeline_groups_the_same_events_by_year() {
    let grouped = run(&["timeline", "2008", "--json"]).json();
    let flat = events(&["2008"]);
    let from_timeline: Vec<Value> =
        grouped.as_array().unwrap().iter().flat_map(|g| g["events"].as_array().unwrap().clone()).collect();
    assert_eq!(from_timeline, flat);
    // Every event of 2008 is drawn under 2008, even a span that began before it or a rough one
    // that may end after it.
    for group in grouped.as_array().unwrap() {
        assert_eq!(group["year"], 2008);
    }
}

#[test]
fn timeline_draws_years_and_tone_marks_in_a_table() {
    let run = run(&["timeline", "2008", "--format", "table"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("2008 ─"), "{}", run.stdout);
    assert!(run.stdout.contains("▼▼"), "hostile events are marked: {}", run.stdout);
}

#[test]
fn timeline_as_mermaid_is_a_timeline_diagram_with_decade_sections() {
    let run = run(&["timeline", "--format", "mermaid"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines = run.lines();
    assert_eq!(lines[0], "timeline");
    assert!(lines.iter().any(|l| l.trim() == "section 1870s"));
    assert!(lines.iter().any(|l| l.trim() == "section 2000s"));
    assert!(lines.iter().filter(|l| l.trim_start().starts_with("2008 : ")).count() == 1);
}
