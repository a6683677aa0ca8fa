//! `adscheck template`: a blank answer file, every question and option id as a comment.

use super::Outcome;
use super::args::TemplateArgs;

pub(crate) fn run(args: &TemplateArgs) -> Outcome {
    if args
        .out
        .as_deref()
        .is_some_and(|path| !super::paths::answer_file_name(path))
    {
        return Ok(super::Exit::Fatal);
    }
    let engine = super::engine(&args.checklist)?;
    let schema_line = format!(
        "# yaml-language-server: $schema={}.schema.json",
        engine.checklist().id.as_str()
    );
    let text = adscheck::answers::template(engine.checklist(), Some(&schema_line));
    super::write_out(
        &text,
        args.out.as_deref(),
        args.force,
        "fill it in, then: adscheck classify {}",
    )
}
