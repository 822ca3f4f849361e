//! `relations man`: the manual page, generated from the same declarations as `--help`.

use clap::CommandFactory;
use clap_mangen::Man;
use roff::{Roff, bold, italic, roman};

use crate::cli::Cli;
use crate::error::Result;
use crate::render::{Output, format_name};

/// The date on the manual's title line; change it with the manual.
const DATE: &str = "2026-11-28";

pub fn run(out: &mut Output) -> Result<()> {
    out.out.write_all(manual()?.as_bytes())?;
    Ok(())
}

/// The whole page: clap_mangen draws the option lists from the clap declarations; the rest
/// (one section per subcommand with its options, formats and examples) is written here, as
/// clap_mangen would otherwise point to a separate page per subcommand.
pub fn manual() -> Result<String> {
    let version = env!("CARGO_PKG_VERSION");
    let top = Man::new(super::cli_command())
        .title("RELATIONS")
        .date(DATE)
        .source(format!("relations {version}"))
        .manual("User Commands");
    let mut title = Vec::new();
    top.render_title(&mut title)?;
    let mut page = without_preamble(&String::from_utf8_lossy(&title));

    let mut head = Roff::new();
    head.control("SH", ["NAME"]).text([roman("relations - browse a knowledge base of a country's foreign relations")]);
    head.control("SH", ["SYNOPSIS"]).text([
        bold("relations"),
        roman(" ["),
        italic("GLOBAL OPTIONS"),
        roman("] "),
        italic("COMMAND"),
        roman(" ["),
        italic("OPTIONS"),
        roman("] ["),
        italic("ARGUMENTS"),
        roman("]"),
    ]);
    head.control("SH", ["DESCRIPTION"]);
    let cli = Cli::command();
    let about = cli.get_long_about().or_else(|| cli.get_about()).map(ToString::to_string).unwrap_or_default();
    for (i, paragraph) in about.split("\n\n").enumerate() {
        if i > 0 {
            head.control("PP", []);
        }
        head.text([roman(paragraph.replace('\n', " "))]);
    }
    head.control("PP", []).text([roman(
        "On a terminal, output is drawn as coloured tables fitted to its width, and output taller than the \
         screen goes through a pager. Piped, it is plain tab-separated text, one record per line.",
    )]);
    page.extend(without_preamble(&head.render()));

    // Top-level options: -h and -V under OPTIONS, the rest under GLOBAL OPTIONS.
    let mut options = Vec::new();
    top.render_options_section(&mut options)?;
    page.extend(without_preamble(&String::from_utf8_lossy(&options)));

    let mut commands = Roff::new();
    commands.control("SH", ["COMMANDS"]);
    commands.text([roman("Every command also takes the global options above.")]);
    page.extend(without_preamble(&commands.render()));
    for sub in cli.get_subcommands() {
        let name = sub.get_name();
        let mut section = Roff::new();
        let usage = sub.clone().bin_name(format!("relations {name}")).render_usage().to_string();
        section.control("SS", [usage.trim_start_matches("Usage: ")]);
        if let Some(about) = sub.get_long_about().or_else(|| sub.get_about()) {
            section.text([roman(about.to_string().replace('\n', " "))]);
        }
        let formats: Vec<&str> = super::formats(name).iter().map(|f| format_name(*f)).collect();
        if formats.contains(&"json") {
            section.control("PP", []).text([italic("Formats:"), roman(format!(" {}.", formats.join(", ")))]);
        }
        page.extend(without_preamble(&section.render()));

        let mut options = Vec::new();
        Man::new(sub.clone()).render_options_section(&mut options)?;
        // clap_mangen opens the list with its own `.SH OPTIONS`; here it is part of the command's
        // subsection.
        let options = String::from_utf8_lossy(&options).replace(".SH OPTIONS\n", ".PP\n\\fIOptions:\\fR\n");
        page.extend(without_preamble(&options));

        if let Some(examples) = sub.get_after_help() {
            page.extend(without_preamble(&examples_roff(&examples.to_string(), "PP")));
        }
    }

    let mut tail = Roff::new();
    tail.control("SH", ["ENVIRONMENT"]);
    for (name, text) in ENVIRONMENT {
        tail.control("TP", []).text([bold(*name)]).text([roman(*text)]);
    }
    tail.control("SH", ["EXIT STATUS"]);
    for (code, text) in EXIT_STATUS {
        tail.control("TP", []).text([bold(*code)]).text([roman(*text)]);
    }
    page.extend(without_preamble(&tail.render()));
    if let Some(examples) = cli.get_after_help() {
        page.extend(without_preamble(&examples_roff(&examples.to_string(), "SH")));
    }
    let mut version_section = Roff::new();
    version_section.control("SH", ["VERSION"]).text([roman(version)]);
    page.extend(without_preamble(&version_section.render()));
    Ok(fold_long_lines(&String::from_utf8_lossy(&page)))
}

const ENVIRONMENT: &[(&str, &str)] = &[
    ("RELATIONS_DATA", "Dataset files to load on top of the bundled one when no --data is given, separated like PATH."),
    (
        "RELATIONS_PAGER, PAGER",
        "The pager for output taller than the terminal, split into words as a shell would (no shell runs it). \
         Without either, less -FRX. Set to an empty value or cat to print directly.",
    ),
    ("NO_COLOR", "When set and not empty, no colour (unless --color always)."),
    ("CLICOLOR_FORCE", "When set and not 0, colour even when the output is not a terminal."),
    ("COLUMNS", "The width to fit tables and the timeline to; without a terminal, 80."),
];

const EXIT_STATUS: &[(&str, &str)] = &[
    ("0", "Success, including when the reader closes the pager or the pipe early."),
    ("1", "Nothing matches: an unknown actor, an ambiguous name, a missing record."),
    ("2", "A usage error: a bad option, value or combination of filters."),
    ("3", "Invalid data, an unreadable file or an output error."),
];

/// An `Examples:` block from a help text as an EXAMPLES section (`SH`) or a paragraph (`PP`),
/// each example on its own line, unfilled.
fn examples_roff(help: &str, level: &str) -> String {
    let mut roff = Roff::new();
    if level == "SH" {
        roff.control("SH", ["EXAMPLES"]);
    } else {
        roff.control("PP", []).text([italic("Examples:")]);
    }
    roff.control("RS", ["4"]).control("nf", []);
    for line in help.lines().filter(|l| l.starts_with("  ")) {
        roff.text([roman(line.trim())]);
    }
    roff.control("fi", []).control("RE", []);
    roff.render()
}

/// The apostrophe preamble that each roff rendering starts with is needed once, at the top.
fn without_preamble(text: &str) -> Vec<u8> {
    text.lines()
        .filter(|l| !l.starts_with(".ie \\n(.g .ds Aq") && !l.starts_with(".el .ds Aq"))
        .flat_map(|l| format!("{l}\n").into_bytes())
        .collect()
}

/// Text lines longer than 80 bytes split at spaces (the same text once filled), so that
/// `mandoc -Tlint` finds nothing; unfilled blocks are left as they are.
fn fold_long_lines(page: &str) -> String {
    let preamble = ".ie \\n(.g .ds Aq \\(aq\n.el .ds Aq '\n";
    let mut folded = String::from(preamble);
    let mut filling = true;
    let mut previous_break = false;
    for line in page.lines() {
        match line {
            ".nf" => filling = false,
            ".fi" => filling = true,
            _ => {}
        }
        // An empty line or a `.br` before a spacing request is what mandoc calls a skipped
        // paragraph macro: clap_mangen writes both before a list of possible values.
        if line.is_empty() || (line == ".br" && previous_break) {
            continue;
        }
        previous_break = line == ".br";
        if !filling || line.starts_with('.') || line.len() <= 80 {
            folded.push_str(line.trim_end());
            folded.push('\n');
            continue;
        }
        let mut current = String::new();
        for word in line.split(' ').filter(|w| !w.is_empty()) {
            if !current.is_empty() && current.len() + 1 + word.len() > 80 && !current.ends_with('\\') {
                folded.push_str(&current);
                folded.push('\n');
                current.clear();
            }
            if current.is_empty() && (word.starts_with('.') || word.starts_with('\'')) {
                current.push_str("\\&");
            } else if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        }
        folded.push_str(&current);
        folded.push('\n');
    }
    folded
}
