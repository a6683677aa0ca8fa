//! `adscheck check`: CI rules over a submission of answer files.

use std::io::Write;

use adscheck::batch::{self, Source};
use adscheck::check::{
    self as rules, Context, ContextError, Duplicates, FailOn, FileResult, Overrides, Scope, Totals,
};
use adscheck::render::check::{CheckFormat, step_summary, write, write_findings};

use super::args::{CheckArgs, CheckFormatArg, FailOnArg};
use super::progress::Progress;
use super::{Exit, Outcome, print_diagnostics};

pub(crate) fn run(args: &CheckArgs) -> Outcome {
    let github = std::env::var("GITHUB_ACTIONS").is_ok_and(|v| v == "true");
    let format = match args.format {
        CheckFormatArg::Auto if github => CheckFormat::Github,
        CheckFormatArg::Auto | CheckFormatArg::Text => CheckFormat::Text,
        CheckFormatArg::Json => CheckFormat::Json,
        CheckFormatArg::Junit => CheckFormat::Junit,
        CheckFormatArg::Github => CheckFormat::Github,
        CheckFormatArg::Sarif => CheckFormat::Sarif,
    };
    let paths = super::paths::Paths::resolve(&args.paths);
    let ctx = Context::load(&paths.found, &overrides(args)).map_err(report_context_error)?;
    let (results, mut totals) = check_all(args, &paths.found, &ctx);
    if totals.files == 0 {
        if totals.excluded > 0 {
            errln!(
                "adscheck: error: every answer file found ({}) is excluded by the settings in {}",
                totals.excluded,
                ctx.governing
                    .file
                    .as_deref()
                    .map_or_else(String::new, super::shown)
            );
            return Ok(Exit::Fatal);
        }
        return Ok(paths.exit(super::no_files(&args.paths)));
    }
    totals.settings = ctx.governing.file.as_ref().map(|f| f.display().to_string());
    totals.ll35_edition = ctx.settings.ll35.as_ref().map(|l| l.edition.to_string());
    let mut out = match super::output::Sink::open(args.out.as_deref()) {
        Ok(out) => out,
        Err(e) => {
            print_diagnostics(&[e], "error");
            return Ok(Exit::Fatal);
        }
    };
    let color = super::color(&args.color, args.out.as_deref());
    if args.quiet && format == CheckFormat::Text {
        write_findings(&results, color, &mut out)?;
    } else {
        write(format, &results, &totals, color, &mut out)?;
    }
    out.finish()?;
    if github && let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY") {
        append(&path, &step_summary(&results, &totals))
            .map_err(|e| anyhow::Error::new(e).context("cannot write the job summary"))?;
    }
    Ok(paths.exit(Exit::findings_if(totals.failed(ctx.settings.fail_on))))
}

/// Check every selected file, in path order, with settings files planted in the tree and
/// patterns that matched nothing reported too.
fn check_all(
    args: &CheckArgs,
    paths: &[std::path::PathBuf],
    ctx: &Context,
) -> (Vec<FileResult>, Totals) {
    let mut scope = Scope::new(&ctx.settings);
    let mut nested = Vec::new();
    let selected = batch::sources_and_settings(paths).filter(|source| match source {
        Source::Settings(path) => {
            if !ctx.is_governing(path) {
                nested.push(rules::nested_settings(path, ctx.governing.file.as_deref()));
            }
            false
        }
        Source::File(path) => scope.selects(path),
        Source::Stdin | Source::Unreadable(..) => true,
    });
    let mut results = Vec::new();
    let mut totals = Totals::default();
    let mut duplicates = Duplicates::default();
    let mut progress = Progress::new();
    batch::in_order(
        selected,
        |source| {
            let report = batch::classify(&ctx.engine, source, args.size.max_file_size);
            let result = rules::check_file(&ctx.engine, &ctx.settings, &report);
            let tool_position = report.outcome.as_ref().ok().and_then(|o| o.tool_position);
            (result, tool_position)
        },
        |_, (mut result, tool_position)| -> Result<(), std::convert::Infallible> {
            duplicates.observe(&mut result, tool_position);
            totals.add(&result);
            results.push(result);
            progress.tick();
            Ok(())
        },
    )
    .unwrap_or_else(|never| match never {});
    progress.finish();
    if totals.files > 0 {
        for result in nested.into_iter().chain(scope.unused_patterns()) {
            totals.add(&result);
            results.push(result);
        }
    }
    totals.excluded = scope.excluded;
    (results, totals)
}

/// Append `text` to the file at `path` (GitHub's job summary): a regular file, or a new one;
/// anything else (a pipe would block) is refused.
fn append(path: &std::ffi::OsStr, text: &str) -> std::io::Result<()> {
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        return Err(std::io::Error::other(
            "GITHUB_STEP_SUMMARY names something that is not a regular file",
        ));
    }
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)?;
    file.write_all(text.as_bytes())
}

/// What the command line says over the settings.
fn overrides(args: &CheckArgs) -> Overrides {
    Overrides {
        config: args.config.config.clone(),
        checklist: args.checklist.checklist.clone(),
        allow_undetermined: args.allow_undetermined,
        fail_on: args.fail_on.map(|f| match f {
            FailOnArg::Error => FailOn::Error,
            FailOnArg::Warning => FailOn::Warning,
        }),
    }
}

/// Print why the settings or their checklist cannot be used.
pub(crate) fn report_context_error(e: ContextError) -> Exit {
    match e {
        ContextError::Settings(path, errors) => {
            print_diagnostics(&errors.0, "error");
            errln!(
                "adscheck: error: the settings in {} cannot be used",
                super::shown(&path)
            );
        }
        ContextError::Checklist(errors) => {
            print_diagnostics(&errors.0, "error");
            errln!("adscheck: error: the checklist cannot be used");
        }
    }
    Exit::Fatal
}

/// The settings and checklist for a command that reads an inventory the way `check` does
/// (`report`, `ll35 export`): `--config` or the governing `.adscheck.yaml`, and `--checklist`.
pub(crate) fn inventory_context(
    paths: &[std::path::PathBuf],
    config: &super::args::ConfigOpt,
    checklist: &super::args::ChecklistOpt,
) -> Result<Context, super::Stop> {
    let overrides = Overrides {
        config: config.config.clone(),
        checklist: checklist.checklist.clone(),
        allow_undetermined: false,
        fail_on: None,
    };
    Context::load(paths, &overrides).map_err(|e| report_context_error(e).into())
}
