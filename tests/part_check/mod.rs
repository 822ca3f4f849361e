//! Compare a command's answer from a compiled dataset read in part (only the events and figures
//! the command wants, `load::compiled`) with its answer from the whole dataset. Shared by
//! `tests/compiled.rs` (the bundled dataset, exhaustively) and `tests/properties.rs` (generated
//! datasets).
#![allow(dead_code)]

use clap::Parser;
use relations::cli::Cli;
use relations::load::cache::Cache;
use relations::model::Dataset;
use relations::render::{Format, Output};

/// A cache in a scratch directory holding one compiled dataset.
pub struct Compiled {
    _dir: tempfile::TempDir,
    pub cache: Cache,
}

pub const KEY: u128 = 1;

impl Compiled {
    pub fn new(data: &Dataset) -> Self {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let cache = Cache::new(dir.path().join("cache"));
        cache.put(KEY, data).expect("the dataset compiles into the cache");
        Self { _dir: dir, cache }
    }

    /// The dataset as the command reads it from the cache.
    pub fn read_for(&self, cli: &Cli) -> Dataset {
        self.cache.get(KEY, |head| relations::commands::want(cli, head)).expect("the entry reads back")
    }

    /// Run the command (arguments after the program's name) on the dataset read in part and on
    /// the whole; panic, saying how, when the answers differ. True when it was read in part.
    pub fn assert_same(&self, whole: &Dataset, args: &[&str]) -> bool {
        let cli = Cli::try_parse_from(std::iter::once("relations").chain(args.iter().copied()))
            .unwrap_or_else(|e| panic!("{args:?} parse: {e}"));
        let part = self.read_for(&cli);
        let (from_part, from_whole) = (render(&cli, &part), render(&cli, whole));
        assert!(from_part == from_whole, "{args:?} read in part:\n{from_part:?}\nwhole:\n{from_whole:?}");
        part.is_partial()
    }
}

/// What the command writes, or its error.
fn render(cli: &Cli, data: &Dataset) -> Result<String, String> {
    let mut bytes = Vec::new();
    let format = cli.format.unwrap_or(Format::Plain);
    let mut out = Output { out: &mut bytes, format, color: false, width: 100, fields: None };
    relations::commands::run_on(cli, data, &mut out).map_err(|e| e.to_string())?;
    Ok(String::from_utf8(bytes).expect("output is UTF-8"))
}
