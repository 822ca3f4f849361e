//! Relationships between two actors and how their tone changed over time.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Citation, Date, Slug, Tone};

/// How two actors stand with each other, now and over time.
#[derive(
    Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
#[serde(deny_unknown_fields, remote = "Self")]
#[schemars(rename = "Relationship")]
pub struct Relationship {
    /// The ids of the two actors, in any order, and different; one record per pair.
    #[serde(deserialize_with = "two_ids")]
    #[schemars(extend("uniqueItems" = true))]
    pub between: [Slug; 2],
    /// The tone as of the dataset's `as_of`: the latest period's, unless the source says
    /// otherwise (`validate` warns where an open latest period disagrees).
    pub tone: Tone,
    /// The relationship's state in a few words: "full diplomatic relations", "no ambassadors", …
    #[schemars(length(min = 1), regex(pattern = r"\S"))]
    pub status: String,
    /// A few sentences on the relationship, in our own words.
    pub summary: String,
    /// What the relationship is about: gas, the sea, drugs, trade, …
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<String>,
    /// How the tone changed over time, in date order. A period is in force from `from` until
    /// its `to`, or, without one, until the next period starts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub periods: Vec<TonePeriod>,
    /// The source sections the relationship rests on; at least one.
    #[schemars(length(min = 1))]
    pub sources: Vec<Citation>,
}

/// A stretch of time with one tone, from a date to a later one (or to the present).
#[derive(
    Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
#[serde(deny_unknown_fields, remote = "Self")]
#[schemars(rename = "TonePeriod")]
pub struct TonePeriod {
    /// When the period began; with `start_unknown`, the latest it can have begun.
    pub from: Date,
    /// True when the source does not say when the period began, only that it was in force by
    /// `from` (something it calls "ongoing" is in force by the dataset's `as_of`). Shown as
    /// "by YEAR"; as of an earlier year the period is not in force (no tone is recorded then).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub start_unknown: bool,
    /// When it ended; left out while it lasts. Not before `from` (a rule the schema cannot
    /// state).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Date>,
    /// The tone during the period.
    pub tone: Tone,
    /// A name for the period: "gas war", "rapprochement", …; not empty.
    #[schemars(length(min = 1), regex(pattern = r"\S"))]
    pub label: String,
}

super::named_fields_only!(Relationship, TonePeriod);

impl Relationship {
    pub fn involves(&self, actor: &str) -> bool {
        self.between.iter().any(|a| a.as_str() == actor)
    }

    /// The other side of the pair, seen from `actor`.
    pub fn other(&self, actor: &str) -> &Slug {
        if self.between[0].as_str() == actor { &self.between[1] } else { &self.between[0] }
    }

    /// The pair in a canonical order, the key that merging and uniqueness use.
    pub fn key_str(&self) -> (&str, &str) {
        let [a, b] = [self.between[0].as_str(), self.between[1].as_str()];
        if a <= b { (a, b) } else { (b, a) }
    }

    /// The period in force during `year`: the latest one that started by then, unless it had
    /// ended before it. None when no period covers the year.
    pub fn period_in(&self, year: u16) -> Option<&TonePeriod> {
        let period = self.periods.iter().filter(|p| p.from.year() <= year).max_by_key(|p| p.from)?;
        period.to.is_none_or(|to| to.year() >= year).then_some(period)
    }

    /// The latest period, if it is still open (has no `to`): the one the overall tone should match.
    pub fn open_latest_period(&self) -> Option<&TonePeriod> {
        self.periods.iter().max_by_key(|p| p.from).filter(|p| p.to.is_none())
    }
}

/// Exactly two ids, with a message that says so (a fixed-size array alone reports a third id as
/// "trailing characters").
fn two_ids<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<[Slug; 2], D::Error> {
    let ids = Vec::<Slug>::deserialize(deserializer)?;
    <[Slug; 2]>::try_from(ids).map_err(|ids| {
        serde::de::Error::custom(format!("a relationship is between exactly two actors; found {} ids", ids.len()))
    })
}

#[cfg(test)]
mod tests {
    use super::Relationship;

    fn relationship(periods: &serde_json::Value) -> Relationship {
        serde_json::from_value(serde_json::json!({
            "between": ["a", "b"], "tone": 0, "status": "s", "summary": "s", "periods": periods,
            "sources": [{"source": "s", "section": "s"}]
        }))
        .unwrap()
    }

    #[test]
    fn a_period_is_in_force_only_between_its_bounds() {
        let rel = relationship(&serde_json::json!([
            {"from": "1879", "to": "1883", "tone": -2, "label": "war"},
            {"from": "2002", "tone": 1, "label": "offer"},
            {"from": "2006", "tone": 0, "label": "mixed"}
        ]));
        assert_eq!(rel.period_in(1880).unwrap().label, "war");
        assert!(rel.period_in(1950).is_none(), "the war ended in 1883");
        assert!(rel.period_in(1800).is_none());
        assert_eq!(rel.period_in(2004).unwrap().label, "offer", "an open period lasts until the next");
        assert_eq!(rel.period_in(2011).unwrap().label, "mixed");
        assert_eq!(rel.open_latest_period().unwrap().label, "mixed");
    }
}
