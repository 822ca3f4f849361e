//! Tables, profiles and the timeline on terminals of 60, 80 and 120 columns: no line wider than
//! the terminal, no word split that fits its column; `show --brief`, `--section` and `--limit`.

mod common;
#[path = "common/terminal.rs"]
mod terminal;

use std::collections::HashSet;

use common::{relations, run, run_command};
use terminal::{in_terminal, widest};

const COMMANDS: &[&[&str]] =
    &[&["events", "2008"], &["show", "bolivia"], &["show", "chile"], &["figures"], &["list", "actors"], &["timeline"]];

/// The words of a drawing: text between spaces and table borders, without a trailing colon (a
/// stacked record's keys are a table's headers). Tone charts are left out: they are as long as
/// the width.
fn words(text: &str) -> HashSet<String> {
    let border = |c: char| c.is_whitespace() || "│┆┌┐└┘├┤┬┴┼─═╞╡╪".contains(c);
    text.split(border)
        .map(|w| w.trim_end_matches(':'))
        .filter(|w| !w.is_empty() && !w.chars().all(|c| "▁▂▃▄▅▆▇█".contains(c)))
        .map(str::to_owned)
        .collect()
}

/// The same command drawn as a table so wide that nothing wraps: every word whole.
fn unwrapped_words(args: &[&str]) -> HashSet<String> {
    let wide =
        run_command(relations().env("COLUMNS", "4000").args(["--color", "never", "--format", "table"]).args(args));
    assert_eq!(wide.code, 0, "{args:?}: {}", wide.stderr);
    words(&wide.stdout)
}

#[test]
fn at_60_80_and_120_columns_no_line_is_too_wide_and_no_word_is_split() {
    for args in COMMANDS {
        let whole = unwrapped_words(args);
        for columns in [60u16, 80, 120] {
            let mut all = vec!["--paging", "never"];
            all.extend(*args);
            let Some(screen) = in_terminal(columns, 40, &[], &all) else {
                eprintln!("skipped: `script` is not available");
                return;
            };
            assert_eq!(screen.code, 0, "{args:?}");
            let text = screen.text();
            assert!(text.lines().count() > 5, "{args:?} at {columns}: {text}");
            assert!(widest(&text) <= usize::from(columns), "{args:?} at {columns} columns:\n{text}");
            let mut split: Vec<String> = words(&text).difference(&whole).cloned().collect();
            split.sort();
            assert!(split.is_empty(), "{args:?} at {columns} columns splits words: {split:?}\n{text}");
        }
    }
}

#[test]
fn at_80_columns_the_events_of_2008_are_stacked_as_key_value_lines_and_at_120_drawn_as_a_table() {
    let Some(narrow) = in_terminal(80, 40, &[], &["--paging", "never", "events", "2008"]) else { return };
    let narrow = narrow.text();
    assert!(
        narrow.lines().any(|l| l.starts_with("title:  Full Bolivia–Chile diplomatic relations severed")),
        "{narrow}"
    );
    assert!(!narrow.contains('┆'), "{narrow}");
    let wide = in_terminal(120, 40, &[], &["--paging", "never", "events", "2008"]).unwrap().text();
    assert!(wide.contains("┆ title"), "{wide}");
}

#[test]
fn a_table_through_the_pager_or_piped_fits_the_terminal_or_80_columns() {
    let Some(paged) = in_terminal(60, 10, &[("RELATIONS_PAGER", "cat")], &["--paging", "always", "figures"]) else {
        return;
    };
    let text = paged.text();
    assert!(text.contains("EU aid programme"), "{text}");
    assert!(widest(&text) <= 60, "{text}");
    let piped = run_command(relations().args(["--color", "never", "--format", "table", "list", "blocs"]));
    assert!(widest(&piped.stdout) <= 80 && widest(&piped.stdout) > 60, "{}", piped.stdout);
    let columns = run_command(relations().env("COLUMNS", "60").args(["--format", "table", "list", "blocs"]));
    assert!(widest(&columns.stdout) <= 60, "{}", columns.stdout);
}

#[test]
fn show_chile_brief_fits_24_lines_at_80_columns_with_hints_for_the_rest() {
    let Some(screen) = in_terminal(80, 24, &[], &["--paging", "never", "show", "chile", "--brief"]) else { return };
    let text = screen.text();
    let lines: Vec<&str> = text.trim_end().lines().collect();
    assert!(lines.len() < 24, "{} lines:\n{text}", lines.len());
    assert!(widest(&text) <= 80, "{text}");
    for needle in ["Chile (country)", "-1 strained with Bolivia", "Latest events", "Peru", "1879"] {
        assert!(text.contains(needle), "{needle:?} missing:\n{text}");
    }
    assert!(text.contains("more events: relations events --actor chile"), "{text}");
    assert!(text.contains("relations show chile"), "{text}");
    let at_60 = in_terminal(60, 24, &[], &["--paging", "never", "show", "bolivia", "--brief"]).unwrap().text();
    assert!(widest(&at_60) <= 60 && at_60.trim_end().lines().count() < 24, "{at_60}");
}

#[test]
fn section_prints_only_the_parts_asked_for_and_an_unknown_one_lists_the_valid_names() {
    let events = run(&["--format", "plain", "show", "chile", "--section", "events"]);
    assert_eq!(events.code, 0, "{}", events.stderr);
    assert!(!events.stdout.is_empty() && events.lines().iter().all(|l| l.starts_with("event\t")), "{}", events.stdout);
    let two = run(&["--format", "plain", "show", "chile", "--section", "figures", "--section", "identity"]);
    assert!(two.lines().iter().any(|l| l.starts_with("figure\t")), "{}", two.stdout);
    assert!(two.lines().iter().any(|l| l.starts_with("iso3\tCHL")), "{}", two.stdout);
    assert!(!two.lines().iter().any(|l| l.starts_with("event\t") || l.starts_with("summary\t")), "{}", two.stdout);
    let unknown = run(&["show", "chile", "--section", "gossip"]);
    assert_eq!(unknown.code, 2, "{}", unknown.stderr);
    assert!(unknown.stderr.contains("gossip") && unknown.stderr.contains("organisations"), "{}", unknown.stderr);
}

#[test]
fn limit_keeps_the_latest_events_and_tells_what_was_left_out() {
    let all = run(&["--format", "plain", "show", "chile", "--section", "events"]);
    let two = run(&["--format", "plain", "show", "chile", "--section", "events", "--limit", "2"]);
    assert_eq!(two.lines(), all.lines()[all.lines().len() - 2..], "{}", two.stdout);
    let table = run(&["--format", "table", "show", "chile", "--section", "events", "--limit", "2"]);
    let hint = format!("{} more events: relations events --actor chile", all.lines().len() - 2);
    assert!(table.stdout.contains(&hint), "{}", table.stdout);
}

#[test]
fn json_keeps_only_the_chosen_parts_and_counts_what_the_limit_left_out() {
    let full = run(&["show", "chile", "--json"]).json();
    let total = full["events"].as_array().unwrap().len();
    let cut = run(&["show", "chile", "--json", "--section", "events", "--limit", "2"]).json();
    let keys: Vec<&String> = cut.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["events", "left_out"], "{cut}");
    assert_eq!(cut["events"].as_array().unwrap()[..], full["events"].as_array().unwrap()[total - 2..]);
    assert_eq!(cut["left_out"]["events"], total - 2);
    let brief = run(&["show", "chile", "--json", "--brief"]).json();
    assert!(brief.get("actor").is_some() && brief.get("relationship").is_some(), "{brief}");
    assert!(brief.get("figures").is_none() && brief.get("sources").is_none(), "{brief}");
    assert_eq!(brief["events"].as_array().unwrap().len(), 3);
    assert!(full.get("left_out").is_none(), "no limit, nothing to count: {full}");
}
