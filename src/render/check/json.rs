//! One JSON document: `{"files": [...], "totals": {...}}`.

use std::io::{self, Write};

use serde_json::{Map, Value, json};

use crate::check::{FileResult, Totals};

pub(crate) fn write(
    results: &[FileResult],
    totals: &Totals,
    out: &mut dyn Write,
) -> io::Result<()> {
    let files: Vec<Value> = results
        .iter()
        .map(|r| {
            let determinations = r.determinations.as_ref().map_or(Value::Null, |ds| {
                Value::Object(
                    ds.iter()
                        .map(|(id, t)| (id.clone(), json!(t.as_str())))
                        .collect::<Map<_, _>>(),
                )
            });
            let findings: Vec<Value> = r
                .findings
                .iter()
                .map(|f| {
                    json!({
                        "rule": f.rule,
                        "severity": f.severity.as_str(),
                        "line": f.position.map(|p| p.line),
                        "column": f.position.map(|p| p.column),
                        "message": f.message,
                    })
                })
                .collect();
            json!({
                "file": r.file,
                "tool": {"name": r.name, "agency": r.agency},
                "determinations": determinations,
                "findings": findings,
            })
        })
        .collect();
    let document = json!({"files": files, "totals": totals});
    serde_json::to_writer_pretty(&mut *out, &document).map_err(io::Error::other)?;
    writeln!(out)
}
