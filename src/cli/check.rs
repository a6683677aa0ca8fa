//! `adscheck check`: CI rules over a submission of answer files.

use adscheck::error::Severity;
use std::io::Write;

use adscheck::inventory::{Inventory, OpenError, Overrides};
use adscheck::render::check::{CheckFormat, step_summary, write, write_findings};
use adscheck::settings::FailOn;

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
    let inventory = Inventory::open(&paths.found, &overrides(args)).map_err(report_open_error)?;
    let mut progress = Progress::new();
    let run = adscheck::check::run(&inventory, &paths.found, args.size.max_file_size, || {
        progress.tick();
    });
    progress.finish();
    let (results, totals) = (run.results, run.totals);
    if totals.files == 0 {
        if totals.excluded > 0 {
            let settings = inventory
                .governing
                .file
                .as_deref()
                .map_or_else(String::new, super::shown);
            // Files named one by one, every one excluded (a commit that touches only
            // drafts): nothing to check, which is not a failure. A whole tree excluded is.
            if !run.over_folders {
                errln!(
                    "adscheck check: nothing to check: each file given ({}) is excluded by the \
                     settings in {settings}",
                    totals.excluded
                );
                return Ok(paths.exit(Exit::Success));
            }
            errln!(
                "adscheck: error: every answer file found ({}) is excluded by the settings in \
                 {settings}",
                totals.excluded
            );
            return Ok(Exit::Fatal);
        }
        return Ok(paths.no_files(&args.paths));
    }
    let mut out = super::output::Sink::open_for(
        args.out.as_deref(),
        &super::inputs(
            &paths.found,
            &[&args.config.config, &args.checklist.checklist],
        ),
        args.force,
    )?;
    let color = super::color(&args.color, args.out.as_deref());
    if args.quiet && format == CheckFormat::Text {
        write_findings(&results, color, &mut out)?;
    } else {
        write(format, &results, &totals, color, &mut out)?;
    }
    out.finish()?;
    // The job summary goes with the github format, chosen or automatic, wherever GitHub (or
    // a runner that copies its conventions) names a summary file.
    if format == CheckFormat::Github
        && let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty())
    {
        append(&path, &step_summary(&results, &totals))
            .map_err(|e| anyhow::Error::new(e).context("cannot write the job summary"))?;
    }
    Ok(paths.exit(Exit::findings_if(totals.failed(inventory.settings.fail_on))))
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
        now: None,
    }
}

/// Print why the settings or their checklist cannot be used.
pub(crate) fn report_open_error(e: OpenError) -> Exit {
    match e {
        OpenError::Settings(path, errors) => {
            print_diagnostics(&errors.0, Severity::Error);
            errln!(
                "adscheck: error: the settings in {} cannot be used",
                super::shown(&path)
            );
        }
        OpenError::Checklist(errors) => {
            print_diagnostics(&errors.0, Severity::Error);
            errln!("adscheck: error: the checklist cannot be used");
        }
    }
    Exit::Fatal
}

/// The inventory for a command that reads one the way `check` does (`report`, `ll35
/// export`): `--config` or the governing `.adscheck.yaml`, and `--checklist`.
pub(crate) fn open_inventory(
    paths: &[std::path::PathBuf],
    config: &super::args::ConfigOpt,
    checklist: &super::args::ChecklistOpt,
    now: Option<adscheck::clock::Now>,
) -> Result<Inventory, super::Stop> {
    let overrides = Overrides {
        config: config.config.clone(),
        checklist: checklist.checklist.clone(),
        allow_undetermined: false,
        fail_on: None,
        now,
    };
    Inventory::open(paths, &overrides).map_err(|e| report_open_error(e).into())
}
