//! Figures: trade, aid, counts and durations, with their units and periods.

use std::borrow::Cow;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Citation, Date, Slug, Whole, vocabulary};

/// A number the source gives: trade, aid, a population, a count or a duration.
#[derive(
    Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
#[serde(deny_unknown_fields, remote = "Self")]
#[schemars(rename = "Figure")]
pub struct Figure {
    /// The figure's id, unique across the dataset.
    pub id: Slug,
    /// What the figure measures.
    pub kind: FigureKind,
    /// For a flow, the id of its origin; for a measure of one actor, that actor's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Slug>,
    /// For a flow, the id of its destination.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Slug>,
    /// The number, in base units of `unit`.
    pub amount: Amount,
    /// "more than", "about", … where the source says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
    /// An ISO 4217 code (GBP, EUR) or a word (people, members, years); not empty.
    #[schemars(length(min = 1), regex(pattern = r"\S"))]
    pub unit: String,
    /// When the figure applies: a date, a span of dates, or a length in years.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// What the number is, in a few words ("UK exports to Bolivia"); not empty.
    #[schemars(length(min = 1), regex(pattern = r"\S"))]
    pub label: String,
    /// The source sections the figure rests on; at least one.
    #[schemars(length(min = 1))]
    pub sources: Vec<Citation>,
}

super::named_fields_only!(Figure);

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
#[derive(Debug, Clone, Copy, PartialEq, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub enum Period {
    Date(Date),
    Span { from: Date, to: Date },
    Years { years: u32 },
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match self {
            Period::Date(date) => date.serialize(serializer),
            Period::Span { from, to } => {
                let mut map = serializer.serialize_map(Some(2))?;
                map.serialize_entry("from", from)?;
                map.serialize_entry("to", to)?;
                map.end()
            }
            Period::Years { years } => {
                let mut map = serializer.serialize_map(Some(1))?;
                map.serialize_entry("years", years)?;
                map.end()
            }
        }
    }
}

/// A date string, `{"from", "to"}` or `{"years"}`, and nothing else: no other keys, no arrays.
/// (A derived untagged enum would accept `["2008", "2009"]` and extra keys, and say only that
/// nothing matched.)
impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PeriodVisitor;

        impl<'de> serde::de::Visitor<'de> for PeriodVisitor {
            type Value = Period;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(r#"a date string, {"from": DATE, "to": DATE} or {"years": N}"#)
            }

            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Period, E> {
                text.parse().map(Period::Date).map_err(E::custom)
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Period, A::Error> {
                use serde::de::Error;
                let (mut from, mut to, mut years) = (None, None, None);
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    match &*key {
                        "from" if from.is_none() => from = Some(map.next_value::<Date>()?),
                        "to" if to.is_none() => to = Some(map.next_value::<Date>()?),
                        "years" if years.is_none() => years = Some(map.next_value::<Whole<u32>>()?.0),
                        "from" | "to" | "years" => {
                            return Err(A::Error::custom(format_args!("duplicate field `{key}`")));
                        }
                        other => return Err(A::Error::unknown_field(other, &["from", "to", "years"])),
                    }
                }
                match (from, to, years) {
                    (Some(from), Some(to), None) => Ok(Period::Span { from, to }),
                    (None, None, Some(years)) => Ok(Period::Years { years }),
                    (None, Some(_), None) => Err(A::Error::missing_field("from")),
                    (Some(_), None, None) => Err(A::Error::missing_field("to")),
                    _ => Err(A::Error::custom(r#"a period is {"from": DATE, "to": DATE} or {"years": N}, not both"#)),
                }
            }
        }

        deserializer.deserialize_any(PeriodVisitor)
    }
}

impl JsonSchema for Period {
    fn schema_name() -> Cow<'static, str> {
        "Period".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let date = generator.subschema_for::<Date>();
        schemars::json_schema!({
            "title": "Period",
            "description": "When a figure applies: a date; a span {\"from\", \"to\"} (`to` not before `from`, a rule the schema cannot state); or only a length {\"years\"}.",
            "oneOf": [
                date,
                {
                    "title": "Span",
                    "description": "From one date to another, both included.",
                    "type": "object",
                    "properties": {
                        "from": {"title": "From", "description": "The first date the figure covers.", "$ref": "#/$defs/Date"},
                        "to": {"title": "To", "description": "The last date the figure covers.", "$ref": "#/$defs/Date"}
                    },
                    "required": ["from", "to"],
                    "additionalProperties": false
                },
                {
                    "title": "Length",
                    "description": "A length of time with no date.",
                    "type": "object",
                    "properties": {
                        "years": {"title": "Years", "description": "How many years.", "type": "integer", "minimum": 0, "maximum": u32::MAX}
                    },
                    "required": ["years"],
                    "additionalProperties": false
                }
            ]
        })
    }
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
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
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

impl Amount {
    /// The largest magnitude at which every whole number is exact (2^53 − 1, JavaScript's
    /// `Number.MAX_SAFE_INTEGER`). Beyond it, 9007199254740993 would be read as …992.
    pub const MAX_EXACT: u64 = (1 << 53) - 1;
}

/// A JSON number within ±`MAX_EXACT`. Integers are checked before any conversion to f64, so
/// one that f64 would change is refused instead.
impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct AmountVisitor;

        fn beyond<E: serde::de::Error>(shown: impl std::fmt::Display) -> E {
            E::custom(format_args!(
                "amount {shown} is beyond ±{}, where whole numbers stay exact; use a larger unit",
                Amount::MAX_EXACT
            ))
        }

        impl serde::de::Visitor<'_> for AmountVisitor {
            type Value = Amount;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a number")
            }

            #[allow(clippy::cast_precision_loss)] // at most 2^53 - 1, exact in f64
            fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<Amount, E> {
                if value > Amount::MAX_EXACT { Err(beyond(value)) } else { Ok(Amount(value as f64)) }
            }

            #[allow(clippy::cast_precision_loss)] // at most 2^53 - 1 in magnitude, exact in f64
            fn visit_i64<E: serde::de::Error>(self, value: i64) -> Result<Amount, E> {
                if value.unsigned_abs() > Amount::MAX_EXACT { Err(beyond(value)) } else { Ok(Amount(value as f64)) }
            }

            #[allow(clippy::cast_precision_loss)] // 2^53 - 1 is exact in f64
            fn visit_f64<E: serde::de::Error>(self, value: f64) -> Result<Amount, E> {
                if !value.is_finite() {
                    Err(E::custom("amount must be a finite number"))
                } else if value.abs() > Amount::MAX_EXACT as f64 {
                    Err(beyond(value))
                } else {
                    Ok(Amount(value))
                }
            }
        }

        deserializer.deserialize_any(AmountVisitor)
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
        schemars::json_schema!({
            "title": "Amount",
            "type": "number",
            "minimum": -Amount::MAX_EXACT.cast_signed(),
            "maximum": Amount::MAX_EXACT,
            "description": "A number in base units: 15500000, not 15.5. At most 9007199254740991 (2^53 − 1) in magnitude, where whole numbers stay exact."
        })
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
