//! Paging on a terminal: long output through the pager with its colour, short output and pipes
//! printed directly, and a missing, failing or early-closed pager never an error.

mod common;
#[path = "common/terminal.rs"]
mod terminal;

use std::path::PathBuf;

use common::{relations, run_command};
use terminal::{Screen, in_terminal, widest};

/// A pager that records what it is given, in a folder of its own.
struct FakePager {
    dir: PathBuf,
}

impl FakePager {
    fn new(test: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("relations-paging-{}-{test}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let script = dir.join("pager");
        std::fs::write(&script, "#!/bin/sh\ncat > \"$1\"\n").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        FakePager { dir }
    }

    /// The value for RELATIONS_PAGER or PAGER: the script and the file it records into (a path
    /// with a space, so that the command is split as a shell would).
    fn command(&self) -> String {
        format!("{} '{}'", self.dir.join("pager").display(), self.dir.join("paged output").display())
    }

    /// What the pager was given, if it ran.
    fn paged(&self) -> Option<String> {
        std::fs::read_to_string(self.dir.join("paged output")).ok()
    }
}

impl Drop for FakePager {
    fn drop(&mut self) {
        std::fs::remove_dir_all(&self.dir).ok();
    }
}

fn screen(rows: u16, env: &[(&str, &str)], args: &[&str]) -> Option<Screen> {
    let screen = in_terminal(80, rows, env, args);
    if screen.is_none() {
        eprintln!("skipped: `script` is not available");
    }
    screen
}

#[test]
fn long_output_in_a_terminal_goes_through_the_pager_with_its_colour_and_tables() {
    let pager = FakePager::new("long");
    let Some(screen) = screen(24, &[("RELATIONS_PAGER", &pager.command())], &["show", "chile"]) else { return };
    assert_eq!(screen.code, 0, "{}", screen.raw);
    let paged = pager.paged().expect("the pager ran");
    assert!(paged.contains("Relationship with Bolivia"), "the whole profile is paged");
    assert!(paged.contains("\u{1b}["), "colour is kept for the pager");
    let text = terminal::strip_ansi(&paged);
    assert!(text.contains('┌'), "tables are drawn as for the terminal");
    assert!(widest(&text) <= 80, "paged tables fit the terminal: {}", widest(&text));
    assert!(!screen.text().contains("Relationship with Bolivia"), "nothing is printed besides the pager");
}

#[test]
fn pager_is_taken_from_pager_when_relations_pager_is_unset_and_relations_pager_wins() {
    let (first, second) = (FakePager::new("pager-var"), FakePager::new("pager-var-2"));
    let Some(_) = screen(24, &[("PAGER", &first.command())], &["show", "chile"]) else { return };
    assert!(first.paged().is_some(), "PAGER is used");
    std::fs::remove_file(first.dir.join("paged output")).unwrap();
    let env = [("PAGER", first.command()), ("RELATIONS_PAGER", second.command())];
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    screen(24, &env, &["show", "chile"]).unwrap();
    assert!(second.paged().is_some() && first.paged().is_none(), "RELATIONS_PAGER comes first");
}

#[test]
fn output_that_fits_on_one_screen_is_printed_without_the_pager_unless_paging_always() {
    let pager = FakePager::new("short");
    let env = [("RELATIONS_PAGER", pager.command())];
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let Some(screen) = screen(40, &env, &["search", "chile", "--limit", "2"]) else { return };
    assert_eq!(screen.code, 0);
    assert!(pager.paged().is_none(), "the pager did not run");
    assert!(screen.text().contains("chile"), "{}", screen.text());
    let always = in_terminal(80, 40, &env, &["--paging", "always", "search", "chile", "--limit", "2"]).unwrap();
    assert_eq!(always.code, 0);
    assert!(pager.paged().is_some_and(|p| p.contains("chile")), "--paging always pages short output");
}

#[test]
fn no_pager_and_paging_never_print_directly() {
    let pager = FakePager::new("never");
    for flags in [&["--no-pager"][..], &["--paging", "never"][..]] {
        let args: Vec<&str> = flags.iter().copied().chain(["show", "chile"]).collect();
        let Some(screen) = screen(24, &[("RELATIONS_PAGER", &pager.command())], &args) else { return };
        assert_eq!(screen.code, 0);
        assert!(pager.paged().is_none(), "{flags:?}: the pager ran");
        assert!(screen.text().contains("Relationship with Bolivia"), "{flags:?}");
    }
}

#[test]
fn piped_output_is_never_paged_even_with_paging_always() {
    let pager = FakePager::new("piped");
    let run =
        run_command(relations().env("RELATIONS_PAGER", pager.command()).args(["--paging", "always", "show", "chile"]));
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains("Chile"), "{}", run.stdout);
    assert!(pager.paged().is_none(), "a pipe was paged");
}

#[test]
fn a_missing_or_failing_pager_falls_back_to_printing_everything() {
    let missing = "/nonexistent/relations-pager --flag";
    for pager in [missing, "false"] {
        let Some(screen) = screen(24, &[("RELATIONS_PAGER", pager)], &["show", "chile"]) else { return };
        assert_eq!(screen.code, 0, "{pager}: {}", screen.text());
        let text = screen.text();
        assert!(!text.contains("error"), "{pager}: {text}");
        assert!(text.contains("Chile (country)") && text.contains("Relationship with Bolivia"), "{pager}");
        assert!(text.trim_end().lines().last().unwrap().starts_with("sources:"), "{pager}: printed to the end");
    }
}

#[test]
fn a_pager_closed_early_is_not_an_error() {
    // `true` exits at once without reading, as a reader pressing q does; the export is larger
    // than a pipe holds, so the program does meet the closed pipe.
    let Some(screen) = screen(24, &[("RELATIONS_PAGER", "true")], &["export"]) else { return };
    assert_eq!(screen.code, 0, "{}", screen.text());
    assert!(!screen.text().contains("error"), "{}", screen.text());
    assert!(!screen.text().contains("\"actors\""), "output is not printed after the reader quit");
}
