//! Inputs from fuzzing (`fuzz/`) and the edges it probes. Every file in tests/fixtures/fuzz/load/
//! is a dataset and every file in tests/fixtures/fuzz/range/ is a range; each must end in a clean
//! error from the real binary: exit code 2 or 3, stderr starting `error:`, no panic. A crash that
//! a fuzzer finds goes in as one more file (minimised with `cargo fuzz tmin`).

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn fixtures(kind: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz").join(kind);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no fixtures in {}", dir.display());
    files
}

/// Run the binary with nothing leaking in from the developer's shell and check the rule.
fn assert_clean_error(what: &str, args: &[&OsStr]) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_relations"));
    for var in ["NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "COLUMNS", "RELATIONS_DATA", "TERM", "RUST_BACKTRACE"] {
        command.env_remove(var);
    }
    let output = command.args(["--color", "never"]).args(args).stdin(Stdio::null()).output().expect("the binary runs");
    let code = output.status.code();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{what}: the program panicked:\n{stderr}");
    // A signal (a stack overflow aborts) leaves no exit code.
    assert!(matches!(code, Some(2 | 3)), "{what}: exit code {code:?}, expected 2 or 3\n{stderr}");
    assert!(stderr.starts_with("error:"), "{what}: stderr does not start with `error:`:\n{stderr}");
}

fn assert_dataset_is_a_clean_error(path: &Path) {
    let what = path.display().to_string();
    let file = path.as_os_str();
    assert_clean_error(
        &format!("{what} alone"),
        &["--no-bundled".as_ref(), "--data".as_ref(), file, "export".as_ref()],
    );
    assert_clean_error(&format!("{what} on the bundled data"), &["--data".as_ref(), file, "export".as_ref()]);
}

#[test]
fn every_dataset_fixture_is_a_clean_error() {
    for path in fixtures("load") {
        assert_dataset_is_a_clean_error(&path);
    }
}

#[test]
fn every_range_fixture_is_a_clean_error() {
    for path in fixtures("range") {
        let range = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let what = format!("{} ({range:?})", path.display());
        assert_clean_error(&what, &["events".as_ref(), "--".as_ref(), range.as_ref()]);
    }
}

/// Too big to keep as fixtures: nesting far past serde_json's recursion limit (which would
/// overflow the stack without it) and very long strings, written at test time.
#[test]
fn generated_huge_inputs_are_clean_errors() {
    let n = 100_000;
    let long = "é".repeat(100_000);
    let cases = [
        ("deep-arrays.json", format!("{}{}", "[".repeat(n), "]".repeat(n))),
        ("deep-arrays-in-events.json", format!("{{\"events\": [{}{}]}}", "[".repeat(n), "]".repeat(n))),
        ("deep-objects-in-dataset.json", format!("{{\"dataset\": {}1{}}}", "{\"a\":".repeat(n), "}".repeat(n))),
        ("deep-unclosed.json", format!("{{\"actors\": {}", "[{\"id\": ".repeat(n))),
        (
            "long-strings.json",
            format!(
                "{{\"events\": [{{\"id\": \"{long}\", \"date\": \"{long}\", \"title\": \"{long}\", \"summary\": \"s\", \
                 \"type\": \"{long}\", \"actors\": [\"{long}\"], \"tone\": 0, \"sources\": [{{\"source\": \"{long}\", \
                 \"section\": \"chile\"}}]}}]}}"
            ),
        ),
    ];
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("fuzz_regressions");
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    for (name, text) in cases {
        let path = dir.join(name);
        std::fs::write(&path, text).expect("the input is written");
        assert_dataset_is_a_clean_error(&path);
    }
}
