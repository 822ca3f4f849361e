//! Parsing the date ranges and years that people type: `2008`, `2006..2009`, `2008-09..`.

use crate::error::{Error, Result};
use crate::model::{Date, shorten};

/// An inclusive range of dates; either end may be open.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateRange {
    pub from: Option<Date>,
    pub to: Option<Date>,
}

impl DateRange {
    /// `2008`, `2008-09`, `2006..2009`, `2006..`, `..2009` (ends may be dates of any precision).
    pub fn parse(text: &str) -> Result<Self> {
        let usage = |detail: String| {
            Error::Usage(format!(
                "invalid range '{}': {detail}; use a year (2008) or FROM..TO (2006..2009)",
                shorten(text)
            ))
        };
        let date = |part: &str| part.trim().parse::<Date>().map_err(|e| usage(e.to_string()));
        let range = match text.split_once("..") {
            None => {
                let single = date(text).map_err(|error| match year_pair(text) {
                    Some((from, to)) => {
                        Error::Usage(format!("invalid range '{}'; did you mean {from}..{to}?", shorten(text)))
                    }
                    None => error,
                })?;
                Self { from: Some(single), to: Some(single) }
            }
            Some((from, to)) => {
                let from = if from.trim().is_empty() { None } else { Some(date(from)?) };
                let to = if to.trim().is_empty() { None } else { Some(date(to)?) };
                if from.is_none() && to.is_none() {
                    return Err(usage("both ends are empty".into()));
                }
                Self { from, to }
            }
        };
        if let (Some(from), Some(to)) = (range.from, range.to)
            && to.latest() < from.earliest()
        {
            return Err(usage(format!("it ends ({to}) before it starts ({from})")));
        }
        Ok(range)
    }

    /// The part of both ranges; may be empty, which then matches nothing.
    #[must_use]
    pub fn intersect(self, other: Self) -> Self {
        let from = match (self.from, other.from) {
            (Some(a), Some(b)) => Some(if a.earliest() >= b.earliest() { a } else { b }),
            (a, b) => a.or(b),
        };
        let to = match (self.to, other.to) {
            (Some(a), Some(b)) => Some(if a.latest() <= b.latest() { a } else { b }),
            (a, b) => a.or(b),
        };
        Self { from, to }
    }

    /// Whether a span from `start` to `end` overlaps this range.
    pub fn overlaps(&self, start: Date, end: Date) -> bool {
        self.from.is_none_or(|from| end.latest() >= from.earliest())
            && self.to.is_none_or(|to| start.earliest() <= to.latest())
    }

    /// Whether a span from `start` to `end` lies wholly inside this range.
    pub fn contains(&self, start: Date, end: Date) -> bool {
        self.from.is_none_or(|from| start.earliest() >= from.earliest())
            && self.to.is_none_or(|to| end.latest() <= to.latest())
    }
}

/// `2008-2009` (or with an en dash): two years joined as a range is usually written elsewhere.
fn year_pair(text: &str) -> Option<(&str, &str)> {
    let (from, to) = text.trim().split_once(['-', '–', '—'])?;
    let year = |part: &str| part.len() == 4 && part.bytes().all(|b| b.is_ascii_digit());
    let (from, to) = (from.trim(), to.trim());
    (year(from) && year(to)).then_some((from, to))
}

/// A four-digit year, as `--year` and `--as-of` take it.
pub fn parse_year(text: &str, option: &str) -> Result<u16> {
    let trimmed = text.trim();
    if trimmed.len() == 4
        && trimmed.bytes().all(|b| b.is_ascii_digit())
        && let Ok(year) = trimmed.parse()
    {
        return Ok(year);
    }
    Err(Error::Usage(format!(
        "invalid value '{}' for {option}: expected a four-digit year such as 2008",
        shorten(text)
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        text.parse().unwrap()
    }

    #[test]
    fn a_single_year_is_a_range_of_that_year() {
        assert_eq!(DateRange::parse("2008").unwrap(), DateRange { from: Some(d("2008")), to: Some(d("2008")) });
    }

    #[test]
    fn ranges_may_be_open_at_either_end() {
        assert_eq!(DateRange::parse("2006..2009").unwrap(), DateRange { from: Some(d("2006")), to: Some(d("2009")) });
        assert_eq!(DateRange::parse("2008-09..").unwrap(), DateRange { from: Some(d("2008-09")), to: None });
        assert_eq!(DateRange::parse("..2009").unwrap(), DateRange { from: None, to: Some(d("2009")) });
    }

    #[test]
    fn backwards_and_malformed_ranges_are_usage_errors() {
        for bad in ["2009..2006", "abc", "..", "99999", "2008...2009", "", "2008..20"] {
            assert!(matches!(DateRange::parse(bad), Err(Error::Usage(_))), "{bad}");
        }
    }

    #[test]
    fn two_years_joined_by_a_dash_suggest_the_range_syntax() {
        for text in ["2008-2009", "2008–2009", " 2008 - 2009 "] {
            let Err(Error::Usage(message)) = DateRange::parse(text) else { panic!("{text} parsed") };
            assert!(message.contains("did you mean 2008..2009?"), "{message}");
        }
        let Err(Error::Usage(message)) = DateRange::parse("2008-13") else { panic!("2008-13 parsed") };
        assert!(!message.contains("did you mean"), "{message}");
    }

    #[test]
    fn overlap_counts_partial_dates_by_their_whole_span() {
        let range = DateRange::parse("2008-09").unwrap();
        assert!(range.overlaps(d("2008"), d("2008")));
        assert!(range.overlaps(d("2008-09-11"), d("2008-09-11")));
        assert!(!range.overlaps(d("2008-10"), d("2008-10")));
        assert!(DateRange::parse("1999").unwrap().overlaps(d("1997"), d("2001")));
    }

    #[test]
    fn containment_needs_the_whole_span_inside() {
        let range = DateRange::parse("2006..2011").unwrap();
        assert!(range.contains(d("2006"), d("2011-03")));
        assert!(!range.contains(d("2005"), d("2011")));
        assert!(!DateRange::parse("2008").unwrap().contains(d("2006"), d("2011")));
    }

    #[test]
    fn years_must_have_four_digits() {
        assert_eq!(parse_year("2008", "--year").unwrap(), 2008);
        for bad in ["abc", "99999", "208", "-2008", ""] {
            assert!(parse_year(bad, "--year").is_err(), "{bad}");
        }
    }
}
