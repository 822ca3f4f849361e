//! CSV and plain output for analysts, read back as a spreadsheet or pandas would: ids beside
//! names, tone a number with its label apart, amounts plain numbers with their unit apart, dates
//! ISO text in start and end columns; and `--fields` choosing the columns in every list format.

mod common;

use common::{assert_error, relations, run, run_command};

/// The CSV of a command as a header and rows, read by the `csv` crate.
fn csv_of(args: &[&str]) -> (Vec<String>, Vec<csv::StringRecord>) {
    let mut all = vec!["--format", "csv"];
    all.extend_from_slice(args);
    let output = run(&all);
    assert_eq!(output.code, 0, "{args:?}: {}", output.stderr);
    let mut reader = csv::Reader::from_reader(output.stdout.as_bytes());
    let headers = reader.headers().unwrap().iter().map(str::to_owned).collect();
    let rows = reader.records().map(Result::unwrap).collect();
    (headers, rows)
}

/// The cells of one column, by its header.
fn column<'r>(headers: &[String], rows: &'r [csv::StringRecord], name: &str) -> Vec<&'r str> {
    let index = headers.iter().position(|h| h == name).unwrap_or_else(|| panic!("no column {name}: {headers:?}"));
    rows.iter().map(|row| &row[index]).collect()
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
fn is_iso_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let digits = |part: &str, len: usize| part.len() == len && part.bytes().all(|b| b.is_ascii_digit());
    !parts.is_empty() && parts.len() <= 3 && digits(parts[0], 4) && parts[1..].iter().all(|p| digits(p, 2))
}

#[test]
fn event_csv_has_numeric_tones_iso_dates_flags_ids_and_summaries() {
    for command in [&["events"][..], &["list", "events"], &["timeline"]] {
        let (headers, rows) = csv_of(command);
        assert!(rows.len() > 50, "{command:?}: every event");
        for tone in column(&headers, &rows, "tone") {
            assert!((-2..=2).contains(&tone.parse::<i8>().unwrap()), "{tone}");
        }
        let labels = column(&headers, &rows, "tone_label");
        assert!(labels.contains(&"hostile") && labels.contains(&"cooperative"), "{labels:?}");
        assert!(column(&headers, &rows, "date").iter().all(|d| is_iso_date(d)), "{command:?}: ISO start dates");
        assert!(column(&headers, &rows, "end").iter().all(|d| d.is_empty() || is_iso_date(d)), "ISO ends");
        for flag in ["circa", "certain"] {
            assert!(column(&headers, &rows, flag).iter().all(|f| f.parse::<bool>().is_ok()), "{flag}");
        }
        let war = rows.iter().position(|r| r.iter().any(|c| c == "1879-war-of-the-pacific")).unwrap();
        assert_eq!(column(&headers, &rows, "end")[war], "1883");
        assert_eq!(column(&headers, &rows, "actors")[war], "chile; bolivia; peru");
        assert_eq!(column(&headers, &rows, "actor_names")[war], "Chile; Bolivia; Peru");
        assert!(column(&headers, &rows, "summary")[war].contains("maritime provinces"));
    }
}

#[test]
fn figure_csv_has_plain_amounts_with_units_and_periods_apart() {
    let (headers, rows) = csv_of(&["figures"]);
    assert!(!rows.is_empty());
    for amount in column(&headers, &rows, "amount") {
        assert!(amount.parse::<f64>().is_ok(), "a plain number without separators: {amount}");
    }
    let uk = rows.iter().position(|r| &r[0] == "uk-exports-2010").unwrap();
    assert_eq!(column(&headers, &rows, "amount")[uk], "15500000");
    assert_eq!(column(&headers, &rows, "unit")[uk], "GBP");
    assert_eq!(column(&headers, &rows, "start")[uk], "2010");
    assert_eq!(column(&headers, &rows, "from")[uk], "united-kingdom");
    assert_eq!(column(&headers, &rows, "from_name")[uk], "United Kingdom");
    assert!(column(&headers, &rows, "start").iter().all(|d| d.is_empty() || is_iso_date(d)));
    assert!(column(&headers, &rows, "years").iter().all(|y| y.is_empty() || y.parse::<u32>().is_ok()));
}

#[test]
fn relationship_csv_has_the_pair_id_and_no_with_column() {
    let (headers, rows) = csv_of(&["list", "relationships"]);
    assert!(!headers.contains(&"with".to_owned()), "{headers:?}");
    let ids = column(&headers, &rows, "id");
    assert!(ids.contains(&"bolivia--chile"), "{ids:?}");
    let chile = ids.iter().position(|id| *id == "bolivia--chile").unwrap();
    assert_eq!(column(&headers, &rows, "between")[chile], "bolivia; chile");
    assert_eq!(column(&headers, &rows, "tone")[chile].parse::<i8>().unwrap(), -1);
    assert_eq!(column(&headers, &rows, "tone_label")[chile], "strained");
    // The pair id is the one `cite` takes.
    assert_eq!(run(&["cite", ids[chile]]).code, 0);
}

#[test]
fn countries_are_listed_with_their_tone_with_the_subject() {
    let (headers, rows) = csv_of(&["list", "countries"]);
    let ids = column(&headers, &rows, "id");
    let tones = column(&headers, &rows, "tone");
    let of = |id: &str| tones[ids.iter().position(|i| *i == id).unwrap()];
    // As `show` gives it: strained with Chile, none for the subject itself.
    let shown = run(&["show", "chile", "--json"]).json();
    assert_eq!(of("chile").parse::<i64>().unwrap(), shown["relationship"]["tone"].as_i64().unwrap());
    assert_eq!(of("bolivia"), "");
    let table = run_command(relations().args(["list", "countries", "--format", "table"]).env("COLUMNS", "200")).stdout;
    assert!(table.lines().any(|l| l.contains("Chile") && l.contains("-1 strained")), "{table}");
    // At 80 columns the records are stacked: the tone is on the record's own `tone:` line.
    let stacked = run(&["list", "countries", "--format", "table"]).stdout;
    let chile = stacked.split("\n\n").find(|record| record.contains("name:    Chile\n")).unwrap_or_default();
    assert!(chile.lines().any(|l| l.starts_with("tone:") && l.contains("-1 strained")), "{stacked}");
}

#[test]
fn graph_and_search_csv_carry_ids_and_numbers() {
    let (headers, rows) = csv_of(&["graph"]);
    assert!(column(&headers, &rows, "from").contains(&"bolivia"));
    assert!(column(&headers, &rows, "from_name").contains(&"Bolivia"));
    assert!(column(&headers, &rows, "tone").iter().all(|t| t.is_empty() || t.parse::<i8>().is_ok()));
    let (headers, rows) = csv_of(&["search", "chile"]);
    assert!(column(&headers, &rows, "score").iter().all(|s| s.parse::<f64>().is_ok()));
}

#[test]
fn fields_choose_and_order_the_columns_in_plain_csv_json_ndjson_and_tables() {
    let plain = run(&["events", "2008", "--fields", "id,tone", "--format", "plain"]);
    assert!(plain.lines().iter().all(|l| l.split('\t').count() == 2), "{}", plain.stdout);
    assert!(plain.stdout.contains("2008-goldberg-expelled\t-2"), "{}", plain.stdout);
    let (headers, _) = csv_of(&["figures", "--fields", "label,amount,unit"]);
    assert_eq!(headers, ["label", "amount", "unit"]);
    let json = run(&["events", "2008", "--fields", "tone,id", "--json"]).json();
    let first = json[0].as_object().unwrap();
    assert_eq!(first.len(), 2, "{first:?}");
    assert!(first["tone"].is_i64() && first["id"].is_string(), "{first:?}");
    // In the order asked (serde_json's map would sort them, so the text is read).
    let line = run(&["events", "2008", "--fields", "tone,id", "--format", "ndjson"]).stdout;
    assert!(line.starts_with("{\"tone\":"), "{line}");
    let ndjson = run(&["list", "countries", "--fields", "id,aliases", "--format", "ndjson"]);
    let line: serde_json::Value = serde_json::from_str(ndjson.lines()[0]).unwrap();
    assert!(line["aliases"].is_array(), "{line}");
    let table = run(&["list", "countries", "--fields", "name,iso3", "--format", "table"]).stdout;
    assert!(table.contains("iso3") && table.contains("CHL") && !table.contains("aliases"), "{table}");
}

#[test]
fn an_unknown_field_is_a_usage_error_that_lists_the_known_ones() {
    let output = run(&["events", "--fields", "id,colour", "--format", "csv"]);
    assert_error(&output, 2, "unknown field 'colour'");
    assert!(output.stderr.contains("tone_label"), "{}", output.stderr);
    assert_error(&run(&["show", "chile", "--fields", "id"]), 2, "--fields");
    assert_error(&run(&["graph", "--fields", "from", "--format", "dot"]), 2, "--fields");
    assert_error(&run(&["graph", "--fields", "from", "--json"]), 2, "--fields");
}
