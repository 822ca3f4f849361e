//! Any text as a range, a year or a date: parsing returns Ok or Err, never panics, and what
//! parses keeps its invariants.
#![no_main]

use libfuzzer_sys::fuzz_target;
use relations::model::Date;
use relations::query::{DateRange, parse_year};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };

    if let Ok(date) = text.parse::<Date>() {
        // A date prints back to a string that parses to the same date.
        let printed = date.to_string();
        assert_eq!(printed.parse::<Date>(), Ok(date), "{text:?} printed as {printed:?}");
        assert!(date.earliest() <= date.latest());
    }

    if let Ok(range) = DateRange::parse(text) {
        assert!(range.from.is_some() || range.to.is_some(), "{text:?} gave an unbounded range");
        if let (Some(from), Some(to)) = (range.from, range.to) {
            assert!(from.earliest() <= to.latest(), "{text:?} ends before it starts");
            // A range overlaps its own ends, and intersecting with itself changes nothing.
            assert!(range.overlaps(from, to));
        }
        assert_eq!(range.intersect(range), range);
    }

    if let Ok(year) = parse_year(text, "--year") {
        assert_eq!(format!("{year:04}"), text.trim(), "{text:?} gave year {year}");
    }
});
