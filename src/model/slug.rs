//! Record identifiers: lowercase slugs such as `united-states` or `2008-goldberg-expelled`.

use std::borrow::{Borrow, Cow};
use std::cell::RefCell;
use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use rustc_hash::FxBuildHasher;

/// An id. The same id appears many times in a dataset (every event names its actors, every
/// record its source and section), so ids are shared rather than copied.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Slug(Arc<str>);

/// Slots of the cache of recently seen ids: a direct-mapped table, so a lookup is one hash and
/// one comparison, and it never grows. A repeated id (an actor named by many events, a source
/// section) is found and shared; an id seen once just takes its slot.
const CACHE_SLOTS: usize = 1 << 14;

thread_local! {
    static RECENT: RefCell<Vec<Option<Arc<str>>>> = const { RefCell::new(Vec::new()) };
}

fn intern(text: &str) -> Arc<str> {
    use std::hash::BuildHasher;
    #[allow(clippy::cast_possible_truncation)] // only the low bits pick the slot
    let slot = (FxBuildHasher.hash_one(text) as usize) & (CACHE_SLOTS - 1);
    RECENT.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.is_empty() {
            cache.resize(CACHE_SLOTS, None);
        }
        match &cache[slot] {
            Some(shared) if &**shared == text => Arc::clone(shared),
            _ => {
                let shared: Arc<str> = Arc::from(text);
                cache[slot] = Some(Arc::clone(&shared));
                shared
            }
        }
    })
}

impl Slug {
    /// Accepts `[a-z0-9]+(-[a-z0-9]+)*`.
    pub fn parse(text: &str) -> Result<Self, String> {
        // Words of [a-z0-9] joined by single hyphens: no hyphen first, last or twice in a row.
        let bytes = text.as_bytes();
        let well_formed = !bytes.is_empty()
            && bytes[0] != b'-'
            && bytes[bytes.len() - 1] != b'-'
            && bytes.iter().all(|&b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !bytes.windows(2).any(|w| w == b"--");
        if well_formed {
            Ok(Self(intern(text)))
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

/// Rebuild an id read back from a compiled dataset, which was checked when it was compiled.
/// Shared like a parsed id, so a cached dataset holds no more copies than one read from JSON.
impl Slug {
    pub(crate) fn from_checked(text: &str) -> Self {
        Self(intern(text))
    }
}

/// A compiled dataset stores an id as an archived string ([`crate::load::cache`]).
impl rkyv::Archive for Slug {
    type Archived = rkyv::string::ArchivedString;
    type Resolver = rkyv::string::StringResolver;

    fn resolve(&self, resolver: Self::Resolver, out: rkyv::Place<Self::Archived>) {
        rkyv::string::ArchivedString::resolve_from_str(&self.0, resolver, out);
    }
}

impl<S> rkyv::Serialize<S> for Slug
where
    S: rkyv::rancor::Fallible + ?Sized,
    S::Error: rkyv::rancor::Source,
    str: rkyv::SerializeUnsized<S>,
{
    fn serialize(&self, serializer: &mut S) -> Result<Self::Resolver, S::Error> {
        rkyv::string::ArchivedString::serialize_from_str(&self.0, serializer)
    }
}

impl<D: rkyv::rancor::Fallible + ?Sized> rkyv::Deserialize<Slug, D> for rkyv::string::ArchivedString {
    fn deserialize(&self, _: &mut D) -> Result<Slug, D::Error> {
        Ok(Slug::from_checked(self.as_str()))
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

impl Serialize for Slug {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl std::str::FromStr for Slug {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        Slug::parse(text)
    }
}

impl<'de> Deserialize<'de> for Slug {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        super::deserialize_from_str(deserializer, "an id string")
    }
}

impl schemars::JsonSchema for Slug {
    fn schema_name() -> Cow<'static, str> {
        "Slug".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "title": "Id",
            "type": "string",
            "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
            "description": "An identifier: lowercase letters and digits in words joined by single hyphens (united-states, 2008-goldberg-expelled)."
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
        for bad in ["", "-", "Chile", "-chile", "chile-", "united--states", "sí", "a b", "a_b"] {
            assert!(Slug::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn equal_ids_share_one_allocation() {
        let (a, b) = (Slug::parse("chile").unwrap(), Slug::parse("chile").unwrap());
        assert!(std::sync::Arc::ptr_eq(&a.0, &b.0));
    }
}
