//! `relations`: a browser for a knowledge base of a country's foreign relations. The binary in
//! `main.rs` is a thin shell over these modules; they are a library so that tests, fuzz targets
//! and benchmarks can reach the loader and the parsers directly.

#![warn(clippy::pedantic)]
#![allow(
    clippy::must_use_candidate,      // the results are plainly used; the attribute would be noise
    clippy::missing_errors_doc,      // every fallible function returns the one `error::Error`
    clippy::module_name_repetitions, // `query::EventFilter` reads better than `query::Filter`
    clippy::doc_markdown,            // `///` in cli.rs is --help text, where backticks would show
    clippy::similar_names,           // `from`/`form`-style pairs are deliberate here
)]

pub mod browse;
pub mod cli;
pub mod commands;
pub mod error;
pub mod load;
pub mod model;
pub mod query;
pub mod render;
