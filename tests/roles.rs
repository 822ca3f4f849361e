//! Roles in time under `--as-of` (bounded by dates, by events, placed at a date, or undated), a
//! tone period whose start the source does not give, and the checks on both.

mod common;

use common::{assert_error, fixture, run};
use serde_json::Value;

fn show_json(data: Option<&str>, actor: &str, year: u16) -> Value {
    let year = year.to_string();
    let mut args = vec![];
    if let Some(data) = data {
        args.extend(["--no-bundled", "--data", data]);
    }
    args.extend(["show", actor, "--as-of", year.as_str(), "--json"]);
    let run = run(&args);
    assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
    run.json()
}

/// The `standing` of each role of a person as of a year, by title.
fn roles(data: Option<&str>, person: &str, year: u16) -> Vec<(String, String)> {
    show_json(data, person, year)["roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["title"].as_str().unwrap().to_owned(), r["standing"].as_str().unwrap().to_owned()))
        .collect()
}

fn standing(data: Option<&str>, person: &str, year: u16) -> Option<String> {
    let found = roles(data, person, year);
    assert!(found.len() <= 1, "{person} has one role here: {found:?}");
    found.into_iter().next().map(|(_, s)| s)
}

fn plain(args: &[&str]) -> String {
    let run = run(args);
    assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
    run.stdout
}

#[test]
fn a_role_ended_by_an_event_is_held_until_the_event_may_have_happened_and_gone_after_it() {
    let isles = fixture("asof/roles.json");
    let at = |year| standing(Some(&isles), "old-king", year);
    assert_eq!(at(1989), None, "the reign began in 1990");
    assert_eq!(at(1990).as_deref(), Some("held"));
    assert_eq!(at(1996).as_deref(), Some("may have ended by then; end uncertain"), "the coronation is c. 1995–1999");
    assert_eq!(at(1999).as_deref(), Some("ended by then; date uncertain"));
    assert_eq!(at(2000), None, "certainly over before 2000");
    let text = plain(&["--no-bundled", "--data", &isles, "show", "old-king", "--as-of", "1996"]);
    assert!(text.contains("ended with “coronation”, c. 1995–…"), "the window's end (1999) is not told: {text}");
}

#[test]
fn a_role_begun_by_an_event_is_uncertain_until_the_event_is_certainly_past() {
    let isles = fixture("asof/roles.json");
    let at = |year| standing(Some(&isles), "new-king", year);
    assert_eq!(at(1994), None);
    assert_eq!(at(1996).as_deref(), Some("may have begun by then; start uncertain"));
    assert_eq!(at(1999).as_deref(), Some("held"));
    assert_eq!(at(2011).as_deref(), Some("held"), "no end: still held at the dataset's as_of");
}

#[test]
fn a_role_placed_at_a_date_is_held_then_and_may_still_be_held_after() {
    let isles = fixture("asof/roles.json");
    let at = |year| standing(Some(&isles), "envoy", year);
    assert_eq!(at(1995), None, "nothing places the envoy before 1996");
    assert_eq!(at(1996).as_deref(), Some("dates not recorded"));
    assert_eq!(at(1997).as_deref(), Some("held"));
    assert_eq!(at(2005).as_deref(), Some("may still hold; end not recorded"));
    let early = show_json(Some(&isles), "envoy", 1996);
    assert!(early["roles"][0].get("at").is_none(), "1997 is after 1996: {}", early["roles"]);
    let text = plain(&["--no-bundled", "--data", &isles, "show", "envoy", "--as-of", "1996"]);
    assert!(!text.contains("1997"), "{text}");
}

#[test]
fn a_role_without_dates_says_so_from_when_the_record_places_the_person() {
    let isles = fixture("asof/roles.json");
    // The sage is in no dated record: placed only at the dataset's as_of.
    assert_eq!(standing(Some(&isles), "sage", 2010), None);
    assert_eq!(standing(Some(&isles), "sage", 2011).as_deref(), Some("dates not recorded"));
    // The chair speaks in 1990, but the league was founded in 2000.
    assert_eq!(standing(Some(&isles), "chair", 1999), None);
    assert_eq!(standing(Some(&isles), "chair", 2000).as_deref(), Some("dates not recorded"));
    let text = plain(&["--no-bundled", "--data", &isles, "show", "ocean-league", "--as-of", "2000"]);
    assert!(text.lines().any(|l| l == "person\tchair\tChair\tChair of Ocean League; dates not recorded"), "{text}");
    // Without --as-of nothing is hedged.
    let all = plain(&["--no-bundled", "--data", &isles, "show", "sage"]);
    assert!(all.lines().any(|l| l == "role\tAdviser of Atlantis"), "{all}");
}

#[test]
fn chile_in_2011_has_pinera_as_president_and_bachelet_no_longer() {
    let chile = show_json(None, "chile", 2011);
    let people = chile["people"].as_array().unwrap();
    let role_of = |id: &str| {
        people.iter().find(|p| p["person"] == id).map(|p| p["role"]["standing"].as_str().unwrap().to_owned())
    };
    assert_eq!(role_of("sebastian-pinera").as_deref(), Some("held"));
    assert_eq!(role_of("michelle-bachelet").as_deref(), Some("ended by then; date uncertain"));
    assert_eq!(role_of("ricardo-lagos"), None, "Lagos left in 2006");
    let bachelet = roles(None, "michelle-bachelet", 2011);
    assert!(bachelet.iter().all(|(_, s)| s != "held"), "neither office is asserted in 2011: {bachelet:?}");
    assert!(bachelet.contains(&("Pro-tempore president".into(), "may still hold; end not recorded".into())));
    assert!(roles(None, "michelle-bachelet", 2008).contains(&("Pro-tempore president".into(), "held".into())));
    // In 2008 the record cannot say which of the two was president.
    let in_2008 = plain(&["show", "chile", "--as-of", "2008"]);
    assert!(in_2008.contains("Sebastián Piñera\tPresident of Chile (began with"), "{in_2008}");
    assert!(in_2008.contains("may have begun by then; start uncertain"), "{in_2008}");
    assert!(in_2008.contains("may have ended by then; end uncertain"), "{in_2008}");
}

#[test]
fn undated_roles_in_the_bundled_data_are_shown_as_undated_not_dropped() {
    let brazil = plain(&["show", "brazil", "--as-of", "2011"]);
    assert!(brazil.lines().any(|l| l == "person\tlula\tLula\tPresident of Brazil; dates not recorded"), "{brazil}");
    let rocha = roles(None, "manuel-rocha", 2002);
    assert_eq!(rocha, [("US Ambassador in La Paz".to_owned(), "held".to_owned())]);
    assert_eq!(roles(None, "manuel-rocha", 2001), [], "nothing places Rocha before 2002");
}

#[test]
fn a_period_whose_start_is_not_recorded_is_in_force_by_its_date_only() {
    let isles = fixture("asof/roles.json");
    let lemuria = show_json(Some(&isles), "lemuria", 2011);
    assert_eq!(lemuria["relationship"]["tone_as_of"], -1);
    assert_eq!(lemuria["relationship"]["periods"][0]["start_unknown"], true);
    assert!(show_json(Some(&isles), "lemuria", 2005)["relationship"]["tone_as_of"].is_null());
    let text = plain(&["--no-bundled", "--data", &isles, "show", "lemuria"]);
    assert!(text.lines().any(|l| l.starts_with("period\tby 2011\t")), "{text}");
    // Peru–Chile: the maritime dispute the source calls ongoing.
    let peru = show_json(None, "peru", 2011);
    let with_chile = peru["relationships"].as_array().unwrap().iter().find(|r| r["between"][1] == "chile").unwrap();
    assert_eq!(with_chile["tone_as_of"], -1, "{with_chile}");
    let chile = show_json(None, "chile", 2007);
    let with_peru = chile["relationships"].as_array().unwrap().iter().find(|r| r["between"][0] == "peru").unwrap();
    assert!(with_peru["tone_as_of"].is_null(), "the source gives no start for the dispute: {with_peru}");
}

#[test]
fn validate_rejects_overlapping_tone_periods_but_not_a_handover_year() {
    let overlap = run(&["--no-bundled", "validate", &fixture("asof/period-overlap.json")]);
    assert_error(&overlap, 3, "relationships[0].periods[1].from: 1997 overlaps periods[0] (1980–1999)");
    assert!(overlap.stderr.starts_with("error: 1 problem"), "1997–2001 then 2001 is a handover: {}", overlap.stderr);
    let us = show_json(None, "united-states", 1998);
    let periods = us["relationship"]["periods"].as_array().unwrap();
    let coca = periods.iter().find(|p| p["from"] == "1980").unwrap();
    assert!(coca.get("to").is_none(), "the coca period gives way to Banzer's in 1997: {coca}");
}

#[test]
fn validate_rejects_role_bounds_that_name_no_event_or_are_given_twice() {
    let bad = run(&["--no-bundled", "validate", &fixture("asof/role-bounds.json")]);
    assert_error(&bad, 3, "actors[1].roles[0].to_event: 'no-such-event' is not the id of any event");
    assert!(bad.stderr.contains("actors[1].roles[1].from_event: a role has one start"), "{}", bad.stderr);
    assert!(bad.stderr.contains("actors[1].roles[2].at: `at` places a role with no recorded start or end"));
}

#[test]
fn validate_warns_when_an_overall_tone_has_no_period_in_force_at_the_datasets_as_of() {
    let isles = run(&["--no-bundled", "validate", &fixture("asof/roles.json")]);
    assert_eq!(isles.code, 0, "{}", isles.stderr);
    assert!(
        isles.stderr.contains("warning: relationships atlantis--ocean-league: tone 1 has no period in force in 2011"),
        "{}",
        isles.stderr
    );
    assert!(
        !isles.stderr.contains("atlantis--lemuria"),
        "a period with an unknown start is in force: {}",
        isles.stderr
    );
    let bundled = run(&["--no-bundled", "validate", concat!(env!("CARGO_MANIFEST_DIR"), "/data/bolivia.json")]);
    assert_eq!(bundled.code, 0, "{}", bundled.stderr);
    assert!(!bundled.stderr.contains("warning"), "{}", bundled.stderr);
}
