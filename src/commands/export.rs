//! `relations export`: the loaded, merged dataset as one document in the dataset format.

use crate::error::Result;
use crate::model::Dataset;
use crate::render::Output;

pub fn run(data: &Dataset, out: &mut Output) -> Result<()> {
    let value = serde_json::to_value(&data.file).map_err(std::io::Error::from)?;
    out.json(&value)
}
