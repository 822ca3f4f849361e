//! `relations export`: the loaded, merged dataset as one document in the dataset format.

use crate::error::Result;
use crate::model::Dataset;
use crate::render::Output;

pub fn run(data: &Dataset, out: &mut Output) -> Result<()> {
    // Serialised straight to the output: no copy of the dataset as a JSON tree.
    crate::render::write_json(&mut *out.out, &data.file)?;
    writeln!(out.out)?;
    Ok(())
}
