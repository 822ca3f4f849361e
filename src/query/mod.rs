//! Pure functions over a loaded dataset: actor lookup, event filters, word matching, search.

mod filter;
mod fold;
mod fuzzy;
mod graph;
mod lookup;
mod matcher;
mod profile;
mod range;
mod search;
mod tags;

pub use filter::{EventFilter, FigureFilter};
pub use fold::fold;
pub use graph::{Edge, EdgeKind, Network, network};
pub use lookup::{ActorNames, event_by_title, resolve_actor};
pub use matcher::{Grep, Query};
pub use profile::{Profile, tone_at};
pub use range::{DateRange, parse_year};
pub use search::{Field, KindFilter, RecordKind, SearchHit, SearchIndex, SearchOptions};
pub use tags::{TagCount, has_tag, tag_counts};
