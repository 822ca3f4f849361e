//! `relations man`: the manual page, generated from the same declarations as `--help`.

use clap::CommandFactory;

use crate::cli::Cli;
use crate::error::Result;
use crate::render::Output;

pub fn run(out: &mut Output) -> Result<()> {
    clap_mangen::Man::new(Cli::command()).render(&mut *out.out)?;
    Ok(())
}
