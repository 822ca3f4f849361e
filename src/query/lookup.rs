//! Resolving what a person typed to one actor: exact id, exact name or alias, then a unique
//! prefix of a name, alias or word; otherwise an error with candidates or suggestions.

use crate::error::{Error, Result};
use crate::model::{Actor, Dataset, Event};

use super::{Query, RecordKind, SearchIndex, fold};
use crate::error::plural;
use crate::model::shorten;

/// Every actor's folded names (name first, then aliases), computed on first use: an exact id
/// needs none of them.
pub struct ActorNames<'d> {
    data: &'d Dataset,
    folded: std::cell::OnceCell<Vec<Vec<String>>>,
}

impl<'d> ActorNames<'d> {
    pub fn new(data: &'d Dataset) -> Self {
        Self { data, folded: std::cell::OnceCell::new() }
    }

    /// The folded name and aliases of the actor at `index` in the dataset.
    pub fn of(&self, index: usize) -> &[String] {
        let folded = self.folded.get_or_init(|| {
            self.data
                .actors()
                .iter()
                .map(|a| std::iter::once(&a.name).chain(&a.aliases).map(|n| fold(n)).collect())
                .collect()
        });
        &folded[index]
    }
}

const SUGGESTIONS: usize = 3;

pub fn resolve_actor<'d>(data: &'d Dataset, names: &ActorNames, query: &str) -> Result<&'d Actor> {
    let q = fold(query);
    if q.is_empty() {
        return Err(Error::Usage("an actor name cannot be empty".into()));
    }
    if let Some(actor) = data.actor(&q) {
        return Ok(actor);
    }
    let actors = data.actors();
    // An ISO code is as good as a name: `usa`, `BOL`.
    let exact: Vec<usize> = (0..actors.len())
        .filter(|&i| names.of(i).contains(&q) || actors[i].iso3.as_deref().is_some_and(|iso| fold(iso) == q))
        .collect();
    let prefix = || -> Vec<usize> {
        (0..actors.len())
            .filter(|&i| {
                names.of(i).iter().any(|n| n.starts_with(&q) || n.split([' ', '-']).any(|w| w.starts_with(&q)))
                    || actors[i].id.as_str().starts_with(&q)
            })
            .collect()
    };
    let found = if exact.is_empty() { prefix() } else { exact };
    match found.as_slice() {
        [one] => Ok(&actors[*one]),
        [] => Err(Error::NotFound {
            query: query.to_owned(),
            suggestions: suggest(data, names, &q),
            elsewhere: elsewhere(data, query),
        }),
        many => Err(Error::Ambiguous {
            query: query.to_owned(),
            candidates: many
                .iter()
                .map(|&i| format!("{} ({}, {})", actors[i].name, actors[i].id, actors[i].kind))
                .collect(),
        }),
    }
}

/// The event whose title is `text`, whatever its case and accents: `cite "War of the Pacific"`.
pub fn event_by_title<'d>(data: &'d Dataset, text: &str) -> Option<&'d Event> {
    let wanted = fold(text);
    data.events().iter().find(|e| fold(&e.title) == wanted)
}

/// Where the words appear when they name no actor: "'ilo' appears in 3 events and 2
/// relationships: relations search ilo".
fn elsewhere(data: &Dataset, query: &str) -> Option<String> {
    let words = Query::parse(query);
    if words.is_empty() {
        return None;
    }
    let counts = SearchIndex::new(data).count(&words);
    let places: Vec<String> = RecordKind::ALL
        .iter()
        .zip(counts)
        .filter(|(kind, count)| **kind != RecordKind::Actor && *count > 0)
        .map(|(kind, count)| plural(count, kind.as_str()))
        .collect();
    let places = match places.as_slice() {
        [] => return None,
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    };
    Some(format!("'{}' appears in {places}: relations search {}", shorten(query), shell_quote(query)))
}

/// A word as a shell would take it back: bare when it is plain, else in single quotes.
fn shell_quote(text: &str) -> String {
    if !text.is_empty() && text.chars().all(|c| c.is_alphanumeric() || "-_.,/".contains(c)) {
        return text.to_owned();
    }
    format!("'{}'", text.replace('\'', "'\\''"))
}

/// The best few search hits, as "did you mean" suggestions.
fn suggest(data: &Dataset, names: &ActorNames, query: &str) -> Vec<String> {
    super::fuzzy::similar_actors(data, names, query)
        .into_iter()
        .take(SUGGESTIONS)
        .map(|actor| actor.id.to_string())
        .collect()
}
