//! `relations schema`: the JSON Schema of the dataset format, generated from the model types.

use serde_json::Value;

use crate::error::Result;
use crate::model::DatasetFile;
use crate::render::Output;

pub fn run(out: &mut Output) -> Result<()> {
    out.json(&dataset_schema())
}

/// The schema from the model types, with a title on every definition and property, so that an
/// editor names each one; the descriptions come from the types' doc comments.
fn dataset_schema() -> Value {
    let mut schema = schemars::schema_for!(DatasetFile).to_value();
    if let Some(Value::Object(definitions)) = schema.get_mut("$defs") {
        for (name, definition) in definitions.iter_mut() {
            give_title(definition, &words(name));
            give_property_titles(definition);
        }
    }
    give_property_titles(&mut schema);
    schema
}

fn give_property_titles(schema: &mut Value) {
    if let Some(Value::Object(properties)) = schema.get_mut("properties") {
        for (name, property) in properties.iter_mut() {
            let title = match name.as_str() {
                "iso3" => "ISO 3166-1 alpha-3 code".to_owned(),
                "type" => "Event type".to_owned(),
                other => words(other),
            };
            give_title(property, &title);
        }
    }
}

fn give_title(schema: &mut Value, title: &str) {
    if let Value::Object(map) = schema {
        map.entry("title").or_insert_with(|| Value::String(title.to_owned()));
    }
}

/// `members_note` → "Members note", `TonePeriod` → "Tone period".
fn words(name: &str) -> String {
    let mut text = String::with_capacity(name.len() + 4);
    for (i, c) in name.chars().enumerate() {
        if c == '_' {
            text.push(' ');
        } else if c.is_ascii_uppercase() && i > 0 {
            text.push(' ');
            text.push(c.to_ascii_lowercase());
        } else if i == 0 {
            text.push(c.to_ascii_uppercase());
        } else {
            text.push(c);
        }
    }
    text
}
