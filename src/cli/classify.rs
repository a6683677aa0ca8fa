//! `adscheck classify`: determinations with their reasons, in the chosen format.

use adscheck::error::Severity;
use std::io::{self, IsTerminal};

use adscheck::batch;
use adscheck::render::{self, Format, Options};

use super::args::{ClassifyArgs, OutputFormat};
use super::progress::Progress;
use super::{Exit, Outcome, diagnostic_line, plural};

pub(crate) fn run(args: &ClassifyArgs) -> Outcome {
    let engine = super::engine(&args.checklist)?;
    let paths = super::paths::Paths::resolve(&args.paths);
    let mut sources = batch::sources(&paths.found).peekable();
    if sources.peek().is_none() {
        return Ok(paths.no_files(&args.paths));
    }
    let terminal = args.out.is_none() && io::stdout().is_terminal();
    let format = if args.explain {
        Format::Explain
    } else {
        match args.format {
            Some(OutputFormat::Table) => Format::Table,
            Some(OutputFormat::Json) => Format::Json,
            Some(OutputFormat::Jsonl) => Format::Jsonl,
            Some(OutputFormat::Csv) => Format::Csv,
            Some(OutputFormat::Markdown) => Format::Markdown,
            // `--wide` asks for the table, on a terminal or not.
            None if terminal || args.wide => Format::Table,
            None => Format::Jsonl,
        }
    };
    if args.wide && format != Format::Table {
        errln!(
            "adscheck classify: error: --wide is for the table (-f table); the other formats \
             always carry every field"
        );
        return Ok(Exit::Fatal);
    }
    let options = Options {
        color: super::color(&args.color, args.out.as_deref()),
        width: terminal
            .then(|| terminal_size::terminal_size().map(|(w, _)| w.0))
            .flatten(),
        csv_raw: args.csv_raw,
        wide: args.wide,
    };
    let mut out = super::output::Sink::open_for(
        args.out.as_deref(),
        &super::inputs(&paths.found, &[&args.checklist.checklist]),
        args.force,
    )?;
    let renderer = render::renderer(format, &engine, options);
    renderer.start(&mut out)?;
    let mut failed = 0usize;
    let mut progress = Progress::new();
    // Diagnostics nobody will read (-q, or standard error closed or sent to /dev/null) are
    // not formatted: they stay in the results, as with -q.
    let quiet = args.quiet || super::output::stderr_unread();
    // Workers classify and render; this thread only writes, in order.
    let total = batch::in_order_sized(
        sources,
        |source| {
            let report = batch::classify(&engine, source, args.size.max_file_size);
            let lines: Vec<String> = match &report.outcome {
                _ if quiet => Vec::new(),
                Ok(outcome) => outcome
                    .warnings
                    .iter()
                    .map(|w| diagnostic_line(w, Severity::Warning))
                    .collect(),
                Err(errors) => errors
                    .0
                    .iter()
                    .map(|e| diagnostic_line(e, Severity::Error))
                    .collect(),
            };
            (renderer.prepare(&report), lines, report.outcome.is_err())
        },
        |(prepared, lines, _)| prepared.size() + lines.iter().map(String::len).sum::<usize>(),
        |_, (prepared, lines, is_error)| -> io::Result<()> {
            for line in &lines {
                progress.println(line);
            }
            failed += usize::from(is_error);
            renderer.emit(&mut out, progress.count(), prepared)?;
            progress.tick();
            Ok(())
        },
    );
    progress.finish();
    let total = total?;
    renderer.finish(&mut out, total)?;
    out.finish()?;
    if failed > 0 && !args.quiet {
        errln!(
            "adscheck: {failed} of {total} file{} could not be evaluated",
            plural(total)
        );
    }
    Ok(paths.exit(Exit::findings_if(failed > 0)))
}
