//! Ranking every actor against a query by a score built on string similarity.
//!
//! The score (0–100) of an actor is the best over its name, aliases and id (all folded):
//! 100 exact; 95 a name starts with the query; 90 a word of a name starts with it; 85 a name
//! contains it; otherwise 100 × the normalised Damerau-Levenshtein similarity of the query to the
//! closest name or word (one typo in "pinerra" still scores 86), capped at 84. Actors scoring
//! below 70 are left out.

use serde::Serialize;

use crate::model::{Actor, ActorKind, Dataset};

use super::{ActorNames, fold};

pub const MIN_SCORE: u8 = 70;

#[derive(Debug, Clone, Serialize)]
pub struct SearchHit<'d> {
    pub score: u8,
    #[serde(skip)]
    pub actor: &'d Actor,
    /// The name or alias that scored best.
    pub matched: String,
}

pub fn search<'d>(data: &'d Dataset, names: &ActorNames, query: &str, kind: Option<ActorKind>) -> Vec<SearchHit<'d>> {
    let q = fold(query);
    if q.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<SearchHit<'d>> = data
        .actors()
        .iter()
        .enumerate()
        .filter(|(_, a)| kind.is_none_or(|k| a.kind == k))
        .filter_map(|(i, actor)| {
            let id = actor.id.as_str();
            let (score, at) = names
                .of(i)
                .iter()
                .map(String::as_str)
                .chain(std::iter::once(id))
                .enumerate()
                .map(|(at, name)| (score(&q, name), at))
                .max_by_key(|&(score, at)| (score, std::cmp::Reverse(at)))?;
            let matched = if at == 0 {
                actor.name.clone()
            } else {
                actor.aliases.get(at - 1).cloned().unwrap_or_else(|| id.to_owned())
            };
            (score >= MIN_SCORE).then_some(SearchHit { score, actor, matched })
        })
        .collect();
    hits.sort_by(|a, b| b.score.cmp(&a.score).then_with(|| a.actor.name.cmp(&b.actor.name)));
    hits
}

/// The score of one folded name against the folded query; see the module comment.
pub fn score(query: &str, name: &str) -> u8 {
    if query.is_empty() {
        return 0;
    }
    if name == query {
        return 100;
    }
    if name.starts_with(query) {
        return 95;
    }
    let mut words = name.split([' ', '-']);
    if words.any(|w| w.starts_with(query)) {
        return 90;
    }
    if name.contains(query) {
        return 85;
    }
    // The similarity can be no higher than the shorter length over the longer, so candidates of
    // very different length are skipped: a 100 000-character query costs nothing.
    let query_len = query.chars().count();
    let best = std::iter::once(name)
        .chain(name.split([' ', '-']))
        .filter(|candidate| {
            let len = candidate.chars().count();
            len.min(query_len) * 100 >= len.max(query_len) * usize::from(MIN_SCORE)
        })
        .map(|candidate| strsim::normalized_damerau_levenshtein(query, candidate))
        .fold(0.0, f64::max);
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // 0.0..=1.0 scaled to 0..=100
    let fuzzy = (best * 100.0).round() as u8;
    fuzzy.min(84)
}

#[cfg(test)]
mod tests {
    use super::score;

    #[test]
    fn exact_beats_prefix_beats_word_beats_substring_beats_fuzzy() {
        assert_eq!(score("chile", "chile"), 100);
        assert_eq!(score("chi", "chile"), 95);
        assert_eq!(score("pinera", "sebastian pinera"), 90);
        assert_eq!(score("ile", "chile"), 85);
        let fuzzy = score("pinerra", "sebastian pinera");
        assert!((MIN..85).contains(&fuzzy), "{fuzzy}");
        assert!(score("zzzz", "chile") < super::MIN_SCORE);
    }

    const MIN: u8 = super::MIN_SCORE;
}
