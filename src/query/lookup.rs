//! Resolving what a person typed to one actor: exact id, exact name or alias, then a unique
//! prefix of a name, alias or word; otherwise an error with candidates or suggestions.

use crate::error::{Error, Result};
use crate::model::{Actor, Dataset};

use super::fold;

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
    let exact: Vec<usize> = (0..actors.len()).filter(|&i| names.of(i).contains(&q)).collect();
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
        [] => Err(Error::NotFound { query: query.to_owned(), suggestions: suggest(data, names, &q) }),
        many => Err(Error::Ambiguous {
            query: query.to_owned(),
            candidates: many
                .iter()
                .map(|&i| format!("{} ({}, {})", actors[i].name, actors[i].id, actors[i].kind))
                .collect(),
        }),
    }
}

/// The best few search hits, as "did you mean" suggestions.
fn suggest(data: &Dataset, names: &ActorNames, query: &str) -> Vec<String> {
    super::search(data, names, query, None).into_iter().take(SUGGESTIONS).map(|hit| hit.actor.id.to_string()).collect()
}
