//! Build script: compiles the bundled dataset into the rkyv archive the binary embeds, and
//! hashes the model's source (and the compiled layout's and search index's) so that a cache entry written by another
//! model or index is never read.

use std::path::{Path, PathBuf};

// The model alone (plain typed data, no I/O) is compiled here too, so the archive is written by
// the very types that read it.
#[allow(dead_code, unused_imports, unused_macros, clippy::all, clippy::pedantic)]
#[path = "src/model/mod.rs"]
mod model;

// And the checks that span records, so that the bundled dataset is validated here, once, and
// start-up need not check it again (`load::load_cached`, the bundled dataset alone).
#[allow(dead_code, unused_imports, clippy::all, clippy::pedantic)]
#[path = "src/error.rs"]
mod error;

#[allow(dead_code, clippy::all, clippy::pedantic)]
#[path = "src/load/validate.rs"]
mod validate;

/// What `validate` takes from the loader (`load::Positions`).
type Positions = std::collections::HashMap<&'static str, Vec<usize>>;

/// The dataset merged and checked as the loader does, or every problem found.
fn checked(file: model::DatasetFile) -> Result<model::DatasetFile, error::Problems> {
    let mut problems = error::Problems::default();
    let records = validate::FileRecords { name: "bundled", file, positions: Positions::new() };
    let merged = validate::merge_and_check(vec![records], &[], &mut problems);
    if problems.is_empty() { Ok(merged) } else { Err(problems) }
}

fn main() {
    println!("cargo::rerun-if-changed=data/bolivia.json");
    println!("cargo::rerun-if-changed=src/model");
    println!("cargo::rerun-if-changed=src/load/validate.rs");
    println!("cargo::rerun-if-changed=src/error.rs");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));

    // A dataset that does not parse or pass the checks is left to the runtime, which parses the
    // JSON and reports every problem (the bundled-data test then fails with them); an empty
    // archive says so.
    let json = std::fs::read_to_string("data/bolivia.json").expect("data/bolivia.json is readable");
    let archive = match serde_json::from_str::<model::DatasetFile>(&json).map_err(|e| e.to_string()).and_then(|file| {
        checked(file).map_err(|problems| format!("{} problems, the first: {}", problems.len(), problems.listed()[0]))
    }) {
        Ok(file) => {
            let data = model::Dataset::new(file);
            rkyv::to_bytes::<rkyv::rancor::Error>(&data.file).expect("the bundled dataset archives").to_vec()
        }
        Err(e) => {
            println!("cargo::warning=data/bolivia.json is not a valid dataset ({e}); it will be read at run time");
            Vec::new()
        }
    };
    std::fs::write(out.join("bundled.rkyv"), archive).expect("OUT_DIR is writable");

    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    let mut sources: Vec<PathBuf> = std::fs::read_dir(Path::new("src/model"))
        .expect("src/model is readable")
        .map(|entry| entry.expect("src/model is readable").path())
        .collect();
    sources.sort();
    // The layout of a compiled dataset, and the search index kept beside it (how words are read
    // and folded).
    for index_source in [
        "src/load/compiled.rs",
        "src/query/search/mod.rs",
        "src/query/search/kept.rs",
        "src/query/search/build.rs",
        "src/query/matcher.rs",
        "src/query/fold.rs",
    ] {
        println!("cargo::rerun-if-changed={index_source}");
        sources.push(PathBuf::from(index_source));
    }
    for path in sources {
        hasher.update(path.to_string_lossy().as_bytes());
        hasher.update(&std::fs::read(&path).expect("a model source is readable"));
    }
    hasher.update(&std::fs::read("Cargo.lock").unwrap_or_default());
    println!("cargo::rerun-if-changed=Cargo.lock");
    println!("cargo::rustc-env=RELATIONS_MODEL_HASH={:032x}", hasher.digest128());
}
