//! `adscheck stamp`: record in answer files the checklist they were answered under.

use adscheck::answers::{Stamp, now_rfc3339};
use adscheck::document::Format;
use adscheck::text::visible;
use adscheck::{AnswerFile, Diagnostics, atomic_file, batch};

use super::args::{Cli, StampArgs};
use super::{Exit, Outcome, print_diagnostics};

pub(crate) fn run(cli: &Cli, args: &StampArgs) -> Outcome {
    let engine = super::engine(cli)?;
    let mut failed = 0usize;
    for source in batch::sources(&args.paths) {
        let batch::Source::File(path) = &source else {
            continue;
        };
        let name = source.name();
        let parsed = batch::read(&source, cli.max_file_size)
            .map_err(|e| Diagnostics(vec![e]))
            .and_then(|text| {
                AnswerFile::parse(&name, &text, source.format(&text), engine.checklist())
            });
        let mut file = match parsed {
            Ok(file) => file,
            Err(errors) => {
                print_diagnostics(&errors.0, "error");
                failed += 1;
                continue;
            }
        };
        file.stamp = Some(Stamp::now(
            engine.checklist(),
            now_rfc3339(),
            Some(args.by.clone()),
        ));
        if Format::from_path(path) == Some(Format::Json) {
            errln!(
                "{name}: error[wrong-type]: stamp rewrites files as YAML; this is JSON: \
                 add the stamp block by hand or keep a YAML copy"
            );
            failed += 1;
            continue;
        }
        atomic_file::replace(path, file.to_yaml(engine.checklist()).as_bytes())
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        outln!("{}: stamped", visible(&path.display().to_string()))?;
    }
    Ok(Exit::findings_if(failed > 0))
}
