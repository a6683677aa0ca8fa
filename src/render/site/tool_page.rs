//! A tool's public page as data: its LL35 fields as the city lays them out, its
//! determinations in the form's words with what decided them, every answer (when public), its
//! history without names, and the values it can be browsed by. The templates render it.

use std::collections::HashSet;

use serde::Serialize;
use serde_json::{Map, Value};

pub use super::determinations::{AnswerView, DeterminationView};
use super::urls;
use crate::checklist::Checklist;
use crate::classification::Assessment;
use crate::settings::Public;
use crate::summary::Tool;
use crate::tool::fields::{Edition, FIELDS, keys};

/// A tool's public page: its LL35 fields as the city lays them out, its determinations in the
/// form's words with what decided them, its history without names.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Page {
    /// The LL35 fields as the file holds them, by `tool:` key (and `reported`), for the
    /// public JSON.
    pub ll35: Map<String, Value>,
    /// The LL35 fields with a value: (label, text), in the published report's order.
    pub summary: Vec<(String, String)>,
    /// The report's text sections: (heading, paragraphs).
    pub sections: Vec<(String, Vec<String>)>,
    /// Each determination.
    pub determinations: Vec<DeterminationView>,
    /// Every answer given (when the settings make answers public).
    pub answers: Vec<AnswerView>,
    /// The history: (event, date, checklist, version) (dates when public).
    pub history: Vec<(String, Option<String>, String, String)>,
    /// The facets the tool is listed under: (group, value label, page).
    pub facets: Vec<Facet>,
    /// Whether the tool is in the inventory's Local Law 35 reporting scope (a setting), and so
    /// in the site's table.
    pub in_scope: bool,
    /// Each reported year, newest first.
    pub timeline: Vec<super::fields::YearView>,
    /// "June 2025", when the tool was retired.
    pub retired: Option<String>,
    /// Each other law the tool was answered under (`also:`), side by side with its own.
    pub laws: Vec<LawView>,
    /// Whether those laws' determinations differ from its own ([`Tool::laws_differ`]).
    pub differs: bool,
}

/// A tool's determinations under another law, on its page.
#[derive(Clone, Debug, Default, Serialize)]
pub struct LawView {
    /// The checklist's id.
    pub id: String,
    /// Its title (adscheck's: it says so).
    pub title: String,
    /// Its version.
    pub version: String,
    /// Each determination, as the page shows the file's own.
    pub determinations: Vec<DeterminationView>,
}

/// A value a tool can be browsed by.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Facet {
    /// What it browses by: a determination id, a question id, or an LL35 field's key.
    pub key: String,
    /// The group: "Agency ADS", "(1)(c) kinds of decision", "Purpose type".
    pub group: String,
    /// The value: "yes", "Allocating resources to City programs or services".
    pub value: String,
    /// Its page, relative to the site's root.
    pub url: String,
}

/// The LL35 fields a tool's file holds, by `tool:` key (and `reported`), as the public JSON
/// and the search index give them.
#[must_use]
pub fn ll35_fields(tool: &Tool) -> Map<String, Value> {
    let fields = &tool.record.report.tool;
    FIELDS
        .iter()
        .map(|f| f.key)
        .chain([keys::REPORTED])
        .filter_map(|k| Some((k.to_owned(), fields.get(k)?.clone())))
        .collect()
}

/// The values `tool` can be browsed by, as `public` allows, in `edition`'s coded values.
#[must_use]
pub fn facets_of(
    checklist: &Checklist,
    tool: &Tool,
    public: Public,
    edition: Edition,
) -> Vec<Facet> {
    facets(
        checklist,
        tool,
        &tool.record.answers,
        &tool.record.report.tool,
        edition,
        public,
    )
}

/// The page of `tool`, as `public` allows, listed under `facets` (those that have a page).
#[must_use]
pub fn page(
    checklist: &Checklist,
    tool: &Tool,
    public: Public,
    facets: Vec<Facet>,
    edition: crate::tool::Edition,
) -> Page {
    let (report, answers, stamps) = (
        &tool.record.report,
        tool.record.answers.as_slice(),
        tool.record.stamps.as_slice(),
    );
    let fields = &report.tool;
    let mut page = Page {
        ll35: ll35_fields(tool),
        facets,
        in_scope: tool.ll35_in_scope,
        retired: tool.retired.as_deref().map(super::fields::month_name),
        differs: tool.laws_differ(),
        timeline: tool
            .timeline
            .iter()
            .rev()
            .map(|y| {
                let changes = y
                    .changed
                    .iter()
                    .map(|c| {
                        (
                            crate::tool::fields::label(c.field),
                            c.before.clone(),
                            c.after.clone(),
                        )
                    })
                    .collect();
                super::fields::YearView(y.year, y.first, changes)
            })
            .collect(),
        ..Page::default()
    };
    // Every field of the edition's standard set is shown, an empty one as "Not reported", so a
    // reader can tell a gap from a field that does not apply; fields that apply only with
    // another's value (the individuals, the text of "Other") and other editions' fields only
    // when they hold one.
    let standard = |key: &str| {
        !matches!(key, "population_type_individual" | "population_type_other")
            && crate::tool::fields::by_key(key).is_some_and(|f| f.column(edition).is_some())
    };
    let keys_shown = [
        "department",
        "date_use",
        "updated",
        "analysis_type",
        "computation_type",
        "purpose_type",
        "population_type",
        "population_type_individual",
        "population_type_other",
        "identifying_info",
        keys::REPORTED,
    ];
    for (label, key, value) in keys_shown.into_iter().map(|key| {
        let text = super::fields::text_of(fields, key);
        match key {
            "date_use" => (
                crate::tool::fields::label(key),
                key,
                super::fields::month_name(&text),
            ),
            keys::REPORTED => (
                "Reported in (as the inventory records it)".to_owned(),
                key,
                text,
            ),
            _ => (crate::tool::fields::label(key), key, text),
        }
    }) {
        if !value.trim().is_empty() {
            page.summary.push((label, value));
        } else if standard(key) {
            page.summary
                .push((label, super::fields::NOT_REPORTED.to_owned()));
        }
    }
    let section = |heading: &str, parts: &[(&str, &str)]| {
        let mut body = Vec::new();
        for (label, key) in parts {
            let text = super::fields::text_of(fields, key);
            let mut paragraphs = super::fields::paragraphs(&text);
            if paragraphs.is_empty() && standard(key) {
                paragraphs.push(super::fields::NOT_REPORTED.to_owned());
            }
            for (i, p) in paragraphs.into_iter().enumerate() {
                body.push(if i == 0 && !label.is_empty() {
                    format!("{label}: {p}")
                } else {
                    p
                });
            }
        }
        (!body.is_empty()).then(|| (heading.to_owned(), body))
    };
    page.sections = [
        section("Tool Description", &[("", "description")]),
        section("Tool Purpose", &[("", "purpose")]),
        section("Update Description", &[("", "updated_desc")]),
        section(
            "Data Analyzed",
            &[
                ("Data", "data"),
                ("Training data", "data_training"),
                ("Input data", "data_input"),
                ("Output", "data_output"),
            ],
        ),
        section(
            "Vendor Information",
            &[
                ("Vendor", "vendor"),
                ("Vendor name", "vendor_name"),
                ("What the vendor did", "vendor_desc"),
            ],
        ),
    ]
    .into_iter()
    .flatten()
    .collect();
    if let Ok(outcome) = &report.outcome {
        page.determinations =
            super::determinations::views(checklist, outcome, tool.assessment, public);
        // Each other law the tool was answered under, with its own questions and the law's
        // words; their answers shown as the file's own are (or not, as `public` says).
        page.laws = outcome
            .also
            .iter()
            .filter_map(|also| {
                let engine = also.engine()?;
                let c = engine.checklist();
                let mut determinations = super::determinations::views(
                    c,
                    &also.outcome,
                    also.outcome.assessment(),
                    public,
                );
                if !public.answers {
                    for d in &mut determinations {
                        d.answers.clear();
                    }
                }
                Some(LawView {
                    id: c.id.value.clone(),
                    title: c.title.value.clone(),
                    version: c.version.value.clone(),
                    determinations,
                })
            })
            .collect();
    }
    if public.answers {
        page.answers = answers
            .iter()
            .enumerate()
            .filter_map(|(q, a)| {
                a.as_ref()
                    .map(|a| super::determinations::answer_view(checklist, q, Some(a), public))
            })
            .collect();
    } else {
        for d in &mut page.determinations {
            d.answers.clear();
        }
    }
    page.history = stamps
        .iter()
        .map(|s| {
            (
                s.event.as_str().to_owned(),
                public
                    .dates
                    .then(|| s.at.get(..10).unwrap_or(&s.at).to_owned()),
                s.checklist.clone(),
                s.version.clone(),
            )
        })
        .collect();
    page
}

/// The facets a tool is listed under.
fn facets(
    checklist: &Checklist,
    tool: &Tool,
    answers: &[Option<crate::answers::Answer>],
    fields: &Map<String, Value>,
    edition: Edition,
    public: Public,
) -> Vec<Facet> {
    let mut out = Vec::new();
    for (d, value) in &tool.determinations {
        let label = checklist
            .determinations
            .iter()
            .find(|x| x.id.as_str() == d)
            .map_or(d.as_str(), |x| x.label.as_str());
        // A tool nobody assessed is listed as such, not with the undetermined ones.
        let (value, page) = if tool.assessment == Assessment::NotStarted {
            ("not yet assessed", "not-yet-assessed")
        } else {
            (value.as_str(), value.as_str())
        };
        out.push(Facet {
            key: d.clone(),
            group: label.to_owned(),
            value: value.to_owned(),
            url: urls::determination(d, page),
        });
    }
    // The options ticked are answers: browsable only when answers are public.
    for (q, answer) in checklist
        .questions
        .iter()
        .zip(answers)
        .filter(|_| public.answers)
    {
        let (Some(list), Some(answer)) = (&q.options, answer) else {
            continue;
        };
        for id in &answer.options {
            if let Some(choice) = list.choices.iter().find(|c| c.id.as_str() == id) {
                out.push(Facet {
                    key: q.id.value.clone(),
                    // Named for what it is, an answer ("ticked"), not by adscheck's short words
                    // for the question, which would read as a statement about the tool.
                    group: format!("{} ticked", q.number.as_str()),
                    value: choice.short_label().to_owned(),
                    url: urls::option(q.id.as_str(), id),
                });
            }
        }
    }
    for (key, group) in [
        ("purpose_type", "Purpose type"),
        ("computation_type", "Computation type"),
        ("population_type", "Population type"),
        ("analysis_type", "Analysis type"),
    ] {
        let Some(field) = crate::tool::fields::by_key(key) else {
            continue;
        };
        let values = fields
            .get(key)
            .map(|v| crate::tool::items(v, field.other_text(edition)))
            .unwrap_or_default();
        let mut seen = HashSet::new();
        for value in values {
            let value = if value.starts_with("Other: ") {
                "Other".to_owned()
            } else {
                value
            };
            if value.trim().is_empty() || !seen.insert(value.clone()) {
                continue;
            }
            out.push(Facet {
                key: key.to_owned(),
                group: group.to_owned(),
                url: urls::field(key, &value),
                value,
            });
        }
    }
    out
}
