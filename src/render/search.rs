//! Search results for people (two lines each, matched words highlighted, fitted to the width)
//! and for programs (plain, CSV, JSON and NDJSON with match offsets), and highlighting of the
//! words of a query in an already drawn table.

use std::fmt::Write as _;
use std::ops::Range;

use colored::Colorize;
use serde_json::{Value, json};

use super::{Cell, Columns, List, Output, sanitize};
use crate::error::Result;
use crate::query::{Query, RecordKind, SearchHit};
use crate::render::Format;

/// The longest snippet in plain, CSV and JSON output, in characters.
const SNIPPET_CHARS: usize = 160;
/// The second line of a result starts under the kind, after the score.
const INDENT: &str = "      ";

/// Matched words on a terminal: bold and underlined, which leaves any colour around them alone.
const MARK_ON: &str = "\u{1b}[1;4m";
const MARK_OFF: &str = "\u{1b}[22;24m";

pub fn write_search_hits(hits: &[SearchHit], out: &mut Output) -> Result<()> {
    // For programs, and for a table of chosen fields, the hits are a list like any other.
    let as_list = out.fields.is_some() || !matches!(out.format, Format::Table | Format::Mermaid | Format::Dot);
    if as_list {
        return hit_list(hits).write(out);
    }
    if hits.is_empty() {
        writeln!(out.out, "(nothing matches)")?;
    }
    let width = usize::from(out.width);
    for hit in hits {
        writeln!(out.out, "{}", heading(hit, width, out.color))?;
        let label = format!("{INDENT}{}: ", hit.field.as_str());
        let room = width.saturating_sub(label.chars().count()).max(10);
        let (text, marks) = snippet(hit.text, &hit.matches, room);
        writeln!(out.out, "{label}{}", marked(&text, &marks, out.color))?;
    }
    Ok(())
}

/// The hits as a list: kind (an actor's own kind), id, name, score, the field that matched and
/// a snippet of it; in JSON, `hit_json`.
fn hit_list<'h>(
    hits: &'h [SearchHit<'h>],
) -> List<'h, SearchHit<'h>, impl Fn(&SearchHit) -> Vec<Cell>, impl Fn(&'h SearchHit<'h>) -> Value> {
    List {
        columns: Columns {
            headers: vec!["kind", "id", "name", "score", "field", "snippet"],
            unwrapped: &["kind", "id", "score", "field"],
            ..Columns::default()
        },
        items: hits,
        cells: |hit: &SearchHit| {
            let (snippet, _) = snippet(hit.text, &hit.matches, SNIPPET_CHARS);
            let score = (hit.score * 100.0).round() / 100.0;
            vec![
                kind_text(hit).into(),
                hit.id.clone().into(),
                hit.name.clone().into(),
                Cell::typed(score_text(hit.score), json!(score)),
                hit.field.as_str().into(),
                snippet.into(),
            ]
        },
        json: |hit: &'h SearchHit<'h>| hit_json(hit),
    }
}

/// "actor" in programs' output is told apart by `actor_kind`; people see the actor's own kind.
fn kind_text<'a>(hit: &'a SearchHit) -> &'a str {
    match hit.actor_kind {
        Some(kind) if hit.kind == RecordKind::Actor => kind.as_str(),
        _ => hit.kind.as_str(),
    }
}

fn score_text(score: f64) -> String {
    format!("{score:.2}")
}

/// The first line of a result: score, kind, name and id. When the name would have to be cut to
/// fit beside the id, the id goes on a line of its own and the name is cut at a word.
fn heading(hit: &SearchHit, width: usize, color: bool) -> String {
    let score = format!("{:>5.1}", hit.score);
    let kind = format!("{:<12}", kind_text(hit));
    let id = sanitize(&hit.id).into_owned();
    let name = sanitize(&hit.name).into_owned();
    let before = score.len() + 1 + kind.len() + 1;
    let beside = before + name.chars().count() + 2 + id.chars().count() <= width;
    let name = if beside { name } else { super::document::fit_words(&name, width.saturating_sub(before).max(12)) };
    let (after, below) =
        if beside { (format!("  {id}"), String::new()) } else { (String::new(), format!("\n{INDENT}{id}")) };
    if color {
        format!("{} {} {}{}{}", score.dimmed(), kind.cyan(), name.bold(), after.dimmed(), below.dimmed())
    } else {
        format!("{score} {kind} {name}{after}{below}")
    }
}

/// Up to `chars` characters of `text` around its first match, with "…" where the text goes on,
/// and the matches moved into the snippet (byte ranges into it; a match cut by the edge is cut
/// too).
pub fn snippet(text: &str, matches: &[Range<usize>], chars: usize) -> (String, Vec<Range<usize>>) {
    let chars = chars.max(10);
    let total = text.chars().count();
    let (mut from, mut to) = (0, text.len());
    if total > chars {
        // Start a little before the first match, at the start of a word, so it has context.
        let first = matches.first().map_or(0, |m| m.start);
        let before: Vec<(usize, char)> = text[..first].char_indices().collect();
        let lead = (chars / 4).min(before.len());
        from = before.get(before.len() - lead).map_or(first, |&(i, _)| i);
        // Keep the window full when the match is near the end.
        let tail_chars = text[from..].chars().count();
        if tail_chars < chars - 1 {
            let back = chars - 1 - tail_chars;
            from = text[..from].char_indices().rev().nth(back.saturating_sub(1)).map_or(0, |(i, _)| i);
        }
        // Begin at the start of a word.
        if from > 0
            && let Some(space) = text[from..first].find(' ')
        {
            from += space + 1;
        }
        let lead = usize::from(from > 0);
        if text[from..].chars().count() + lead > chars {
            let budget = chars - lead - 1;
            to = text[from..].char_indices().nth(budget).map_or(text.len(), |(i, _)| from + i);
        }
    }
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    let shift = out.len();
    out.push_str(&text[from..to]);
    if to < text.len() {
        out.push('…');
    }
    let moved = matches
        .iter()
        .filter(|m| m.end > from && m.start < to)
        .map(|m| (m.start.max(from) - from + shift)..(m.end.min(to) - from + shift))
        .collect();
    (out, moved)
}

/// The text, sanitised, with the marked byte ranges highlighted when colour is on.
fn marked(text: &str, marks: &[Range<usize>], color: bool) -> String {
    let mut out = String::new();
    let mut at = 0;
    for mark in marks {
        if mark.start < at {
            continue;
        }
        out.push_str(&sanitize(&text[at..mark.start]));
        let word = sanitize(&text[mark.clone()]);
        if color {
            let _ = write!(out, "{MARK_ON}{}{MARK_OFF}", word.red());
        } else {
            out.push_str(&word);
        }
        at = mark.end;
    }
    out.push_str(&sanitize(&text[at..]));
    out
}

fn hit_json(hit: &SearchHit) -> Value {
    let (snippet, marks) = snippet(hit.text, &hit.matches, SNIPPET_CHARS);
    let matches: Vec<Value> =
        marks.iter().map(|m| json!({"start": m.start, "end": m.end, "text": &snippet[m.clone()]})).collect();
    let mut value = json!({
        "kind": hit.kind.as_str(),
        "id": hit.id,
        "name": hit.name,
        "score": (hit.score * 100.0).round() / 100.0,
        "field": hit.field.as_str(),
        "snippet": snippet,
        "matches": matches,
    });
    if let (Some(kind), Value::Object(map)) = (hit.actor_kind, &mut value) {
        map.insert("actor_kind".into(), json!(kind));
    }
    value
}

/// Highlight the words a query matches in text already drawn for a terminal (a table),
/// line by line, leaving escape sequences already there untouched.
pub fn highlight_query(drawn: &str, query: &Query) -> String {
    let mut out = String::with_capacity(drawn.len());
    for (i, line) in drawn.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        // Runs of text between escape sequences are matched on their own.
        let mut rest = line;
        while !rest.is_empty() {
            let (text, escape) = match rest.find('\u{1b}') {
                Some(at) => {
                    let len = rest[at..].find(|c: char| c.is_ascii_alphabetic()).map_or(rest.len() - at, |end| end + 1);
                    (&rest[..at], &rest[at..at + len])
                }
                None => (rest, ""),
            };
            let marks: Vec<Range<usize>> = query.find(text).into_iter().map(|(_, r)| r).collect();
            let mut at = 0;
            for mark in marks {
                if mark.start < at {
                    continue;
                }
                let _ = write!(out, "{}{MARK_ON}{}{MARK_OFF}", &text[at..mark.start], &text[mark.clone()]);
                at = mark.end;
            }
            out.push_str(&text[at..]);
            out.push_str(escape);
            rest = &rest[text.len() + escape.len()..];
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)] // one match, as a list of matches
mod tests {
    use super::snippet;

    #[test]
    fn a_short_text_is_its_own_snippet() {
        let (text, marks) = snippet("War of the Pacific", &[11..18], 40);
        assert_eq!(text, "War of the Pacific");
        assert_eq!(&text[marks[0].clone()], "Pacific");
    }

    #[test]
    fn a_long_text_is_cut_around_the_match_and_offsets_follow() {
        let long = format!("{} the port of Ilo was offered {}", "word ".repeat(40), "more ".repeat(40));
        let at = long.find("Ilo").unwrap();
        let (text, marks) = snippet(&long, &[at..at + 3], 40);
        assert!(text.starts_with('…') && text.ends_with('…'), "{text}");
        assert!(text.chars().count() <= 40, "{}", text.chars().count());
        assert_eq!(&text[marks[0].clone()], "Ilo");
    }

    #[test]
    fn a_match_near_the_end_keeps_the_window_full() {
        let long = format!("{}Ilo", "word ".repeat(40));
        let (text, marks) = snippet(&long, &[200..203], 30);
        assert!(text.starts_with('…') && !text.ends_with('…'), "{text}");
        assert!((24..=30).contains(&text.chars().count()), "full but for the cut to a word: {text}");
        assert_eq!(&text[marks[0].clone()], "Ilo");
    }
}
