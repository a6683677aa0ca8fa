//! The `adscheck` command: parse the command line, run a subcommand, map the outcome to an
//! exit code. Everything else is in the library.

mod cli;

// A batch allocates and frees many small strings on two threads; mimalloc makes that markedly
// cheaper than the system allocator (see benches/bench-batch.sh).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::main()
}
