//! Actor lookup everywhere an actor is named: ids, names, aliases, accents, prefixes, typos.

mod common;

use common::{assert_error, run};

fn shown_id(query: &str) -> String {
    let run = run(&["show", query, "--json"]);
    assert_eq!(run.code, 0, "show {query}: {}", run.stderr);
    run.json()["actor"]["id"].as_str().unwrap().to_owned()
}

#[test]
fn an_exact_id_finds_the_actor() {
    assert_eq!(shown_id("chile"), "chile");
    assert_eq!(shown_id("united-states"), "united-states");
}

#[test]
fn names_and_aliases_are_found_whatever_the_case() {
    assert_eq!(shown_id("Washington"), "united-states");
    assert_eq!(shown_id("us"), "united-states");
    assert_eq!(shown_id("CAN"), "can");
    assert_eq!(shown_id("andean community of nations"), "can");
}

#[test]
fn accents_are_folded_both_ways() {
    assert_eq!(shown_id("pinera"), "sebastian-pinera");
    assert_eq!(shown_id("Piñera"), "sebastian-pinera");
    assert_eq!(shown_id("sanchez de lozada"), "gonzalo-sanchez-de-lozada");
    assert_eq!(shown_id("CHÁVEZ"), "hugo-chavez");
}

#[test]
fn a_unique_prefix_or_word_of_a_name_is_enough() {
    assert_eq!(shown_id("morales"), "evo-morales");
    assert_eq!(shown_id("goldb"), "philip-goldberg");
}

#[test]
fn several_equally_good_matches_are_an_error_listing_them_with_exit_1() {
    let run = run(&["show", "kirchner"]);
    assert_error(&run, 1, "matches several actors");
    assert!(
        run.stderr.contains("Néstor Kirchner") && run.stderr.contains("Cristina Fernández de Kirchner"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.is_empty());
}

#[test]
fn an_unknown_name_suggests_close_matches_and_exits_1() {
    let run = run(&["show", "chlie"]);
    assert_error(&run, 1, "no actor matches 'chlie'");
    assert!(run.stderr.contains("did you mean 'chile'"), "{}", run.stderr);
    let far = common::run(&["show", "zzzzqqq"]);
    assert_error(&far, 1, "no actor matches");
    assert!(!far.stderr.contains("did you mean"), "{}", far.stderr);
}

#[test]
fn lookup_applies_to_event_and_figure_filters_and_compare() {
    let events = run(&["events", "--actor", "goldberg", "--json"]).json();
    assert!(
        events.as_array().unwrap().iter().all(|e| e["actors"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a == "philip-goldberg"))
    );
    assert!(!events.as_array().unwrap().is_empty());
    assert_error(&run(&["figures", "--actor", "atlantiss"]), 1, "no actor matches");
    assert_error(&run(&["compare", "chile", "kirchner"]), 1, "matches several actors");
}
