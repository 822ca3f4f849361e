//! `show`, `compare`, `list` and `figures` on the bundled data.

mod common;

use common::{assert_error, run};
use serde_json::Value;

fn json(args: &[&str]) -> Value {
    let run = run(args);
    assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
    run.json()
}

#[test]
fn show_country_has_its_relationship_tone_periods_events_and_sources() {
    let chile = json(&["show", "chile", "--json"]);
    assert_eq!(chile["actor"]["name"], "Chile");
    assert_eq!(chile["relationship"]["tone"], -1);
    assert!(chile["relationship"]["periods"].as_array().unwrap().len() >= 3);
    assert!(chile["relationship"]["themes"].as_array().unwrap().iter().any(|t| t.as_str().unwrap().contains("sea")));
    let events = chile["events"].as_array().unwrap();
    assert!(events.iter().all(|e| e["actors"].as_array().unwrap().iter().any(|a| a == "chile")));
    assert!(events.iter().any(|e| e["type"] == "war"));
    // Single dates in date order (a rough span sorts by its end; see tests/as_of.rs).
    let dates: Vec<&str> =
        events.iter().filter(|e| e["end"].is_null()).map(|e| &e["date"].as_str().unwrap()[..4]).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
    assert!(chile["people"].as_array().unwrap().iter().any(|p| p["person"] == "sebastian-pinera"));
    assert!(chile["sources"].as_array().unwrap().iter().any(|s| s["section"] == "chile"));
}

#[test]
fn show_country_in_a_table_draws_the_tone_over_time() {
    let run = run(&["show", "chile", "--format", "table"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for needle in [
        "Chile (country)",
        "Relationship with Bolivia",
        "-1 strained",
        "Tone over time",
        "1879",
        "▁",
        "Events",
        "sources:",
    ] {
        assert!(run.stdout.contains(needle), "missing {needle:?} in:\n{}", run.stdout);
    }
}

#[test]
fn show_bloc_lists_members_with_roles() {
    let alba = json(&["show", "alba", "--json"]);
    let members: Vec<&str> = alba["members"].as_array().unwrap().iter().map(|m| m["actor"].as_str().unwrap()).collect();
    for member in ["bolivia", "venezuela", "cuba", "nicaragua", "ecuador"] {
        assert!(members.contains(&member), "{member} missing from {members:?}");
    }
    assert!(alba["actor"]["members_note"].as_str().unwrap().contains("Caribbean"));
    let can = json(&["show", "can", "--json"]);
    assert!(can["members"].as_array().unwrap().iter().any(|m| m["actor"] == "venezuela" && m["role"] == "founder"));
}

#[test]
fn show_person_and_organisation_give_roles_base_and_sector() {
    let pinera = json(&["show", "pinera", "--json"]);
    assert!(pinera["roles"].as_array().unwrap().iter().any(|r| r["of"] == "chile"));
    let petrobras = json(&["show", "petrobras", "--json"]);
    assert_eq!(petrobras["actor"]["based_in"], "brazil");
    assert!(petrobras["actor"]["category"].is_string());
}

#[test]
fn show_subject_ranks_all_its_relationships_by_tone() {
    let bolivia = json(&["show", "bolivia", "--json"]);
    let tones: Vec<i64> =
        bolivia["relationships"].as_array().unwrap().iter().map(|r| r["tone"].as_i64().unwrap()).collect();
    assert!(tones.len() >= 10);
    assert!(tones.windows(2).all(|w| w[0] >= w[1]), "not ranked: {tones:?}");
}

#[test]
fn show_several_actors_gives_one_profile_each() {
    let both = json(&["show", "chile", "peru", "--json"]);
    let ids: Vec<&str> = both.as_array().unwrap().iter().map(|p| p["actor"]["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["chile", "peru"]);
    let plain = run(&["show", "chile", "peru"]);
    assert!(plain.stdout.contains("id\tchile") && plain.stdout.contains("id\tperu"));
}

#[test]
fn show_as_of_gives_the_tone_of_that_year_and_only_earlier_events() {
    let us_1999 = json(&["show", "united-states", "--as-of", "1999", "--json"]);
    let us_2009 = json(&["show", "united-states", "--as-of", "2009", "--json"]);
    assert!(
        us_1999["relationship"]["tone_as_of"].as_i64().unwrap()
            > us_2009["relationship"]["tone_as_of"].as_i64().unwrap()
    );
    assert!(us_1999["events"].as_array().unwrap().iter().all(|e| e["year"].as_u64().unwrap() <= 1999));
    let early = json(&["show", "chile", "--as-of", "1800", "--json"]);
    assert_eq!(early["before_any_record"], true);
    let plain = run(&["show", "chile", "--as-of", "1800"]);
    assert!(plain.stdout.contains("records nothing about Chile as early as 1800"), "{}", plain.stdout);
    assert_error(&run(&["show", "chile", "--as-of", "soon"]), 2, "four-digit year");
}

#[test]
fn compare_shows_what_two_actors_share() {
    let pair = json(&["compare", "chile", "peru", "--json"]);
    assert_eq!(pair["actors"][0]["id"], "chile");
    assert_eq!(pair["actors"][1]["id"], "peru");
    assert!(pair["relationship"].is_object(), "Chile and Peru have a relationship record");
    for event in pair["shared_events"].as_array().unwrap() {
        let actors = event["actors"].as_array().unwrap();
        assert!(actors.iter().any(|a| a == "chile") && actors.iter().any(|a| a == "peru"));
    }
    let table = run(&["compare", "chile", "peru", "--format", "table"]);
    assert!(table.stdout.contains("Side by side") && table.stdout.contains("tone with Bolivia"), "{}", table.stdout);
    assert_error(&run(&["compare", "chile", "Chile"]), 2, "same actor");
}

#[test]
fn list_gives_every_record_of_a_kind() {
    let countries = json(&["list", "countries", "--json"]);
    assert!(countries.as_array().unwrap().len() >= 15);
    assert!(countries.as_array().unwrap().iter().all(|c| c["kind"] == "country"));
    for kind in ["blocs", "people", "organisations", "events", "figures", "relationships", "types"] {
        assert!(!json(&["list", kind, "--json"]).as_array().unwrap().is_empty(), "{kind}");
    }
    assert_error(&run(&["list", "planets"]), 2, "cannot list 'planets'");
}

#[test]
fn figures_filter_by_actor_kind_and_year() {
    let uk = json(&["figures", "--actor", "uk", "--json"]);
    assert!(uk.as_array().unwrap().len() >= 2);
    let exports = json(&["figures", "--kind", "exports", "--year", "2010", "--json"]);
    let exports = exports.as_array().unwrap();
    assert!(!exports.is_empty());
    assert!(exports.iter().all(|f| f["kind"] == "exports" && f["year"] == 2010));
    assert!(exports.iter().any(|f| f["amount"] == 15_500_000 && f["unit"] == "GBP"));
    assert_error(&run(&["figures", "--kind", "gifts"]), 2, "unknown figure kind");
    assert_eq!(json(&["figures", "--year", "1800", "--json"]), serde_json::json!([]));
}
