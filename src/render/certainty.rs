//! Marks on listed events that say how sure their dates are: "?" for an event that only may fall
//! in the dates asked for, and an end hidden when it lies after the `--as-of` year.

use serde_json::{Value, json};

use super::records::event_date;
use crate::model::{Date, Event};
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

/// When an event's summary must be labelled as written later: the event runs past the
/// `--as-of` year, so its summary, which tells the whole span, is as of `written` (the dataset's
/// `as_of`, from `query::written_later`).
pub fn summary_written_later(event: &Event, as_of: Option<u16>, written: Option<Date>) -> Option<Date> {
    written.filter(|_| ends_after(event, as_of))
}

/// An event's summary as listed: labelled "(written as of …)" where `summary_written_later`.
pub fn event_summary(event: &Event, as_of: Option<u16>, written: Option<Date>) -> String {
    match summary_written_later(event, as_of, written) {
        Some(written) => format!("(written as of {written}) {}", event.summary),
        None => event.summary.clone(),
    }
}

/// An event's JSON record with `certain`, and without an `end` after the `--as-of` year (then
/// `"ends_after_as_of": true` instead, and `summary_as_of`: the summary tells the whole span).
pub fn mark_record(record: &mut Value, selected: &Selected, as_of: Option<u16>, written: Option<Date>) {
    if let Value::Object(map) = record {
        map.insert("certain".into(), json!(selected.certain));
        if ends_after(selected.event, as_of) {
            map.remove("end");
            map.insert("ends_after_as_of".into(), json!(true));
        }
        if let Some(written) = summary_written_later(selected.event, as_of, written) {
            map.insert("summary_as_of".into(), json!(written));
        }
    }
}
