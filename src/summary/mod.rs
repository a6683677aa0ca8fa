//! The summary of an inventory as a whole: every tool of a set of answer files with its determinations, its
//! answers, its Local Law 35 fields and its compliance (what `check` finds, LL35
//! completeness, the checklist version it was answered under), and the summary per agency that
//! the policy office tracks. `report` renders it as a compliance summary (Markdown, JSON) and
//! as a public site; [`since`] compares it with an earlier one.

pub mod since;

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::answers::AnswerFile;
use crate::check;
use crate::checklist::Checklist;
use crate::engine::{Engine, Truth};
use crate::error::{Diagnostic, Kind};
use crate::inventory::{Inventory, Read};
use crate::report::{Basis, Report};
use crate::settings::Public;
use crate::text::identity;
use crate::text::safe_name;
use crate::tool::agencies;
use crate::tool::fields::{self as columns, Edition, keys};
use crate::tool::identity::Id;

/// The JSON format's version: bumped when a field changes meaning or goes away.
pub const FORMAT_VERSION: u32 = 1;

/// The checklist an inventory was evaluated under.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChecklistInfo {
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its version.
    pub version: String,
}

/// One tool of the inventory.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Tool {
    /// Its stable id: `tool.id`, or one derived from agency and name.
    pub id: String,
    /// Its page in the site, relative to the site's root.
    pub url: String,
    /// The answer file.
    pub file: String,
    /// The agency, as written.
    pub agency: String,
    /// The agency's page name (its abbreviation when known).
    pub agency_key: String,
    /// The agency as headings show it: "Department of Sanitation (DSNY)".
    #[serde(default)]
    pub agency_name: String,
    /// The tool's name.
    pub name: String,
    /// Its brief description.
    pub description: String,
    /// Each determination's value, by id, in checklist order.
    pub determinations: Vec<(String, String)>,
    /// Each answer given, by question id.
    pub answers: BTreeMap<String, String>,
    /// Whether the tool must report under Local Law 35 (the settings' scope).
    #[serde(default)]
    pub ll35_due: bool,
    /// Whether it must, and every LL35 field the settings require has a value.
    pub ll35_complete: bool,
    /// The rules `check` fails the file on (errors), each once.
    pub failing: Vec<String>,
    /// Whether it was last answered under another version of the checklist.
    pub stale: bool,
    /// The date (YYYY-MM-DD) of the latest entry of its history.
    pub reviewed: Option<String>,
    /// What the public page shows; not part of the JSON.
    #[serde(skip)]
    pub page: Page,
}

impl Tool {
    /// The value of determination `id`.
    #[must_use]
    pub fn determination(&self, id: &str) -> &str {
        self.determinations
            .iter()
            .find(|(d, _)| d == id)
            .map_or("undetermined", |(_, v)| v.as_str())
    }
}

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
}

/// A determination on a tool's page.
#[derive(Clone, Debug, Default, Serialize)]
pub struct DeterminationView {
    /// Its id.
    pub id: String,
    /// "Question 1".
    pub number: String,
    /// The form's question.
    pub question: String,
    /// yes, no or undetermined.
    pub value: String,
    /// The defined term and its legal definition, with citation.
    pub term: String,
    /// The definition.
    pub definition: String,
    /// Its citation.
    pub citation: String,
    /// The answers that decided it (or, undetermined, those still needed).
    pub answers: Vec<AnswerView>,
    /// The other determinations it rests on: "ADS: yes".
    pub rests_on: Vec<String>,
}

/// One answer on a page.
#[derive(Clone, Debug, Default, Serialize)]
pub struct AnswerView {
    /// The question's printed number.
    pub number: String,
    /// The question.
    pub question: String,
    /// The answer (`not answered` when none).
    pub answer: String,
    /// The ticked options' labels.
    pub options: Vec<String>,
    /// The note, when public.
    pub note: Option<String>,
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

/// The counts the policy office tracks, for one agency or in total.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    /// Tools (withheld ones not counted).
    pub tools: usize,
    /// Per determination id: yes, no, undetermined.
    pub determinations: BTreeMap<String, Tally>,
    /// Files that fail `check`.
    pub failing: usize,
    /// Failing files per rule.
    pub rules: BTreeMap<String, usize>,
    /// Tools that must report under Local Law 35 (the settings' scope).
    #[serde(default)]
    pub ll35_due: usize,
    /// Of those, tools with every required LL35 field.
    pub ll35_complete: usize,
    /// Files answered under an older version of the checklist.
    pub stale: usize,
    /// Tools withheld from the public report.
    pub withheld: usize,
    /// The oldest and newest latest-review date.
    pub oldest_review: Option<String>,
    /// See `oldest_review`.
    pub newest_review: Option<String>,
}

/// Yes, no, undetermined.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    /// Yes.
    pub yes: usize,
    /// No.
    pub no: usize,
    /// Undetermined.
    pub undetermined: usize,
}

/// One agency's summary.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgencySummary {
    /// The agency as written in its files (the first one read).
    pub agency: String,
    /// Its page name.
    pub key: String,
    /// A short name for charts: its abbreviation when known.
    #[serde(default)]
    pub short: String,
    /// Its counts.
    pub counts: Counts,
}

/// An inventory, evaluated.
#[derive(Clone, Debug, Serialize)]
pub struct Summary {
    /// The JSON format's version.
    pub format_version: u32,
    /// The checklist.
    pub checklist: ChecklistInfo,
    /// The determinations: (id, label).
    pub determination_labels: Vec<(String, String)>,
    /// The LL35 edition of the site's download and completeness.
    pub edition: String,
    /// Per agency, by agency name.
    pub agencies: Vec<AgencySummary>,
    /// In total.
    pub totals: Counts,
    /// Answer files that could not be read (counted in the totals' failing files only).
    pub unreadable: usize,
    /// Every tool that is not withheld, by agency then name.
    pub tools: Vec<Tool>,
    /// What the maintainers should know (derived ids, duplicate ids); not part of the JSON.
    #[serde(skip)]
    pub warnings: Vec<Diagnostic>,
    /// The day it was made (`YYYY-MM-DD`, the inventory's clock); not part of the JSON.
    #[serde(skip)]
    pub date: String,
    /// The answer files, for the LL35 download; not part of the JSON.
    #[serde(skip)]
    pub entries: Vec<crate::ll35::export::Entry>,
}

/// Build the inventory of `files` under `settings` (whose `ll35:` section, if any, gives the
/// edition and required fields) with `engine`.
#[must_use]
pub fn build(inventory_: &Inventory, files: Vec<Read>) -> Summary {
    let (engine, settings) = (&inventory_.engine, &inventory_.settings);
    let public = settings.report.public;
    let checklist = engine.checklist();
    let ll35 = settings
        .ll35
        .clone()
        .unwrap_or_else(|| crate::settings::Ll35::defaults(Edition::E2024));
    let mut inventory = Summary {
        format_version: FORMAT_VERSION,
        checklist: ChecklistInfo {
            id: checklist.id.value.clone(),
            title: checklist.title.value.clone(),
            version: checklist.version.value.clone(),
        },
        determination_labels: checklist
            .determinations
            .iter()
            .map(|d| (d.id.value.clone(), d.label.value.clone()))
            .collect(),
        edition: ll35.edition.to_string(),
        agencies: Vec::new(),
        totals: Counts::default(),
        unreadable: 0,
        tools: Vec::new(),
        warnings: Vec::new(),
        date: inventory_.now.date().to_owned(),
        entries: Vec::new(),
    };
    let mut checker = check::Checker::new(inventory_);
    let mut agencies: BTreeMap<String, AgencySummary> = BTreeMap::new();
    let mut ids: HashMap<String, String> = HashMap::new();
    for read in files {
        let (report, answers) = match read.file {
            Ok(file) => {
                let answers = file.clone();
                (Report::evaluate(engine, file), Some(answers))
            }
            Err(errors) => (
                Report::failed(&read.name, crate::error::Diagnostics(errors)),
                None,
            ),
        };
        let result = checker.check(&report);
        let position = report.outcome.as_ref().ok().and_then(|o| o.tool_position);
        let Some(answers) = answers else {
            // A file that cannot be read has no agency to count against: it is counted in
            // the totals, and `report` says which it is.
            inventory.unreadable += 1;
            count_failing(&mut inventory.totals, &result);
            continue;
        };
        let agency = report.tool_field("agency").unwrap_or("").to_owned();
        let key = agency_key(&agency);
        let summary = agencies
            .entry(key.clone())
            .or_insert_with(|| AgencySummary {
                agency: agency_name(&agency),
                short: agencies::lookup(&agency)
                    .map_or_else(|| agency.clone(), |a| a.abbreviation.to_owned()),
                key: key.clone(),
                counts: Counts::default(),
            });
        let withheld = crate::tool::withheld(&report.tool);
        if withheld == crate::tool::Withheld::WithoutReason {
            inventory.warnings.push(Diagnostic::new(
                Kind::Ll35Value,
                &report.file,
                answers.tool_keys.get(keys::WITHHELD).copied().or(position),
                "`tool.withheld` gives no reason: the tool is left out of the public directory \
                 and the Local Law 35 table; say why (the law's exception: disclosure would \
                 endanger public safety)"
                    .to_owned(),
            ));
        }
        if withheld.is_withheld() {
            summary.counts.withheld += 1;
            continue;
        }
        let determinations: Vec<(String, Truth)> =
            result.determinations.clone().unwrap_or_default();
        let ll35_due = ll35.scope.includes(&determinations).is_ok();
        let ll35_complete = ll35_due && ll35.missing(&report.tool).next().is_none();
        let found = crate::tool::identity::id(&report.tool);
        let tool_key = crate::tool::ToolKey::of_fields(&report.tool);
        let id = unique_id(
            found.as_str().to_owned(),
            &report.file,
            tool_key.as_ref(),
            &mut ids,
            &mut inventory.warnings,
        );
        let at = answers.tool_keys.get(keys::ID).copied().or(position);
        match &found {
            Id::Stored(_) => {}
            Id::Unusable(given, _) => inventory.warnings.push(Diagnostic::new(
                Kind::InvalidId,
                &report.file,
                at,
                format!(
                    "`tool.id` {} cannot name a page (ASCII letters, digits, - and _ only, at \
                     most {} of them, not a name Windows reserves): the site uses `{id}`, made \
                     from agency and name",
                    crate::text::excerpt(&given.to_string()),
                    crate::tool::identity::MAX_ID
                ),
            )),
            Id::Derived(_) => inventory.warnings.push(Diagnostic::new(
                Kind::MissingField,
                &report.file,
                at,
                format!(
                    "no `tool.id`: the site uses `{id}`, made from agency and name; renaming \
                     either breaks links to the tool's page (add `id: {id}` under `tool:` to \
                     keep it)"
                ),
            )),
        }
        let stale = answers
            .stamp()
            .is_some_and(|s| s.checklist == checklist.id.as_str() && !s.is_under(checklist));
        let reviewed = answers
            .stamp()
            .and_then(|s| s.at.get(..10).map(str::to_owned));
        let mut tool = Tool {
            url: format!("tools/{id}.html"),
            id,
            file: report.file.clone(),
            agency: agency.clone(),
            agency_name: agency_name(&agency),
            agency_key: key,
            name: report.tool_field("name").unwrap_or("").to_owned(),
            description: report.tool_field("description").unwrap_or("").to_owned(),
            determinations: determinations
                .iter()
                .map(|(d, t)| (d.clone(), t.as_str().to_owned()))
                .collect(),
            answers: checklist
                .questions
                .iter()
                .zip(&answers.answers)
                .filter_map(|(q, a)| {
                    Some((q.id.value.clone(), a.as_ref()?.value.as_str().to_owned()))
                })
                .collect(),
            ll35_due,
            ll35_complete,
            failing: failing_rules(&result),
            stale,
            reviewed,
            page: Page::default(),
        };
        tool.page = page(engine, &report, &answers, &tool, public, ll35.edition);
        add(&mut summary.counts, &tool);
        inventory.entries.push(crate::ll35::export::Entry::new(
            report.file.clone(),
            report.tool.clone(),
            &answers.stamps,
            determinations,
        ));
        inventory.tools.push(tool);
    }
    inventory
        .tools
        .sort_by_cached_key(|t| (identity(&t.agency), identity(&t.name), t.id.clone()));
    let mut summaries: Vec<AgencySummary> = agencies.into_values().collect();
    summaries.sort_by_cached_key(|a| identity(&a.agency));
    for s in &summaries {
        merge_counts(&mut inventory.totals, &s.counts);
    }
    inventory.agencies = summaries;
    inventory
}

/// An agency as headings show it: its full name and abbreviation when adscheck knows it
/// ("Fire Department (FDNY)"), else as written.
fn agency_name(agency: &str) -> String {
    match agencies::lookup(agency) {
        Some(a) => format!(
            "{} ({})",
            a.names.first().unwrap_or(&a.abbreviation),
            a.abbreviation
        ),
        None if agency.trim().is_empty() => "(no agency)".to_owned(),
        None => agency.to_owned(),
    }
}

fn agency_key(agency: &str) -> String {
    let key = agencies::lookup(agency).map_or_else(
        || safe_name(agency, "no-agency"),
        |a| a.abbreviation.to_ascii_lowercase(),
    );
    // `agencies/index.html` is the list of agencies.
    if key == "index" {
        "index-agency".to_owned()
    } else {
        key
    }
}

/// `id`, or, when another file has it, `id` with a suffix from the tool's own identity (its
/// agency and name, so the address does not depend on how the path was typed), warned.
fn unique_id(
    id: String,
    file: &str,
    key: Option<&crate::tool::ToolKey>,
    ids: &mut HashMap<String, String>,
    warnings: &mut Vec<Diagnostic>,
) -> String {
    // Compared without case: `DUP.html` and `dup.html` are one file on macOS and Windows.
    if let Some(first) = ids.get(&id.to_ascii_lowercase()) {
        let hash = key.map_or_else(
            || {
                let hash = crate::checklist::sha256_hex(file);
                hash.get(..8).unwrap_or(&hash).to_owned()
            },
            crate::tool::ToolKey::hash,
        );
        let mut unique = format!("{id}-{hash}");
        if ids.contains_key(&unique.to_ascii_lowercase()) {
            // Two files of the same tool (which `check` fails): the file tells them apart.
            let hash = crate::checklist::sha256_hex(file);
            unique = format!("{id}-{}", hash.get(..8).unwrap_or(&hash));
        }
        warnings.push(Diagnostic::new(
            Kind::InvalidId,
            file,
            None,
            format!("the id `{id}` is also {first}'s: this tool's page is `{unique}`; give each tool its own `tool.id`"),
        ));
        ids.insert(unique.to_ascii_lowercase(), file.to_owned());
        return unique;
    }
    ids.insert(id.to_ascii_lowercase(), file.to_owned());
    id
}

fn failing_rules(result: &check::FileResult) -> Vec<String> {
    let mut rules: Vec<String> = result
        .findings
        .iter()
        .filter(|f| f.severity == check::Severity::Error)
        .map(|f| f.rule.to_owned())
        .collect();
    rules.sort();
    rules.dedup();
    rules
}

fn count_failing(counts: &mut Counts, result: &check::FileResult) {
    let rules = failing_rules(result);
    if !rules.is_empty() {
        counts.failing += 1;
    }
    for rule in rules {
        *counts.rules.entry(rule).or_default() += 1;
    }
}

fn add(counts: &mut Counts, tool: &Tool) {
    counts.tools += 1;
    for (id, value) in &tool.determinations {
        let tally = counts.determinations.entry(id.clone()).or_default();
        match value.as_str() {
            "yes" => tally.yes += 1,
            "no" => tally.no += 1,
            _ => tally.undetermined += 1,
        }
    }
    if !tool.failing.is_empty() {
        counts.failing += 1;
    }
    for rule in &tool.failing {
        *counts.rules.entry(rule.clone()).or_default() += 1;
    }
    counts.ll35_due += usize::from(tool.ll35_due);
    counts.ll35_complete += usize::from(tool.ll35_complete);
    counts.stale += usize::from(tool.stale);
    if let Some(date) = &tool.reviewed {
        if counts.oldest_review.as_ref().is_none_or(|d| date < d) {
            counts.oldest_review = Some(date.clone());
        }
        if counts.newest_review.as_ref().is_none_or(|d| date > d) {
            counts.newest_review = Some(date.clone());
        }
    }
}

fn merge_counts(total: &mut Counts, part: &Counts) {
    total.tools += part.tools;
    for (id, t) in &part.determinations {
        let sum = total.determinations.entry(id.clone()).or_default();
        sum.yes += t.yes;
        sum.no += t.no;
        sum.undetermined += t.undetermined;
    }
    total.failing += part.failing;
    for (rule, n) in &part.rules {
        *total.rules.entry(rule.clone()).or_default() += n;
    }
    total.ll35_due += part.ll35_due;
    total.ll35_complete += part.ll35_complete;
    total.stale += part.stale;
    total.withheld += part.withheld;
    for date in [&part.oldest_review, &part.newest_review]
        .into_iter()
        .flatten()
    {
        if total.oldest_review.as_ref().is_none_or(|d| date < d) {
            total.oldest_review = Some(date.clone());
        }
        if total.newest_review.as_ref().is_none_or(|d| date > d) {
            total.newest_review = Some(date.clone());
        }
    }
}

/// The form's text without footnote marks.
fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("[^") {
        out.push_str(rest.get(..start).unwrap_or(""));
        let after = rest.get(start..).unwrap_or("");
        match after.find(']') {
            Some(end) => rest = after.get(end + 1..).unwrap_or(""),
            None => {
                out.push_str(after);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

fn text_of(tool: &Map<String, Value>, key: &str) -> String {
    match tool.get(key) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_owned))
            .collect::<Vec<_>>()
            .join("; "),
        Some(Value::Bool(true)) => "Yes".to_owned(),
        Some(Value::Bool(false)) => "No".to_owned(),
        Some(Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

/// `2014/06` as "June 2014" (`2014/00`: "2014").
fn month_name(date: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let Some((year, month)) = date.split_once('/') else {
        return date.to_owned();
    };
    match month.parse::<usize>() {
        Ok(0) => year.to_owned(),
        Ok(m) => MONTHS
            .get(m.wrapping_sub(1))
            .map_or_else(|| date.to_owned(), |name| format!("{name} {year}")),
        Err(_) => date.to_owned(),
    }
}

fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect()
}

fn page(
    engine: &Engine,
    report: &Report,
    answers: &AnswerFile,
    tool: &Tool,
    public: Public,
    edition: Edition,
) -> Page {
    let checklist = engine.checklist();
    let fields = &report.tool;
    let mut page = Page {
        ll35: columns::FIELDS
            .iter()
            .map(|f| f.key)
            .chain([keys::REPORTED])
            .filter_map(|k| Some((k.to_owned(), fields.get(k)?.clone())))
            .collect(),
        ..Page::default()
    };
    for (label, value) in [
        ("Department", text_of(fields, "department")),
        ("First used", month_name(&text_of(fields, "date_use"))),
        ("Updated this year", text_of(fields, "updated")),
        ("Analysis type", text_of(fields, "analysis_type")),
        ("Computation type", text_of(fields, "computation_type")),
        ("Purpose type", text_of(fields, "purpose_type")),
        ("Population type", text_of(fields, "population_type")),
        (
            "Population: individuals",
            text_of(fields, "population_type_individual"),
        ),
        (
            "Population: other",
            text_of(fields, "population_type_other"),
        ),
        (
            "Identifying information",
            text_of(fields, "identifying_info"),
        ),
        ("Reported in", text_of(fields, keys::REPORTED)),
    ] {
        if !value.trim().is_empty() {
            page.summary.push((label.to_owned(), value));
        }
    }
    let section = |heading: &str, parts: &[(&str, &str)]| {
        let mut body = Vec::new();
        for (label, key) in parts {
            let text = text_of(fields, key);
            for (i, p) in paragraphs(&text).into_iter().enumerate() {
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
    let answer_view = |q: usize, answer: Option<&crate::answers::Answer>| {
        let question = checklist.questions.get(q);
        AnswerView {
            number: checklist.number(q).to_owned(),
            question: question.map_or_else(String::new, |q| plain(&q.text)),
            answer: answer
                .map_or("not answered", |a| a.value.as_str())
                .to_owned(),
            options: answer
                .map(|a| {
                    a.options
                        .iter()
                        .map(|o| {
                            question
                                .and_then(|q| q.options.as_ref())
                                .and_then(|list| list.choices.iter().find(|c| c.id.as_str() == o))
                                .map_or_else(|| o.clone(), |c| c.short_label().to_owned())
                        })
                        .collect()
                })
                .unwrap_or_default(),
            note: answer.and_then(|a| a.note.clone()).filter(|_| public.notes),
        }
    };
    if let Ok(outcome) = &report.outcome {
        for (d, det) in checklist.determinations.iter().enumerate() {
            let mut view = DeterminationView {
                id: det.id.value.clone(),
                number: format!("Question {}", det.number.as_str()),
                question: plain(&det.question),
                value: outcome
                    .determinations
                    .get(d)
                    .map_or("undetermined", |t| t.as_str())
                    .to_owned(),
                term: plain(&det.term),
                definition: plain(&det.definition),
                citation: plain(&det.citation),
                ..DeterminationView::default()
            };
            for reason in outcome.reasons.iter().filter(|r| r.determination == d) {
                match &reason.basis {
                    Basis::Answer { question, answer } => {
                        view.answers.push(answer_view(*question, answer.as_ref()));
                    }
                    Basis::Determination(e) => view.rests_on.push(format!(
                        "{}: {}",
                        checklist.label(*e),
                        outcome
                            .determinations
                            .get(*e)
                            .map_or("undetermined", |t| t.as_str())
                    )),
                }
            }
            page.determinations.push(view);
        }
    }
    if public.answers {
        page.answers = answers
            .answers
            .iter()
            .enumerate()
            .filter_map(|(q, a)| a.as_ref().map(|a| answer_view(q, Some(a))))
            .collect();
    } else {
        for d in &mut page.determinations {
            d.answers.clear();
        }
    }
    page.history = answers
        .stamps
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
    page.facets = facets(checklist, tool, answers, fields, edition, public);
    page
}

/// The facets a tool is listed under.
fn facets(
    checklist: &Checklist,
    tool: &Tool,
    answers: &AnswerFile,
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
        out.push(Facet {
            key: d.clone(),
            group: label.to_owned(),
            value: value.clone(),
            url: format!("browse/{}-{value}.html", safe_name(d, "d")),
        });
    }
    // The options ticked are answers: browsable only when answers are public.
    for (q, answer) in checklist
        .questions
        .iter()
        .zip(&answers.answers)
        .filter(|_| public.answers)
    {
        let (Some(list), Some(answer)) = (&q.options, answer) else {
            continue;
        };
        for id in &answer.options {
            if let Some(choice) = list.choices.iter().find(|c| c.id.as_str() == id) {
                out.push(Facet {
                    key: q.id.value.clone(),
                    group: format!(
                        "{} {}",
                        q.number.as_str(),
                        q.short
                            .as_ref()
                            .map_or_else(|| plain(&q.text), |s| s.value.clone())
                    ),
                    value: choice.short_label().to_owned(),
                    url: format!(
                        "browse/{}-{}.html",
                        safe_name(q.id.as_str(), "q"),
                        safe_name(id, "o")
                    ),
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
        let Some(field) = columns::by_key(key) else {
            continue;
        };
        let values = match fields.get(key) {
            Some(Value::Array(items)) => items
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect(),
            Some(Value::String(s)) => crate::tool::split_list(s, field.other_text(edition)),
            _ => Vec::new(),
        };
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
                url: format!(
                    "browse/{}-{}.html",
                    safe_name(key, "f"),
                    safe_name(&value, "v")
                ),
                value,
            });
        }
    }
    out
}
