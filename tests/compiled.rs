//! A compiled dataset read in part answers as the whole: every profile (now and as of many
//! years) and every year's events of the bundled dataset, read from the cache with only the
//! records each command wants, are the same bytes as from the whole dataset. Damage to a record
//! is found when that record is read.

mod part_check;

use part_check::{Compiled, KEY};
use relations::load::compiled::Want;
use relations::load::{Input, kept_search_index_in, load};
use relations::model::Dataset;
use relations::query::{Query, SearchIndex, SearchOptions};
use relations::render::{Format, Output, write_search_hits};

fn bundled() -> Dataset {
    load(vec![Input::bundled()]).expect("the bundled dataset loads")
}

const AS_OF: &[&str] = &["1825", "1880", "1950", "1990", "2003", "2005", "2006", "2008", "2009", "2010", "2011"];

#[test]
fn every_profile_read_in_part_is_the_profile_of_the_whole() {
    let whole = bundled();
    let compiled = Compiled::new(&whole);
    for actor in whole.actors() {
        let id = actor.id.as_str();
        for format in ["plain", "json"] {
            assert!(compiled.assert_same(&whole, &["--format", format, "show", id]), "show {id} reads in part");
            for year in AS_OF {
                compiled.assert_same(&whole, &["--format", format, "show", id, "--as-of", year]);
                compiled.assert_same(&whole, &["--format", format, "show", id, "--as-of", year, "--certain"]);
            }
        }
        compiled.assert_same(&whole, &["--format", "table", "show", id, "--brief"]);
    }
    compiled.assert_same(&whole, &["--format", "json", "show", "chile", "peru", "--as-of", "2008"]);
    // `compare` reads the records of its two actors.
    let ids: Vec<&str> = whole.actors().iter().map(|a| a.id.as_str()).collect();
    for pair in ids.windows(2) {
        for format in ["plain", "json"] {
            assert!(compiled.assert_same(&whole, &["--format", format, "compare", pair[0], pair[1]]));
            compiled.assert_same(&whole, &["--format", format, "compare", "bolivia", pair[1]]);
        }
    }
    // `info` reads no event or figure: its counts and years come from the compiled head.
    for format in ["plain", "json", "table"] {
        assert!(compiled.assert_same(&whole, &["--format", format, "info"]), "info reads in part");
    }
    // A name that resolves to nothing reads everything, to say where else the words appear.
    assert!(!compiled.assert_same(&whole, &["show", "camisea"]));
}

#[test]
fn every_years_events_read_in_part_are_the_events_of_the_whole() {
    let whole = bundled();
    let compiled = Compiled::new(&whole);
    let mut read_in_part = 0;
    for year in 1820..=2012 {
        let year = year.to_string();
        for args in [
            &["--format", "json", "events", &year][..],
            &["--format", "csv", "events", &year, "--certain"],
            &["--format", "plain", "events", "--as-of", &year],
            &["--format", "plain", "timeline", &year],
        ] {
            read_in_part += usize::from(compiled.assert_same(&whole, args));
        }
    }
    assert!(read_in_part > 700, "a date range reads only the events it may hold");
    for args in [
        &["events", "2008-09"][..],
        &["events", "2008-09-15"],
        &["events", "2006..2009", "--actor", "chile"],
        &["events", "..1900"],
        &["events", "2000..", "--reverse", "--limit", "3"],
        &["events", "--from", "2008-09", "--to", "2009-06", "--grep", "ambassador"],
        &["--format", "ndjson", "events", "2005..2011", "--type", "election"],
        &["--format", "csv", "timeline", "2006..2011"],
        &["--format", "json", "timeline", "1879..1884"],
        // With a tag, every event is read (tags are checked against all of them).
        &["events", "2008", "--tag", "coca"],
        // Refused filters are refused alike.
        &["events", "2009", "--to", "2008"],
        &["events", "2008", "--actor", "nowhere-land"],
    ] {
        compiled.assert_same(&whole, args);
    }
}

/// The hits of a search as `search --json` writes them.
fn hits(index: &SearchIndex, query: &str) -> String {
    let options = SearchOptions { only: None, limit: 50, typos: true };
    let hits = index.search(&Query::parse(query), options);
    let mut bytes = Vec::new();
    let mut out = Output { out: &mut bytes, format: Format::Json, color: false, width: 100, fields: None };
    write_search_hits(&hits, &mut out).unwrap();
    String::from_utf8(bytes).unwrap()
}

#[test]
fn every_search_on_records_read_on_use_answers_as_on_the_whole() {
    let whole = bundled();
    let compiled = Compiled::new(&whole);
    let built = SearchIndex::new(&whole);
    compiled.cache.put_index(KEY, |out| built.write_kept(&mut std::io::BufWriter::new(out))).unwrap();
    let stored = compiled.cache.get(KEY, |_| Want::on_use()).expect("the entry reads back");
    assert!(stored.is_stored() && stored.events().is_empty(), "events are read on use");
    let kept = kept_search_index_in(&compiled.cache, &stored).expect("the kept index fits");
    let mut queries: Vec<String> = Vec::new();
    for event in whole.events() {
        queries.push(event.title.clone());
        queries.push(format!("\"{}\"", event.title));
    }
    for figure in whole.figures() {
        queries.push(figure.label.clone());
    }
    for actor in whole.actors() {
        // A typo: the name with its last letter doubled.
        let mut typo = actor.name.clone();
        typo.extend(actor.name.chars().last());
        queries.extend([actor.name.clone(), typo]);
    }
    queries.extend(["coca gas", "DEA", "\"salida al mar\"", "lease", "camisea", "ilo"].map(String::from));
    let mut found = 0;
    for query in &queries {
        let (on_use, from_whole) = (hits(&kept, query), hits(&built, query));
        assert_eq!(on_use, from_whole, "{query}");
        found += usize::from(from_whole != "[]\n");
    }
    assert!(found > queries.len() / 2, "most queries find something ({found} of {})", queries.len());
    assert!(!stored.store_damaged());
}
