//! `adscheck recheck`: what changes for answer files under a revised checklist.

use adscheck::error::Severity;
use std::io::{self, Write};

use adscheck::batch;
use adscheck::recheck::{Candidates, Recheck};
use adscheck::text::visible;

use super::args::RecheckArgs;
use super::{Exit, Outcome, plural, print_diagnostics};

pub(crate) fn run(args: &RecheckArgs) -> Outcome {
    let load = |path| {
        adscheck::load_engine(Some(path)).map_err(|errors| {
            print_diagnostics(&errors.0, Severity::Error);
            Exit::Fatal
        })
    };
    let new = load(&args.against)?;
    let given = args.from.as_deref().map(load).transpose()?;
    let candidates = match given {
        Some(_) => Candidates::default(),
        None => Candidates::find(&args.against),
    };
    let mut out = super::output::stdout();
    let (mut files, mut changed, mut failed) = (0usize, 0usize, 0usize);
    let paths = super::paths::Paths::resolve(&args.paths);
    for source in batch::sources(&paths.found) {
        files += 1;
        let name = visible(&source.name()).into_owned();
        let text = match batch::read(&source, args.size.max_file_size) {
            Ok(text) => text,
            Err(e) => {
                print_diagnostics(&[e], Severity::Error);
                failed += 1;
                continue;
            }
        };
        let format = source.format(&text);
        let old = match &given {
            Some(engine) => Ok(engine),
            None => match candidates.answered_under(&name, &text, format) {
                Ok((engine, note)) => {
                    if let Some(note) = note {
                        errln!("{}", super::diagnostic_line(&note, Severity::Note));
                    }
                    Ok(engine)
                }
                Err(e) => Err(e),
            },
        };
        let old = match old {
            Ok(old) => old,
            Err(e) => {
                print_diagnostics(&[e], Severity::Error);
                failed += 1;
                continue;
            }
        };
        match adscheck::recheck::recheck(old, &new, &name, &text, format) {
            Err(errors) => {
                print_diagnostics(&errors.0, Severity::Error);
                failed += 1;
            }
            Ok(r) => {
                changed += usize::from(!r.changed.is_empty());
                print_recheck(&mut out, &name, &r)?;
            }
        }
    }
    writeln!(
        out,
        "adscheck recheck: {files} file{}, {changed} with changed determinations, {failed} not rechecked",
        plural(files)
    )?;
    out.flush()?;
    Ok(paths.exit(Exit::findings_if(changed > 0 || failed > 0)))
}

/// What changes for one file, a line per change.
fn print_recheck(out: &mut dyn Write, name: &str, r: &Recheck) -> io::Result<()> {
    if r.is_empty() {
        return writeln!(out, "{name}: unchanged");
    }
    let summary: Vec<String> = r
        .changed
        .iter()
        .map(|(id, a, b)| format!("{id} {} -> {}", a.as_str(), b.as_str()))
        .collect();
    if summary.is_empty() {
        writeln!(out, "{name}: determinations unchanged")?;
    } else {
        writeln!(out, "{name}: {}", summary.join(", "))?;
    }
    for q in &r.to_answer {
        let what = if q.reworded {
            "reworded question, review the answer"
        } else {
            "new question, needs an answer"
        };
        writeln!(out, "  {what}: {} {} [{}]", q.number, q.text, q.id)?;
    }
    for (id, position) in &r.removed {
        let at = position.map_or_else(String::new, |p| format!(" (line {})", p.line));
        writeln!(
            out,
            "  answer to a question that no longer exists: {id}{at}"
        )?;
    }
    Ok(())
}
