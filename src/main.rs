//! The `adscheck` command: parse the command line, run a subcommand, map the outcome to an
//! exit code. Everything else is in the library.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
