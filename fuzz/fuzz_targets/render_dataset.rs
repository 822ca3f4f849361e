//! Any bytes as a dataset file; when it loads, every command renders it in every format, and no
//! raw control character reaches a terminal format, CSV reads back, JSON parses.
#![no_main]

use libfuzzer_sys::fuzz_target;
use relations::load::{Input, load};

#[path = "../../tests/render_check/mod.rs"]
mod render_check;

fuzz_target!(|data: &[u8]| {
    if let Ok(dataset) = load(vec![Input { name: "fuzz".into(), bytes: data.to_vec() }]) {
        render_check::check_every_format(&dataset);
    }
});
