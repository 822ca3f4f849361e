//! The README's examples are what the binary prints: every block marked `<!-- readme: piped -->`
//! or `<!-- readme: terminal WIDTH -->` is run again and compared (`scripts/readme` rewrites them).
//!
//! In a marked block, each line starting with `$ ` is a shell command (pipes allowed); the lines
//! up to the next command are its output, standard error included. `piped` runs the commands as
//! written, their output a pipe; `terminal WIDTH` adds `--format table --color never` after the
//! leading `relations`, with `COLUMNS=WIDTH`, as a table drawn on a terminal that wide.

use std::path::{Path, PathBuf};
use std::process::Command;

const MARK: &str = "<!-- readme: ";

/// How a block's commands are run.
enum Mode {
    Piped,
    Terminal(u16),
}

fn mode(marker: &str) -> Mode {
    let spec = marker.trim_start_matches(MARK).trim_end_matches("-->").trim();
    match spec.split_whitespace().collect::<Vec<_>>().as_slice() {
        ["piped"] => Mode::Piped,
        ["terminal", width] => Mode::Terminal(width.parse().expect("a width after `terminal`")),
        _ => panic!("unknown README marker {marker:?}: use `piped` or `terminal WIDTH`"),
    }
}

/// What `command` prints, run through `sh` in the repository with the built binary first on PATH
/// and none of the developer's colour, width or pager settings.
fn output_of(command: &str, mode: &Mode, root: &Path) -> String {
    let binary = PathBuf::from(env!("CARGO_BIN_EXE_relations"));
    let bin_dir = binary.parent().expect("the binary has a directory");
    let path = std::env::join_paths(
        std::iter::once(bin_dir.to_path_buf())
            .chain(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())),
    )
    .expect("PATH joins");
    let (line, columns) = match mode {
        Mode::Piped => (command.to_owned(), 80),
        Mode::Terminal(width) => {
            let rest = command.strip_prefix("relations ").expect("a terminal command starts with `relations`");
            (format!("relations --format table --color never {rest}"), *width)
        }
    };
    let mut shell = Command::new("sh");
    shell.arg("-c").arg(format!("{line} 2>&1")).current_dir(root).env("PATH", path);
    for var in ["NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "RELATIONS_DATA", "PAGER", "RELATIONS_PAGER", "TERM"] {
        shell.env_remove(var);
    }
    shell.env("COLUMNS", columns.to_string());
    let output = shell.output().expect("sh runs");
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(!text.contains("panicked"), "`{command}` panicked:\n{text}");
    text.trim_end_matches('\n').to_owned()
}

/// The README with every marked block's outputs printed afresh; also the commands run.
fn regenerate(readme: &str, root: &Path) -> (String, Vec<String>) {
    let mut out = Vec::new();
    let mut commands = Vec::new();
    let mut lines = readme.lines();
    while let Some(line) = lines.next() {
        out.push(line.to_owned());
        if !line.starts_with(MARK) {
            continue;
        }
        let mode = mode(line);
        let fence = lines.next().expect("a fenced block after a README marker");
        assert!(fence.starts_with("```"), "a fenced block must follow {line:?}, not {fence:?}");
        out.push(fence.to_owned());
        for block_line in lines.by_ref() {
            if block_line.starts_with("```") {
                out.push(block_line.to_owned());
                break;
            }
            let Some(command) = block_line.strip_prefix("$ ") else { continue };
            out.push(block_line.to_owned());
            let printed = output_of(command, &mode, root);
            if !printed.is_empty() {
                out.extend(printed.lines().map(str::to_owned));
            }
            commands.push(command.to_owned());
        }
    }
    let mut text = out.join("\n");
    text.push('\n');
    (text, commands)
}

#[test]
fn every_marked_readme_example_is_what_the_binary_prints() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let path = root.join("README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md reads");
    let (fresh, commands) = regenerate(&readme, &root);
    assert!(commands.len() >= 10, "the README's tour should have its examples marked: {commands:?}");
    if std::env::var_os("RELATIONS_README_UPDATE").is_some() {
        if fresh != readme {
            std::fs::write(&path, &fresh).expect("README.md writes");
        }
        return;
    }
    if fresh != readme {
        let (old, new): (Vec<&str>, Vec<&str>) = (readme.lines().collect(), fresh.lines().collect());
        let at = old.iter().zip(&new).position(|(a, b)| a != b).unwrap_or(old.len().min(new.len()));
        panic!(
            "README.md line {}: an example no longer matches what the binary prints; run scripts/readme \
             and review the diff.\n  README: {:?}\n  binary: {:?}",
            at + 1,
            old.get(at).unwrap_or(&""),
            new.get(at).unwrap_or(&""),
        );
    }
}

#[test]
fn every_marked_readme_example_prints_something() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md reads");
    let mut mode_now = None;
    for line in readme.lines() {
        if line.starts_with(MARK) {
            mode_now = Some(mode(line));
        } else if line.starts_with("```") && !line.starts_with("```text") {
            mode_now = None;
        } else if let (Some(mode), Some(command)) = (&mode_now, line.strip_prefix("$ ")) {
            assert!(!output_of(command, mode, &root).is_empty(), "`{command}` in the README prints nothing");
        }
    }
}
