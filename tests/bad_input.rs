//! The bad-input catalogue: every kind of wrong input gets a clear one-line error and its exit
//! code, never a panic. (Closed pipes and control characters are in `output.rs`.)

mod common;

use std::io::Write;
use std::path::PathBuf;
use std::process::Stdio;

use common::{assert_error, fixture, relations, run, run_command};

/// A file in a fresh temporary directory, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, bytes: &[u8]) -> Self {
        let dir = std::env::temp_dir().join(format!("relations-bad-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        Self(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if let Some(dir) = self.0.parent() {
            std::fs::remove_dir_all(dir).ok();
        }
    }
}

fn load(name: &str, bytes: &[u8]) -> common::Run {
    let file = TempFile::new(name, bytes);
    run(&["--data", file.path(), "events"])
}

#[test]
fn unknown_actor_exits_1() {
    assert_error(&run(&["show", "atlantis"]), 1, "no actor matches 'atlantis'");
}

#[test]
fn ambiguous_actor_exits_1() {
    assert_error(&run(&["show", "kirchner"]), 1, "matches several actors");
}

#[test]
fn empty_actor_name_is_a_usage_error() {
    assert_error(&run(&["show", ""]), 2, "cannot be empty");
    assert_error(&run(&["show", "   "]), 2, "cannot be empty");
    assert_error(&run(&["search", ""]), 2, "cannot be empty");
}

#[test]
fn a_100_000_character_actor_name_gets_a_short_error() {
    let long = "a".repeat(100_000);
    let run = run(&["show", &long]);
    assert_error(&run, 1, "no actor matches");
    assert!(run.stderr.lines().next().unwrap().len() < 200, "the error line echoes the whole name");
    assert_eq!(common::run(&["search", &long, "--json"]).code, 0);
}

#[test]
fn emoji_arguments_are_ordinary_text() {
    assert_error(&run(&["show", "🇧🇴🦙"]), 1, "no actor matches");
    assert_eq!(run(&["search", "🦙", "--json"]).json(), serde_json::json!([]));
}

#[cfg(unix)]
#[test]
fn non_utf8_arguments_are_a_usage_error() {
    use std::os::unix::ffi::OsStrExt;
    let bad = std::ffi::OsStr::from_bytes(b"chil\xff");
    let run = run_command(relations().arg("show").arg(bad));
    assert_error(&run, 2, "invalid UTF-8");
}

#[test]
fn bad_years_and_ranges_are_usage_errors() {
    assert_error(&run(&["events", "abc"]), 2, "invalid range");
    assert_error(&run(&["events", "2009..2006"]), 2, "before it starts");
    assert_error(&run(&["events", "99999"]), 2, "invalid range");
    assert_error(&run(&["events", "--year", "99999"]), 2, "four-digit year");
    assert_error(&run(&["show", "chile", "--as-of", "-5"]), 2, "");
}

#[test]
fn unknown_type_and_kind_are_usage_errors() {
    assert_error(&run(&["events", "--type", "party"]), 2, "unknown event type");
    assert_error(&run(&["figures", "--kind", "gifts"]), 2, "unknown figure kind");
    assert_error(&run(&["search", "x", "--kind", "planet"]), 2, "unknown kind");
    assert_error(&run(&["list", "planets"]), 2, "cannot list");
}

#[test]
fn a_format_that_does_not_fit_is_a_usage_error() {
    assert_error(&run(&["compare", "chile", "peru", "--format", "ndjson"]), 2, "cannot write ndjson");
    assert_error(&run(&["export", "--format", "csv"]), 2, "cannot write csv");
}

#[test]
fn a_missing_data_file_exits_3() {
    assert_error(&run(&["--data", "no/such/file.json", "events"]), 3, "cannot read no/such/file.json");
}

#[test]
fn a_directory_as_data_exits_3() {
    assert_error(&run(&["--data", env!("CARGO_MANIFEST_DIR"), "events"]), 3, "is a directory");
}

#[test]
fn an_empty_data_file_exits_3() {
    assert_error(&load("empty.json", b""), 3, "EOF while parsing");
}

#[test]
fn a_data_file_that_is_not_json_exits_3() {
    assert_error(&load("text.json", b"hello, world"), 3, "invalid JSON");
}

#[test]
fn json_of_the_wrong_shape_exits_3() {
    assert_error(&load("array.json", b"[1, 2, 3]"), 3, "expected a JSON object at the top level, found an array");
    assert_error(
        &load("events.json", br#"{"events": {"id": "x"}}"#),
        3,
        "events: invalid type: map, expected a sequence",
    );
    assert_error(&load("actors.json", br#"{"actors": [42]}"#), 3, "actors[0]: invalid type: integer `42`");
}

#[test]
fn a_byte_order_mark_before_the_json_is_accepted() {
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend_from_slice(&std::fs::read(fixture("small.json")).unwrap());
    let run = load("bom.json", &bytes);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("Reef clash"));
}

#[test]
fn a_data_file_that_is_not_utf8_exits_3() {
    assert_error(
        &load("latin1.json", b"{\"actors\": [{\"name\": \"Pi\xf1era\"}]}"),
        3,
        "not UTF-8 text (invalid byte at offset 24)",
    );
}

#[test]
fn json_nested_10_000_deep_exits_3() {
    let deep = format!("{{\"events\": {}{}}}", "[".repeat(10_000), "]".repeat(10_000));
    assert_error(&load("deep.json", deep.as_bytes()), 3, "events");
    let bare = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert_error(&load("bare.json", bare.as_bytes()), 3, "problem");
}

#[test]
fn a_50_mb_string_field_loads() {
    let huge = "x".repeat(50 * 1024 * 1024);
    let text = format!(
        r#"{{"actors": [{{"id": "big", "kind": "person", "name": "Big", "summary": "{huge}", "sources": [{{"source": "bir", "section": "chile"}}]}}]}}"#
    );
    let file = TempFile::new("huge.json", text.as_bytes());
    let run = run(&["validate", file.path()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn duplicate_keys_are_reported_not_silently_overwritten() {
    assert_error(&load("dupfield.json", br#"{"actors": [{"id": "a", "id": "b"}]}"#), 3, "duplicate field `id`");
    assert_error(&load("duptop.json", br#"{"events": [], "events": []}"#), 3, "duplicate field `events`");
}

#[test]
fn a_relationship_between_three_actors_says_so() {
    let text = br#"{"relationships": [{"between": ["bolivia", "chile", "peru"], "tone": 0, "status": "s", "summary": "s", "sources": [{"source": "bir", "section": "chile"}]}]}"#;
    assert_error(
        &load("three.json", text),
        3,
        "relationships[0].between: a relationship is between exactly two actors; found 3 ids",
    );
}

#[test]
fn dangling_references_exit_3() {
    assert_error(
        &run(&["--data", &fixture("invalid/dangling-reference.json"), "events"]),
        3,
        "not the id of any actor",
    );
}

#[test]
fn standard_input_can_be_the_data_file() {
    let small = std::fs::read(fixture("small.json")).unwrap();
    for name in ["-", "/dev/stdin"] {
        let mut child = relations()
            .args(["--color", "never", "--no-bundled", "--data", name, "events", "--json"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(&small).unwrap();
        let output = child.wait_with_output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{name}: {}", String::from_utf8_lossy(&output.stderr));
        let events: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(events.as_array().unwrap().len(), 4, "{name}");
    }
    let empty = run_command(relations().args(["--data", "-", "events"]));
    assert_error(&empty, 3, "EOF while parsing");
}

#[test]
fn control_characters_and_bidi_overrides_in_names_never_reach_the_terminal() {
    let text = r#"{"actors": [{"id": "rlo", "kind": "country", "name": "\u202eailivoB\u001b]0;owned\u0007", "iso3": "RLO", "region": "x", "summary": "s", "sources": [{"source": "bir", "section": "chile"}]}]}"#;
    let file = TempFile::new("bidi.json", text.as_bytes());
    for format in ["plain", "table"] {
        let run = run(&["--data", file.path(), "list", "countries", "--format", format]);
        assert_eq!(run.code, 0);
        assert!(!run.stdout.chars().any(|c| c == '\u{202e}' || c == '\u{1b}' || c == '\u{7}'), "{format}");
        assert!(run.stdout.contains("\\u{202e}ailivoB\\x1b]0;owned\\x07"), "{format}: {}", run.stdout);
    }
}
