//! `adscheck check`: CI rules over a submission of answer files.

use std::io::{self, Write};

use adscheck::batch;
use adscheck::check::{
    self as rules, ContextError, Contexts, Duplicates, FailOn, Overrides, Totals,
};
use adscheck::render::check::{CheckFormat, step_summary, write};

use super::args::{CheckArgs, CheckFormatArg, Cli, FailOnArg};
use super::progress::Progress;
use super::{Exit, Outcome, print_diagnostics};

pub(crate) fn run(cli: &Cli, args: &CheckArgs) -> Outcome {
    let github = std::env::var("GITHUB_ACTIONS").is_ok_and(|v| v == "true");
    let format = match args.format {
        CheckFormatArg::Auto if github => CheckFormat::Github,
        CheckFormatArg::Auto | CheckFormatArg::Text => CheckFormat::Text,
        CheckFormatArg::Json => CheckFormat::Json,
        CheckFormatArg::Junit => CheckFormat::Junit,
        CheckFormatArg::Github => CheckFormat::Github,
        CheckFormatArg::Sarif => CheckFormat::Sarif,
    };
    let mut contexts = contexts(cli, args);
    // Resolve each file's settings first (sequentially, cached), keeping only selected files.
    let mut fatal = None;
    let selected = batch::sources(&args.paths).filter_map(|source| {
        if fatal.is_some() {
            return None;
        }
        match contexts.for_source(&source) {
            Ok(ctx) => {
                let chosen = match &source {
                    batch::Source::File(p) => ctx.settings.selects(p),
                    _ => true,
                };
                chosen.then_some((source, ctx))
            }
            Err(e) => {
                fatal = Some(report_context_error(&e));
                None
            }
        }
    });
    let mut results = Vec::new();
    let mut totals = Totals::default();
    let mut duplicates = Duplicates::default();
    let mut fail_on = FailOn::Error;
    let mut progress = Progress::new();
    batch::in_order(
        selected,
        |(source, ctx)| {
            let report = batch::classify(&ctx.engine, source, cli.max_file_size);
            let result = rules::check_file(&ctx.engine, &ctx.settings, &report);
            let tool_position = report.outcome.as_ref().ok().and_then(|o| o.tool_position);
            (result, tool_position)
        },
        |(_, ctx), (mut result, tool_position)| -> Result<(), std::convert::Infallible> {
            duplicates.observe(&mut result, tool_position);
            if ctx.settings.fail_on == FailOn::Warning {
                fail_on = FailOn::Warning;
            }
            totals.add(&result);
            results.push(result);
            progress.tick();
            Ok(())
        },
    )
    .unwrap_or_else(|never| match never {});
    progress.finish();
    if let Some(exit) = fatal {
        return Ok(exit);
    }
    if totals.files == 0 {
        return Ok(super::no_files(&args.paths));
    }
    let mut out = super::output::stdout();
    write(format, &results, &totals, &mut out)?;
    out.flush()?;
    if github && let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY") {
        append(&path, &step_summary(&results, &totals))?;
    }
    Ok(Exit::findings_if(totals.failed(fail_on)))
}

/// Append `text` to the file at `path` (GitHub's job summary).
fn append(path: &std::ffi::OsStr, text: &str) -> io::Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)?;
    file.write_all(text.as_bytes())
}

/// Settings and engines under the command line's overrides.
fn contexts(cli: &Cli, args: &CheckArgs) -> Contexts {
    Contexts::new(Overrides {
        config: args.config.clone(),
        checklist: cli.checklist.clone(),
        allow_undetermined: args.allow_undetermined,
        fail_on: args.fail_on.map(|f| match f {
            FailOnArg::Error => FailOn::Error,
            FailOnArg::Warning => FailOn::Warning,
        }),
    })
}

/// Print why the settings or their checklist cannot be used.
fn report_context_error(e: &ContextError) -> Exit {
    match e {
        ContextError::Settings(path, errors) => {
            print_diagnostics(&errors.0, "error");
            errln!(
                "adscheck: error: the settings in {} cannot be used",
                path.display()
            );
        }
        ContextError::Checklist(errors) => {
            print_diagnostics(&errors.0, "error");
            errln!("adscheck: error: the checklist cannot be used");
        }
    }
    Exit::Fatal
}
