//! Pure functions over a loaded dataset: actor lookup, event filters, word matching, search.

mod asof;
mod filter;
mod fold;
mod fuzzy;
mod graph;
mod lookup;
mod matcher;
mod profile;
mod range;
mod record;
mod search;
mod tags;

pub use asof::{
    RoleStanding, Standing, as_of_range, ends_after, first_placed, founded_after, membership_standing,
    person_first_placed, placement_as_of, role_standing, written_later,
};
pub use filter::{EventFilter, FigureFilter, Placement, Selected, figure_known_by, placement};
pub use fold::fold;
pub use graph::{Edge, EdgeKind, Network, network};
pub use lookup::{ActorNames, event_by_title, resolve_actor};
pub use matcher::{Grep, Query};
pub use profile::{Profile, relationship_with_subject, relationships_with_subject, tone_at};
pub use range::{DateRange, parse_year};
pub use record::{Record, find_record, relationship_between};
pub use search::{Field, KindFilter, RecordKind, SearchHit, SearchIndex, SearchOptions};
pub use tags::{TagCount, has_tag, tag_counts};
