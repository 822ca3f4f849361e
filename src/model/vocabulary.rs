//! Closed vocabularies (actor kinds, event types, figure kinds): one macro gives each its
//! serde names, its list, its names for parsing and its descriptions for `--help` and docs.

/// A closed list of lowercase names, each with a one-line description.
pub trait Vocabulary: Copy + 'static {
    /// Every value, in declaration order.
    const ALL: &'static [Self];

    fn as_str(self) -> &'static str;

    fn description(self) -> &'static str;

    /// The value with this exact name.
    fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == name)
    }

    /// Every name, for error messages.
    fn names() -> Vec<&'static str> {
        Self::ALL.iter().map(|v| v.as_str()).collect()
    }
}

macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal: $doc:literal,)* }) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash,
            serde::Serialize, serde::Deserialize, schemars::JsonSchema,
            rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
        )]
        pub enum $name {
            $(#[doc = $doc] #[serde(rename = $text)] $variant,)*
        }

        impl $name {
            pub const ALL: &'static [Self] = &[$($name::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)*
                }
            }

            pub fn description(self) -> &'static str {
                match self {
                    $($name::$variant => $doc,)*
                }
            }
        }

        impl $crate::model::Vocabulary for $name {
            const ALL: &'static [Self] = $name::ALL;

            fn as_str(self) -> &'static str {
                $name::as_str(self)
            }

            fn description(self) -> &'static str {
                $name::description(self)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

pub(crate) use vocabulary;
