//! `relations schema`: the JSON Schema of the dataset format, generated from the model types.

use crate::error::Result;
use crate::model::DatasetFile;
use crate::render::Output;

pub fn run(out: &mut Output) -> Result<()> {
    let schema = schemars::schema_for!(DatasetFile);
    out.json(&schema.to_value())
}
