//! `adscheck interview`: a guided walk through the checklist in a terminal.

use adscheck::error::Severity;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use adscheck::interview::{Ending, Interview, ReportFields, Target};
use adscheck::render::{self, Format, Options};
use adscheck::settings::Ll35;
use adscheck::text::visible;
use adscheck::tool::Edition;
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
    let (engine, also) = checklists(args)?;
    let mut session = match &args.resume {
        Some(path) => resume(args, &engine, path)?,
        None => Interview::new(&engine, target(args)?),
    };
    let folder = match (&args.resume, &args.out) {
        (Some(path), _) | (None, Some(path)) => path.parent().map(Path::to_path_buf),
        (None, None) => None,
    }
    .filter(|p| !p.as_os_str().is_empty())
    .unwrap_or_else(|| PathBuf::from("."));
    if let Some(fields) = report_fields(args, &folder)? {
        session = session.with_report(fields);
    }
    introduce(&engine, plain)?;
    // One answer per line: a person typing is asked again, a script is held to its lines. The
    // plain prompter outlives the walk: it asks, at the end, whether to read out the reasons.
    let mut plain_prompter = plain.then(|| {
        let stdin = io::stdin();
        let interactive = stdin.is_terminal();
        // Wrapped to the terminal when the prompts go to one; whole lines otherwise.
        let width = io::stdout().is_terminal().then(super::text_width);
        super::plain::PlainPrompter::new(stdin.lock(), io::stdout(), interactive, width)
    });
    // The file's own checklist, then each further one in turn, under `also:`.
    let mut terminal = prompter::TerminalPrompter::new();
    let prompter: &mut dyn adscheck::interview::Prompter = match plain_prompter.as_mut() {
        Some(prompter) => prompter,
        None => &mut terminal,
    };
    let mut result = session.run(prompter);
    for engine in also {
        if !matches!(result, Ok(Ending::Finished)) || session.path().is_none() {
            break;
        }
        session = session.also(engine);
        if let Err(e) = prompter.checklist_begins(engine.checklist()) {
            result = Err(e.into());
            break;
        }
        result = session.run(prompter);
    }
    let ended = plain_prompter.as_ref().is_some_and(|p| p.ended);
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
        outln!(
            "{}",
            fitted("Stopped before anything was answered; nothing was saved.")
        )?;
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
                outln!(
                    "{}",
                    fitted("Input ended before the interview did; everything answered is saved.")
                )?;
            }
            outln!("{}", fitted(&format!("Saved to {}.", super::shown(&path))))?;
            outln!(
                "{}",
                fitted(&format!(
                    "Resume with: adscheck interview --resume {}",
                    super::shown(&path)
                ))
            )?;
            // Input that ends early is a usage error for a script; Ctrl-C is an interruption.
            Ok(if ended {
                Exit::Fatal
            } else {
                Exit::Interrupted
            })
        }
        Ending::Finished => match plain_prompter.as_mut() {
            Some(prompter) => finish_plain(args, &engine, &path, prompter),
            None => finish(args, &engine, &path),
        },
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
                "{}",
                fitted(&format!(
                    "Continuing {}: {answered} answer{} so far.",
                    visible(&name),
                    plural(answered)
                ))
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
                outln!("{}", textwrap::fill(&note, super::text_width()))?;
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

/// The checklists to answer (`--checklist`, each a file or a built-in id): the file's own, and
/// the built-in ones to answer under `also:`. With `--resume`, the file's own is the one its
/// `checklist:` names (a built-in one, or the file given), and every other built-in one named
/// is added to it.
fn checklists(args: &InterviewArgs) -> Result<(Engine, Vec<&'static Engine>), Exit> {
    let builtin = |path: &Path| {
        (!path.exists())
            .then(|| path.to_str().and_then(Engine::builtin))
            .flatten()
    };
    let own_id = args.resume.as_deref().and_then(|path| {
        let text = std::fs::read_to_string(path).ok()?;
        AnswerFile::checklist_named(&text)
    });
    let mut own: Option<&Path> = None;
    let mut also: Vec<&'static Engine> = Vec::new();
    for path in &args.checklists {
        let is_own = match (own_id.as_deref(), builtin(path)) {
            // Resuming: the file says which is its own.
            (Some(id), Some(engine)) => engine.checklist().id.as_str() == id,
            (Some(_), None) => true,
            // A new file: the first named is its own.
            (None, _) => own.is_none(),
        };
        if is_own && own.is_none() {
            own = Some(path);
            continue;
        }
        match builtin(path) {
            Some(engine) if !also.iter().any(|a| std::ptr::eq(*a, engine)) => also.push(engine),
            Some(_) => {}
            None => {
                errln!(
                    "adscheck: error: --checklist {}: only a built-in checklist can be answered \
                     under `also:` (adscheck checklist list names them)",
                    super::shown(path)
                );
                return Err(Exit::Fatal);
            }
        }
    }
    let engine = super::engine(&super::args::ChecklistOpt {
        checklist: own.map(Path::to_path_buf).or_else(|| {
            own_id
                .clone()
                .filter(|id| Engine::builtin(id).is_some())
                .map(PathBuf::from)
        }),
    })?;
    also.retain(|a| a.checklist().id.as_str() != engine.checklist().id.as_str());
    Ok((engine, also))
}

/// The Local Law 35 fields to ask after the checklist: those of the settings that govern the
/// answer file's folder, when they have an `ll35:` section (asked of a tool in its reporting
/// scope); with `--ll35`, of every tool, in the edition given, else the settings', else 2024.
fn report_fields(args: &InterviewArgs, folder: &Path) -> Result<Option<ReportFields>, Exit> {
    let forced = match args.ll35.as_deref().map(str::trim) {
        None => None,
        Some("") => Some(None),
        Some(text) => match Edition::parse(text) {
            Some(edition) => Some(Some(edition)),
            None => {
                errln!(
                    "adscheck: error: --ll35 {}: allowed: 2023 (the 2022–2023 layout), 2024",
                    visible(text)
                );
                return Err(Exit::Fatal);
            }
        },
    };
    let overrides = adscheck::inventory::Overrides::default();
    let settings = match adscheck::inventory::Inventory::open(&[folder.to_path_buf()], &overrides) {
        Ok(inventory) => inventory.settings.ll35,
        Err(adscheck::inventory::OpenError::Settings(path, errors)) => {
            print_diagnostics(&errors.0, Severity::Warning);
            errln!(
                "adscheck: warning: {} cannot be used, so its Local Law 35 settings are not \
                 applied to this interview",
                super::shown(&path)
            );
            None
        }
        Err(adscheck::inventory::OpenError::Checklist(_)) => None,
    };
    Ok(match (forced, settings) {
        (None, None) => None,
        (None, Some(settings)) => Some(ReportFields {
            settings,
            always: false,
        }),
        (Some(edition), settings) => {
            let mut settings = settings.unwrap_or_else(|| Ll35::defaults(Edition::E2024));
            if let Some(edition) = edition.filter(|e| *e != settings.edition) {
                // Another edition's items: its own defaults, not the settings' list for theirs.
                settings = Ll35 {
                    scope: settings.scope,
                    ..Ll35::defaults(edition)
                };
            }
            Some(ReportFields {
                settings,
                always: true,
            })
        }
    })
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
    // One column short of the edge, so that no line fills it (see `fitted`).
    let width = super::text_width().saturating_sub(1);
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
                 Ctrl-C stops, and everything answered is already saved. For plain prompts, one \
                 line each (screen readers, braille displays): adscheck interview --plain"
            },
            width
        )
    )
}

/// The result of a plain interview, for the ear: the result in one line first, then the
/// form's questions answered, where it is saved, and the reasons for those who want them
/// (`--reasons`, or "yes" when asked). No box, no colour.
fn finish_plain<R: io::BufRead, W: Write>(
    args: &InterviewArgs,
    engine: &Engine,
    path: &Path,
    prompter: &mut super::plain::PlainPrompter<R, W>,
) -> Outcome {
    outln!()?;
    let report = batch::classify(
        engine,
        &batch::Source::File(path.to_path_buf()),
        args.size.max_file_size,
    );
    let mut out = super::output::stdout();
    writeln!(out, "{}", fitted(&render::result_line(engine, &report)))?;
    for line in render::verdict(engine, &report) {
        writeln!(out, "{}", fitted(&line))?;
    }
    writeln!(
        out,
        "{}",
        fitted(&format!("Saved to {}.", super::shown(path)))
    )?;
    out.flush()?;
    let hear =
        args.reasons || prompter.yes_or_no("Hear the reasons? 1 yes, 2 no (an empty line: no):")?;
    if hear {
        writeln!(out, "Reasons:")?;
        explain(engine, &report, false, &mut out)?;
    }
    writeln!(
        out,
        "{}",
        fitted(&format!(
            "Classify it any time with: adscheck classify --explain {}",
            super::shown(path)
        ))
    )?;
    out.flush()?;
    Ok(Exit::Success)
}

/// The result of a finished full-screen interview, explained, its verdict last in a box.
fn finish(args: &InterviewArgs, engine: &Engine, path: &Path) -> Outcome {
    outln!()?;
    let report = batch::classify(
        engine,
        &batch::Source::File(path.to_path_buf()),
        args.size.max_file_size,
    );
    let mut out = super::output::stdout();
    explain(engine, &report, super::color(&args.color, None), &mut out)?;
    writeln!(out)?;
    // The verdict last, where the eye is when the explanation has scrolled by.
    let mut lines = render::verdict(engine, &report);
    lines.push(format!("Saved to {}.", super::shown(path)));
    lines.push(format!(
        "Classify it any time with: adscheck classify --explain {}",
        super::shown(path)
    ));
    write!(out, "{}", boxed(&lines, super::text_width()))?;
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

/// A line for standard output: whole off a terminal (a pipe, a log a screen reader keeps); at
/// one, wrapped at spaces to its width with the rest of the line indented, never mid-word.
fn fitted(text: &str) -> String {
    if io::stdout().is_terminal() {
        // One column short of the edge: a line that filled it could not be told from one the
        // terminal broke.
        adscheck::text::hanging_at(text, super::text_width().saturating_sub(1), 0, 2)
    } else {
        text.to_owned()
    }
}

/// The result explained, as `classify --explain` gives it: wrapped to the terminal (never
/// mid-word), off a terminal at the page width.
fn explain(
    engine: &Engine,
    report: &adscheck::Classification,
    color: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let options = Options {
        color,
        width: io::stdout()
            .is_terminal()
            .then(|| terminal_size::terminal_size().map(|(w, _)| w.0))
            .flatten(),
        csv_raw: false,
        wide: false,
    };
    render::render_all(
        Format::Explain,
        engine,
        options,
        std::slice::from_ref(report),
        out,
    )
}
