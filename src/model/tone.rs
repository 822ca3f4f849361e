//! The tone of a relationship or event, from hostile (−2) to close (2).

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
pub enum Tone {
    Hostile,
    Strained,
    Neutral,
    Cooperative,
    Close,
}

impl Tone {
    pub const ALL: [Tone; 5] = [Tone::Hostile, Tone::Strained, Tone::Neutral, Tone::Cooperative, Tone::Close];

    pub fn value(self) -> i8 {
        match self {
            Tone::Hostile => -2,
            Tone::Strained => -1,
            Tone::Neutral => 0,
            Tone::Cooperative => 1,
            Tone::Close => 2,
        }
    }

    pub fn from_value(value: i64) -> Option<Self> {
        Self::ALL.into_iter().find(|t| i64::from(t.value()) == value)
    }

    pub fn label(self) -> &'static str {
        match self {
            Tone::Hostile => "hostile",
            Tone::Strained => "strained",
            Tone::Neutral => "neutral",
            Tone::Cooperative => "cooperative",
            Tone::Close => "close",
        }
    }
}

impl fmt::Display for Tone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

impl Serialize for Tone {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i8(self.value())
    }
}

impl<'de> Deserialize<'de> for Tone {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = super::Whole::<i64>::deserialize(deserializer)?.0;
        Tone::from_value(value).ok_or_else(|| {
            serde::de::Error::custom(format!("tone {value} is out of range: use -2 (hostile) to 2 (close)"))
        })
    }
}

impl schemars::JsonSchema for Tone {
    fn schema_name() -> Cow<'static, str> {
        "Tone".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "integer",
            "minimum": -2,
            "maximum": 2,
            "title": "Tone",
            "description": "How relations stood: -2 hostile, -1 strained, 0 neutral or mixed, 1 cooperative, 2 close."
        })
    }
}
