//! The bad-input catalogue: every kind of wrong input gets a clear one-line error and its exit
//! code, never a panic. (Closed pipes and control characters are in `output.rs`.)

mod common;

use std::io::Write;
use std::path::PathBuf;
use std::process::Stdio;

use common::{assert_error, assert_problem, fixture, relations, run, run_command};

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
    let compare = run(&["compare", "chile", "peru", "--format", "ndjson"]);
    assert_error(&compare, 2, "invalid value 'ndjson'");
    assert!(compare.stderr.contains("[possible values: table, plain, json]"), "{}", compare.stderr);
    assert_error(&run(&["export", "--format", "csv"]), 2, "invalid value 'csv'");
    assert_error(&run(&["completions", "bash", "--json"]), 2, "`completions` cannot write json");
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
        // Wide enough that the escaped name is not wrapped inside its cell.
        let run = run_command(relations().env("COLUMNS", "160").args([
            "--color",
            "never",
            "--data",
            file.path(),
            "list",
            "countries",
            "--format",
            format,
        ]));
        assert_eq!(run.code, 0);
        assert!(!run.stdout.chars().any(|c| c == '\u{202e}' || c == '\u{1b}' || c == '\u{7}'), "{format}");
        assert!(run.stdout.contains("\\u{202e}ailivoB\\x1b]0;owned\\x07"), "{format}: {}", run.stdout);
    }
}

/// Run with standard input read from `path` (a device or a file).
fn with_stdin_from(path: &str, args: &[&str]) -> common::Run {
    let stdin = std::fs::File::open(path).unwrap();
    run_command(relations().args(["--color", "never"]).args(args).stdin(stdin))
}

#[cfg(unix)]
#[test]
fn endless_devices_as_data_end_with_exit_3() {
    assert_error(&run(&["--data", "/dev/zero", "info"]), 3, "/dev/zero: line 1, column 1: invalid JSON");
    assert_error(&run(&["--data", "/dev/urandom", "info"]), 3, "/dev/urandom: ");
    assert_error(&with_stdin_from("/dev/zero", &["--data", "-", "info"]), 3, "invalid JSON");
}

#[test]
fn a_file_over_the_input_limit_exits_3_and_says_how_to_raise_it() {
    let spaces = TempFile::new("spaces.json", &[b' '; 3 << 20]);
    let over = run(&["--max-input", "2M", "--data", spaces.path(), "info"]);
    assert_error(&over, 3, "larger than the input limit of 2097152 bytes (2M); raise it with --max-input");
    assert_eq!(over.stderr.lines().count(), 1, "{}", over.stderr);
    let mut command = relations();
    command.env("RELATIONS_MAX_INPUT", "1K").args(["--color", "never", "--data", spaces.path(), "info"]);
    assert_error(&run_command(&mut command), 3, "input limit of 1024 bytes (1K)");
    // The same file within the limit is read, and fails only for what it is.
    assert_error(&run(&["--max-input", "4M", "--data", spaces.path(), "info"]), 3, "EOF while parsing");
}

#[test]
fn an_endless_stream_on_standard_input_stops_at_the_input_limit() {
    let mut child = relations()
        .args(["--color", "never", "--max-input", "1M", "--data", "-", "info"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // Far more than the limit; the program stops reading, so the writes end with a closed pipe.
    let writer = std::thread::spawn(move || {
        let line = [b' '; 4096];
        for _ in 0..(64 << 20) / line.len() {
            if stdin.write_all(&line).is_err() {
                return false;
            }
        }
        true
    });
    let output = child.wait_with_output().unwrap();
    assert!(!writer.join().unwrap(), "the program read all 64 MiB despite a 1 MiB limit");
    assert_eq!(output.status.code(), Some(3));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("cannot read standard input: larger than the input limit")
    );
}

#[test]
fn a_size_that_is_not_a_size_is_a_usage_error() {
    assert_error(&run(&["--max-input", "lots", "info"]), 2, "'lots' is not a size");
    assert_error(&run(&["--max-input", "-1", "info"]), 2, "");
    let mut command = relations();
    command.env("RELATIONS_MAX_INPUT", "9X").args(["info"]);
    assert_error(&run_command(&mut command), 2, "'9X' is not a size");
}

#[test]
fn reading_standard_input_twice_is_a_usage_error() {
    let run = with_stdin_from(&fixture("small.json"), &["--data", "-", "--data", "-", "info"]);
    assert_error(&run, 2, "standard input can be read only once");
    let run = with_stdin_from(&fixture("small.json"), &["--data", "-", "validate", "/dev/stdin"]);
    assert_error(&run, 2, "standard input can be read only once");
    let run = with_stdin_from(&fixture("small.json"), &["validate", "-", "-"]);
    assert_error(&run, 2, "standard input can be read only once");
}

#[cfg(target_os = "linux")]
#[test]
fn a_failed_write_exits_4_not_3() {
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
    let run = run_command(relations().args(["--color", "never", "events"]).stdout(full));
    assert_error(&run, 4, "cannot write output");
}

/// Shape and content the loader refuses, each fixture with the place and the words of its one
/// problem. (`tests/schema.rs` runs the same catalogue through a JSON Schema validator.)
const REFUSED: &[(&str, &str, &str)] = &[
    ("top-level-array.json", "", "expected a JSON object at the top level, found an array"),
    ("positional-record.json", "events[0]", "expected a JSON object of named fields (Event)"),
    ("positional-dataset.json", "dataset", "expected a JSON object of named fields (DatasetInfo)"),
    ("self-member.json", "actors[0].members[0].actor", "a bloc cannot be its own member"),
    (
        "membership-cycle.json",
        "actors[2].members[0].actor",
        "runs in a circle of 3 blocs: alpha → beta → gamma → alpha",
    ),
    ("duplicate-member.json", "actors[0].members[2].actor", "member 'chile' appears twice; it is already members[0]"),
    ("duplicate-event-actor.json", "events[0].actors[2]", "actor 'bolivia' appears twice; it is already actors[0]"),
    ("self-based-organisation.json", "actors[0].based_in", "an organisation cannot be based in itself"),
    ("empty-alias.json", "actors[0].aliases[1]", "an alias cannot be empty"),
    ("blank-name.json", "actors[0].name", "a name cannot be empty"),
    ("amount-beyond-exact.json", "figures[0].amount", "amount 9007199254740993 is beyond ±9007199254740991"),
    ("year-zero.json", "events[0].date", "'0000' has year 0000"),
    ("impossible-day.json", "events[0].date", "'2007-02-29' has day 29"),
    ("impossible-as-of.json", "dataset.as_of", "'2010-04-31' has day 31"),
    ("impossible-member-since.json", "actors[0].members[0].since", "'2008-00' has month 0"),
    ("tone-fraction.json", "events[0].tone", "invalid type: floating point `1.5`, expected an integer"),
    ("years-beyond-u32.json", "figures[0].period.years", "integer `4294967296`"),
    ("no-actors.json", "events[0].actors", "an event needs at least one actor"),
    ("no-sources.json", "events[0].sources", "must cite at least one source section"),
    ("country-without-iso3.json", "actors[0].iso3", "a country needs iso3"),
    ("person-with-full-name.json", "actors[0].full_name", "only a bloc has full_name"),
    ("between-one-actor.json", "relationships[0].between", "two different actors"),
    ("period-extra-key.json", "figures[0].period", "unknown field `note`"),
    ("period-as-array.json", "figures[0].period", "invalid type: sequence"),
    ("title-too-long.json", "events[0].title", "81 characters; a title has at most 80"),
    ("empty-unit.json", "figures[0].unit", "a unit cannot be empty"),
    ("empty-label.json", "figures[0].label", "a label cannot be empty"),
    ("bad-iso3.json", "actors[0].iso3", "'lem' is not an ISO 3166-1 alpha-3 code"),
    ("empty-role-title.json", "actors[0].roles[0].title", "a title cannot be empty"),
    ("period-to-before-from.json", "relationships[0].periods[0].to", "2006 is before the period's start 2008"),
    ("overlapping-periods.json", "relationships[0].periods[1].from", "1997 overlaps periods[0] (1980–1999)"),
    ("role-start-twice.json", "actors[1].roles[0].from_event", "a role has one start: `from` or `from_event`"),
    ("role-unknown-event.json", "actors[1].roles[0].to_event", "'no-such-event' is not the id of any event"),
];

#[test]
fn shape_and_content_problems_are_named_with_their_place_and_exit_3() {
    for (file, location, message) in REFUSED {
        let path = fixture(&format!("invalid/{file}"));
        let run = run(&["validate", &path]);
        assert_error(&run, 3, "1 problem in the dataset");
        let expected = if location.is_empty() { format!("{path}: {message}") } else { format!("{path}: {location}: ") };
        assert_problem(&run, file, &expected, message);
    }
}

#[test]
fn an_empty_array_on_standard_input_is_not_a_valid_dataset() {
    let file = TempFile::new("array.json", b"[]\n");
    let run = with_stdin_from(file.path(), &["--no-bundled", "validate", "-"]);
    assert_error(&run, 3, "-: expected a JSON object at the top level, found an array");
}

#[test]
fn a_long_chain_of_blocs_is_checked_without_overflowing_the_stack() {
    // Each bloc a member of the next, and the last of the first: one circle of 50 000.
    let count = 50_000;
    let blocs: Vec<String> = (0..count)
        .map(|i| {
            format!(
                r#"{{"id": "b{i}", "kind": "bloc", "name": "B", "full_name": "B", "summary": "", "members": [{{"actor": "b{}"}}], "sources": [{{"source": "bir", "section": "chile"}}]}}"#,
                (i + 1) % count
            )
        })
        .collect();
    let file = TempFile::new("chain.json", format!(r#"{{"actors": [{}]}}"#, blocs.join(",")).as_bytes());
    let run = run(&["validate", file.path()]);
    assert_error(&run, 3, "1 problem in the dataset");
    assert!(
        run.stderr.contains("runs in a circle of 50000 blocs: b0 → b1 → b2 → b3 → … → b49997 → b49998 → b49999 → b0"),
        "{}",
        &run.stderr[..run.stderr.len().min(500)]
    );
    assert!(run.stderr.len() < 500, "the circle is not cut: {} bytes", run.stderr.len());
}

#[test]
fn a_duplicate_far_down_a_long_member_list_is_found() {
    let mut members: Vec<String> = (0..40).map(|i| format!(r#"{{"actor": "m{i}"}}"#)).collect();
    members.push(r#"{"actor": "m3"}"#.into());
    let people: Vec<String> = (0..40)
        .map(|i| format!(r#"{{"id": "m{i}", "kind": "person", "name": "M", "summary": "", "sources": [{{"source": "bir", "section": "chile"}}]}}"#))
        .collect();
    let text = format!(
        r#"{{"actors": [{}, {{"id": "big", "kind": "bloc", "name": "Big", "full_name": "Big", "summary": "", "members": [{}], "sources": [{{"source": "bir", "section": "chile"}}]}}]}}"#,
        people.join(","),
        members.join(",")
    );
    let run = load("long.json", text.as_bytes());
    assert_error(&run, 3, "1 problem in the dataset");
    assert!(
        run.stderr.contains("actors[40].members[40].actor: member 'm3' appears twice; it is already members[3]"),
        "{}",
        run.stderr
    );
}

#[test]
fn millions_of_broken_records_list_the_first_thousand_problems_and_count_the_rest() {
    // 200 000 records that are not objects: each is a problem, and each message kept would cost
    // far more memory than the record's two bytes of text.
    let text = format!(r#"{{"events": [{}0]}}"#, "0,".repeat(199_999));
    let file = TempFile::new("zeros.json", text.as_bytes());
    let run = run(&["--no-bundled", "--no-cache", "validate", file.path()]);
    assert_error(&run, 3, "200000 problems in the dataset");
    let listed = run.stderr.lines().filter(|l| l.contains(": events[")).count();
    assert_eq!(listed, 1000, "the first thousand are listed in full");
    assert!(run.stderr.contains("events[999]: ") && !run.stderr.contains("events[1000]: "), "{}", &run.stderr[..500]);
    assert!(run.stderr.contains("and 199000 more problems not listed (the first 1000 are)"), "{}", run.stderr);
    let json = run_command(relations().args(["--no-bundled", "--no-cache", "validate", "--json", file.path()]));
    assert_eq!(json.code, 3);
    let report = json.json();
    assert_eq!(report["problems"].as_array().unwrap().len(), 1000);
    assert_eq!(report["unlisted"], 199_000);
}
