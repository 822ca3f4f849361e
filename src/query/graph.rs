//! The relationship network: actors as nodes, relationships and bloc memberships as edges.

use crate::model::{Actor, ActorKind, Dataset, Tone};

use super::{Standing, membership_standing, tone_at};

pub enum EdgeKind<'d> {
    /// A relationship record, with its tone (as of the year asked) and a short label.
    Relationship { tone: Tone, label: &'d str },
    /// `from` is a member of the bloc `to`.
    Member { role: Option<&'d str> },
}

pub struct Edge<'d> {
    pub from: &'d Actor,
    pub to: &'d Actor,
    pub kind: EdgeKind<'d>,
}

pub struct Network<'d> {
    /// Every actor on an edge, by kind and then name.
    pub nodes: Vec<&'d Actor>,
    pub edges: Vec<Edge<'d>>,
}

/// The network, optionally as of a year, optionally only around one actor.
pub fn network<'d>(data: &'d Dataset, focus: Option<&'d Actor>, as_of: Option<u16>, members: bool) -> Network<'d> {
    let mut edges = Vec::new();
    for rel in data.relationships() {
        let (Some(a), Some(b)) = (data.actor(rel.between[0].as_str()), data.actor(rel.between[1].as_str())) else {
            continue;
        };
        // As of a year, a relationship appears while one of its periods is in force.
        if let Some((tone, period)) = tone_at(rel, as_of) {
            let label = match (as_of, period) {
                (Some(_), Some(period)) => period.label.as_str(),
                _ => rel.status.as_str(),
            };
            edges.push(Edge { from: a, to: b, kind: EdgeKind::Relationship { tone, label } });
        }
    }
    if members {
        // As of a year, only memberships known to hold then: a graph cannot say "date not recorded".
        for bloc in data.actors().iter().filter(|a| a.kind == ActorKind::Bloc) {
            let holds =
                |m: &&crate::model::Membership| membership_standing(data, bloc, m, as_of) == Some(Standing::Member);
            for membership in bloc.members.iter().filter(holds) {
                if let Some(member) = data.actor(membership.actor.as_str()) {
                    edges.push(Edge {
                        from: member,
                        to: bloc,
                        kind: EdgeKind::Member { role: membership.role.as_deref() },
                    });
                }
            }
        }
    }
    if let Some(focus) = focus {
        edges.retain(|e| e.from.id == focus.id || e.to.id == focus.id);
    }
    let mut nodes: Vec<&Actor> = edges.iter().flat_map(|e| [e.from, e.to]).chain(focus).collect();
    nodes.sort_by(|a, b| (a.kind, &a.name, &a.id).cmp(&(b.kind, &b.name, &b.id)));
    nodes.dedup_by(|a, b| a.id == b.id);
    Network { nodes, edges }
}
