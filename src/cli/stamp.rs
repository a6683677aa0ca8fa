//! `adscheck stamp`: add an entry to answer files' histories (who, when, under which
//! checklist), never replacing one.

use adscheck::answers::Event;
use adscheck::document::Format;
use adscheck::error::Severity;
use adscheck::text::visible;
use adscheck::{AnswerFile, Diagnostic, Engine, Kind, atomic_file, batch};

use super::args::StampArgs;
use super::{Exit, Outcome, print_diagnostics};

pub(crate) fn run(args: &StampArgs) -> Outcome {
    let engine = super::engine(&args.checklist)?;
    let mut failed = 0usize;
    let paths = super::paths::Paths::resolve(&args.paths);
    for source in batch::sources(&paths.found) {
        match stamp_one(args, &engine, &source)? {
            Ok(path) => outln!("{}: stamped", visible(&path))?,
            Err(problems) => {
                print_diagnostics(&problems, Severity::Error);
                failed += 1;
            }
        }
    }
    Ok(paths.exit(Exit::findings_if(failed > 0)))
}

/// Add this run's entry to one file: the file's name, or why it was left as it was.
fn stamp_one(
    args: &StampArgs,
    engine: &Engine,
    source: &batch::Source,
) -> Result<Result<String, Vec<Diagnostic>>, super::Stop> {
    let name = source.name();
    let refuse =
        |kind: Kind, message: String| Ok(Err(vec![Diagnostic::new(kind, &name, None, message)]));
    let path = match source {
        batch::Source::File(path) => path,
        batch::Source::Unreadable(_, reason) => {
            return refuse(Kind::Io, format!("cannot read: {reason}"));
        }
        batch::Source::Stdin => {
            return refuse(
                Kind::Io,
                "stamp rewrites files: name files or folders, not standard input".to_owned(),
            );
        }
    };
    if Format::from_path(path) == Some(Format::Json) {
        return refuse(
            Kind::WrongType,
            "stamp rewrites files as YAML; this is JSON: add the entry to `stamps` by hand or \
             keep a YAML copy"
                .to_owned(),
        );
    }
    let text = match batch::read(source, args.size.max_file_size) {
        Ok(text) => text,
        Err(e) => return Ok(Err(vec![e])),
    };
    let mut file = match AnswerFile::parse(&name, &text, source.format(&text), engine.checklist()) {
        Ok(file) => file,
        Err(errors) => return Ok(Err(errors.0)),
    };
    let checklist = engine.checklist();
    let event = if args.reviewed {
        Event::Reviewed
    } else {
        Event::Answered
    };
    let now = adscheck::clock::Now::system();
    if let Err(e) = file.add_stamp(checklist, event, &now, &args.by) {
        return Ok(Err(vec![e]));
    }
    let rewritten = match file.to_checked_yaml(checklist, args.size.max_file_size) {
        Ok(text) => text,
        Err(e) => return Ok(Err(vec![e])),
    };
    super::warn_lost_comments(
        &name,
        (&text, &rewritten),
        checklist,
        ": adscheck rewrites the file with its own comments",
    );
    match atomic_file::replace(path, rewritten.as_bytes()) {
        Ok(()) => Ok(Ok(name)),
        Err(e) => Ok(Err(vec![e])),
    }
}
