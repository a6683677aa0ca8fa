//! `adscheck report`: the inventory as a whole, as a inventory summary or a public site.

use adscheck::error::Severity;
use std::io::Write;

use adscheck::render::site;
use adscheck::render::summary as summary_format;
use adscheck::summary;

use super::args::{ReportArgs, ReportFormat};
use super::{Exit, Outcome, plural, print_diagnostics, shown};

pub(crate) fn run(args: &ReportArgs) -> Outcome {
    let paths = super::paths::Paths::resolve(&args.paths);
    if let Some(out) = &args.out
        && let Some(message) = adscheck::destination::refused(
            out,
            adscheck::destination::Output::Folder,
            &super::inputs(
                &paths.found,
                &[&args.config.config, &args.checklist.checklist],
            ),
            args.force,
        )
    {
        errln!("adscheck: error: {}: {message}", shown(out));
        return Ok(Exit::Fatal);
    }
    let inventory =
        super::check::open_inventory(&paths.found, &args.config, &args.checklist, now())?;
    let mut selector = adscheck::inventory::Selector::new(&inventory.settings);
    let files = inventory.read(&paths.found, args.size.max_file_size, &mut selector);
    if files.is_empty() {
        return Ok(paths.no_files(&args.paths));
    }
    let unreadable: Vec<adscheck::Diagnostic> = files
        .iter()
        .filter_map(|r| r.file.as_ref().err())
        .flatten()
        .cloned()
        .collect();
    let report = &inventory.settings.report;
    let summary = summary::build(&inventory, files);
    print_diagnostics(&unreadable, Severity::Error);
    print_diagnostics(&summary.warnings, Severity::Warning);
    let changes = match &args.since {
        None => None,
        // Not a file: a revision of the repository that holds the inventory.
        Some(revision) if revision.symlink_metadata().is_err() => {
            match at_revision(args, &paths.found, &revision.to_string_lossy()) {
                Ok((name, text)) => match summary::since::compare(&summary, &name, &text) {
                    Ok(changes) => Some(changes),
                    Err(e) => {
                        print_diagnostics(&[e], Severity::Error);
                        return Ok(Exit::Fatal);
                    }
                },
                Err(e) => {
                    print_diagnostics(&[e], Severity::Error);
                    return Ok(Exit::Fatal);
                }
            }
        }
        Some(path) => {
            let text = match adscheck::input::read_text(
                path,
                adscheck::input::REPORT.max,
                adscheck::input::REPORT,
            ) {
                Ok(text) => text,
                Err(e) => {
                    print_diagnostics(&[e], Severity::Error);
                    return Ok(Exit::Fatal);
                }
            };
            match summary::since::compare(&summary, &path.display().to_string(), &text) {
                Ok(changes) => Some(changes),
                Err(e) => {
                    print_diagnostics(&[e], Severity::Error);
                    return Ok(Exit::Fatal);
                }
            }
        }
    };
    // The summary first: it is written even when the site cannot be built.
    let format = match (args.format, &args.out) {
        (Some(format), _) => Some(format),
        (None, None) => Some(ReportFormat::Markdown),
        (None, Some(_)) => None,
    };
    if let Some(format) = format {
        let mut out = super::output::stdout();
        match format {
            ReportFormat::Markdown => {
                out.write_all(
                    summary_format::markdown::summary(
                        &summary,
                        changes.as_ref(),
                        &adscheck::render::checklist::notes::not_asked_notes(
                            inventory.engine.checklist(),
                        ),
                    )
                    .as_bytes(),
                )?;
            }
            ReportFormat::Json => {
                out.write_all(summary_format::json::json(&summary, changes.as_ref())?.as_bytes())?;
            }
        }
        out.flush()?;
    }
    if let Some(out) = &args.out {
        if !unreadable.is_empty() {
            errln!(
                "adscheck: error: the site is not built: {} file{} could not be read, and a \
                 public directory must not leave a tool out unseen",
                unreadable.len(),
                plural(unreadable.len())
            );
            return Ok(paths.exit(Exit::Findings));
        }
        let options = site::Options {
            title: report.title.clone().unwrap_or_else(|| {
                "Algorithmic tools: determinations under the NYC ADS Task Force's checklist"
                    .to_owned()
            }),
            notice: report.notice.clone(),
            base_url: report.base_url(),
            licence: report.licence.clone(),
            feedback: report.feedback.as_ref().map(|f| f.value.clone()),
            force: args.force,
        };
        match site::build(
            &summary,
            inventory.engine.checklist(),
            out,
            &options,
            changes.as_ref(),
        ) {
            Ok(built) => {
                for note in &built.notes {
                    errln!("adscheck: warning: {note}");
                }
                errln!(
                    "adscheck report: {} of {}: {} pages in {}; open {}",
                    adscheck::text::count(summary.tools.len(), "tool"),
                    adscheck::text::count(summary.agencies.len(), "agency"),
                    built.pages,
                    shown(out),
                    shown(&out.join("index.html"))
                );
            }
            Err(e) => {
                print_diagnostics(&[e], Severity::Error);
                return Ok(Exit::Fatal);
            }
        }
    }
    Ok(paths.exit(Exit::findings_if(!unreadable.is_empty())))
}

/// The time the report goes by: `SOURCE_DATE_EPOCH` when set (reproducible builds of the
/// site), otherwise the system clock's.
fn now() -> Option<adscheck::clock::Now> {
    let epoch = std::env::var("SOURCE_DATE_EPOCH").ok()?;
    epoch
        .trim()
        .parse()
        .ok()
        .map(adscheck::clock::Now::from_unix)
}

/// The inventory at `revision` of its git repository, summarised as a previous report's JSON
/// would be, with what to call it: read from git's objects into a folder of its own, governed
/// by the settings of that revision, within the same limits; the folder is removed after.
fn at_revision(
    args: &super::args::ReportArgs,
    paths: &[std::path::PathBuf],
    revision: &str,
) -> Result<(String, String), adscheck::Diagnostic> {
    let folder = std::env::temp_dir().join(format!(
        "adscheck-revision-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos())
    ));
    let result = (|| {
        let read = adscheck::git::read_at(paths, revision, &folder, args.size.max_file_size)?;
        let fail = |message: String| {
            adscheck::Diagnostic::new(adscheck::Kind::Io, revision, None, message)
        };
        let inventory = adscheck::inventory::Inventory::open(
            &read.paths,
            &adscheck::inventory::Overrides {
                config: args.config.config.clone(),
                checklist: args.checklist.checklist.clone(),
                allow_undetermined: false,
                fail_on: None,
                now: now(),
            },
        )
        .map_err(|e| {
            let (file, errors) = match e {
                adscheck::inventory::OpenError::Settings(path, errors) => {
                    (format!("its {}", path.display()), errors)
                }
                adscheck::inventory::OpenError::Checklist(errors) => {
                    ("its checklist".to_owned(), errors)
                }
            };
            fail(format!(
                "the inventory at this revision cannot be opened: {file}: {}",
                errors
                    .first()
                    .map_or_else(String::new, |d| d.message.clone())
            ))
        })?;
        let mut selector = adscheck::inventory::Selector::new(&inventory.settings);
        let files = inventory.read(&read.paths, args.size.max_file_size, &mut selector);
        let mut previous = summary::build(&inventory, files);
        previous.made = read.day.clone();
        let text = adscheck::render::summary::json::json(&previous, None)
            .map_err(|e| fail(format!("cannot summarise it: {e}")))?;
        Ok((read.described, text))
    })();
    let _ = std::fs::remove_dir_all(&folder);
    result
}
