//! `adscheck checklist list|lint|show|test`: list the built-in checklists; check, print or
//! self-test one.

use adscheck::error::Severity;
use std::io::Write;
use std::path::Path;

use adscheck::render;

use super::args::{ChecklistCommand, ChecklistOpt, ShowFormat};
use super::{Exit, Outcome, plural, print_diagnostics};

pub(crate) fn run(command: &ChecklistCommand) -> Outcome {
    match command {
        ChecklistCommand::List => list(),
        ChecklistCommand::Lint { file } => lint(file),
        ChecklistCommand::Show {
            which,
            format,
            checklist,
        } => show(which.as_ref().or(checklist.checklist.as_ref()), *format),
        ChecklistCommand::Test { file } => self_test(file.as_deref()),
    }
}

/// Whether `path` names a built-in checklist by its id (and no file of that name is there).
fn builtin_id(path: &Path) -> bool {
    !path.exists()
        && path
            .to_str()
            .is_some_and(|id| adscheck::checklist::BUILTINS.iter().any(|b| b.id == id))
}

/// The built-in checklists: id, version and the law each is about, then its title.
fn list() -> Outcome {
    let mut out = super::output::stdout();
    let width = super::text_width().saturating_sub(1);
    for builtin in adscheck::checklist::BUILTINS {
        let engine = adscheck::load_engine(Some(Path::new(builtin.id))).map_err(|errors| {
            print_diagnostics(&errors.0, Severity::Error);
            Exit::Fatal
        })?;
        let c = engine.checklist();
        let law = c
            .sources
            .as_ref()
            .and_then(|s| s.0.iter().find(|(k, _)| k.as_str() == "law"))
            .map_or_else(String::new, |(_, name)| format!(", {}", name.as_str()));
        writeln!(
            out,
            "{}",
            adscheck::text::hanging_at(
                &format!("{} (version {}{law})", c.id.as_str(), c.version.as_str()),
                width,
                0,
                2
            )
        )?;
        writeln!(
            out,
            "{}",
            adscheck::text::hanging_at(&adscheck::text::visible(c.title.as_str()), width, 2, 2)
        )?;
    }
    writeln!(
        out,
        "{}",
        adscheck::text::hanging_at(
            "Use one with --checklist ID (adscheck checklist show nyc-ll35-2022). Only \
             nyc-ll49-2018 is laid out from a printed form; the others are adscheck's questions \
             on the law's words.",
            width,
            0,
            0
        )
    )?;
    out.flush()?;
    Ok(Exit::Success)
}

fn lint(file: &Path) -> Outcome {
    if !builtin_id(file) && !super::paths::exists(file) {
        return Ok(Exit::Fatal);
    }
    match adscheck::load_engine(Some(file)) {
        Ok(engine) => {
            let c = engine.checklist();
            print_diagnostics(&c.unused(&file.display().to_string()), Severity::Warning);
            let mut out = super::output::stdout();
            writeln!(
                out,
                "{}: ok: checklist `{}` version {}, {} questions, {} determinations",
                super::shown(file),
                c.id.as_str(),
                c.version.as_str(),
                c.questions.len(),
                c.determinations.len()
            )?;
            out.flush()?;
            Ok(Exit::Success)
        }
        Err(errors) => {
            print_diagnostics(&errors.0, Severity::Error);
            errln!(
                "{}: {} problem{} found",
                super::shown(file),
                errors.0.len(),
                plural(errors.0.len())
            );
            Ok(Exit::Findings)
        }
    }
}

fn show(checklist: Option<&std::path::PathBuf>, format: ShowFormat) -> Outcome {
    let engine = super::engine(&ChecklistOpt {
        checklist: checklist.cloned(),
    })?;
    let text = match format {
        ShowFormat::Text => render::checklist_text(engine.checklist()),
        ShowFormat::Markdown => render::checklist_markdown(engine.checklist()),
    };
    let mut out = super::output::stdout();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(Exit::Success)
}

fn self_test(path: Option<&Path>) -> Outcome {
    if path.is_some_and(|p| !builtin_id(p) && !super::paths::exists(p)) {
        return Ok(Exit::Fatal);
    }
    let engine = super::load_engine(path)?;
    let name = path.map_or_else(
        || adscheck::checklist::DEFAULT_CHECKLIST_NAME.to_owned(),
        super::shown,
    );
    let results = adscheck::selftest::run(&engine);
    let mut out = super::output::stdout();
    for r in &results {
        if r.passed() {
            writeln!(out, "ok    {}", r.name)?;
        } else {
            let at = r
                .line
                .map_or_else(String::new, |l| format!(" ({name}:{l})"));
            writeln!(out, "FAIL  {}{at}", r.name)?;
            for d in &r.differences {
                writeln!(out, "        {d}")?;
            }
        }
    }
    let failed = results.iter().filter(|r| !r.passed()).count();
    writeln!(
        out,
        "{name}: {} test{}, {} passed, {failed} failed",
        results.len(),
        plural(results.len()),
        results.len() - failed
    )?;
    out.flush()?;
    Ok(Exit::findings_if(failed > 0))
}
