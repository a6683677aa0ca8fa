//! Long text a screenful at a time, in the full-screen interview: through the person's pager
//! (`ADSCHECK_PAGER`, then `PAGER`, then `less`), or, when there is none, paged here.
//!
//! Text that fits the terminal is printed as it is; so is everything off a terminal. The plain
//! interview never pages: a screen reader or a script reads the whole text as it comes.

use std::io::{self, BufRead, IsTerminal, Write};
use std::process::{Command, Stdio};

/// Print `text` (ending without a newline), paging it when it is taller than the terminal.
pub(crate) fn show(text: &str) -> io::Result<()> {
    let rows = terminal_size::terminal_size().map(|(_, h)| usize::from(h.0));
    let lines = text.lines().count();
    let Some(rows) = rows.filter(|&rows| io::stdout().is_terminal() && lines + 2 > rows) else {
        return print_all(text);
    };
    let command = std::env::var("ADSCHECK_PAGER")
        .or_else(|_| std::env::var("PAGER"))
        .unwrap_or_else(|_| "less".to_owned());
    // An empty setting asks for adscheck's own paging (as `PAGER=` does for git's).
    if !command.trim().is_empty() && external(&command, text).is_ok() {
        return Ok(());
    }
    screenfuls(text, rows.max(3))
}

fn print_all(text: &str) -> io::Result<()> {
    let mut out = io::stdout().lock();
    writeln!(out, "{text}")?;
    out.flush()
}

/// Run `command` (a program and its arguments, separated by spaces) with `text` on its input.
/// `less` gets `LESS=FRX` unless the person set `LESS`: quit when the text fits, keep colours,
/// leave the text on the screen afterwards.
fn external(command: &str, text: &str) -> io::Result<()> {
    let mut words = command.split_whitespace();
    let program = words.next().ok_or(io::ErrorKind::NotFound)?;
    let mut cmd = Command::new(program);
    cmd.args(words).stdin(Stdio::piped());
    if std::env::var_os("LESS").is_none() {
        cmd.env("LESS", "FRX");
    }
    let mut child = cmd.spawn()?;
    if let Some(mut input) = child.stdin.take() {
        // A pager quit before the end closes its input: that is the person's choice.
        match writeln!(input, "{text}") {
            Err(e) if e.kind() != io::ErrorKind::BrokenPipe => return Err(e),
            _ => {}
        }
    }
    // A pager that started but failed (a bad option, a missing terminal) showed nothing: the
    // text is shown here instead of being swallowed.
    let status = child.wait()?;
    if status.success() {
        Ok(())
    } else {
        errln!(
            "adscheck: warning: the pager `{}` failed ({status}): the text follows here",
            adscheck::text::visible(program)
        );
        Err(io::Error::other("the pager failed"))
    }
}

/// adscheck's own paging: a screenful, then a line to say how to go on; Enter for the next
/// screenful, `q` (and Enter) to stop.
fn screenfuls(text: &str, rows: usize) -> io::Result<()> {
    let lines: Vec<&str> = text.lines().collect();
    let page = rows - 1;
    let stdin = io::stdin();
    let mut shown = 0;
    while shown < lines.len() {
        let end = (shown + page).min(lines.len());
        {
            let mut out = io::stdout().lock();
            for line in lines.iter().take(end).skip(shown) {
                writeln!(out, "{line}")?;
            }
            if end < lines.len() {
                write!(
                    out,
                    "-- {end} of {} lines: Enter for more, q and Enter to stop -- ",
                    lines.len()
                )?;
            }
            out.flush()?;
        }
        shown = end;
        if shown < lines.len() {
            let mut reply = String::new();
            if stdin.lock().read_line(&mut reply)? == 0 || reply.trim().eq_ignore_ascii_case("q") {
                println!();
                break;
            }
        }
    }
    Ok(())
}
