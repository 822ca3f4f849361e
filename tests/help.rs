//! Help and manual: global options under their own heading, each command's own formats,
//! examples everywhere, and a man page that documents every command and passes `mandoc -Tlint`.

mod common;

use std::process::Command;

use common::{assert_error, run};

const SUBCOMMANDS: &[&str] = &[
    "show",
    "events",
    "timeline",
    "search",
    "list",
    "figures",
    "compare",
    "graph",
    "cite",
    "info",
    "validate",
    "export",
    "schema",
    "completions",
    "man",
    "cache",
];

#[test]
fn every_subcommand_help_puts_global_options_under_their_own_heading_and_shows_examples() {
    for sub in SUBCOMMANDS {
        let help = run(&[sub, "--help"]);
        assert_eq!(help.code, 0, "{sub}");
        let (own, global) =
            help.stdout.split_once("Global options:").unwrap_or_else(|| panic!("{sub}: {}", help.stdout));
        for option in ["--data", "--no-bundled", "--color", "--paging", "--no-pager"] {
            let listed = |text: &str| text.lines().any(|l| l.trim_start().starts_with(option));
            assert!(!listed(own), "{sub}: {option} among the command's own options");
            assert!(listed(global), "{sub}: {option} missing from Global options");
        }
        let examples =
            help.stdout.split_once("Examples:\n").map(|(_, e)| e).unwrap_or_else(|| panic!("{sub}: no examples"));
        let count = examples
            .lines()
            .filter(|l| l.starts_with(&format!("  relations {sub}")) || l.starts_with("  relations --"))
            .count();
        assert!(count >= 1, "{sub}: examples do not run the command:\n{examples}");
    }
}

#[test]
fn each_subcommand_offers_only_the_formats_it_can_write() {
    let show = run(&["show", "--help"]).stdout;
    assert!(show.contains("- json"), "{show}");
    for missing in ["- dot", "- mermaid", "- csv", "- ndjson"] {
        assert!(!show.contains(missing), "show --help offers {missing}");
    }
    let graph = run(&["graph", "--help"]).stdout;
    assert!(graph.contains("- dot") && graph.contains("- mermaid"), "{graph}");
    let events = run(&["events", "--help"]).stdout;
    assert!(events.contains("- csv") && !events.contains("- dot"), "{events}");
    let refused = run(&["show", "chile", "--format", "dot"]);
    assert_error(&refused, 2, "invalid value 'dot'");
    assert!(refused.stderr.contains("[possible values: table, plain, json]"), "{}", refused.stderr);
}

#[test]
fn list_without_a_kind_is_a_usage_error_that_names_the_kinds() {
    let run = run(&["list"]);
    assert_error(&run, 2, "say what to list");
    for kind in ["countries", "blocs", "people", "events", "relationships", "types"] {
        assert!(run.stderr.contains(kind), "{kind}: {}", run.stderr);
    }
}

#[test]
fn the_manual_documents_every_subcommand_with_its_options_and_examples() {
    let man = run(&["man"]);
    assert_eq!(man.code, 0);
    let page = man.stdout;
    for sub in SUBCOMMANDS {
        let heading = format!(".SS \"relations {sub}");
        let start = page.find(&heading).unwrap_or_else(|| panic!("no subsection for {sub}"));
        let section = &page[start..];
        let section =
            &section[..section[1..].find(".SS ").or_else(|| section.find(".SH ENVIRONMENT")).unwrap_or(section.len())];
        assert!(section.contains("\\fIExamples:\\fR"), "{sub}: no examples");
        assert!(section.contains(&format!("relations {sub}")), "{sub}");
        assert!(section.contains(".TP"), "{sub}: no options");
    }
    assert!(page.contains("\\fB\\-\\-as\\-of\\fR"), "show's --as-of is documented");
    assert!(page.contains("\\fB\\-\\-reverse\\fR"), "events' --reverse is documented");
    assert!(!page.contains("relations\\-show(1)"), "points to pages that do not exist");
    assert!(!page.contains(".SH EXTRA") && page.contains(".SH EXAMPLES"));
    assert!(page.contains(".SH \"GLOBAL OPTIONS\"") && page.contains(".SH \"EXIT STATUS\""));
}

#[test]
fn mandoc_finds_nothing_to_report_in_the_manual() {
    let man = run(&["man"]);
    let path = std::env::temp_dir().join(format!("relations-{}.1", std::process::id()));
    std::fs::write(&path, &man.stdout).unwrap();
    let Ok(lint) = Command::new("mandoc").arg("-Tlint").arg(&path).output() else {
        eprintln!("skipped: mandoc is not installed");
        return;
    };
    std::fs::remove_file(&path).ok();
    let report = format!("{}{}", String::from_utf8_lossy(&lint.stdout), String::from_utf8_lossy(&lint.stderr));
    assert!(lint.status.success() && report.trim().is_empty(), "mandoc -Tlint:\n{report}");
}
