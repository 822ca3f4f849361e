//! Hostile text in a dataset or on the command line never reaches a terminal raw, never runs in a
//! spreadsheet or a Mermaid diagram, and never makes a table slow or wider than its width.

mod common;
mod render_check;

use std::path::PathBuf;

use common::{assert_error, relations, run, run_command};

/// A file in a fresh temporary directory, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, text: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("relations-hostile-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
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

/// ESC (an OSC 52 clipboard write and a colour), BEL, CR, NUL, a C1 CSI, a bidi override and
/// both Unicode line separators.
const HOSTILE: &str = "\u{1b}]52;c;SGk=\u{7}\u{1b}[31mred\r\u{0}\u{9b}2J\u{202e}desrever\u{2028}next\u{2029}para";

/// Characters that must never reach a terminal raw (plain output separates columns by tabs).
fn is_raw_control(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}')
}

fn assert_no_raw_control(text: &str, what: &str) {
    if let Some(c) = text.chars().find(|&c| is_raw_control(c)) {
        panic!("{what}: raw {:?} in output:\n{text}", c);
    }
}

/// A dataset added on top of the bundled one: a country, its relationship with Bolivia, an event
/// and a figure, all carrying `text` in their names, labels and titles.
fn dataset(name: &str, text: &str) -> TempFile {
    let source = serde_json::json!([{"source": "bir", "section": "chile"}]);
    let data = serde_json::json!({
        "actors": [{
            "id": "hostile", "kind": "country", "name": format!("Hostile {text}"), "aliases": [format!("alias {text}")],
            "iso3": "HST", "region": format!("region {text}"), "summary": format!("summary {text}"), "sources": source,
        }],
        "relationships": [{
            "between": ["bolivia", "hostile"], "tone": 1, "status": format!("status {text}"),
            "themes": [format!("theme {text}")], "summary": format!("summary {text}"), "sources": source,
        }],
        "events": [{
            "id": "2008-hostile", "date": "2008", "title": format!("Title {text}").chars().take(80).collect::<String>(), "summary": format!("summary {text}"),
            "type": "visit", "actors": ["bolivia", "hostile"], "tone": 1, "sources": source,
        }],
        "figures": [{
            "id": "hostile-aid", "kind": "aid", "from": "hostile", "to": "bolivia", "amount": 5, "unit": "USD",
            "period": "2008", "label": format!("Label {text}"), "sources": source,
        }],
    });
    TempFile::new(name, &data.to_string())
}

/// Every list and document command that shows the hostile records, with the formats it writes.
const COMMANDS: &[(&[&str], &[&str])] = &[
    (&["list", "actors"], &["table", "plain", "csv"]),
    (&["list", "relationships"], &["table", "plain", "csv"]),
    (&["events", "2008"], &["table", "plain", "csv"]),
    (&["figures", "--actor", "hostile"], &["table", "plain", "csv"]),
    (&["search", "hostile"], &["table", "plain", "csv"]),
    (&["graph", "--actor", "hostile"], &["table", "plain", "csv"]),
    (&["timeline", "2008"], &["table", "plain"]),
    (&["show", "hostile"], &["table", "plain"]),
    (&["compare", "hostile", "bolivia"], &["table", "plain"]),
    (&["cite", "2008-hostile"], &["table", "plain"]),
];

#[test]
fn control_bidi_and_line_separator_characters_never_reach_table_plain_or_csv_output() {
    let file = dataset("hostile.json", HOSTILE);
    for (args, formats) in COMMANDS {
        for format in *formats {
            let mut all = vec!["--data", file.path(), "--format", format];
            all.extend_from_slice(args);
            let run = run(&all);
            assert_eq!(run.code, 0, "{args:?} {format}: {}", run.stderr);
            assert_no_raw_control(&run.stdout, &format!("{args:?} --format {format}"));
            assert!(run.stdout.contains("\\x1b") || format == &"table", "{args:?} {format}: the text is shown escaped");
        }
    }
}

#[test]
fn plain_output_keeps_one_record_per_line_despite_line_separators() {
    let file = dataset("lines.json", HOSTILE);
    let run = run(&["--data", file.path(), "--format", "plain", "list", "actors"]);
    let line = run.lines().into_iter().find(|l| l.starts_with("hostile\t")).expect("the hostile actor's line");
    assert!(line.contains("\\u{2028}next\\u{2029}para"), "{line}");
    assert!(line.contains("\\r\\x00\\x9b2J"), "{line}");
}

#[test]
fn csv_gives_a_csv_reader_the_real_text_of_ordinary_data() {
    let ordinary = "Piñera, \"El Tata\" d'Ávila; 50% ½ 日本";
    let file = dataset("ordinary.json", ordinary);
    let run = run(&["--data", file.path(), "--format", "csv", "list", "actors"]);
    let mut reader = csv::Reader::from_reader(run.stdout.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let name = headers.iter().position(|h| h == "name").unwrap();
    let aliases = headers.iter().position(|h| h == "aliases").unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let hostile = rows.iter().find(|r| &r[0] == "hostile").expect("the actor's row");
    assert_eq!(&hostile[name], format!("Hostile {ordinary}"));
    assert_eq!(&hostile[aliases], format!("alias {ordinary}"));
    assert!(rows.iter().any(|r| &r[name] == "Chile"), "the bundled actors are there too");
}

#[test]
fn csv_cells_a_spreadsheet_would_run_get_a_quote_but_numbers_stay_numbers() {
    let file = dataset("formula.json", "x");
    // The name is the whole cell here: start it with each formula character in turn.
    for start in ["=1+2", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)"] {
        let text = std::fs::read_to_string(file.path()).unwrap().replace("Hostile x", start);
        let formula = TempFile::new("formula-variant.json", &text);
        let run = run(&["--data", formula.path(), "--format", "csv", "list", "actors"]);
        let mut reader = csv::Reader::from_reader(run.stdout.as_bytes());
        let name = reader.headers().unwrap().iter().position(|h| h == "name").unwrap();
        let row = reader.records().map(Result::unwrap).find(|r| &r[0] == "hostile").unwrap();
        assert_eq!(&row[name], format!("'{start}"), "{start}");
    }
    let search = run(&["--format", "csv", "events", "2008"]);
    let mut reader = csv::Reader::from_reader(search.stdout.as_bytes());
    let tone = reader.headers().unwrap().iter().position(|h| h == "tone").unwrap();
    let tones: Vec<String> = reader.records().map(|r| r.unwrap()[tone].to_owned()).collect();
    assert!(tones.contains(&"-2".to_owned()), "a negative tone stays a number: {tones:?}");
}

#[test]
fn error_messages_escape_the_arguments_and_paths_they_echo() {
    let show = run(&["show", "\u{1b}]52;c;SGk=\u{7}"]);
    assert_error(&show, 1, "no actor matches '\\x1b]52;c;SGk=\\x07'");
    assert_no_raw_control(&show.stderr, "show");
    let path = std::env::temp_dir().join("missing-\u{1b}[31m-\u{202e}-\r.json");
    let read = run(&["--data", path.to_str().unwrap(), "info"]);
    assert_error(&read, 3, "cannot read");
    assert!(read.stderr.contains("missing-\\x1b[31m-\\u{202e}-\\r.json"), "{}", read.stderr);
    assert_no_raw_control(&read.stderr, "read");
    let clap = run(&["--format", "x\u{7}\u{2028}y", "events"]);
    assert_eq!(clap.code, 2, "{}", clap.stderr);
    assert_no_raw_control(&clap.stderr, "an invalid option value");
}

#[test]
fn mermaid_labels_show_html_as_text() {
    let file = dataset("html.json", "<b>bold</b> <br> & \"quoted\" #quot;");
    let graph = run(&["--data", file.path(), "graph", "--format", "mermaid"]);
    assert_eq!(graph.code, 0, "{}", graph.stderr);
    let node = graph.lines().into_iter().find(|l| l.contains("n_hostile(")).expect("the node").to_owned();
    assert!(!node.contains("<b>") && !node.contains("<br>") && !node.contains("& "), "{node}");
    assert!(node.contains("#lt;b#gt;bold#lt;/b#gt; #lt;br#gt; #amp; #quot;quoted#quot; #35;quot;"), "{node}");
    let timeline = run(&["--data", file.path(), "timeline", "2008", "--format", "mermaid"]);
    assert_eq!(timeline.code, 0, "{}", timeline.stderr);
    assert!(!timeline.stdout.contains("<br>") && !timeline.stdout.contains("<b>"), "{}", timeline.stdout);
    assert!(timeline.stdout.contains("Title #lt;b#gt;bold"), "{}", timeline.stdout);
}

#[test]
fn citing_a_relationship_of_an_actor_with_itself_is_a_usage_error() {
    assert_error(&run(&["cite", "chile--chile"]), 2, "names chile twice");
    assert_error(&run(&["cite", "bolivia--bolivia"]), 2, "names bolivia twice");
    assert_error(&run(&["cite", "Chile--chile"]), 2, "a relationship is between two different actors");
}

#[test]
fn citing_a_pair_finds_only_that_pair_in_either_order() {
    for pair in ["chile--peru", "peru--chile"] {
        let cite = run(&["cite", pair, "--json"]);
        assert_eq!(cite.code, 0, "{}", cite.stderr);
        assert_eq!(cite.json()["id"], "peru--chile");
    }
    assert_error(&run(&["cite", "chile--argentina"]), 1, "no relationship between Chile and Argentina");
}

#[test]
fn a_table_or_profile_with_a_100_000_character_word_is_drawn_within_its_width() {
    let word = "w".repeat(100_000);
    let file = dataset("long.json", &word);
    for args in
        [&["list", "actors"][..], &["list", "relationships"], &["events", "2008"], &["figures"], &["show", "hostile"]]
    {
        let mut command = relations();
        command.env("COLUMNS", "80").args(["--color", "never", "--format", "table", "--data", file.path()]).args(args);
        let table = run_command(&mut command);
        assert_eq!(table.code, 0, "{args:?}: {}", table.stderr);
        // Cut into lines, but all of it there.
        assert!(table.stdout.matches('w').count() >= 100_000, "{args:?}: the word is shown whole");
        for line in table.lines() {
            assert!(line.chars().count() <= 80, "{args:?}: a line of {} columns", line.chars().count());
        }
    }
}

/// The line without the program's own colour codes (ESC [ digits and semicolons m).
fn without_colour(line: &str) -> String {
    let mut text = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(at) = rest.find("\u{1b}[") {
        text.push_str(&rest[..at]);
        let code = &rest[at + 2..];
        let end = code.find(|c: char| !c.is_ascii_digit() && c != ';').unwrap_or(code.len());
        if code[end..].starts_with('m') {
            rest = &code[end + 1..];
        } else {
            text.push_str(&rest[at..at + 2]);
            rest = code;
        }
    }
    text.push_str(rest);
    text
}

#[test]
fn a_brief_profile_shows_a_hostile_subject_name_in_its_tone_line_escaped_and_within_its_width() {
    // The card's tone line names the subject ("+1 cooperative with Bolivia"): here Bolivia is
    // replaced by a country whose name carries control characters and a 100 000-letter word.
    let word = "w".repeat(100_000);
    let source = serde_json::json!([{"source": "bir", "section": "chile"}]);
    let data = serde_json::json!({"actors": [{
        "id": "bolivia", "kind": "country", "name": format!("Bolivia {HOSTILE} {word}"), "iso3": "BOL",
        "region": "South America", "summary": "The subject.", "sources": source,
    }]});
    let file = TempFile::new("subject.json", &data.to_string());
    for color in ["never", "always"] {
        let mut command = relations();
        command.env("COLUMNS", "80").args(["--color", color, "--format", "table", "--data", file.path()]);
        let card = run_command(command.args(["show", "chile", "--brief"]));
        assert_eq!(card.code, 0, "{}", card.stderr);
        let lines: Vec<String> = card.lines().into_iter().map(without_colour).collect();
        // The tone line, wrapped under its value.
        let start = lines.iter().position(|l| l.starts_with("tone:")).expect("the tone line");
        let tone: String = lines[start..].iter().take_while(|l| !l.is_empty()).map(|l| l.trim()).collect();
        assert!(tone.contains("with Bolivia"), "--color {color}: {tone:?}");
        assert!(tone.contains("\\x1b]52;c;SGk=\\x07"), "--color {color}: the name is shown escaped: {tone:?}");
        assert!(tone.matches('w').count() >= 100_000, "--color {color}: the name is shown whole");
        for line in &lines {
            assert_no_raw_control(line, &format!("show --brief, --color {color}"));
            assert!(line.chars().count() <= 80, "--color {color}: a line of {} columns", line.chars().count());
        }
    }
}

#[test]
fn the_render_fuzz_seeds_render_safely_through_every_command_and_format() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/render_dataset");
    let mut rendered = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let input = relations::load::Input { name: path.display().to_string(), bytes: std::fs::read(&path).unwrap() };
        if let Ok(data) = relations::load::load(vec![input]) {
            render_check::check_every_format(&data);
            rendered += 1;
        }
    }
    assert!(rendered >= 2, "the seeds load");
}

#[test]
fn json_writes_c1_bidi_and_line_separators_escaped_and_reads_back_to_the_same_text() {
    let file = dataset("json.json", HOSTILE);
    for args in [&["export"][..], &["list", "actors", "--json"], &["show", "hostile", "--json"]] {
        let mut all = vec!["--data", file.path()];
        all.extend_from_slice(args);
        let run = run(&all);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        assert_no_raw_control(&run.stdout, &format!("{args:?}"));
        assert!(run.stdout.contains(r"\u009b2J\u202edesrever\u2028next\u2029para"), "{args:?}");
    }
    let list = run(&["--data", file.path(), "list", "actors", "--json"]).json();
    let hostile = list.as_array().unwrap().iter().find(|a| a["id"] == "hostile").unwrap();
    assert_eq!(hostile["name"], format!("Hostile {HOSTILE}"));
}

#[test]
fn graph_as_ndjson_is_one_node_or_edge_object_per_line() {
    let graph = run(&["graph", "--format", "ndjson"]);
    assert_eq!(graph.code, 0, "{}", graph.stderr);
    let records: Vec<serde_json::Value> = graph.lines().iter().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(records.iter().all(|r| r["record"] == "node" || r["record"] == "edge"), "{}", graph.stdout);
    assert!(records.iter().any(|r| r["record"] == "node" && r["id"] == "chile"));
    let edges: Vec<&serde_json::Value> = records.iter().filter(|r| r["record"] == "edge").collect();
    assert!(edges.len() > 10, "{}", graph.stdout);
    assert!(edges.iter().all(|e| e["from"].is_string() && e["to"].is_string()));
    assert!(edges.iter().any(|e| e["type"] == "relationship" && e["from"] == "bolivia" && e["to"] == "chile"));
}
