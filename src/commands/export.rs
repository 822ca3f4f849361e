//! `relations export`: the loaded, merged dataset as one document in the dataset format.

use crate::cli::Format;
use crate::error::Result;
use crate::model::Dataset;
use crate::render::Output;

pub fn run(data: &Dataset, out: &mut Output) -> Result<()> {
    out.require(&[Format::Json, Format::Table, Format::Plain], "export")?;
    // Serialised straight to the output: no copy of the dataset as a JSON tree.
    crate::render::write_json(&mut *out.out, &data.file)?;
    writeln!(out.out)?;
    Ok(())
}
