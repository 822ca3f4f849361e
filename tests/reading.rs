//! Reading comfort outside lists: widths at 60, 80 and 120 columns, whole words in the timeline,
//! `compare` headed by names, no empty columns, graph NDJSON, contradictory filters refused.

mod common;
#[path = "common/terminal.rs"]
mod terminal;

use common::{assert_error, relations, run, run_command};
use terminal::{in_terminal, widest};

/// Whitespace runs as single spaces, so that a title wrapped over several lines reads whole.
fn collapsed(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn in_a_terminal_of_60_80_or_120_columns_no_line_is_wider_than_the_terminal() {
    for columns in [60u16, 80, 120] {
        for args in [&["timeline"][..], &["show", "chile"][..], &["compare", "chile", "peru"][..]] {
            let mut all: Vec<&str> = vec!["--paging", "never"];
            all.extend(args);
            let Some(screen) = in_terminal(columns, 50, &[], &all) else {
                eprintln!("skipped: `script` is not available");
                return;
            };
            assert_eq!(screen.code, 0, "{args:?}");
            let text = screen.text();
            assert!(text.lines().count() > 5, "{args:?}: {text}");
            let too_wide: Vec<&str> = text.lines().filter(|l| l.chars().count() > usize::from(columns)).collect();
            assert!(too_wide.is_empty(), "{args:?} at {columns} columns: {too_wide:#?}");
        }
    }
}

#[test]
fn the_timeline_wraps_titles_at_word_boundaries_and_keeps_its_columns_for_long_dates() {
    let events = run(&["events", "--json"]).json();
    let titles: Vec<String> =
        events.as_array().unwrap().iter().map(|e| e["title"].as_str().unwrap().to_owned()).collect();
    for columns in ["30", "60", "80", "120"] {
        let timeline = run_command(
            relations().env("COLUMNS", columns).args(["--color", "never", "--format", "table", "timeline"]),
        );
        assert_eq!(timeline.code, 0);
        assert!(widest(&timeline.stdout) <= columns.parse().unwrap(), "wider than {columns}");
        let text = collapsed(&timeline.stdout);
        for title in &titles {
            assert!(text.contains(&collapsed(title)), "at {columns} columns a word of {title:?} is split");
        }
        if columns == "30" {
            // Too narrow for a date column: each title goes under its mark and date.
            assert!(timeline.stdout.contains("\n  ▼▼ 2008-08–2008-09\n"), "{}", timeline.stdout);
            continue;
        }
        // Every mark stands in the same column, however long the date before it.
        let marks: Vec<usize> = timeline
            .stdout
            .lines()
            .filter(|l| l.starts_with("    ") && !l[4..].starts_with(' '))
            .map(|l| l.chars().position(|c| "▲▼●".contains(c)).expect("a mark"))
            .collect();
        assert!(marks.len() > 20, "{}", timeline.stdout);
        assert!(marks.iter().all(|&m| m == marks[0]), "marks slip at {columns} columns: {marks:?}");
    }
    let long_date = run(&["--format", "table", "timeline", "2008"]).stdout;
    assert!(long_date.contains("2008-08–2008-09"), "{long_date}");
}

#[test]
fn a_table_piped_or_in_a_file_is_80_columns_wide_unless_columns_says_otherwise() {
    let piped = run(&["--format", "table", "show", "chile"]);
    assert!(widest(&piped.stdout) <= 80 && widest(&piped.stdout) > 70, "{}", widest(&piped.stdout));
    let narrow =
        run_command(relations().env("COLUMNS", "60").args(["--color", "never", "--format", "table", "show", "chile"]));
    assert!(widest(&narrow.stdout) <= 60, "{}", widest(&narrow.stdout));
}

#[test]
fn compare_heads_its_columns_with_the_actors_names() {
    let table = run(&["--format", "table", "compare", "chile", "peru"]).stdout;
    let heading =
        table.lines().find(|l| l.contains("Chile") && l.contains("Peru") && l.starts_with('│')).expect("a heading row");
    assert!(!heading.contains("first") && !heading.contains("second"), "{heading}");
    let plain = run(&["compare", "chile", "peru"]).stdout;
    assert!(plain.lines().any(|l| l == "compare\tname\tChile\tPeru"), "plain output still names them:\n{plain}");
}

#[test]
fn membership_columns_that_are_empty_for_every_row_are_left_out() {
    let bolivia = run(&["--format", "table", "show", "bolivia"]).stdout;
    let blocs = bolivia.split("\nBlocs\n").nth(1).expect("a Blocs section");
    let heading = blocs.lines().nth(1).unwrap();
    assert!(heading.contains("bloc") && heading.contains("role"), "{heading}");
    assert!(!heading.contains("since"), "no bloc has a date: {heading}");
}

#[test]
fn graph_ndjson_is_one_node_or_edge_object_per_line() {
    let ndjson = run(&["graph", "--format", "ndjson"]);
    assert_eq!(ndjson.code, 0);
    let whole = run(&["graph", "--json"]).json();
    let lines: Vec<serde_json::Value> = ndjson.lines().iter().map(|l| serde_json::from_str(l).unwrap()).collect();
    let count = |record: &str| lines.iter().filter(|v| v["record"] == record).count();
    assert_eq!(count("node"), whole["nodes"].as_array().unwrap().len());
    assert_eq!(count("edge"), whole["edges"].as_array().unwrap().len());
    assert_eq!(lines.len(), count("node") + count("edge"), "every line is a node or an edge");
    assert!(lines.iter().any(|v| v["record"] == "edge" && v["from"].is_string() && v["type"] == "relationship"));
}

#[test]
fn contradictory_or_inverted_date_filters_are_usage_errors_with_a_hint() {
    let inverted = run(&["events", "--from", "2010", "--to", "2006"]);
    assert_error(&inverted, 2, "did you mean --from 2006 --to 2010?");
    let outside = run(&["events", "2006..2009", "--year", "2011"]);
    assert_error(&outside, 2, "--year 2011 contradicts the range 2006..2009");
    assert_error(&run(&["timeline", "--as-of", "2005", "--from", "2006"]), 2, "contradicts --as-of 2005");
    assert_eq!(run(&["events", "2006..2009", "--year", "2008"]).code, 0, "a year inside the range is fine");
    assert_error(&run(&["events", "2008-2009"]), 2, "did you mean 2008..2009?");
}
