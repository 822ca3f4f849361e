//! Build script: compiles the bundled dataset into the rkyv archive the binary embeds, and
//! hashes the model's source (and the compiled layout's and search index's) so that a cache entry written by another
//! model or index is never read.

use std::path::{Path, PathBuf};

// The model alone (plain typed data, no I/O) is compiled here too, so the archive is written by
// the very types that read it.
#[allow(dead_code, unused_imports, unused_macros, clippy::all, clippy::pedantic)]
#[path = "src/model/mod.rs"]
mod model;

fn main() {
    println!("cargo::rerun-if-changed=data/bolivia.json");
    println!("cargo::rerun-if-changed=src/model");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));

    // A dataset that does not parse is left to the runtime, which parses the JSON and reports
    // every problem (the bundled-data test then fails with them); an empty archive says so.
    let json = std::fs::read_to_string("data/bolivia.json").expect("data/bolivia.json is readable");
    let archive = match serde_json::from_str::<model::DatasetFile>(&json) {
        Ok(file) => {
            let data = model::Dataset::new(file);
            rkyv::to_bytes::<rkyv::rancor::Error>(&data.file).expect("the bundled dataset archives").to_vec()
        }
        Err(e) => {
            println!("cargo::warning=data/bolivia.json does not parse ({e}); it will be parsed at run time");
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
