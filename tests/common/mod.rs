//! One way to run the real binary in tests: a scrubbed environment and captured output.
#![allow(dead_code)] // each test file uses a different part of this helper

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

pub fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name).display().to_string()
}

/// The binary with no colour or width settings leaking in from the developer's shell.
pub fn relations() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_relations"));
    for var in ["NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "COLUMNS", "RELATIONS_DATA", "TERM"] {
        command.env_remove(var);
    }
    command.stdin(Stdio::null());
    // Compiled datasets go to a cache inside the target directory, never the user's home.
    command.env("RELATIONS_CACHE_DIR", test_cache_dir());
    command
}

/// The cache directory every test run shares unless a test sets its own.
pub fn test_cache_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("test-cache")
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }

    pub fn lines(&self) -> Vec<&str> {
        self.stdout.lines().collect()
    }
}

fn finish(output: Output) -> Run {
    let run = Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    };
    assert!(!run.stderr.contains("panicked"), "the program panicked:\n{}", run.stderr);
    assert!(!run.stderr.contains("RUST_BACKTRACE"), "the program printed a backtrace hint:\n{}", run.stderr);
    run
}

/// Run with these arguments and `--color never`.
pub fn run(args: &[&str]) -> Run {
    finish(relations().arg("--color").arg("never").args(args).output().expect("the binary runs"))
}

/// Run a prepared command.
pub fn run_command(command: &mut Command) -> Run {
    finish(command.output().expect("the binary runs"))
}

/// Assert a failure: the exit code, and one `error:` line first on stderr.
pub fn assert_error(run: &Run, code: i32, needle: &str) {
    assert_eq!(run.code, code, "exit code; stderr:\n{}", run.stderr);
    assert!(run.stderr.starts_with("error: "), "stderr should start with 'error: ':\n{}", run.stderr);
    assert!(run.stderr.contains(needle), "stderr should mention {needle:?}:\n{}", run.stderr);
}

/// The problem a failed load reports for a fixture: the line of its standard error that starts
/// with `prefix` (`FILE: LOCATION: `), which must contain `message`.
pub fn assert_problem(run: &Run, fixture: &str, prefix: &str, message: &str) {
    let line = run
        .stderr
        .lines()
        .find(|l| l.starts_with(prefix))
        .unwrap_or_else(|| panic!("{fixture}: no line starting {prefix:?} in:\n{}", run.stderr));
    assert!(line.contains(message), "{fixture}: {line:?} should contain {message:?}");
}
