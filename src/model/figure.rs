//! Figures: trade, aid, counts and durations, with their units and periods.

use std::borrow::Cow;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Citation, Date, Slug, vocabulary};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    pub id: Slug,
    pub kind: FigureKind,
    /// For a flow, its origin; for a measure of one actor, that actor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Slug>,
    /// For a flow, its destination.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Slug>,
    pub amount: Amount,
    /// "more than", "about", … where the source says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
    /// An ISO 4217 code (GBP, EUR) or a word (people, members, years).
    pub unit: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    pub label: String,
    pub sources: Vec<Citation>,
}

impl Figure {
    pub fn involves(&self, actor: &str) -> bool {
        [&self.from, &self.to].into_iter().flatten().any(|a| a.as_str() == actor)
    }

    /// The first year the figure covers, if it has a dated period.
    pub fn year(&self) -> Option<u16> {
        match self.period? {
            Period::Date(date) => Some(date.year()),
            Period::Span { from, .. } => Some(from.year()),
            Period::Years { .. } => None,
        }
    }

    /// The last year the figure covers, if it has a dated period.
    pub fn last_year(&self) -> Option<u16> {
        match self.period? {
            Period::Date(date) => Some(date.year()),
            Period::Span { to, .. } => Some(to.year()),
            Period::Years { .. } => None,
        }
    }

    pub fn covers_year(&self, year: u16) -> bool {
        match self.period {
            Some(Period::Date(date)) => date.year() == year,
            Some(Period::Span { from, to }) => (from.year()..=to.year()).contains(&year),
            _ => false,
        }
    }
}

vocabulary! {
    /// What a figure measures.
    FigureKind {
        Exports => "exports": "goods or services sold abroad",
        Imports => "imports": "goods or services bought abroad",
        Trade => "trade": "trade in both directions, or a trading rank",
        Aid => "aid": "aid given or budgeted",
        Investment => "investment": "investment",
        Population => "population": "people living somewhere",
        Members => "members": "the size of a bloc or body",
        Count => "count": "any other count or rank",
        Duration => "duration": "a length of time",
        Frequency => "frequency": "how often something happens",
    }
}

/// When a figure applies: a date, a span, or only a length in years.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Period {
    Date(Date),
    Span { from: Date, to: Date },
    Years { years: u32 },
}

impl std::fmt::Display for Period {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Period::Date(date) => write!(f, "{date}"),
            Period::Span { from, to } => write!(f, "{from}..{to}"),
            Period::Years { years } => write!(f, "{years} years"),
        }
    }
}

/// A number in base units. Whole numbers are written back as integers, so an exported dataset
/// reads like the one that was loaded (15500000, not 15500000.0).
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct Amount(pub f64);

impl Serialize for Amount {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53: every whole f64 below is an exact i64
        if self.0.fract() == 0.0 && self.0.abs() < EXACT {
            #[allow(clippy::cast_possible_truncation)] // whole and below 2^53, checked above
            return serializer.serialize_i64(self.0 as i64);
        }
        serializer.serialize_f64(self.0)
    }
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = f64::deserialize(deserializer)?;
        if value.is_finite() {
            Ok(Amount(value))
        } else {
            Err(serde::de::Error::custom("amount must be a finite number"))
        }
    }
}

impl std::fmt::Display for Amount {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.0.fract() == 0.0 && self.0.abs() < 1e15 {
            // Group thousands so 15500000 reads as 15,500,000.
            #[allow(clippy::cast_possible_truncation)] // whole and small, checked above
            let digits = (self.0.abs() as i64).to_string();
            let mut grouped = String::new();
            for (i, c) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i).is_multiple_of(3) {
                    grouped.push(',');
                }
                grouped.push(c);
            }
            if self.0 < 0.0 {
                grouped.insert(0, '-');
            }
            f.write_str(&grouped)
        } else {
            write!(f, "{}", self.0)
        }
    }
}

impl JsonSchema for Amount {
    fn schema_name() -> Cow<'static, str> {
        "Amount".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({"type": "number", "description": "A number in base units: 15500000, not 15.5."})
    }
}

#[cfg(test)]
mod tests {
    use super::Amount;

    #[test]
    fn whole_amounts_serialize_as_integers_and_print_grouped() {
        assert_eq!(serde_json::to_string(&Amount(15_500_000.0)).unwrap(), "15500000");
        assert_eq!(serde_json::to_string(&Amount(2.5)).unwrap(), "2.5");
        assert_eq!(Amount(15_500_000.0).to_string(), "15,500,000");
        assert_eq!(Amount(999.0).to_string(), "999");
        assert_eq!(Amount(-1000.0).to_string(), "-1,000");
    }
}
