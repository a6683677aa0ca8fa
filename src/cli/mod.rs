//! Subcommands: turn parsed arguments into library calls and outcomes into exit codes.
//!
//! One file per subcommand, each a function from its parsed arguments to an [`Exit`]; this
//! file dispatches and holds what they share: loading the checklist, printing diagnostics,
//! writing output.
//!
//! Exit codes: 0 success; 1 findings (a file that could not be evaluated, a checklist that
//! fails lint); 2 usage error, an unusable checklist, or output that could not be written;
//! 130 interrupted. A closed output pipe ends quietly with the exit code the run would have
//! had (see [`output`]).

/// `eprintln!` that never panics: see [`output::err_line`].
macro_rules! errln {
    ($($arg:tt)*) => {
        $crate::cli::output::err_line(format_args!($($arg)*))
    };
}

/// `println!` that never panics and ignores a closed pipe: see [`output::out_line`]; it
/// returns the write's result.
macro_rules! outln {
    () => {
        $crate::cli::output::out_line(format_args!(""))
    };
    ($($arg:tt)*) => {
        $crate::cli::output::out_line(format_args!($($arg)*))
    };
}

mod args;
mod check;
mod checklist;
mod classify;
mod completions;
mod interview;
mod ll35;
mod output;
mod pager;
mod paths;
mod plain;
mod progress;
mod prompter;
mod recheck;
mod report;
mod schema;
mod stamp;
mod template;

use adscheck::error::Severity;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;

use adscheck::text::{visible, visible_lines};
use adscheck::{Diagnostic, Engine, atomic_file};
use args::{ChecklistOpt, Cli, ColorChoice, ColorOpt, Command};

/// How a run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Exit {
    Success = 0,
    Findings = 1,
    Fatal = 2,
    /// Stopped by the person (Ctrl-C), as a shell reports SIGINT.
    Interrupted = 130,
}

impl Exit {
    /// Findings when `failed`, success otherwise.
    pub(crate) fn findings_if(failed: bool) -> Exit {
        if failed {
            Exit::Findings
        } else {
            Exit::Success
        }
    }
}

impl From<Exit> for ExitCode {
    fn from(e: Exit) -> ExitCode {
        ExitCode::from(e as u8)
    }
}

/// Why a subcommand stopped early: a problem it has already reported (with the exit code to
/// give), or an error to report at the top.
#[derive(Debug)]
pub(crate) enum Stop {
    Reported(Exit),
    Error(anyhow::Error),
}

impl From<Exit> for Stop {
    fn from(exit: Exit) -> Stop {
        Stop::Reported(exit)
    }
}

impl From<anyhow::Error> for Stop {
    fn from(e: anyhow::Error) -> Stop {
        Stop::Error(e)
    }
}

impl From<io::Error> for Stop {
    /// Subcommands meet I/O errors only in writing their output (reading goes through the
    /// library, which reports its own errors with the file's name).
    fn from(e: io::Error) -> Stop {
        Stop::Error(anyhow::Error::new(e).context("cannot write the output"))
    }
}

impl From<serde_json::Error> for Stop {
    fn from(e: serde_json::Error) -> Stop {
        Stop::Error(e.into())
    }
}

/// What a subcommand returns.
pub(crate) type Outcome = Result<Exit, Stop>;

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // A usage error quotes what was typed: shown, not obeyed (an escape sequence in an
        // argument cannot retitle the terminal or forge a line).
        Err(e) if e.exit_code() != 0 => {
            let text = e.render().to_string();
            errln!("{}", visible_lines(text.trim_end()));
            return Exit::Fatal.into();
        }
        // --help and --version: clap's text, but a failed write is exit 2 too.
        Err(e) => {
            return match e.print() {
                Ok(()) if e.exit_code() == 0 => Exit::Success.into(),
                Err(io) if io.kind() != io::ErrorKind::BrokenPipe => {
                    errln!("adscheck: error: cannot write the output: {io}");
                    Exit::Fatal.into()
                }
                _ if e.exit_code() == 0 => Exit::Success.into(),
                _ => Exit::Fatal.into(),
            };
        }
    };
    let exit = match run(&cli) {
        Ok(exit) | Err(Stop::Reported(exit)) => exit,
        Err(Stop::Error(e)) => {
            errln!("adscheck: error: {e:#}");
            Exit::Fatal
        }
    };
    // Diagnostics that could not be written (a full device, not a closed pipe) were lost.
    if output::stderr_failed() && exit != Exit::Interrupted {
        return Exit::Fatal.into();
    }
    exit.into()
}

fn run(cli: &Cli) -> Outcome {
    match &cli.command {
        Command::Classify(args) => classify::run(args),
        Command::Check(args) => check::run(args),
        Command::Interview(args) => interview::run(args),
        Command::Template(args) => template::run(args),
        Command::Schema(args) => schema::run(args),
        Command::Recheck(args) => recheck::run(args),
        Command::Stamp(args) => stamp::run(args),
        Command::Checklist(command) => checklist::run(command),
        Command::Ll35(command) => ll35::run(command),
        Command::Report(args) => report::run(args),
        Command::Completions { shell } => completions::run(*shell),
        Command::Man => completions::man(),
    }
}

/// Load the checklist at `path` (the built-in one for `None`), or print why it cannot be used.
pub(crate) fn load_engine(path: Option<&Path>) -> Result<Engine, Exit> {
    adscheck::load_engine(path).map_err(|errors| {
        print_diagnostics(&errors.0, Severity::Error);
        errln!(
            "adscheck: error: the checklist cannot be used (run `adscheck checklist lint FILE`)"
        );
        Exit::Fatal
    })
}

/// The engine for `--checklist`, or the built-in checklist.
pub(crate) fn engine(opt: &ChecklistOpt) -> Result<Engine, Exit> {
    load_engine(opt.checklist.as_deref())
}

/// `file:line:col: severity[kind]: message`.
pub(crate) fn diagnostic_line(d: &Diagnostic, severity: Severity) -> String {
    // File names and messages carry values from the files: escaped, so that none can move the
    // cursor, recolour the terminal or start a line of its own.
    format!(
        "{}: {}[{}]: {}",
        visible(&d.location().to_string()),
        severity.as_str(),
        d.kind.code(),
        visible(&d.message)
    )
}

/// Print each diagnostic on standard error, one line each.
pub(crate) fn print_diagnostics(diagnostics: &[Diagnostic], severity: Severity) {
    for d in diagnostics {
        errln!("{}", diagnostic_line(d, severity));
    }
}

/// Whether to colour what is written to `out` (standard output when `None`): `--color
/// always` colours even a file; `auto` only a terminal that is not dumb, without NO_COLOR.
pub(crate) fn color(opt: &ColorOpt, out: Option<&Path>) -> bool {
    match opt.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        // A terminal that says it is dumb (`TERM=dumb`) gets no colour, as NO_COLOR asks.
        ColorChoice::Auto => {
            out.is_none()
                && io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
        }
    }
}

/// Print "no answer files found" for `paths`.
pub(crate) fn no_files(paths: &[PathBuf]) -> Exit {
    errln!(
        "adscheck: error: no answer files (*.yaml, *.yml, *.json) found in {}",
        paths
            .iter()
            .map(|p| shown(p))
            .collect::<Vec<_>>()
            .join(", ")
    );
    Exit::Fatal
}

/// The width to wrap the interview's text at: the terminal's, between 40 and 100 columns
/// (80 off a terminal).
pub(crate) fn text_width() -> usize {
    terminal_size::terminal_size().map_or(80, |(w, _)| usize::from(w.0).clamp(40, 100))
}

/// Every file a run reads, for the writing policy: the answer files and folders given, and
/// the settings and checklist named on the command line (never to be written over).
pub(crate) fn inputs(paths: &[PathBuf], named: &[&Option<PathBuf>]) -> Vec<PathBuf> {
    paths
        .iter()
        .cloned()
        .chain(named.iter().filter_map(|p| (*p).clone()))
        .collect()
}

/// A path as it is shown to people: control and invisible characters escaped.
pub(crate) fn shown(path: &Path) -> String {
    visible(&path.display().to_string()).into_owned()
}

/// Warn that rewriting `original` as `rewritten` drops the person's comments, naming the
/// first one's line; `why` ends the sentence "N comment lines are not kept".
pub(crate) fn warn_lost_comments(
    name: &str,
    (original, rewritten): (&str, &str),
    checklist: &adscheck::Checklist,
    why: &str,
) {
    let lost = adscheck::answers::lost_comments(original, rewritten, checklist);
    if let Some((line, _)) = lost.first() {
        errln!(
            "{}:{line}: warning: {} comment line{} not kept{why}",
            visible(name),
            lost.len(),
            if lost.len() == 1 { " is" } else { "s are" }
        );
    }
}

pub(crate) use adscheck::text::plural;

/// Write `text` to `out` (atomically, never replacing a file without `force`) or to standard
/// output, saying what to do next with a written file.
pub(crate) fn write_out(text: &str, out: Option<&Path>, force: bool, next: &str) -> Outcome {
    let Some(path) = out else {
        let mut stdout = output::stdout();
        stdout.write_all(text.as_bytes())?;
        stdout.flush()?;
        return Ok(Exit::Success);
    };
    let written = if force {
        atomic_file::replace(path, text.as_bytes())
    } else {
        atomic_file::create_new(path, text.as_bytes())
    };
    if let Err(e) = written {
        print_diagnostics(&[e], Severity::Error);
        if path.is_file() && !force {
            errln!(
                "adscheck: error: {} exists; add --force to replace it",
                shown(path)
            );
        }
        return Ok(Exit::Fatal);
    }
    errln!(
        "Wrote {}; {}",
        shown(path),
        next.replace("{}", &shown(path))
    );
    Ok(Exit::Success)
}
