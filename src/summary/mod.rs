//! The summary of an inventory as a whole: every tool of a set of answer files with its determinations, its
//! answers, its Local Law 35 fields and its compliance (what `check` finds, LL35
//! completeness, the checklist version it was answered under), and the summary per agency that
//! the policy office tracks. `report` renders it as a inventory summary (Markdown, JSON) and
//! as a public site; [`since`] compares it with an earlier one.

mod counts;
pub mod laws;
mod needs;
pub mod since;
mod tool;

pub use needs::Need;

pub use counts::{Counts, Tally};
use counts::{add, count_failing, failing_rules, merge_counts};
pub use tool::{Record, Tool, Withheld};

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::check;
use crate::classification::Classification;
use crate::engine::Truth;
use crate::error::{Diagnostic, Kind};
use crate::inventory::{Inventory, Read};
use crate::settings::Public;
use crate::text::identity;
use crate::text::safe_name;
use crate::tool::agencies;
use crate::tool::fields::{Edition, keys};
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
    /// The other built-in checklists, whose determinations are counted beside the
    /// inventory's own (`nyc-ll35-2022.algorithmic_tool` in the counts).
    pub other_laws: Vec<laws::LawInfo>,
    /// The LL35 edition of the site's download and completeness.
    pub edition: Edition,
    /// Per agency, by agency name.
    pub agencies: Vec<AgencySummary>,
    /// In total.
    pub totals: Counts,
    /// The day it was made (`YYYY-MM-DD`): "as of".
    pub made: String,
    /// The latest year, up to this one, any tool was reported in (the reporting year the
    /// summary speaks of), if any.
    pub reporting_year: Option<u16>,
    /// Answer files that could not be read (counted in the totals' failing files only).
    pub unreadable: usize,
    /// Every tool that is not withheld, by agency then name (the JSON lists them with their
    /// page's address: [`crate::render::summary::json`]).
    #[serde(skip)]
    pub tools: Vec<Tool>,
    /// What the maintainers should know (derived ids, duplicate ids); not part of the JSON.
    #[serde(skip)]
    pub warnings: Vec<Diagnostic>,
    /// Who the withheld tools are, so that nothing made from this summary names one (a tool
    /// withheld since a previous report is counted, not listed); not part of the JSON.
    #[serde(skip)]
    pub withheld: Withheld,
    /// The Local Law 35 settings in force (edition, which tools report, what each must
    /// have); not part of the JSON.
    #[serde(skip)]
    pub ll35: crate::settings::Ll35,
    /// What the public site shows; not part of the JSON.
    #[serde(skip)]
    pub public: Public,
    /// The year it was made (the inventory's clock); not part of the JSON.
    #[serde(skip)]
    pub year: u16,
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
        other_laws: laws::infos(engine),
        edition: ll35.edition,
        agencies: Vec::new(),
        totals: Counts::default(),
        made: inventory_.now.date().to_owned(),
        reporting_year: None,
        unreadable: 0,
        tools: Vec::new(),
        warnings: Vec::new(),
        withheld: Withheld::default(),
        ll35: ll35.clone(),
        public,
        year: inventory_.now.month().0,
        date: inventory_.now.date().to_owned(),
        entries: Vec::new(),
    };
    let mut checker = check::Checker::new(inventory_);
    let mut agencies: BTreeMap<String, AgencySummary> = BTreeMap::new();
    // Page names given so far (without case), with the agency identity each names.
    let mut pages: HashMap<String, String> = HashMap::new();
    let mut ids: HashMap<String, String> = HashMap::new();
    // Ids given in files come first: an id made from agency and name never takes the address
    // of a tool whose file gives that id, whatever the order of the files.
    let stored: HashMap<String, String> = files
        .iter()
        .filter_map(|r| r.file.as_ref().ok())
        .filter(|f| !crate::tool::withheld(&f.tool).is_withheld())
        .filter_map(|f| match crate::tool::identity::id(&f.tool) {
            Id::Stored(id) => Some((id.to_ascii_lowercase(), f.file.clone())),
            _ => None,
        })
        .collect();
    for read in files {
        let (report, answers) = match read.file {
            Ok(file) => {
                let answers = file.clone();
                (Classification::evaluate(engine, file), Some(answers))
            }
            Err(errors) => (
                Classification::failed(&read.name, crate::error::Diagnostics(errors)),
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
        // Agencies are grouped by their whole identity (FDNY is the Fire Department), never
        // by a shortened or ASCII-only page name; two that share a page name get pages apart.
        let identity_key = agencies::match_key(&agency);
        let summary = agencies.entry(identity_key.clone()).or_insert_with(|| {
            let mut page = agency_key(&agency);
            if let Some(other) = pages.get(&page.to_ascii_lowercase())
                && *other != identity_key
            {
                let hash = crate::checklist::sha256_hex(&identity_key);
                page = format!("{page}-{}", hash.get(..8).unwrap_or(&hash));
            }
            pages.insert(page.to_ascii_lowercase(), identity_key.clone());
            AgencySummary {
                agency: agency_name(&agency),
                short: agencies::lookup(&agency)
                    .map_or_else(|| agency.clone(), |a| a.abbreviation.to_owned()),
                key: page,
                counts: Counts::default(),
            }
        });
        let key = summary.key.clone();
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
            inventory.withheld.ids.insert(
                crate::tool::identity::id(&report.tool)
                    .as_str()
                    .to_ascii_lowercase(),
            );
            if let Some(key) = crate::tool::ToolKey::of_fields(&report.tool) {
                inventory.withheld.keys.insert(key);
            }
            continue;
        }
        let determinations: Vec<(String, Truth)> =
            result.determinations.clone().unwrap_or_default();
        // The reporting scope may name another law's determination too.
        let scoped = report
            .outcome
            .as_ref()
            .map(|o| o.named_with_also(checklist))
            .unwrap_or_default();
        let ll35_in_scope = ll35.scope.includes(&scoped).is_ok();
        let ll35_complete = ll35_in_scope && ll35.missing(&report.tool).next().is_none();
        let found = crate::tool::identity::id(&report.tool);
        let tool_key = crate::tool::ToolKey::of_fields(&report.tool);
        let id = unique_id(
            found.as_str().to_owned(),
            (&report.file, tool_key.as_ref()),
            (!matches!(found, Id::Stored(_))).then_some(&stored),
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
        let stale = answers.answered_elsewhere(checklist).is_some();
        let reviewed = answers
            .stamp()
            .and_then(|s| s.at.get(..10).map(str::to_owned));
        inventory.entries.push(crate::ll35::export::Entry::new(
            report.file.clone(),
            report.tool.clone(),
            &answers.stamps,
            scoped,
        ));
        let assessment = report
            .outcome
            .as_ref()
            .map_or(crate::classification::Assessment::NotStarted, |o| {
                o.assessment()
            });
        // Each year's report is held once, by the LL35 entry above (the export needs it); the
        // page needs only the timeline made of it.
        let timeline = crate::tool::timeline::timeline(&report.tool);
        let failing = failing_rules(&result);
        let needs = needs::needs(
            checklist,
            &report,
            assessment,
            (&failing, stale),
            ll35_in_scope.then(|| {
                ll35.missing(&report.tool)
                    .map(|(what, _)| what.clone())
                    .collect()
            }),
        );
        let mut report = report;
        report.tool.remove(keys::REPORTS);
        let laws = report
            .outcome
            .as_ref()
            .map(laws::laws_of)
            .unwrap_or_default();
        let tool = Tool {
            id,
            laws,
            assessment,
            timeline,
            needs,
            retired: crate::tool::retired(&report.tool).map(|(y, m)| format!("{y}/{m:02}")),
            file: report.file.clone(),
            agency: agency.clone(),
            agency_name: agency_name(&agency),
            agency_key: key,
            name: report.tool_field("name").unwrap_or("").to_owned(),
            description: report.tool_field("description").unwrap_or("").to_owned(),
            determinations,
            answers: checklist
                .questions
                .iter()
                .zip(&answers.answers)
                .filter_map(|(q, a)| {
                    Some((q.id.value.clone(), a.as_ref()?.value.as_str().to_owned()))
                })
                .collect(),
            ll35_in_scope,
            ll35_complete,
            failing,
            stale,
            reviewed,
            record: Record {
                answers: answers.answers,
                stamps: answers.stamps,
                report,
            },
        };
        add(&mut summary.counts, &tool, &inventory.other_laws);
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
    inventory.reporting_year = crate::ll35::export::latest_year(&inventory.entries, inventory.year);
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
    (file, key): (&str, Option<&crate::tool::ToolKey>),
    reserved: Option<&HashMap<String, String>>,
    ids: &mut HashMap<String, String>,
    warnings: &mut Vec<Diagnostic>,
) -> String {
    // Compared without case: `DUP.html` and `dup.html` are one file on macOS and Windows.
    let lower = id.to_ascii_lowercase();
    let taken = ids
        .get(&lower)
        .or_else(|| reserved.and_then(|r| r.get(&lower)))
        .cloned();
    if let Some(first) = taken {
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
