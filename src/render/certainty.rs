//! Marks on listed events that say how sure their dates are: "?" for an event that only may fall
//! in the dates asked for, and an end hidden when it lies after the `--as-of` year.

use serde_json::{Value, json};

use super::records::event_date;
use crate::model::Event;
use crate::query::{Selected, ends_after};

/// The marker before the date of an event that only may fall in the dates asked for.
pub const UNCERTAIN_MARK: &str = "?";

/// An event's date as shown as of a year: an end later than the year is not told ("1879–…").
pub fn event_date_as_of(event: &Event, as_of: Option<u16>) -> String {
    if !ends_after(event, as_of) {
        return event_date(event);
    }
    let date = format!("{}–…", event.date);
    if event.circa { format!("c. {date}") } else { date }
}

/// The date cell of a listed event: `event_date_as_of`, with "? " before it when uncertain.
pub fn marked_date(selected: &Selected, as_of: Option<u16>) -> String {
    let date = event_date_as_of(selected.event, as_of);
    if selected.certain { date } else { format!("{UNCERTAIN_MARK} {date}") }
}

/// An event's JSON record with `certain`, and without an `end` after the `--as-of` year (then
/// `"ends_after_as_of": true` instead).
pub fn mark_record(record: &mut Value, selected: &Selected, as_of: Option<u16>) {
    if let Value::Object(map) = record {
        map.insert("certain".into(), json!(selected.certain));
        if ends_after(selected.event, as_of) {
            map.remove("end");
            map.insert("ends_after_as_of".into(), json!(true));
        }
    }
}
