//! `relations`: a browser for a knowledge base of a country's foreign relations. The binary in
//! `main.rs` is a thin shell over these modules; they are a library so that tests, fuzz targets
//! and benchmarks can reach the loader and the parsers directly.

pub mod cli;
pub mod commands;
pub mod error;
mod hash;
pub mod load;
pub mod model;
pub mod query;
pub mod render;
