//! Typo tolerance: actors ranked by the similarity of their names to what was typed (the "did
//! you mean" of a lookup), and the known words within a few edits of a word that matched nothing.
//!
//! The similarity score (0–100) of an actor is the best over its name, aliases and id (all folded):
//! 100 exact; 95 a name starts with the query; 90 a word of a name starts with it; 85 a name
//! contains it; otherwise 100 × the normalised Damerau-Levenshtein similarity of the query to the
//! closest name or word (one typo in "pinerra" still scores 86), capped at 84. Actors scoring
//! below 70 are left out.

use crate::model::{Actor, Dataset};

use super::{ActorNames, fold};

pub const MIN_SCORE: u8 = 70;

/// Actors whose name, an alias or id scores at least `MIN_SCORE`, best first.
pub fn similar_actors<'d>(data: &'d Dataset, names: &ActorNames, query: &str) -> Vec<&'d Actor> {
    let q = fold(query);
    if q.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<(u8, &Actor)> = data
        .actors()
        .iter()
        .enumerate()
        .filter_map(|(i, actor)| {
            let best = names
                .of(i)
                .iter()
                .map(String::as_str)
                .chain(std::iter::once(actor.id.as_str()))
                .map(|name| score(&q, name))
                .max()?;
            (best >= MIN_SCORE).then_some((best, actor))
        })
        .collect();
    hits.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.name.cmp(&b.1.name)));
    hits.into_iter().map(|(_, actor)| actor).collect()
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

/// How many edits a word of this many characters may be away from what was typed: none below
/// four characters, then about one in four (`pinnera`, `moralez`, `venezuala` are one away).
pub fn allowed_edits(chars: usize) -> usize {
    match chars {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// A cheap signature of a word's letters (a bit per letter a–z, one for anything else), so that
/// a word sharing too few letters with the query is skipped before any edit distance is run.
pub fn letter_set(word: &str) -> u32 {
    word.bytes().fold(0, |set, b| set | if b.is_ascii_lowercase() { 1 << (b - b'a') } else { 1 << 26 })
}

/// The words among `candidates` within `allowed_edits` of `query` (all folded), nearest first,
/// with their distance. Candidates of the wrong length, or whose letters differ from the
/// query's by more than the allowed edits can explain, never reach the edit distance: one edit
/// changes at most two letters of the set.
pub fn near_words<'w>(query: &str, candidates: impl Iterator<Item = (&'w str, u32)>) -> Vec<(&'w str, usize)> {
    let chars = query.chars().count();
    let edits = allowed_edits(chars);
    if edits == 0 {
        return Vec::new();
    }
    let letters = letter_set(query);
    let mut near: Vec<(&str, usize)> = candidates
        .filter(|(word, set)| {
            word.len().abs_diff(query.len()) <= edits
                && (set ^ letters).count_ones() as usize <= 2 * edits
                && word.chars().count().abs_diff(chars) <= edits
        })
        .filter_map(|(word, _)| {
            let distance = strsim::damerau_levenshtein(query, word);
            (distance <= edits).then_some((word, distance))
        })
        .collect();
    near.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(b.0)));
    near
}

#[cfg(test)]
mod tests {
    use super::score;

    #[test]
    fn near_words_are_within_the_allowed_edits() {
        let words = ["pinera", "morales", "venezuela", "chile", "pine", "moraless"];
        let candidates = || words.iter().map(|w| (*w, super::letter_set(w)));
        assert_eq!(super::near_words("pinnera", candidates()), [("pinera", 1)]);
        assert_eq!(super::near_words("moralez", candidates()), [("morales", 1)], "moraless is two edits away");
        assert_eq!(super::near_words("venezuala", candidates()), [("venezuela", 1)]);
        assert!(super::near_words("ilo", candidates()).is_empty(), "short words have no typos");
    }

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
