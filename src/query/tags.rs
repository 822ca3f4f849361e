//! The dataset's own vocabulary of topics: event tags and relationship themes, with counts.

use std::collections::BTreeMap;

use crate::model::Dataset;

use super::fold;

/// One topic, as first spelled in the dataset, and how many records carry it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagCount {
    pub tag: String,
    pub events: usize,
    pub relationships: usize,
}

/// Every tag and theme (the same word counts once, whatever its case or accents), most used
/// first, then by name.
pub fn tag_counts(data: &Dataset) -> Vec<TagCount> {
    let mut counts: BTreeMap<String, TagCount> = BTreeMap::new();
    let mut count = |tag: &String, is_event: bool| {
        let entry =
            counts.entry(fold(tag)).or_insert_with(|| TagCount { tag: tag.clone(), events: 0, relationships: 0 });
        if is_event {
            entry.events += 1;
        } else {
            entry.relationships += 1;
        }
    };
    for event in data.events() {
        // A record carrying the same tag twice counts once.
        let mut seen: Vec<String> = Vec::new();
        for tag in &event.tags {
            if !seen.contains(&fold(tag)) {
                seen.push(fold(tag));
                count(tag, true);
            }
        }
    }
    for rel in data.relationships() {
        let mut seen: Vec<String> = Vec::new();
        for theme in &rel.themes {
            if !seen.contains(&fold(theme)) {
                seen.push(fold(theme));
                count(theme, false);
            }
        }
    }
    let mut all: Vec<TagCount> = counts.into_values().collect();
    all.sort_by(|a, b| {
        (b.events + b.relationships).cmp(&(a.events + a.relationships)).then_with(|| fold(&a.tag).cmp(&fold(&b.tag)))
    });
    all
}

/// Whether a record's tags (or themes) include `wanted` (folded).
pub fn has_tag(tags: &[String], wanted: &str) -> bool {
    tags.iter().any(|t| fold(t) == wanted)
}
