//! Record identifiers: lowercase slugs such as `united-states` or `2008-goldberg-expelled`.

use std::borrow::{Borrow, Cow};
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Slug(String);

impl Slug {
    /// Accepts `[a-z0-9]+(-[a-z0-9]+)*`.
    pub fn parse(text: &str) -> Result<Self, String> {
        let well_formed = !text.is_empty()
            && text
                .split('-')
                .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
        if well_formed {
            Ok(Self(text.to_owned()))
        } else {
            Err(format!(
                "'{}' is not a valid id: use lowercase letters and digits in words joined by single hyphens",
                super::date::shorten(text)
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Borrow<str> for Slug {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for Slug {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Slug::parse(&text).map_err(serde::de::Error::custom)
    }
}

impl schemars::JsonSchema for Slug {
    fn schema_name() -> Cow<'static, str> {
        "Slug".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
            "description": "An identifier: lowercase letters and digits in words joined by hyphens."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Slug;

    #[test]
    fn accepts_hyphenated_lowercase_words() {
        for ok in ["chile", "united-states", "2008-goldberg-expelled", "a1"] {
            assert!(Slug::parse(ok).is_ok(), "{ok}");
        }
    }

    #[test]
    fn rejects_anything_else() {
        for bad in ["", "Chile", "-chile", "chile-", "united--states", "sí", "a b", "a_b"] {
            assert!(Slug::parse(bad).is_err(), "{bad}");
        }
    }
}
