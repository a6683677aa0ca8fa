//! `adscheck completions SHELL` and `adscheck man`: shell completions and the manual page,
//! generated from the command line's own definition (clap_complete, clap_mangen), so they
//! never drift from it.

use std::io::Write;

use clap::CommandFactory;

use super::args::Cli;
use super::{Exit, Outcome};

/// Write `bytes` to standard output (generated in memory first: the generators' own writes
/// cannot fail half-way on a full device).
fn emit(bytes: &[u8]) -> Outcome {
    let mut out = super::output::stdout();
    out.write_all(bytes)?;
    out.flush()?;
    Ok(Exit::Success)
}

pub(crate) fn run(shell: clap_complete::Shell) -> Outcome {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "adscheck", &mut script);
    emit(&script)
}

pub(crate) fn man() -> Outcome {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut page)?;
    emit(&page)
}
