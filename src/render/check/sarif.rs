//! SARIF 2.1.0 (serde-sarif), the format of code-scanning tools.

use std::io::{self, Write};

use serde_sarif::sarif::{
    ArtifactLocation, Location, Message, MultiformatMessageString, PhysicalLocation, PropertyBag,
    Region, ReportingDescriptor, Result as SarifResult, ResultLevel, Run, Sarif, Tool,
    ToolComponent,
};

use crate::check::{self, FileResult, Severity, Totals};

/// A file name as a relative URI reference: forward slashes, no leading `./`, and every
/// character that would change a URI's meaning (`#`, `?`, `%`, `:`, spaces) percent-encoded.
fn uri(file: &str) -> String {
    let file = file.replace('\\', "/");
    crate::text::uri_path(file.strip_prefix("./").unwrap_or(&file))
}

pub(crate) fn write(
    results: &[FileResult],
    totals: &Totals,
    out: &mut dyn Write,
) -> io::Result<()> {
    let rules: Vec<ReportingDescriptor> = check::rules()
        .into_iter()
        .map(|(id, summary)| {
            ReportingDescriptor::builder()
                .id(id)
                .short_description(MultiformatMessageString::builder().text(summary).build())
                .build()
        })
        .collect();
    let findings: Vec<SarifResult> = results
        .iter()
        .flat_map(|r| &r.findings)
        .map(|f| {
            let artifact = ArtifactLocation::builder().uri(uri(&f.file)).build();
            let physical = match f.position {
                Some(p) => PhysicalLocation::builder()
                    .artifact_location(artifact)
                    .region(
                        Region::builder()
                            .start_line(i64::from(p.line))
                            .start_column(i64::from(p.column))
                            .build(),
                    )
                    .build(),
                None => PhysicalLocation::builder()
                    .artifact_location(artifact)
                    .build(),
            };
            SarifResult::builder()
                .rule_id(f.rule)
                .level(match f.severity {
                    Severity::Error => ResultLevel::Error,
                    Severity::Warning => ResultLevel::Warning,
                    Severity::Note => ResultLevel::Note,
                })
                .message(Message::builder().text(f.message.clone()).build())
                .locations(vec![
                    Location::builder().physical_location(physical).build(),
                ])
                .build()
        })
        .collect();
    let driver = ToolComponent::builder()
        .name("adscheck")
        .version(env!("CARGO_PKG_VERSION"))
        .rules(rules)
        .build();
    let properties = PropertyBag::builder()
        .additional_properties(std::collections::BTreeMap::from([
            ("settings".to_owned(), serde_json::json!(totals.settings)),
            ("excluded".to_owned(), serde_json::json!(totals.excluded)),
        ]))
        .build();
    let run = Run::builder()
        .tool(Tool::builder().driver(driver).build())
        .properties(properties)
        .results(findings)
        .build();
    let sarif = Sarif::builder()
        .schema("https://json.schemastore.org/sarif-2.1.0.json")
        .version(serde_json::json!("2.1.0"))
        .runs(vec![run])
        .build();
    serde_json::to_writer_pretty(&mut *out, &sarif).map_err(io::Error::other)?;
    writeln!(out)
}
