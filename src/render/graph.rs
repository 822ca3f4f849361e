//! The relationship network as Graphviz DOT, a Mermaid flowchart, JSON, or an edge list.

use std::fmt::Write as _;

use serde_json::json;

use super::{Cell, Listing, Output, sanitize, tone_text};
use crate::error::Result;
use crate::model::{Actor, ActorKind, Tone};
use crate::render::Format;

use crate::query::{Edge, EdgeKind, Network};

fn tone_hex(tone: Tone) -> &'static str {
    match tone {
        Tone::Hostile => "#d62728",
        Tone::Strained => "#ff7f0e",
        Tone::Neutral => "#7f7f7f",
        Tone::Cooperative => "#2ca02c",
        Tone::Close => "#1f77b4",
    }
}

fn dot_shape(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Country => "ellipse",
        ActorKind::Bloc => "hexagon",
        ActorKind::Person => "plaintext",
        ActorKind::Organisation => "box",
    }
}

/// A DOT string literal: quotes and backslashes escaped, control characters shown escaped.
fn dot_text(text: &str) -> String {
    sanitize(text).replace('\\', "\\\\").replace('"', "\\\"")
}

/// Mermaid labels go inside `"…"` and are drawn as HTML, so `<b>` would be bold and `<br>` a
/// line break: quotes, `&`, `<`, `>` and `#` (which starts an escape) become Mermaid's own
/// entity codes, which it shows as the characters themselves.
pub(super) fn mermaid_text(text: &str) -> String {
    let clean = sanitize(text);
    let mut escaped = String::with_capacity(clean.len());
    for c in clean.chars() {
        match c {
            '#' => escaped.push_str("#35;"),
            '"' => escaped.push_str("#quot;"),
            '&' => escaped.push_str("#amp;"),
            '<' => escaped.push_str("#lt;"),
            '>' => escaped.push_str("#gt;"),
            c => escaped.push(c),
        }
    }
    escaped
}

pub fn write_graph(out: &mut Output, network: &Network, centre: Option<&str>) -> Result<()> {
    if out.fields.is_some() && matches!(out.format, Format::Json | Format::Ndjson) {
        return Err(crate::error::Error::Usage(
            "`graph` takes --fields with table, plain and csv (its JSON holds nodes and edges)".into(),
        ));
    }
    let text = match out.format {
        Format::Dot => dot(network, centre),
        Format::Mermaid => mermaid(network),
        Format::Json => {
            return out.json(&json!({
                "nodes": network.nodes.iter().map(|a| node_json(a)).collect::<Vec<_>>(),
                "edges": network.edges.iter().map(edge_json).collect::<Vec<_>>(),
            }));
        }
        // One object per line: the nodes, then the edges, each marked by `record`.
        Format::Ndjson => {
            let nodes = network.nodes.iter().map(|a| ("node", node_json(a)));
            for (record, mut value) in nodes.chain(network.edges.iter().map(|e| ("edge", edge_json(e)))) {
                if let serde_json::Value::Object(map) = &mut value {
                    map.insert("record".into(), record.into());
                }
                crate::render::write_json_line(&mut *out.out, &value)?;
                writeln!(out.out)?;
            }
            return Ok(());
        }
        _ => return edge_listing(network).write(out),
    };
    out.out.write_all(text.as_bytes())?;
    Ok(())
}

fn node_json(actor: &Actor) -> serde_json::Value {
    json!({"id": actor.id, "name": actor.name, "kind": actor.kind})
}

/// An edge for programs: the ids at either end, its type, and its tone and label or role.
fn edge_json(edge: &Edge) -> serde_json::Value {
    match &edge.kind {
        EdgeKind::Relationship { tone, label } => {
            json!({"from": edge.from.id, "to": edge.to.id, "type": "relationship", "tone": tone, "label": label})
        }
        EdgeKind::Member { role } => json!({"from": edge.from.id, "to": edge.to.id, "type": "member", "role": role}),
    }
}

/// The edges for people and spreadsheets: the ids at either end (names in tables and beside
/// them), the edge's type, its tone as a number and a word, and its label or role.
fn edge_listing(network: &Network) -> Listing {
    let mut listing = Listing::new(vec!["from", "from_name", "to", "to_name", "edge", "tone", "tone_label", "label"]);
    listing.columns.unwrapped = &["edge", "tone"];
    listing.columns.data_only = &["from_name", "to_name", "tone_label"];
    for edge in &network.edges {
        let (kind, tone, label) = match &edge.kind {
            EdgeKind::Relationship { tone, label } => ("relationship", Some(*tone), (*label).to_owned()),
            EdgeKind::Member { role } => ("member", None, role.unwrap_or_default().to_owned()),
        };
        let [tone, tone_label] = super::records::tone_cells(tone);
        let end = |actor: &Actor| Cell::from(actor.id.to_string()).shown_as(actor.name.clone());
        listing.push(vec![
            end(edge.from),
            edge.from.name.clone().into(),
            end(edge.to),
            edge.to.name.clone().into(),
            kind.into(),
            tone,
            tone_label,
            label.into(),
        ]);
    }
    listing
}

/// A radial layout around the dataset's subject (or the actor asked about): the subject in the
/// middle, its counterparts on a ring, blocs and their members further out. Edge colour and width
/// show tone; dashed edges are bloc memberships.
fn dot(network: &Network, centre: Option<&str>) -> String {
    let mut dot = String::from("graph relations {\n");
    let root = centre.map(|c| format!(", root=\"{}\"", dot_text(c))).unwrap_or_default();
    let _ = writeln!(
        dot,
        "  graph [layout=twopi{root}, overlap=false, splines=true, ranksep=2.2, fontname=\"Helvetica\", fontsize=10,"
    );
    dot.push_str("         labelloc=b, label=\"edges: blue close, green cooperative, grey neutral, orange strained, red hostile; dashed: bloc membership\"];\n");
    dot.push_str("  node [fontname=\"Helvetica\", fontsize=10, style=filled];\n");
    for actor in &network.nodes {
        let fill = match actor.kind {
            ActorKind::Country => "#f7f7f7",
            ActorKind::Bloc => "#fff3c4",
            ActorKind::Person => "#ffffff",
            ActorKind::Organisation => "#dceefb",
        };
        let _ = writeln!(
            dot,
            "  \"{}\" [label=\"{}\", shape={}, fillcolor=\"{fill}\"];",
            actor.id,
            dot_text(&actor.name),
            dot_shape(actor.kind)
        );
    }
    for edge in &network.edges {
        let attributes = match &edge.kind {
            EdgeKind::Relationship { tone, label } => {
                let width = 1 + tone.value().unsigned_abs();
                let style = if *tone == Tone::Hostile { "bold" } else { "solid" };
                format!(
                    "color=\"{}\", penwidth={width}, style={style}, tooltip=\"{}: {}\"",
                    tone_hex(*tone),
                    tone_text(*tone),
                    dot_text(label)
                )
            }
            EdgeKind::Member { .. } => "style=dashed, color=\"#999999\"".to_owned(),
        };
        let _ = writeln!(dot, "  \"{}\" -- \"{}\" [{attributes}];", edge.from.id, edge.to.id);
    }
    dot.push_str("}\n");
    dot
}

fn mermaid(network: &Network) -> String {
    let mut text = String::from("flowchart LR\n");
    for actor in &network.nodes {
        let name = mermaid_text(&actor.name);
        let node = match actor.kind {
            ActorKind::Country => format!("([\"{name}\"])"),
            ActorKind::Bloc => format!("{{{{\"{name}\"}}}}"),
            ActorKind::Person => format!("((\"{name}\"))"),
            ActorKind::Organisation => format!("[\"{name}\"]"),
        };
        let _ = writeln!(text, "    {}{node}", mermaid_id(actor));
    }
    let mut styles = Vec::new();
    for (i, edge) in network.edges.iter().enumerate() {
        match &edge.kind {
            EdgeKind::Relationship { tone, .. } => {
                let _ = writeln!(
                    text,
                    "    {} ---|\"{}\"| {}",
                    mermaid_id(edge.from),
                    tone_text(*tone),
                    mermaid_id(edge.to)
                );
                styles.push(format!(
                    "    linkStyle {i} stroke:{},stroke-width:{}px",
                    tone_hex(*tone),
                    1 + tone.value().unsigned_abs()
                ));
            }
            EdgeKind::Member { .. } => {
                let _ = writeln!(text, "    {} -.- {}", mermaid_id(edge.from), mermaid_id(edge.to));
            }
        }
    }
    for style in styles {
        text.push_str(&style);
        text.push('\n');
    }
    text
}

/// Mermaid ids may not contain hyphens safely, and some words (`end`) are reserved.
fn mermaid_id(actor: &Actor) -> String {
    format!("n_{}", actor.id.as_str().replace('-', "_"))
}
