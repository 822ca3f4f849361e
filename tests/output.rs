//! Output formats and terminal rules: plain, JSON, NDJSON, CSV; colour; pipes; escaping.

mod common;
#[path = "common/terminal.rs"]
mod terminal;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use common::{assert_error, relations, run, run_command};

#[test]
fn piped_output_is_plain_tab_separated_without_colour_or_boxes() {
    let mut command = relations();
    command.args(["events", "2008"]);
    let run = run_command(&mut command);
    assert_eq!(run.code, 0);
    assert!(!run.stdout.contains('\u{1b}'), "colour in piped output");
    assert!(!run.stdout.contains('│') && !run.stdout.contains('┌'), "box drawing in piped output");
    let columns = run.lines()[0].split('\t').count();
    assert!(columns >= 5, "tab-separated columns: {}", run.lines()[0]);
    assert!(run.lines().iter().all(|l| l.split('\t').count() == columns));
}

#[test]
fn ndjson_is_one_parseable_object_per_line() {
    let run = run(&["events", "2008", "--format", "ndjson"]);
    let all = common::run(&["events", "2008", "--json"]).json();
    let lines = run.lines();
    assert_eq!(lines.len(), all.as_array().unwrap().len());
    for (line, record) in lines.iter().zip(all.as_array().unwrap()) {
        let parsed: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(&parsed, record);
    }
}

#[test]
fn csv_parses_with_a_csv_reader_and_has_a_header() {
    let run = run(&["list", "countries", "--format", "csv"]);
    assert_eq!(run.code, 0);
    let mut reader = csv::Reader::from_reader(run.stdout.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        ["id", "kind", "category", "name", "aliases", "iso3", "tone", "tone_label", "summary"]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let count = common::run(&["list", "countries", "--json"]).json().as_array().unwrap().len();
    assert_eq!(rows.len(), count);
    assert!(rows.iter().any(|r| &r[0] == "united-states" && r[4].contains("Washington")));
    let events = common::run(&["events", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(events.stdout.as_bytes());
    assert!(reader.records().all(|r| r.is_ok()));
}

#[test]
fn a_format_that_does_not_fit_the_command_is_a_usage_error() {
    let show = run(&["show", "chile", "--format", "csv"]);
    assert_error(&show, 2, "invalid value 'csv' for '--format <FMT>'");
    assert!(show.stderr.contains("[possible values: table, plain, json]"), "{}", show.stderr);
    assert_error(&run(&["events", "--format", "mermaid"]), 2, "invalid value 'mermaid'");
    assert_error(&run(&["man", "--json"]), 2, "`man` cannot write json");
    let clap = run(&["events", "--json", "--format", "plain"]);
    assert_eq!(clap.code, 2);
    assert!(clap.stderr.starts_with("error:"));
}

#[test]
fn colour_is_on_with_color_always_and_with_clicolor_force() {
    let always = run_command(relations().args(["--color", "always", "--format", "table", "show", "chile"]));
    assert!(always.stdout.contains("\u{1b}["), "no colour with --color always");
    let forced = run_command(relations().env("CLICOLOR_FORCE", "1").args(["--format", "table", "show", "chile"]));
    assert!(forced.stdout.contains("\u{1b}["), "no colour with CLICOLOR_FORCE");
    let zero = run_command(relations().env("CLICOLOR_FORCE", "0").args(["--format", "table", "show", "chile"]));
    assert!(!zero.stdout.contains("\u{1b}["), "CLICOLOR_FORCE=0 forces nothing");
}

#[test]
fn colour_is_off_when_piped_with_no_color_and_with_color_never() {
    let piped = run_command(relations().args(["--format", "table", "show", "chile"]));
    assert!(!piped.stdout.contains('\u{1b}'));
    let never = run_command(
        relations().env("CLICOLOR_FORCE", "1").args(["--color", "never", "--format", "table", "show", "chile"]),
    );
    assert!(!never.stdout.contains('\u{1b}'), "--color never beats CLICOLOR_FORCE");
}

/// Run in a pseudo-terminal of the given width with `script`, when the machine has it.
fn in_terminal(columns: u16, env: &str, args: &str) -> Option<String> {
    let binary = env!("CARGO_BIN_EXE_relations");
    // `cat` as the pager prints directly, as a pager would show it.
    let line = format!("stty cols {columns} rows 50; RELATIONS_PAGER=cat {env} {binary} {args}");
    let output = Command::new("script")
        .args(["-qec", &line, "/dev/null"])
        .env_remove("COLUMNS")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env("TERM", "xterm")
        .stdin(Stdio::null())
        .output()
        .ok()?;
    output.status.success().then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

#[test]
fn in_a_terminal_the_table_is_coloured_and_fits_its_width() {
    for columns in [80u16, 120] {
        let Some(screen) = in_terminal(columns, "", "show chile") else {
            eprintln!("skipped: `script` is not available");
            return;
        };
        assert!(screen.contains("\u{1b}["), "a terminal gets colour by default");
        let text = terminal::strip_ansi(&screen);
        assert!(text.contains('┌'), "a terminal gets boxed tables");
        for line in text.lines() {
            assert!(
                line.chars().count() <= usize::from(columns),
                "{} columns > {columns}: {line:?}",
                line.chars().count()
            );
        }
    }
    let screen = in_terminal(80, "NO_COLOR=1", "show chile").unwrap();
    assert!(!screen.contains("\u{1b}["), "NO_COLOR turns colour off in a terminal");
    let dumb = in_terminal(80, "TERM=dumb", "show chile").unwrap();
    assert!(!dumb.contains("\u{1b}["), "TERM=dumb turns colour off");
}

#[test]
fn a_closed_pipe_ends_the_program_quietly() {
    for args in [&["export"][..], &["events"][..], &["list", "actors"][..]] {
        let mut child = relations().args(args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
        let output = child.wait_with_output().unwrap();
        assert!(!first.is_empty());
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        assert!(output.stderr.is_empty(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    }
}

#[test]
fn control_characters_from_a_dataset_are_escaped_in_table_and_plain_output() {
    let evil = r#"{"actors": [{"id": "evil", "kind": "person", "name": "Evil \u001b[31mRed\u0007 \u202eabc", "summary": "line\nbreak", "sources": [{"source": "bir", "section": "chile"}]}]}"#;
    let path = std::env::temp_dir().join(format!("relations-evil-{}.json", std::process::id()));
    std::fs::write(&path, evil).unwrap();
    let path = path.to_str().unwrap();
    for format in ["plain", "table"] {
        let run = run(&["--data", path, "show", "evil", "--format", format]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(
            !run.stdout.contains('\u{1b}') && !run.stdout.contains('\u{7}') && !run.stdout.contains('\u{202e}'),
            "{format}: raw control characters"
        );
        assert!(
            run.stdout.contains("\\x1b[31mRed\\x07") && run.stdout.contains("\\u{202e}"),
            "{format}: {}",
            run.stdout
        );
    }
    let json = run(&["--data", path, "show", "evil", "--json"]).json();
    assert_eq!(json["actor"]["name"], "Evil \u{1b}[31mRed\u{7} \u{202e}abc", "JSON keeps the data, escaped by JSON");
    std::fs::remove_file(path).ok();
}
