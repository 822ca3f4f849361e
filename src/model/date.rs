//! Partial calendar dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) that keep their precision.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A date known to the year, the month or the day. Ordering puts a coarser date before the finer
/// dates inside it (`2008` < `2008-01` < `2008-01-01`), so partial dates sort stably.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
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
            "type": "string",
            "description": "A date with the precision the source gives: YYYY, YYYY-MM or YYYY-MM-DD.",
            "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
        })
    }
}

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
        ] {
            assert!(text.parse::<Date>().is_err(), "{text} should be rejected");
        }
        assert!("2008-02-29".parse::<Date>().is_ok());
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
