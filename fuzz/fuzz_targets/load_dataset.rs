//! Any bytes as a dataset file: loading returns Ok or Err, never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use relations::load::{Input, load, parse};

fuzz_target!(|data: &[u8]| {
    let input = || Input { name: "fuzz".into(), bytes: data.to_vec() };
    // On its own, as with `--no-bundled --data FILE`.
    let _ = load(vec![input()]);
    // On top of the bundled dataset, as with `--data FILE`: merging and the cross-record checks
    // then meet real actors, sources and sections. Parsing the bundled data costs far more than
    // the input, so this runs only when the input has something to merge: a record that parsed,
    // or the id of an actor that did not.
    let parsed = parse(&input());
    let file = &parsed.file;
    let has_records = file.dataset.is_some()
        || !file.sources.is_empty()
        || !file.actors.is_empty()
        || !file.relationships.is_empty()
        || !file.events.is_empty()
        || !file.figures.is_empty()
        || !parsed.unparsed_actors.is_empty();
    if has_records {
        let _ = load(vec![Input::bundled(), input()]);
    }
});
