//! `graph`, `cite`, `info`, `show --as-of` and the man page.

mod common;

use std::process::{Command, Stdio};

use common::{assert_error, run};
use serde_json::Value;

fn json(args: &[&str]) -> Value {
    let run = run(args);
    assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
    run.json()
}

fn edges(graph: &Value) -> &Vec<Value> {
    graph["edges"].as_array().unwrap()
}

#[test]
fn graph_json_has_nodes_and_relationship_and_membership_edges() {
    let graph = json(&["graph", "--json"]);
    let nodes: Vec<&str> = graph["nodes"].as_array().unwrap().iter().map(|n| n["id"].as_str().unwrap()).collect();
    for edge in edges(&graph) {
        assert!(nodes.contains(&edge["from"].as_str().unwrap()) && nodes.contains(&edge["to"].as_str().unwrap()));
    }
    let relationships = json(&["list", "relationships", "--json"]);
    let count = |kind: &str| edges(&graph).iter().filter(|e| e["type"] == kind).count();
    assert_eq!(count("relationship"), relationships.as_array().unwrap().len());
    assert!(count("member") >= 10);
    assert!(edges(&json(&["graph", "--no-members", "--json"])).iter().all(|e| e["type"] == "relationship"));
}

#[test]
fn graph_actor_limits_it_to_the_neighbourhood() {
    let graph = json(&["graph", "--actor", "chile", "--json"]);
    assert!(!edges(&graph).is_empty());
    assert!(edges(&graph).iter().all(|e| e["from"] == "chile" || e["to"] == "chile"));
    assert_error(&run(&["graph", "--actor", "atlantis"]), 1, "no actor matches");
}

#[test]
fn graph_as_of_shows_the_network_of_that_year() {
    let early = json(&["graph", "--as-of", "1990", "--json"]);
    assert!(edges(&early).iter().all(|e| e["to"] != "unasur"), "UNASUR was created in 2008");
    let us = edges(&early)
        .iter()
        .find(|e| e["type"] == "relationship" && (e["to"] == "united-states" || e["from"] == "united-states"));
    assert_eq!(us.unwrap()["tone"], 0, "in 1990 coca was Washington's concern, with no strain recorded");
    let late = json(&["graph", "--as-of", "2011", "--json"]);
    assert!(edges(&late).len() > edges(&early).len());
}

#[test]
fn graph_dot_is_valid_graphviz_with_tone_colours_and_kind_shapes() {
    let run = run(&["graph", "--format", "dot"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let dot = &run.stdout;
    assert!(dot.starts_with("graph relations {") && dot.trim_end().ends_with('}'));
    assert!(dot.contains("shape=hexagon") && dot.contains("shape=ellipse"), "kinds as shapes");
    assert!(dot.contains("style=dashed"), "memberships dashed");
    assert!(dot.contains("color=\"#ff7f0e\""), "strained edges orange");
    assert!(dot.contains("\"bolivia\" -- \"chile\"") || dot.contains("\"chile\" -- \"bolivia\""));
    // Render it when Graphviz is installed (.ci/run installs it).
    let Ok(mut child) =
        Command::new("dot").arg("-Tsvg").stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn()
    else {
        eprintln!("skipped rendering: Graphviz `dot` is not installed");
        return;
    };
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), dot.as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "dot rejected the graph: {}", String::from_utf8_lossy(&output.stderr));
    let svg = String::from_utf8_lossy(&output.stdout);
    assert!(svg.contains("<svg") && svg.contains("Bolivia") && svg.contains("Chile"));
}

#[test]
fn graph_mermaid_is_a_flowchart_with_one_line_per_edge() {
    let run = run(&["graph", "--format", "mermaid"]);
    let lines = run.lines();
    assert_eq!(lines[0], "flowchart LR");
    let edge_lines = lines.iter().filter(|l| l.contains(" ---|") || l.contains(" -.- ")).count();
    assert_eq!(edge_lines, edges(&json(&["graph", "--json"])).len());
    assert!(lines.iter().any(|l| l.trim() == "n_bolivia([\"Bolivia\"])"));
    assert!(lines.iter().any(|l| l.trim_start().starts_with("linkStyle ")));
}

#[test]
fn show_as_of_gives_the_period_in_force() {
    let us = json(&["show", "united-states", "--as-of", "1999", "--json"]);
    assert!(us["relationship"]["period_as_of"].as_str().unwrap().contains("Banzer"));
    let plain = run(&["show", "us", "--as-of", "1999"]);
    assert!(plain.stdout.lines().any(|l| l.starts_with("in force\t") && l.contains("Banzer")), "{}", plain.stdout);
    let pinera = json(&["show", "morales", "--as-of", "2005", "--json"]);
    assert!(pinera["events"].as_array().unwrap().iter().all(|e| e["year"].as_u64().unwrap() <= 2005));
}

#[test]
fn cite_finds_any_record_and_names_its_sections() {
    let event = json(&["cite", "2008-goldberg-expelled", "--json"]);
    assert_eq!(event["kind"], "event");
    assert!(
        event["sources"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["section"] == "united-states" && s["section_title"] == "United States")
    );
    let relationship = json(&["cite", "bolivia--chile", "--json"]);
    assert_eq!(relationship["kind"], "relationship");
    let by_name = json(&["cite", "pinera", "--json"]);
    assert_eq!(by_name["id"], "sebastian-pinera");
    let figure_id = json(&["figures", "--json"])[0]["id"].as_str().unwrap().to_owned();
    assert_eq!(json(&["cite", &figure_id, "--json"])["kind"], "figure");
    assert_error(&run(&["cite", "2099-nothing"]), 1, "no actor matches");
    assert_error(&run(&["cite", "cuba--switzerland"]), 1, "no relationship between Cuba and Switzerland");
}

#[test]
fn info_gives_title_subject_sources_counts_and_years() {
    let info = json(&["info", "--json"]);
    assert_eq!(info["dataset"]["subject"], "bolivia");
    assert_eq!(info["sources"][0]["sections"].as_array().unwrap().len(), 10);
    assert_eq!(info["years"]["from"], 1879);
    let events = info["counts"]["events"].as_u64().unwrap() as usize;
    assert_eq!(events, json(&["events", "--json"]).as_array().unwrap().len());
    assert_eq!(
        info["counts"]["countries"].as_u64().unwrap() as usize,
        json(&["list", "countries", "--json"]).as_array().unwrap().len()
    );
}

#[test]
fn the_man_page_in_the_repository_matches_the_program() {
    let generated = run(&["man"]);
    assert_eq!(generated.code, 0);
    assert!(generated.stdout.contains(".TH RELATIONS 1"));
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/man/relations.1");
    let committed = std::fs::read_to_string(path).expect("man/relations.1 exists");
    assert!(committed == generated.stdout, "man/relations.1 is stale: run `cargo run -- man > man/relations.1`");
}
