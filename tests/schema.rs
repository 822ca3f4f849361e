//! `relations schema` against the program: a real JSON Schema validator (draft 2020-12, the
//! `jsonschema` crate) and `relations validate` must agree on every broken dataset in
//! `tests/fixtures/invalid/`, except where the schema cannot state the rule (listed below).

mod common;

use std::collections::BTreeSet;

use serde_json::{Value, json};

use common::{fixture, run};

/// Broken datasets whose rule JSON Schema cannot state: each needs one value compared with
/// another (or with other records), which a schema does not do. The schema accepts these and
/// only the program refuses them; the test checks both halves, so the list stays true.
const SCHEMA_CANNOT_EXPRESS: &[(&str, &str)] = &[
    ("dangling-reference.json", "a reference to an actor that no record defines"),
    ("duplicate-id.json", "two records with one id (uniqueness of a field across records)"),
    ("unknown-section.json", "a citation of a section its source does not have"),
    ("end-before-date.json", "an `end` before its `date` (order between two fields)"),
    ("period-to-before-from.json", "a period's `to` before its `from`"),
    ("self-member.json", "a bloc among its own members (a field equal to the record's id)"),
    ("self-based-organisation.json", "an organisation based in itself"),
    ("membership-cycle.json", "blocs that are members of each other in a circle"),
    ("duplicate-member.json", "one actor twice among members that differ in role or date"),
    ("overlapping-periods.json", "a tone period beginning before another's `to` (order between records)"),
    ("role-unknown-event.json", "a role bounded by an event that no record defines"),
];

fn schema() -> Value {
    run(&["schema"]).json()
}

fn validator() -> jsonschema::Validator {
    jsonschema::draft202012::new(&schema()).expect("the schema compiles as draft 2020-12")
}

fn invalid_fixtures() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".json"))
        .collect();
    names.sort();
    names
}

/// The validator's verdict on a document, with its messages for a failing assertion.
fn schema_errors(validator: &jsonschema::Validator, document: &Value) -> Vec<String> {
    validator.iter_errors(document).map(|e| format!("{}: {e}", e.instance_path())).collect()
}

#[test]
fn the_schema_is_itself_a_valid_draft_2020_12_schema() {
    let schema = schema();
    assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert!(jsonschema::meta::is_valid(&schema), "the schema does not validate against its meta-schema");
}

#[test]
fn the_schema_and_the_program_agree_on_every_invalid_dataset() {
    let validator = validator();
    let inexpressible: BTreeSet<&str> = SCHEMA_CANNOT_EXPRESS.iter().map(|(file, _)| *file).collect();
    let fixtures = invalid_fixtures();
    assert!(fixtures.len() >= 30, "the catalogue shrank to {}", fixtures.len());
    for file in &fixtures {
        let path = fixture(&format!("invalid/{file}"));
        let program = run(&["validate", &path]);
        assert_eq!(program.code, 3, "{file}: the program accepted it:\n{}", program.stdout);
        // Not JSON at all: no schema can judge it, and the program has refused it.
        let Ok(document) = serde_json::from_str::<Value>(&std::fs::read_to_string(&path).unwrap()) else {
            continue;
        };
        let errors = schema_errors(&validator, &document);
        if inexpressible.contains(file.as_str()) {
            assert!(errors.is_empty(), "{file} is listed as beyond the schema, but the schema refuses it: {errors:?}");
        } else {
            assert!(!errors.is_empty(), "{file}: the program refuses it ({}), the schema accepts it", program.stderr);
        }
    }
    for (file, _) in SCHEMA_CANNOT_EXPRESS {
        assert!(fixtures.iter().any(|f| f == file), "{file} is listed but not in the catalogue");
    }
}

#[test]
fn the_bundled_data_and_the_test_fixture_validate_against_the_schema() {
    let validator = validator();
    let bundled: Value = serde_json::from_str(relations::load::BUNDLED).unwrap();
    assert_eq!(schema_errors(&validator, &bundled), Vec::<String>::new());
    let small: Value = serde_json::from_str(&std::fs::read_to_string(fixture("small.json")).unwrap()).unwrap();
    assert_eq!(schema_errors(&validator, &small), Vec::<String>::new());
    // And what the program exports, which is what an author may start from.
    let exported = run(&["export"]).json();
    assert_eq!(schema_errors(&validator, &exported), Vec::<String>::new());
}

/// Edge cases that are valid: both must accept them.
#[test]
fn the_schema_and_the_program_agree_on_valid_edge_cases() {
    let validator = validator();
    let source = json!([{"source": "bir", "section": "chile"}]);
    let cases = [
        // 1.0 is an integer to JSON Schema, and so to the loader.
        json!({"events": [{"id": "e1", "date": "2008-02-29", "title": "t", "summary": "s", "type": "war", "actors": ["bolivia"], "tone": 1.0, "sources": source}]}),
        json!({"figures": [{"id": "f1", "kind": "aid", "amount": 9_007_199_254_740_991_u64, "unit": "EUR", "label": "l", "period": {"years": 4_294_967_295_u32}, "sources": source}]}),
        json!({"figures": [{"id": "f1", "kind": "aid", "amount": -2.5, "unit": "EUR", "label": "l", "period": {"from": "2000-02-29", "to": "2000-12"}, "sources": source}]}),
        // An absent field may be written as null.
        json!({"actors": [{"id": "p", "kind": "person", "name": "P", "summary": "", "full_name": null, "members": [], "sources": source}]}),
        json!({"actors": [{"id": "c", "kind": "country", "name": "C", "iso3": "CCC", "region": "R", "summary": "s", "sources": source}]}),
        json!({}),
    ];
    for case in cases {
        let errors = schema_errors(&validator, &case);
        assert!(errors.is_empty(), "the schema refuses {case}: {errors:?}");
        let file = std::env::temp_dir().join(format!("relations-schema-{}.json", std::process::id()));
        std::fs::write(&file, case.to_string()).unwrap();
        let program = run(&["validate", file.to_str().unwrap()]);
        std::fs::remove_file(&file).ok();
        assert_eq!(program.code, 0, "the program refuses {case}: {}", program.stderr);
    }
}

/// The date pattern in the schema, run by the validator's regex engine, admits exactly the
/// dates the parser admits: every day of years that test each leap-year rule, and bad text.
#[test]
fn the_date_pattern_admits_exactly_the_dates_the_program_does() {
    let pattern = json!({"type": "string", "pattern": relations::model::DATE_PATTERN});
    let validator = jsonschema::draft202012::new(&pattern).unwrap();
    let mut texts =
        vec![String::new(), "2008-".into(), "208".into(), "20080".into(), "2008-1".into(), "2008-01-1".into()];
    for year in ["0000", "0001", "0004", "0100", "0400", "1900", "2000", "2007", "2008", "9999"] {
        texts.push(year.into());
        for month in 0..=13 {
            texts.push(format!("{year}-{month:02}"));
            for day in 0..=32 {
                texts.push(format!("{year}-{month:02}-{day:02}"));
            }
        }
    }
    let mut accepted = 0;
    for text in &texts {
        let by_program = text.parse::<relations::model::Date>().is_ok();
        assert_eq!(validator.is_valid(&json!(text)), by_program, "{text:?}: the program says {by_program}");
        accepted += usize::from(by_program);
    }
    // Nine real years (not 0000), each 1 + 12 + 365 dates, plus 29 February in 0004, 0400,
    // 2000 and 2008.
    assert_eq!(accepted, 9 * 378 + 4);
}

#[test]
fn every_definition_and_property_has_a_title_and_a_description() {
    let schema = schema();
    let mut missing = Vec::new();
    let mut check = |name: String, part: &Value| {
        for key in ["title", "description"] {
            if part[key].as_str().is_none_or(|text| text.trim().is_empty()) {
                missing.push(format!("{name} has no {key}"));
            }
        }
    };
    check("the root".into(), &schema);
    let mut parts = vec![("root".to_owned(), &schema)];
    for (name, definition) in schema["$defs"].as_object().unwrap() {
        check(name.clone(), definition);
        parts.push((name.clone(), definition));
    }
    let mut count = 0;
    for (owner, part) in parts {
        for (name, property) in part["properties"].as_object().into_iter().flatten() {
            check(format!("{owner}.{name}"), property);
            count += 1;
        }
    }
    assert!(count > 60, "only {count} properties");
    assert_eq!(missing, Vec::<String>::new());
}
