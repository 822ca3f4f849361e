//! Everything the dataset says about one actor, optionally as the world stood in a given year.

use std::collections::HashSet;

use crate::model::{
    Actor, ActorKind, Citation, Dataset, Date, Event, Figure, Membership, Relationship, Role, Slug, Tone, TonePeriod,
};

pub struct Profile<'d> {
    pub actor: &'d Actor,
    pub as_of: Option<u16>,
    /// The actor's relationship with the dataset's subject.
    pub with_subject: Option<&'d Relationship>,
    /// Every other relationship the actor is in, closest first (for the subject: all of them).
    pub relationships: Vec<&'d Relationship>,
    /// Blocs the actor belongs to, with the membership.
    pub blocs: Vec<(&'d Actor, &'d Membership)>,
    /// A bloc's members.
    pub members: Vec<(&'d Membership, &'d Actor)>,
    /// A person's roles (held in `as_of`, when given).
    pub roles: Vec<&'d Role>,
    /// People who served this actor, with the role.
    pub people: Vec<(&'d Actor, &'d Role)>,
    pub organisations: Vec<&'d Actor>,
    pub figures: Vec<&'d Figure>,
    pub events: Vec<&'d Event>,
    pub citations: Vec<&'d Citation>,
    /// The earliest year any record about the actor speaks of.
    pub first_year: Option<u16>,
}

impl<'d> Profile<'d> {
    pub fn new(data: &'d Dataset, actor: &'d Actor, as_of: Option<u16>) -> Self {
        let id = actor.id.as_str();
        let until = |year: Option<u16>| match (as_of, year) {
            (Some(limit), Some(year)) => year <= limit,
            _ => true,
        };
        let subject = data.subject().map(Slug::as_str);
        let is_subject = subject == Some(id);
        let with_subject = if is_subject {
            None
        } else {
            subject.and_then(|s| data.relationships().iter().find(|r| r.involves(id) && r.involves(s)))
        };
        let mut relationships: Vec<&Relationship> = data
            .relationships()
            .iter()
            .filter(|r| r.involves(id) && !with_subject.is_some_and(|w| std::ptr::eq(*r, w)))
            .collect();
        relationships.sort_by_key(|r| std::cmp::Reverse(tone_at(r, as_of).map(|(t, _)| t)));

        let blocs = data
            .actors()
            .iter()
            .filter(|b| b.kind == ActorKind::Bloc)
            .filter_map(|b| b.members.iter().find(|m| m.actor.as_str() == id).map(|m| (b, m)))
            .filter(|(b, m)| until(m.since.map(Date::year)) && until(b.founded.map(Date::year)))
            .collect();
        let members = actor
            .members
            .iter()
            .filter(|m| until(m.since.map(Date::year)))
            .filter_map(|m| data.actor(m.actor.as_str()).map(|a| (m, a)))
            .collect();
        let held = |role: &Role| as_of.is_none_or(|year| role.held_in(year));
        let roles = actor.roles.iter().filter(|r| held(r)).collect();
        let people = data
            .actors()
            .iter()
            .filter(|p| p.kind == ActorKind::Person)
            .flat_map(|p| {
                p.roles
                    .iter()
                    .filter(|r| r.of.as_ref().is_some_and(|o| o.as_str() == id) && held(r))
                    .map(move |r| (p, r))
            })
            .collect();
        let organisations =
            data.actors().iter().filter(|o| o.based_in.as_ref().is_some_and(|b| b.as_str() == id)).collect();
        let figures: Vec<&Figure> = data.figures().iter().filter(|f| f.involves(id) && until(f.year())).collect();
        let all_events: Vec<&Event> = data.events().iter().filter(|e| e.involves(id)).collect();
        // As for `events --as-of`: a `circa` span counts once all of it lies before the year.
        let known_by = |e: &Event| if e.circa { e.end.unwrap_or(e.date).year() } else { e.date.year() };
        let events = all_events.iter().copied().filter(|e| until(Some(known_by(e)))).collect();

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

/// A relationship's tone and the label of its period, as of a year (or its current tone).
pub fn tone_at(rel: &Relationship, as_of: Option<u16>) -> Option<(Tone, Option<&TonePeriod>)> {
    match as_of {
        None => Some((rel.tone, rel.periods.last())),
        Some(year) => rel.period_in(year).map(|p| (p.tone, Some(p))),
    }
}
