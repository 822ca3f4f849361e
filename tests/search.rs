//! Finding anything: `search` over every record, the word rules shared with `events --grep`,
//! tags, ISO codes, hints on a miss and `cite` by title.

mod common;
#[path = "common/terminal.rs"]
mod terminal;

use common::{assert_error, fixture, relations, run, run_command};
use serde_json::Value;

fn hits(args: &[&str]) -> Vec<Value> {
    let mut all = vec!["search"];
    all.extend_from_slice(args);
    all.push("--json");
    let run = run(&all);
    assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
    run.json().as_array().unwrap().clone()
}

fn ids(hits: &[Value]) -> Vec<String> {
    hits.iter().map(|h| h["id"].as_str().unwrap().to_owned()).collect()
}

#[test]
fn each_topic_of_the_source_finds_its_record_first_or_near_the_top() {
    let cases: [(&[&str], &str); 6] = [
        (&["camisea"], "bolivia--peru"),
        (&["ilo"], "2002-peru-ilo-offer"),
        (&["lease"], "boliviamar-lease"),
        (&["climate"], "2010-peoples-climate-conference"),
        (&["\"salida al mar\""], "bolivia--chile"),
        (&["america"], "united-states"),
    ];
    for (query, id) in cases {
        let found = ids(&hits(query));
        assert!(found.iter().any(|f| f == id), "search {query:?} should find {id}: {found:?}");
    }
    assert_eq!(ids(&hits(&["ilo"]))[0], "tarija-ilo-pipeline-shelved", "a title naming Ilo comes first");
    assert_eq!(ids(&hits(&["climate"]))[0], "2010-peoples-climate-conference");
}

#[test]
fn every_hit_carries_kind_id_score_field_and_a_snippet_whose_offsets_point_at_the_match() {
    let all = hits(&["camisea"]);
    assert!(!all.is_empty());
    for hit in &all {
        for key in ["kind", "id", "name", "field", "snippet"] {
            assert!(hit[key].is_string(), "{key} missing: {hit}");
        }
        assert!(hit["score"].as_f64().unwrap() > 0.0);
        let snippet = hit["snippet"].as_str().unwrap();
        let matches = hit["matches"].as_array().unwrap();
        assert!(!matches.is_empty(), "{hit}");
        for m in matches {
            let (start, end) = (m["start"].as_u64().unwrap() as usize, m["end"].as_u64().unwrap() as usize);
            assert_eq!(snippet.get(start..end).map(str::to_lowercase).as_deref(), Some("camisea"), "{hit}");
            assert_eq!(m["text"], snippet[start..end]);
        }
    }
    let accented = hits(&["pinera", "--kind", "person"]);
    let snippet = accented[0]["snippet"].as_str().unwrap();
    let m = &accented[0]["matches"][0];
    let range = m["start"].as_u64().unwrap() as usize..m["end"].as_u64().unwrap() as usize;
    assert_eq!(&snippet[range], "Piñera", "byte offsets, with ñ taking two bytes");
}

#[test]
fn scores_are_ranked_and_typos_still_find_the_actor() {
    for (typo, id) in [("pinnera", "sebastian-pinera"), ("moralez", "evo-morales"), ("venezuala", "venezuela")] {
        let found = hits(&[typo]);
        assert_eq!(found[0]["id"], id, "{typo}");
        let scores: Vec<f64> = found.iter().map(|h| h["score"].as_f64().unwrap()).collect();
        assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{typo}: {scores:?}");
    }
    assert_eq!(hits(&["washington"])[0]["id"], "united-states");
    assert_eq!(hits(&["Fernández", "Kirchner", "--kind", "person"])[0]["id"], "cristina-fernandez-de-kirchner");
}

#[test]
fn words_match_whole_or_by_their_start_and_capitals_mean_an_acronym() {
    let dea = hits(&["DEA"]);
    assert!(dea.iter().all(|h| !h["snippet"].as_str().unwrap().contains("deal")));
    assert!(ids(&dea).contains(&"2008-dea-expelled".to_owned()));
    let mas = hits(&["MAS"]);
    assert!(!mas.is_empty());
    for hit in &mas {
        for m in hit["matches"].as_array().unwrap() {
            assert_eq!(m["text"], "MAS", "{hit}");
        }
    }
    assert!(event_ids(&["--grep", "acific"]).is_empty(), "never inside a word");
    let lease = hits(&["lease"]);
    assert!(
        lease.iter().flat_map(|h| h["matches"].as_array().unwrap()).all(|m| m["text"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .starts_with("lease"))
    );
    assert!(hits(&["camisea", "chile", "--kind", "relationship"]).len() <= hits(&["camisea"]).len());
    assert!(hits(&["camisea", "zzzzqqqq"]).is_empty(), "every word must match");
}

#[test]
fn kind_and_limit_narrow_the_results() {
    let people = hits(&["kirchner", "--kind", "person"]);
    assert!(people.len() >= 2);
    assert!(people.iter().all(|h| h["kind"] == "actor" && h["actor_kind"] == "person"));
    let events = hits(&["chile", "--kind", "events"]);
    assert!(!events.is_empty() && events.iter().all(|h| h["kind"] == "event"));
    assert_eq!(hits(&["bolivia", "--limit", "3"]).len(), 3);
    assert_error(&run(&["search", "chile", "--kind", "planet"]), 2, "unknown kind 'planet'");
    assert_error(&run(&["search", "chile", "--limit", "0"]), 2, "--limit");
    assert_error(&run(&["search", " "]), 2, "cannot be empty");
    assert_eq!(run(&["search", "--json", "--", "--"]).stdout.trim(), "[]", "no words, no match");
    let none = run(&["search", "qqqqxxxx", "--json"]);
    assert_eq!((none.code, none.json()), (0, serde_json::json!([])));
}

#[test]
fn ranking_puts_titles_above_themes_above_summaries_and_whole_words_above_prefixes() {
    let run = run(&["--no-bundled", "--data", &fixture("search.json"), "search", "lithium", "--json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let found = ids(run.json().as_array().unwrap());
    assert_eq!(
        found,
        ["2001-lithium-deal", "2003-lithiumworks-strike", "atlantis--lemuria", "2002-mine-talks", "atlantis"],
        "Paleolithic is never a match"
    );
}

#[test]
fn plain_and_csv_carry_kind_id_name_score_field_and_snippet() {
    let plain = run(&["search", "camisea"]);
    let first: Vec<&str> = plain.lines()[0].split('\t').collect();
    assert_eq!(first.len(), 6, "{first:?}");
    assert_eq!(first[0], "relationship");
    assert!(first[3].parse::<f64>().is_ok() && first[4] == "summary" && first[5].contains("Camisea"));
    let csv = run(&["search", "camisea", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv.stdout.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        ["kind", "id", "name", "score", "field", "snippet"]
    );
    assert_eq!(reader.records().count(), plain.lines().len());
    let ndjson = run(&["search", "camisea", "--format", "ndjson"]);
    assert!(ndjson.lines().iter().all(|l| serde_json::from_str::<Value>(l).is_ok()));
    assert!(!plain.stdout.contains('\u{1b}') && !csv.stdout.contains('\u{1b}'), "no colour in pipes");
}

/// Run in a pseudo-terminal of the given width, when the machine has `script`; what it received.
fn in_terminal(columns: u16, args: &str) -> Option<String> {
    let words: Vec<&str> = args.split_whitespace().collect();
    let screen = terminal::in_terminal(columns, 50, &[("RELATIONS_PAGER", "cat")], &words)?;
    (screen.code == 0).then_some(screen.raw)
}

const MARK: &str = "\u{1b}[1;4m";

#[test]
fn on_a_terminal_matched_words_are_highlighted_and_lines_fit_the_width() {
    let Some(screen) = in_terminal(60, "search camisea") else {
        eprintln!("skipped: `script` is not available");
        return;
    };
    assert!(screen.contains(&format!("{MARK}\u{1b}[31mCamisea")), "{screen:?}");
    for line in screen.lines() {
        let visible: String = terminal::strip_ansi(line);
        assert!(visible.chars().count() <= 60, "{} > 60: {visible:?}", visible.chars().count());
    }
    let grep = in_terminal(100, "events --grep DEA").unwrap();
    assert!(grep.contains(&format!("{MARK}DEA")), "{grep:?}");
    let piped = run_command(relations().args(["--format", "table", "events", "--grep", "DEA"]));
    assert!(!piped.stdout.contains('\u{1b}'), "no highlighting in a pipe");
}

fn event_ids(args: &[&str]) -> Vec<String> {
    let mut all = vec!["events"];
    all.extend_from_slice(args);
    all.push("--json");
    let run = run(&all);
    assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
    ids(run.json().as_array().unwrap())
}

#[test]
fn events_grep_uses_the_same_word_rules_and_reaches_actor_names() {
    assert_eq!(event_ids(&["--grep", "DEA"]), ["2008-dea-expelled"], "not the gas pipeline deal");
    let mas = event_ids(&["--grep", "MAS"]);
    assert!(!mas.is_empty() && !mas.iter().any(|id| id.contains("massacre")), "{mas:?}");
    assert!(event_ids(&["--grep", "ICJ"]).contains(&"2011-hague-announcement".to_owned()), "via the court's alias");
    assert!(event_ids(&["--grep", "\"salida al mar\""]).contains(&"1978-chile-relations-severed".to_owned()));
    assert!(event_ids(&["--grep", "pine"]).iter().any(|id| id.contains("pinera")), "a prefix, accents folded");
}

#[test]
fn tags_and_themes_filter_and_list_with_counts() {
    let coca = event_ids(&["--tag", "coca"]);
    assert!(coca.len() >= 3 && coca.contains(&"2008-dea-expelled".to_owned()), "{coca:?}");
    assert!(event_ids(&["--tag", "COCA", "--tag", "counter-narcotics"]).len() <= coca.len());
    assert_error(&run(&["events", "--tag", "unicorns"]), 2, "relations list tags");
    let trade = run(&["list", "relationships", "--theme", "trade", "--json"]).json();
    let trade = trade.as_array().unwrap();
    assert!(!trade.is_empty());
    assert!(trade.iter().all(|r| r["themes"].as_array().unwrap().iter().any(|t| t == "trade")));
    let tags = run(&["list", "tags", "--json"]).json();
    let sea = tags.as_array().unwrap().iter().find(|t| t["tag"] == "sea access").expect("sea access is listed");
    assert_eq!(sea["events"], 10);
    assert_eq!(sea["relationships"], 2);
    assert_error(&run(&["list", "countries", "--tag", "coca"]), 2, "--tag applies to");
}

#[test]
fn an_iso_code_names_its_country() {
    for (code, id) in [("usa", "united-states"), ("BOL", "bolivia"), ("chl", "chile")] {
        let run = run(&["show", code, "--json"]);
        assert_eq!(run.code, 0, "{code}: {}", run.stderr);
        assert_eq!(run.json()["actor"]["id"], id);
    }
}

#[test]
fn a_name_that_is_no_actor_says_where_the_word_appears_and_exits_1() {
    for args in [&["show", "ilo"][..], &["cite", "ilo"], &["compare", "chile", "ilo"]] {
        let run = run(args);
        assert_error(&run, 1, "no actor matches 'ilo'");
        assert!(run.stderr.contains("'ilo' appears in") && run.stderr.contains("3 events"), "{}", run.stderr);
        assert!(run.stderr.contains("relations search ilo"), "{}", run.stderr);
    }
    let quoted = run(&["show", "salida al"]);
    assert!(quoted.stderr.contains("relations search 'salida al'"), "quoted for the shell: {}", quoted.stderr);
    let nowhere = run(&["show", "zzzzqqq"]);
    assert!(!nowhere.stderr.contains("appears in"), "{}", nowhere.stderr);
}

#[test]
fn cite_takes_an_event_title_and_events_can_show_ids() {
    let run = run(&["cite", "War of the Pacific", "--json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.json()["id"], "1879-war-of-the-pacific");
    assert_eq!(common::run(&["cite", "war of the pacific", "--json"]).json()["kind"], "event");
    let narrow = run_command(relations().args(["--format", "table", "events", "2008"]));
    assert!(!narrow.stdout.contains("2008-dea-"), "narrow tables leave ids out: {}", narrow.stdout);
    let with_ids = run_command(relations().args(["--format", "table", "events", "2008", "--ids"]));
    assert!(with_ids.stdout.contains("2008-dea-"), "{}", with_ids.stdout);
}

/// Enough events that the index reads them in two halves on two threads, where no second
/// thread can be started (a limit on threads or memory; here a stack size no system grants).
#[test]
fn a_large_dataset_is_searched_on_one_thread_when_no_other_can_be_started() {
    let mut data: Value = serde_json::from_str(&std::fs::read_to_string(fixture("small.json")).unwrap()).unwrap();
    let count = 20_000;
    data["events"] = Value::from(
        (0..count)
            .map(|i| {
                let title = if i == count - 1 { "zanzibar accord".to_owned() } else { format!("event {i}") };
                serde_json::json!({"id": format!("e{i}"), "date": "2008", "title": title, "summary": "s",
                    "type": "dispute", "actors": ["atlantis"], "tone": 0, "sources": [{"source": "notes", "section": "one"}]})
            })
            .collect::<Vec<_>>(),
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.json");
    std::fs::write(&path, data.to_string()).unwrap();
    let mut command = relations();
    command.env("RUST_MIN_STACK", "100000000000000").args(["--color", "never", "--no-bundled", "--no-cache"]);
    let run = run_command(command.arg("--data").arg(&path).args(["search", "zanzibar", "--json"]));
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(ids(run.json().as_array().unwrap()), ["e19999"], "the second half's last event is found");
}
