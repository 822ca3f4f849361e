//! Everything the dataset says about one actor, optionally as the world stood in a given year.

use std::collections::HashSet;

use crate::model::{
    Actor, ActorKind, Citation, Dataset, Date, Event, Figure, Membership, Relationship, Role, Tone, TonePeriod,
};

use super::{RoleStanding, Selected, Standing, figure_known_by, membership_standing, placement_as_of, role_standing};

pub struct Profile<'d> {
    pub actor: &'d Actor,
    pub as_of: Option<u16>,
    /// The actor's relationship with the dataset's subject.
    pub with_subject: Option<&'d Relationship>,
    /// Every other relationship the actor is in, closest first (for the subject: all of them).
    /// As of a year, only those with a tone period begun by then.
    pub relationships: Vec<&'d Relationship>,
    /// Blocs the actor belongs to, with the membership and how it stands as of the year.
    pub blocs: Vec<(&'d Actor, &'d Membership, Standing)>,
    /// A bloc's members, with how each stands as of the year.
    pub members: Vec<(&'d Membership, &'d Actor, Standing)>,
    /// For a bloc asked about as of a year before its recorded founding: that founding date.
    pub not_yet_founded: Option<Date>,
    /// A person's roles, with how each stands as of the year (see `query::role_standing`).
    pub roles: Vec<(&'d Role, RoleStanding)>,
    /// People who served this actor, with the role and how it stands as of the year.
    pub people: Vec<(&'d Actor, &'d Role, RoleStanding)>,
    /// Organisations based in the actor (none as of a year: the record does not date them).
    pub organisations: Vec<&'d Actor>,
    /// Figures; as of a year, only those whose dated period ended by then.
    pub figures: Vec<&'d Figure>,
    /// Events involving the actor; as of a year, those certainly by then and, marked, those
    /// that may be (see `query::placement`).
    pub events: Vec<Selected<'d>>,
    pub citations: Vec<&'d Citation>,
    /// The earliest year any record about the actor speaks of.
    pub first_year: Option<u16>,
}

impl<'d> Profile<'d> {
    pub fn new(data: &'d Dataset, actor: &'d Actor, as_of: Option<u16>) -> Self {
        Self::with_options(data, actor, as_of, false)
    }

    /// A profile as of a year; `certain_only` leaves out events that only may be by then.
    #[allow(clippy::too_many_lines)] // one list of parts, read top to bottom
    pub fn with_options(data: &'d Dataset, actor: &'d Actor, as_of: Option<u16>, certain_only: bool) -> Self {
        let id = actor.id.as_str();
        let with_subject = relationship_with_subject(data, actor);
        let mut relationships: Vec<&Relationship> = data
            .relationships()
            .iter()
            .filter(|r| r.involves(id) && !with_subject.is_some_and(|w| std::ptr::eq(*r, w)))
            .filter(|r| as_of.is_none_or(|year| r.periods.iter().any(|p| p.from.year() <= year)))
            .collect();
        relationships.sort_by_key(|r| std::cmp::Reverse(tone_at(r, as_of).map(|(t, _)| t)));

        let blocs = data
            .actors()
            .iter()
            .filter(|b| b.kind == ActorKind::Bloc)
            .filter_map(|b| b.members.iter().find(|m| m.actor.as_str() == id).map(|m| (b, m)))
            .filter_map(|(b, m)| membership_standing(data, b, m, as_of).map(|s| (b, m, s)))
            .collect();
        let members = actor
            .members
            .iter()
            .filter_map(|m| membership_standing(data, actor, m, as_of).map(|s| (m, s)))
            .filter_map(|(m, s)| data.actor(m.actor.as_str()).map(|a| (m, a, s)))
            .collect();
        let not_yet_founded = actor.founded.filter(|f| as_of.is_some_and(|year| f.year() > year));
        let roles = actor.roles.iter().filter_map(|r| role_standing(data, actor, r, as_of).map(|s| (r, s))).collect();
        let people = data
            .actors()
            .iter()
            .filter(|p| p.kind == ActorKind::Person)
            .flat_map(|p| {
                p.roles
                    .iter()
                    .filter(|r| r.of.as_ref().is_some_and(|o| o.as_str() == id))
                    .filter_map(move |r| role_standing(data, p, r, as_of).map(|s| (p, r, s)))
            })
            .collect();
        let organisations = if as_of.is_some() {
            Vec::new()
        } else {
            data.actors().iter().filter(|o| o.based_in.as_ref().is_some_and(|b| b.as_str() == id)).collect()
        };
        let figures: Vec<&Figure> = data
            .figures()
            .iter()
            .filter(|f| f.involves(id) && as_of.is_none_or(|year| figure_known_by(f, year)))
            .collect();
        let all_events: Vec<&Event> = data.events_of(id).collect();
        // The same rule as `events --as-of`: certain by then, or marked as maybe.
        let events = all_events
            .iter()
            .filter_map(|&event| {
                placement_as_of(event, as_of)
                    .filter(|p| !(certain_only && *p == super::Placement::Uncertain))
                    .map(|p| Selected { event, certain: p == super::Placement::Certain })
            })
            .collect();

        let mut seen = HashSet::new();
        let citations = actor
            .sources
            .iter()
            .chain(with_subject.iter().flat_map(|r| &r.sources))
            .filter(|c| seen.insert(*c))
            .collect();
        let first_year = all_events
            .iter()
            .map(|e| e.date.year())
            .chain(with_subject.iter().flat_map(|r| r.periods.iter().map(|p| p.from.year())))
            .chain(actor.roles.iter().filter_map(|r| r.from.map(Date::year)))
            .chain(actor.founded.map(Date::year))
            .min();
        Self {
            actor,
            as_of,
            with_subject,
            relationships,
            blocs,
            members,
            not_yet_founded,
            roles,
            people,
            organisations,
            figures,
            events,
            citations,
            first_year,
        }
    }

    /// True when `as_of` is before anything the dataset records about the actor.
    pub fn before_any_record(&self) -> bool {
        matches!((self.as_of, self.first_year), (Some(year), Some(first)) if year < first)
    }
}

/// The actor's relationship with the dataset's subject (none for the subject itself).
pub fn relationship_with_subject<'d>(data: &'d Dataset, actor: &Actor) -> Option<&'d Relationship> {
    let subject = data.subject().and_then(|s| data.actor(s.as_str()))?;
    if subject.id == actor.id {
        return None;
    }
    super::relationship_between(data, subject, actor)
}

/// Every actor's relationship with the dataset's subject, by the other actor's id: what
/// `relationship_with_subject` finds for each, in one pass over the relationships (a list of
/// every actor asks for all of them).
pub fn relationships_with_subject(data: &Dataset) -> rustc_hash::FxHashMap<&str, &Relationship> {
    let Some(subject) = data.subject().map(crate::model::Slug::as_str) else { return rustc_hash::FxHashMap::default() };
    data.relationships()
        .iter()
        .filter(|r| r.between[0] != r.between[1] && r.involves(subject))
        .map(|r| (r.other(subject).as_str(), r))
        .collect()
}

/// A relationship's tone and the label of its period, as of a year (or its current tone). None
/// as of a year that no period covers: the source records no tone for it.
pub fn tone_at(rel: &Relationship, as_of: Option<u16>) -> Option<(Tone, Option<&TonePeriod>)> {
    match as_of {
        None => Some((rel.tone, rel.periods.last())),
        Some(year) => rel.period_in(year).map(|p| (p.tone, Some(p))),
    }
}
