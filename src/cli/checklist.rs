//! `adscheck checklist lint|show|test`: check, print or self-test a checklist.

use adscheck::error::Severity;
use std::io::Write;
use std::path::Path;

use adscheck::render;

use super::args::{ChecklistCommand, ChecklistOpt, ShowFormat};
use super::{Exit, Outcome, plural, print_diagnostics};

pub(crate) fn run(command: &ChecklistCommand) -> Outcome {
    match command {
        ChecklistCommand::Lint { file } => lint(file),
        ChecklistCommand::Show { format, checklist } => show(checklist, *format),
        ChecklistCommand::Test { file } => self_test(file.as_deref()),
    }
}

fn lint(file: &Path) -> Outcome {
    if !super::paths::exists(file) {
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

fn show(checklist: &ChecklistOpt, format: ShowFormat) -> Outcome {
    let engine = super::engine(checklist)?;
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
    if path.is_some_and(|p| !super::paths::exists(p)) {
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
