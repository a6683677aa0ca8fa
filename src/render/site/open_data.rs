//! The directory's open data: every public tool as one CSV row, with each law's
//! determinations, its assessment, its Local Law 35 fields, its id and address, and the build's
//! date, adscheck's version and each checklist's version; and the data dictionary that says,
//! column by column, what each holds, its type, the values allowed and where it comes from.

use serde::Serialize;

use super::urls;
use crate::checklist::Checklist;
use crate::summary::Summary;
use crate::tool::fields::{Edition, FIELDS, Shape};

/// One column of the open data, as the dictionary describes it.
#[derive(Clone, Debug, Serialize)]
pub struct Column {
    /// Its name in the CSV header.
    pub name: String,
    /// What it holds (adscheck's words).
    pub meaning: String,
    /// Its type: text, date, yes/no, coded, list of coded values, URL.
    pub kind: String,
    /// The values allowed, when they are listed.
    pub allowed: String,
    /// Where its value comes from.
    pub source: String,
}

const DETERMINATION: &str = "yes; no; undetermined; not yet assessed";

/// Every column, in the CSV's order.
#[must_use]
pub fn columns(checklist: &Checklist, summary: &Summary, edition: Edition) -> Vec<Column> {
    let col = |name: &str, meaning: &str, kind: &str, allowed: &str, source: &str| Column {
        name: name.to_owned(),
        meaning: meaning.to_owned(),
        kind: kind.to_owned(),
        allowed: allowed.to_owned(),
        source: source.to_owned(),
    };
    let mut out = vec![
        col(
            "id",
            "the tool's stable id, which its page's address keeps",
            "text",
            "",
            "the answer file (`tool.id`), or made from agency and name",
        ),
        col(
            "url",
            "the tool's page",
            "URL",
            "",
            "the site (its base URL, when set)",
        ),
        col(
            "agency",
            "the agency that uses the tool, as its file writes it",
            "text",
            "",
            "the answer file (`tool.agency`)",
        ),
        col(
            "name",
            "the tool's name",
            "text",
            "",
            "the answer file (`tool.name`)",
        ),
        col(
            "description",
            "a brief description",
            "text",
            "",
            "the answer file (`tool.description`)",
        ),
        col(
            "assessment",
            "how far its own checklist is answered",
            "coded",
            "not started; in progress; complete",
            "adscheck, from the answers",
        ),
    ];
    for d in &checklist.determinations {
        out.push(col(
            d.id.as_str(),
            &format!(
                "determination `{}` of checklist {}",
                d.id.as_str(),
                checklist.id.as_str()
            ),
            "coded",
            DETERMINATION,
            "adscheck, from the answers and the checklist's rules",
        ));
    }
    for law in &summary.other_laws {
        for (id, _) in &law.determinations {
            out.push(col(
                &crate::summary::laws::key(&law.id, id),
                &format!(
                    "determination `{id}` of checklist {}, empty where the tool was not \
                     answered under it (adscheck's questions on the law's words)",
                    law.id
                ),
                "coded",
                DETERMINATION,
                "adscheck, from the answers under `also:`",
            ));
        }
    }
    for field in FIELDS.iter().filter(|f| f.column(edition).is_some()) {
        if ["agency", "name", "description"].contains(&field.key) {
            continue;
        }
        let (kind, allowed) = match field.shape {
            Shape::Text => ("text", String::new()),
            Shape::Month => ("month, YYYY/MM (00: month not known)", String::new()),
            Shape::Bool => ("yes/no", "true; false".to_owned()),
            Shape::Coded => ("coded", field.values(edition).join("; ")),
            Shape::List => (
                "list of coded values, joined with \"; \"",
                field.values(edition).join("; "),
            ),
        };
        out.push(col(
            field.key,
            field.about,
            kind,
            &allowed,
            &format!(
                "the answer file (`tool.{}`): column {} of the report's table ({edition} \
                 edition)",
                field.key,
                field.column(edition).unwrap_or_default()
            ),
        ));
    }
    out.push(col(
        "checklist_version",
        "the version of the checklist the determinations were made under",
        "text",
        "",
        "adscheck",
    ));
    out.push(col(
        "built",
        "the day the directory was built",
        "date, YYYY-MM-DD",
        "",
        "adscheck",
    ));
    out.push(col(
        "adscheck_version",
        "the adscheck version that built it",
        "text",
        "",
        "adscheck",
    ));
    out
}

/// Every public tool as a row of [`columns`]; `base_url` makes each address whole.
#[must_use]
pub fn rows(
    checklist: &Checklist,
    summary: &Summary,
    edition: Edition,
    base_url: Option<&str>,
) -> Vec<Vec<String>> {
    summary
        .tools
        .iter()
        .map(|tool| {
            let page = urls::tool(&tool.id);
            let not_started = tool.assessment == crate::classification::Assessment::NotStarted;
            let shown = |value: crate::engine::Truth, not_assessed: bool| {
                if not_assessed {
                    "not yet assessed".to_owned()
                } else {
                    value.as_str().to_owned()
                }
            };
            let mut row = vec![
                tool.id.clone(),
                base_url.map_or_else(|| page.clone(), |b| format!("{b}{page}")),
                tool.agency.clone(),
                tool.name.clone(),
                tool.description.clone(),
                tool.assessment.as_str().to_owned(),
            ];
            row.extend(
                tool.determinations
                    .iter()
                    .map(|(_, v)| shown(*v, not_started)),
            );
            for law in &summary.other_laws {
                let answered = tool.law(&law.id);
                for (id, _) in &law.determinations {
                    row.push(answered.map_or_else(String::new, |l| {
                        let value = l
                            .determinations
                            .iter()
                            .find(|(d, _)| d == id)
                            .map_or(crate::engine::Truth::Unknown, |(_, v)| *v);
                        shown(
                            value,
                            l.assessment == crate::classification::Assessment::NotStarted,
                        )
                    }));
                }
            }
            let fields = &tool.record.report.tool;
            for field in FIELDS.iter().filter(|f| f.column(edition).is_some()) {
                if ["agency", "name", "description"].contains(&field.key) {
                    continue;
                }
                row.push(match fields.get(field.key) {
                    Some(serde_json::Value::Bool(b)) => b.to_string(),
                    value => crate::tool::join(value),
                });
            }
            row.push(checklist.version.value.clone());
            row.push(summary.date.clone());
            row.push(env!("CARGO_PKG_VERSION").to_owned());
            row
        })
        .collect()
}

/// `rows` under `header` as CSV: RFC 4180, a byte-order mark for spreadsheets, and a cell a
/// spreadsheet would run as a formula starting with `'`.
///
/// # Errors
/// When the CSV cannot be written.
pub fn csv(header: &[String], rows: &[Vec<String>]) -> std::io::Result<Vec<u8>> {
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    {
        let mut writer = csv::WriterBuilder::new().from_writer(&mut bytes);
        writer.write_record(header).map_err(std::io::Error::other)?;
        for row in rows {
            writer
                .write_record(
                    row.iter()
                        .map(|cell| crate::text::spreadsheet_safe(cell).into_owned()),
                )
                .map_err(std::io::Error::other)?;
        }
        writer.flush()?;
    }
    Ok(bytes)
}

/// One tool's whole public record as JSON (its page links it, and `downloads/records.json`
/// holds them all): id and address, agency, name, description, assessment, each law's
/// determinations, the answers and notes where the settings make them public, its Local Law 35
/// fields and each recorded year's report, and the checklist (id, version, SHA-256), build day
/// and adscheck version it was made with, so that anyone can reproduce it.
#[must_use]
pub fn record(
    (checklist, public): (&Checklist, crate::settings::Public),
    (tool, reports): (&crate::summary::Tool, Option<&serde_json::Value>),
    (base_url, built): (Option<&str>, &str),
) -> serde_json::Value {
    use serde_json::{Map, Value, json};
    let page = urls::tool(&tool.id);
    let answers: Map<String, Value> = if public.answers {
        checklist
            .questions
            .iter()
            .zip(&tool.record.answers)
            .filter_map(|(q, a)| {
                let a = a.as_ref()?;
                let mut answer = Map::new();
                answer.insert("answer".to_owned(), json!(a.value.as_str()));
                if !a.options.is_empty() {
                    answer.insert("options".to_owned(), json!(a.options));
                }
                if let Some(note) = a.note.as_ref().filter(|_| public.notes) {
                    answer.insert("note".to_owned(), json!(note));
                }
                Some((q.id.value.clone(), Value::Object(answer)))
            })
            .collect()
    } else {
        Map::new()
    };
    let laws: Vec<Value> = tool
        .record
        .report
        .outcome
        .as_ref()
        .map(|o| o.also.as_slice())
        .unwrap_or_default()
        .iter()
        .filter_map(|also| {
            let engine = also.engine()?;
            let c = engine.checklist();
            let answers: Map<String, Value> = if public.answers {
                c.questions
                    .iter()
                    .zip(&also.outcome.answers)
                    .filter_map(|(q, a)| Some((q.id.value.clone(), json!(a.as_ref()?.as_str()))))
                    .collect()
            } else {
                Map::new()
            };
            Some(json!({
                "checklist": {"id": c.id.as_str(), "version": c.version.as_str(), "sha256": c.sha256},
                "assessment": also.outcome.assessment(),
                "determinations": also.outcome.named(c).into_iter().map(|(d, v)| (d, json!(v))).collect::<Map<String, Value>>(),
                "answers": answers,
            }))
        })
        .collect();
    let mut fields = super::tool_page::ll35_fields(tool);
    // Each year's report as recorded (held once, by the inventory's Local Law 35 entry).
    if let Some(reports) = reports {
        fields.insert(crate::tool::keys::REPORTS.to_owned(), reports.clone());
    }
    json!({
        "id": tool.id,
        "url": base_url.map_or_else(|| page.clone(), |b| format!("{b}{page}")),
        "agency": tool.agency,
        "name": tool.name,
        "description": tool.description,
        "assessment": tool.assessment,
        "checklist": {"id": checklist.id.as_str(), "version": checklist.version.as_str(), "sha256": checklist.sha256},
        "determinations": tool.determinations.iter().map(|(id, v)| (id.clone(), json!(v))).collect::<Map<String, Value>>(),
        "answers": answers,
        "laws": laws,
        "ll35": fields,
        "retired": tool.retired,
        "built": built,
        "adscheck_version": env!("CARGO_PKG_VERSION"),
    })
}
