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
    let mut also = Vec::new();
    for id in &args.also {
        match adscheck::Engine::builtin(id) {
            Some(other) if other.checklist().id.as_str() != engine.checklist().id.as_str() => {
                also.push(other.checklist());
            }
            _ => {
                errln!(
                    "adscheck: error: --also {}: allowed: the built-in checklists other than the \
                     file's own ({})",
                    adscheck::text::visible(id),
                    adscheck::checklist::BUILTINS
                        .iter()
                        .map(|b| b.id)
                        .filter(|b| *b != engine.checklist().id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                );
                return Ok(super::Exit::Fatal);
            }
        }
    }
    let text = adscheck::answers::template_with_also(engine.checklist(), &also, Some(&schema_line));
    super::write_out(
        &text,
        args.out.as_deref(),
        args.force,
        "fill it in, then: adscheck classify {}",
    )
}
