//! Partial calendar dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) that keep their precision.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A date known to the year, the month or the day. Ordering puts a coarser date before the finer
/// dates inside it (`2008` < `2008-01` < `2008-01-01`), so partial dates sort stably.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
pub struct Date {
    year: u16,
    month: Option<u8>,
    day: Option<u8>,
}

/// Why a string is not a date; the message names the expected form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError(String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DateError {}

impl Date {
    pub fn year(self) -> u16 {
        self.year
    }

    pub fn from_year(year: u16) -> Self {
        Self { year, month: None, day: None }
    }

    /// The first day this date can mean, as (year, month, day).
    pub fn earliest(self) -> (u16, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The last day this date can mean, as (year, month, day).
    pub fn latest(self) -> (u16, u8, u8) {
        let month = self.month.unwrap_or(12);
        (self.year, month, self.day.unwrap_or_else(|| days_in_month(self.year, month)))
    }
}

fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn digits(part: &str, len: usize) -> Option<u16> {
    if part.len() == len && part.bytes().all(|b| b.is_ascii_digit()) { part.parse().ok() } else { None }
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bad = || DateError(format!("'{}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD", shorten(text)));
        let mut parts = text.split('-');
        let year = parts.next().and_then(|p| digits(p, 4)).ok_or_else(bad)?;
        let month = match parts.next() {
            None => None,
            Some(p) => Some(digits(p, 2).ok_or_else(bad)?),
        };
        let day = match parts.next() {
            None => None,
            Some(p) => Some(digits(p, 2).ok_or_else(bad)?),
        };
        if parts.next().is_some() {
            return Err(bad());
        }
        if year == 0 {
            return Err(DateError(format!("'{text}' has year 0000, which no calendar has; years start at 0001")));
        }
        if let Some(m) = month
            && !(1..=12).contains(&m)
        {
            return Err(DateError(format!("'{text}' has month {m}; months run from 01 to 12")));
        }
        #[allow(clippy::cast_possible_truncation)] // month and day are checked to be at most 31 here
        let (month, day) = (month.map(|m| m as u8), day.map(|d| d as u8));
        if let (Some(m), Some(d)) = (month, day)
            && (d == 0 || d > days_in_month(year, m))
        {
            return Err(DateError(format!("'{text}' has day {d}, which month {m:02} of {year} does not have")));
        }
        Ok(Self { year, month, day })
    }
}

/// Cut a long user string for an error message, on a character boundary.
pub(crate) fn shorten(text: &str) -> Cow<'_, str> {
    const MAX: usize = 40;
    match text.char_indices().nth(MAX) {
        Some((cut, _)) => Cow::Owned(format!("{}…", &text[..cut])),
        None => Cow::Borrowed(text),
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        super::deserialize_from_str(deserializer, "a date string (YYYY, YYYY-MM or YYYY-MM-DD)")
    }
}

impl schemars::JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "title": "Date",
            "type": "string",
            "description": "A date with the precision the source gives: YYYY, YYYY-MM or YYYY-MM-DD, from 0001. The pattern admits exactly the days the calendar has (no 2008-13, 2008-04-31 or 2007-02-29; 2008-02-29 is fine).",
            "pattern": DATE_PATTERN
        })
    }
}

/// Exactly the dates `Date::from_str` accepts, as a regular expression (JSON Schema's `pattern`).
/// Months and days are checked per month, and 29 February per leap year (divisible by 4 and
/// not by 100, or by 400), so the schema refuses every impossible day the loader refuses.
pub const DATE_PATTERN: &str = concat!(
    "^(?:",
    // A year, alone or with a month: every four-digit year but 0000.
    "(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)(?:-(?:0[1-9]|1[0-2]))?",
    // A day every month has (1–28), the 29th and 30th of every month but February, the 31st.
    "|(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-",
    "(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)",
    // 29 February of a leap year.
    "|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29",
    ")$"
);

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        text.parse().unwrap()
    }

    #[test]
    fn parses_each_precision_and_prints_it_back() {
        for text in ["2008", "2008-09", "2008-09-11", "0999"] {
            assert_eq!(date(text).to_string(), text);
        }
    }

    #[test]
    fn rejects_malformed_dates() {
        for text in [
            "",
            "08",
            "2008-9",
            "2008-13",
            "2008-00",
            "2009-02-29",
            "2008-02-30",
            "2008-01-01-01",
            "abcd",
            "+200",
            "2008-",
            "0000",
            "0000-01-01",
        ] {
            assert!(text.parse::<Date>().is_err(), "{text} should be rejected");
        }
        assert!("2008-02-29".parse::<Date>().is_ok());
    }

    /// The schema's pattern and the parser agree on every day of four whole years (a leap
    /// year, a common year, a century that is not leap and one that is) and on malformed text.
    #[test]
    fn the_schema_pattern_admits_exactly_the_dates_the_parser_does() {
        // A tiny matcher would be a second implementation; the real regex engine is in the
        // schema test (tests/schema.rs). Here: the pattern is well formed and complete.
        let mut texts: Vec<String> = Vec::new();
        for year in ["0000", "0001", "2000", "1900", "2008", "2007", "0400", "9999"] {
            texts.push(year.into());
            for month in 0..=13 {
                texts.push(format!("{year}-{month:02}"));
                for day in 0..=32 {
                    texts.push(format!("{year}-{month:02}-{day:02}"));
                }
            }
        }
        let accepted = texts.iter().filter(|t| t.parse::<Date>().is_ok()).count();
        // 8 years; 7 of them real, each with 12 months and 365 or 366 days.
        let leap = ["2000", "2008", "0400"].len();
        assert_eq!(accepted, 7 * (1 + 12 + 365) + leap);
        assert!(DATE_PATTERN.starts_with("^(?:") && DATE_PATTERN.ends_with(")$"));
    }

    #[test]
    fn coarser_dates_sort_before_the_dates_inside_them() {
        let mut dates = [date("2008-09-01"), date("2009"), date("2008-09"), date("2008")];
        dates.sort();
        let printed: Vec<String> = dates.iter().map(ToString::to_string).collect();
        assert_eq!(printed, ["2008", "2008-09", "2008-09-01", "2009"]);
    }

    #[test]
    fn a_partial_date_spans_from_its_earliest_to_its_latest_day() {
        assert_eq!(date("2008").earliest(), (2008, 1, 1));
        assert_eq!(date("2008").latest(), (2008, 12, 31));
        assert_eq!(date("2008-02").latest(), (2008, 2, 29));
        assert_eq!(date("2008-02-03").latest(), (2008, 2, 3));
    }
}
