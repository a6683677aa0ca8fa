//! `adscheck interview`: a guided walk through the checklist in a terminal.

use adscheck::error::Severity;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use adscheck::interview::{Ending, Interview, Target};
use adscheck::render::{self, Format, Options};
use adscheck::text::visible;
use adscheck::{AnswerFile, Engine, batch};

use super::args::{ColorChoice, InterviewArgs};
use super::{Exit, Outcome, Stop, plural, print_diagnostics, prompter};

pub(crate) fn run(args: &InterviewArgs) -> Outcome {
    let plain = args.plain
        || std::env::var_os("TERM").is_some_and(|t| t == "dumb")
        || std::env::var_os("ADSCHECK_PLAIN").is_some_and(|v| !v.is_empty())
        || !io::stdin().is_terminal()
        || !io::stdout().is_terminal();
    inquire::set_global_render_config(prompter::render_config(
        args.color.color != ColorChoice::Never,
    ));
    let engine = super::engine(&args.checklist)?;
    let mut session = match &args.resume {
        Some(path) => resume(args, &engine, path)?,
        None => Interview::new(&engine, target(args)?),
    };
    introduce(&engine, plain)?;
    let (result, ended) = if plain {
        // One answer per line: a person typing is asked again, a script is held to its lines.
        let stdin = io::stdin();
        let interactive = stdin.is_terminal();
        let mut prompter =
            super::plain::PlainPrompter::new(stdin.lock(), io::stdout(), interactive);
        let result = session.run(&mut prompter);
        (result, prompter.ended)
    } else {
        let mut prompter = prompter::TerminalPrompter::new();
        (session.run(&mut prompter), false)
    };
    let ending = match result {
        Ok(ending) => ending,
        Err(e) => {
            errln!("adscheck: error: {e}");
            if let Some(path) = session.path() {
                errln!(
                    "Answers up to the last one given are in {0}; continue with: adscheck \
                     interview --resume {0}",
                    super::shown(path)
                );
            }
            return Ok(Exit::Fatal);
        }
    };
    let Some(path) = session.path().map(Path::to_path_buf) else {
        if ended {
            errln!(
                "adscheck: error: input ended before the first answer; nothing was saved.\n  \
                 To classify answer files: adscheck classify FILE...\n  To write an answer \
                 file in an editor: adscheck template --out FILE"
            );
            return Ok(Exit::Fatal);
        }
        outln!("Stopped before anything was answered; nothing was saved.")?;
        return Ok(if ending == Ending::Quit {
            Exit::Interrupted
        } else {
            Exit::Success
        });
    };
    match ending {
        Ending::Quit => {
            outln!()?;
            if ended {
                outln!("Input ended before the interview did; everything answered is saved.")?;
            }
            outln!("Saved to {}.", super::shown(&path))?;
            outln!(
                "Resume with: adscheck interview --resume {}",
                super::shown(&path)
            )?;
            // Input that ends early is a usage error for a script; Ctrl-C is an interruption.
            Ok(if ended {
                Exit::Fatal
            } else {
                Exit::Interrupted
            })
        }
        Ending::Finished => finish(args, &engine, &path, plain),
    }
}

/// The interview saved in `path`, ready to go on.
fn resume<'e>(
    args: &InterviewArgs,
    engine: &'e Engine,
    path: &Path,
) -> Result<Interview<'e>, Stop> {
    let name = path.display().to_string();
    let source = batch::Source::File(path.to_path_buf());
    let text = batch::read(&source, args.size.max_file_size).map_err(|e| {
        print_diagnostics(&[e], Severity::Error);
        Exit::Fatal
    })?;
    match AnswerFile::parse(&name, &text, source.format(&text), engine.checklist()) {
        Ok(file) => {
            let answered = file.answers.iter().filter(|a| a.is_some()).count();
            outln!(
                "Continuing {}: {answered} answer{} so far.",
                visible(&name),
                plural(answered)
            )?;
            super::warn_lost_comments(
                &name,
                (&text, &file.to_yaml(engine.checklist())),
                engine.checklist(),
                " when the interview saves the file: adscheck writes answer files with its own \
                 comments",
            );
            let session = Interview::resume(engine, path.to_path_buf(), file);
            if let Some(note) = session.version_note() {
                outln!("{note}")?;
            }
            Ok(session)
        }
        Err(errors) => {
            print_diagnostics(&errors.0, Severity::Error);
            errln!(
                "adscheck: error: {} cannot be resumed until these are fixed",
                visible(&name)
            );
            Err(Exit::Fatal.into())
        }
    }
}

/// Where a new interview saves: `--out` (refusing to replace a file without `--force`), or a
/// file named after the tool.
fn target(args: &InterviewArgs) -> Result<Target, Exit> {
    if args
        .out
        .as_deref()
        .is_some_and(|path| !super::paths::answer_file_name(path))
    {
        return Err(Exit::Fatal);
    }
    match &args.out {
        Some(path) if path.exists() && !args.force => {
            errln!(
                "adscheck: error: {} already exists. To continue it: adscheck interview \
                 --resume {0}; to start over and replace it: add --force",
                super::shown(path)
            );
            Err(Exit::Fatal)
        }
        Some(path) => Ok(Target::New {
            path: path.clone(),
            replace: args.force,
        }),
        None => Ok(Target::NamedAfterTool(PathBuf::new())),
    }
}

/// The checklist's title and the keys.
fn introduce(engine: &Engine, plain: bool) -> io::Result<()> {
    let width = super::text_width();
    outln!(
        "{}",
        textwrap::fill(engine.checklist().title.as_str(), width)
    )?;
    outln!(
        "{}",
        textwrap::fill(
            if plain {
                "Answer each question on one line: 1 yes, 2 no or 3 unsure (or the word); ? shows \
                 the guidance and the law; back goes back. Every answer is saved as it is given."
            } else {
                "Answer yes, no or unsure. `?` shows the guidance and the law; Esc goes back; \
                 Ctrl-C stops, and everything answered is already saved."
            },
            width
        )
    )
}

/// The result of a finished interview, explained, and where it is saved.
/// Print the result; the plain interview's has no colour, whatever the terminal.
fn finish(args: &InterviewArgs, engine: &Engine, path: &Path, plain: bool) -> Outcome {
    outln!()?;
    let report = batch::classify(
        engine,
        &batch::Source::File(path.to_path_buf()),
        args.size.max_file_size,
    );
    let options = Options {
        color: !plain && super::color(&args.color, None),
        // Wrapped to the terminal (never mid-word); off a terminal, at the page width.
        width: io::stdout()
            .is_terminal()
            .then(|| terminal_size::terminal_size().map(|(w, _)| w.0))
            .flatten(),
        csv_raw: false,
    };
    let mut out = super::output::stdout();
    render::render_all(
        Format::Explain,
        engine,
        options,
        std::slice::from_ref(&report),
        &mut out,
    )?;
    writeln!(out)?;
    // The verdict last, where the eye is when the explanation has scrolled by.
    let mut lines = render::verdict(engine, &report);
    lines.push(format!("Saved to {}.", super::shown(path)));
    lines.push(format!(
        "Classify it any time with: adscheck classify --explain {}",
        super::shown(path)
    ));
    if plain {
        // No box for a screen reader or braille display: the lines alone, after a heading.
        writeln!(out, "Result:")?;
        for line in &lines {
            writeln!(out, "{line}")?;
        }
    } else {
        let width = super::text_width();
        write!(out, "{}", boxed(&lines, width))?;
    }
    out.flush()?;
    Ok(Exit::Success)
}

/// `lines` in a box `width` columns wide at most, each wrapped at word boundaries inside it.
fn boxed(lines: &[String], width: usize) -> String {
    let inner = width.saturating_sub(4).max(20);
    let wrapped: Vec<String> = lines
        .iter()
        .flat_map(|line| textwrap::wrap(line, inner))
        .map(std::borrow::Cow::into_owned)
        .collect();
    let used = wrapped
        .iter()
        .map(|l| textwrap::core::display_width(l))
        .max()
        .unwrap_or(0);
    let rule = "─".repeat(used + 2);
    let mut text = format!("┌{rule}┐\n");
    for line in &wrapped {
        let pad = used.saturating_sub(textwrap::core::display_width(line));
        text.push_str(&format!("│ {line}{} │\n", " ".repeat(pad)));
    }
    text.push_str(&format!("└{rule}┘\n"));
    text
}
