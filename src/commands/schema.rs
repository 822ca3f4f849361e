//! `relations schema`: the JSON Schema of the dataset format, generated from the model types.

use crate::cli::Format;
use crate::error::Result;
use crate::model::DatasetFile;
use crate::render::Output;

pub fn run(out: &mut Output) -> Result<()> {
    out.require(&[Format::Json, Format::Table, Format::Plain], "schema")?;
    let schema = schemars::schema_for!(DatasetFile);
    out.json(&schema.to_value())
}
