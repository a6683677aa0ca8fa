//! `adscheck schema`: a JSON Schema of answer files, for editors.

use super::Outcome;
use super::args::TemplateArgs;

pub(crate) fn run(args: &TemplateArgs) -> Outcome {
    let engine = super::engine(&args.checklist)?;
    let schema = adscheck::schema::answer_schema(engine.checklist());
    let text = format!("{}\n", serde_json::to_string_pretty(&schema)?);
    super::write_out(
        &text,
        args.out.as_deref(),
        args.force,
        "editors check answer files against it (a template's first line names it: \
         `# yaml-language-server: $schema={}`); adscheck classify and check skip *.schema.json",
    )
}
