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
        return Ok(paths.exit(super::no_files(&args.paths)));
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
                        &adscheck::render::checklist::text::not_asked_notes(
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
