//! `adscheck report`: the inventory summary, progress between inventories, and the public
//! site, checked as files and in a real browser (Debian's Chromium through puppeteer-core,
//! with axe-core: tests/browser/).

use crate::support::copy_tree as copy;
use std::path::{Path, PathBuf};

use std::process::Command;

use crate::support::Ran;

use crate::support::walk;

fn adscheck(dir: &Path, args: &[&str]) -> Ran {
    crate::support::adscheck(args).at(dir).run()
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A copy of the example directory (twenty invented tools) in a fresh folder.
fn directory() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy(&root().join("examples/directory"), &dir.path().join("inv"));
    dir
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn the_summary_counts_per_agency_and_in_total() {
    let dir = directory();
    let r = adscheck(dir.path(), &["report", "inv"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr.clone());
    let md = r.stdout.clone();
    assert!(md.starts_with("# Inventory summary\n"), "{md}");
    assert!(md.contains("20 tools of 13 agencies"), "{md}");
    // FDNY: two tools, both ADS and Agency ADS.
    assert!(
        md.contains("| Fire Department (FDNY) | 2 | 2 / 0 / 0 / 0 | 2 / 0 / 0 / 0 |"),
        "{md}"
    );
    assert!(
        md.contains("| **Total** | 20 | 17 / 2 / 1 / 0 | 9 / 7 / 4 / 0 |"),
        "{md}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&adscheck(dir.path(), &["report", "inv", "-f", "json"]).stdout)
            .unwrap();
    assert_eq!(json["totals"]["tools"], 20);
    assert_eq!(json["tools"].as_array().unwrap().len(), 20);
    let tool = &json["tools"][0];
    for key in ["id", "agency", "name", "determinations", "answers", "url"] {
        assert!(!tool[key].is_null(), "{key}: {tool}");
    }
    // Contacts and the names in stamps are not in the report.
    let all = json.to_string();
    assert!(!all.contains("example-contact@"), "contact leaked");
    assert!(!all.contains("Example Analyst"), "stamp name leaked");
}

#[test]
fn since_shows_what_changed_and_why() {
    let dir = directory();
    let before = adscheck(dir.path(), &["report", "inv", "-f", "json"]);
    std::fs::write(dir.path().join("before.json"), &before.stdout).unwrap();
    // Answers change: the bus planner's (2)(b) is decided; the rat map is removed; a tool is
    // added; an agency's LL35 fields become complete or not.
    let bus = dir.path().join("inv/DOE/bus-route-planner.yaml");
    let yaml = read(&bus).replace(
        "  2b:\n    answer: unsure\n    note: \"Pick-up times affect families; the committee has not decided if this is material.\"\n",
        "  2b: {answer: yes, options: [subject_to_program]}\n",
    );
    assert!(yaml.contains("2b: {answer: yes"), "{yaml}");
    std::fs::write(&bus, yaml).unwrap();
    std::fs::remove_file(dir.path().join("inv/DOHMH/rat-sighting-map.yaml")).unwrap();
    let tlc = dir.path().join("inv/TLC/driver-license-renewal-check.yaml");
    let yaml = read(&tlc).replace("  data_output: \"Pass, or refer to an examiner.\"\n", "");
    std::fs::write(&tlc, yaml).unwrap();
    std::fs::write(
        dir.path().join("inv/DOT/new.yaml"),
        "tool: {id: dot-new, name: New tool, agency: Department of Transportation}\nanswers: {1a: no}\n",
    )
    .unwrap();
    let r = adscheck(dir.path(), &["report", "inv", "--since", "before.json"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr.clone());
    let md = r.stdout.clone();
    for expected in [
        "- Tools added: 1\n  - New tool (Department of Transportation, `dot-new`)",
        "- Tools removed: 1\n  - Rat sighting map (Department of Health and Mental Hygiene, `dohmh-rat-sighting-map`)",
        "  - School bus route planner (Department of Education): Agency ADS undetermined → yes; because 2b unsure → yes",
        "  - Taxi and Limousine Commission (TLC): 1 of 1 → 0 of 1 (fell)",
        // What it is compared with, and as of when.
        "## Since the previous report (before.json, made 20",
        "As of 20",
        // The totals, before and now: the rat map (Agency ADS no) removed, a "no" added, the
        // bus planner decided.
        "| Tools | 20 | 20 |",
        "| Agency ADS yes / no / undetermined / not yet assessed | 9 / 7 / 4 / 0 | 10 / 7 / 3 / 0 |",
    ] {
        assert!(md.contains(expected), "{expected}\n{md}");
    }
    let json: serde_json::Value = serde_json::from_str(
        &adscheck(
            dir.path(),
            &["report", "inv", "-f", "json", "--since", "before.json"],
        )
        .stdout,
    )
    .unwrap();
    assert_eq!(json["since"]["changed"][0]["id"], "doe-bus-route-planner");
    // Not a previous report: refused, naming the file.
    std::fs::write(dir.path().join("bad.json"), "{\"x\": 1}").unwrap();
    let r = adscheck(dir.path(), &["report", "inv", "--since", "bad.json"]);
    assert_eq!(r.code, Some(2));
    assert!(
        r.stderr.clone().contains(
            "bad.json:1:8: error[syntax]: not a previous `adscheck report --format json`"
        ),
        "{}",
        r.stderr.clone()
    );
}

#[test]
fn the_site_has_a_page_per_tool_and_agency_and_escapes_every_value() {
    let dir = directory();
    // A hostile tool: markup in its name, description and note.
    std::fs::write(
        dir.path().join("inv/DOT/hostile.yaml"),
        "tool:\n  id: dot-hostile\n  name: \"<script>alert(1)</script>\"\n  agency: Department of Transportation\n  description: \"<img src=x onerror=alert(2)> & more\"\n  contact: secret@example.nyc.gov\nanswers:\n  1a: {answer: no, note: \"</p><b>bold</b>\"}\n",
    )
    .unwrap();
    let r = adscheck(dir.path(), &["report", "inv", "--out", "site"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr.clone());
    assert!(
        r.stderr.clone().contains("21 tools of 13 agencies"),
        "{}",
        r.stderr.clone()
    );
    let site = dir.path().join("site");
    assert!(site.join(".adscheck-site").is_file());
    let page = read(&site.join("tools/dot-hostile.html"));
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt;"),
        "{page}"
    );
    assert!(!page.contains("<script>alert"), "{page}");
    assert!(!page.contains("<img src=x"), "{page}");
    assert!(page.contains("&lt;&#x2f;p&gt;&lt;b&gt;bold"), "{page}");
    for file in walk(&site) {
        let content = std::fs::read(&file).unwrap();
        let content = String::from_utf8_lossy(&content);
        assert!(
            !content.contains("secret@example.nyc.gov"),
            "{}",
            file.display()
        );
        assert!(!content.contains("Example Analyst"), "{}", file.display());
        // Nothing is fetched from elsewhere at view time.
        if file.extension().is_some_and(|e| e == "html") {
            assert!(
                !content.contains("http://") && !content.contains("https://"),
                "{}",
                file.display()
            );
        }
    }
    // The search index is a script of JSON: the name is data, not markup.
    let index = read(&site.join("assets/search-index.js"));
    assert!(index.starts_with("window.ADSCHECK_INDEX = {"), "{index}");
    assert!(index.contains("\"<script>alert(1)</script>\""), "{index}");
    // Pages: index, agencies, tools, facets, downloads.
    let fdny = read(&site.join("agencies/fdny.html"));
    assert!(
        fdny.contains("Building fire risk model") && fdny.contains("EMS call priority codes"),
        "{fdny}"
    );
    assert!(!fdny.contains("Rat sighting map"));
    let tool = read(&site.join("tools/fdny-building-fire-risk-model.html"));
    for expected in [
        "Tool Description",
        "Scores buildings by fire risk to prioritise inspections.",
        "First used</th><td>June 2014",
        "Question 1: Is the tool or program an &quot;automated decision system&quot; (ADS)?",
        "Question #2: Does the ADS constitute an &quot;Agency ADS&quot;?",
        "Local Law 49 of 2018",
        "Inspectors&#x27; routes are built from the ranked list.",
        "answered on 2024-11-20, under nyc-ll49-2018 version 1.1.0",
    ] {
        assert!(tool.contains(expected), "{expected}\n{tool}");
    }
    let facet = read(&site.join("browse/agency-ads-undetermined.html"));
    assert!(
        facet.contains("4 tools are listed under Agency ADS: undetermined."),
        "{facet}"
    );
    let csv = read(&site.join("downloads/ll35-2024-edition-2024.csv"));
    assert!(
        csv.starts_with("\u{feff}year,agency,department,tool_name,"),
        "{csv}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&read(&site.join("downloads/tools.json"))).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 21);
}

#[test]
fn a_folder_adscheck_did_not_build_is_never_replaced() {
    let dir = directory();
    std::fs::create_dir(dir.path().join("mine")).unwrap();
    std::fs::write(dir.path().join("mine/notes.txt"), "keep").unwrap();
    let r = adscheck(dir.path(), &["report", "inv", "--out", "mine"]);
    assert_eq!(r.code, Some(2));
    assert!(
        r.stderr
            .clone()
            .contains("mine: error[not-allowed]: exists and is not a site adscheck built"),
        "{}",
        r.stderr.clone()
    );
    assert_eq!(read(&dir.path().join("mine/notes.txt")), "keep");
    // A site adscheck built is replaced whole: a file left in it goes.
    assert!(adscheck(dir.path(), &["report", "inv", "--out", "site"]).code == Some(0));
    std::fs::write(dir.path().join("site/stale.html"), "old").unwrap();
    assert!(adscheck(dir.path(), &["report", "inv", "--out", "site"]).code == Some(0));
    assert!(!dir.path().join("site/stale.html").exists());
    assert!(dir.path().join("site/index.html").is_file());
    // No staging or old folder is left beside it.
    let beside: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("adscheck-"))
        .collect();
    assert!(beside.is_empty(), "{beside:?}");
    // --force replaces a folder adscheck did not build.
    let r = adscheck(dir.path(), &["report", "inv", "--out", "mine", "--force"]);
    assert!(r.code == Some(0), "{}", r.stderr.clone());
    assert!(!dir.path().join("mine/notes.txt").exists());
}

#[test]
fn what_is_public_is_a_setting() {
    let dir = directory();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    std::fs::write(
        dir.path().join(".adscheck.yaml"),
        "report:\n  title: City tools\n  public: {answers: false, notes: false, dates: false}\n",
    )
    .unwrap();
    assert!(adscheck(dir.path(), &["report", "inv", "--out", "site"]).code == Some(0));
    let tool = read(
        &dir.path()
            .join("site/tools/fdny-building-fire-risk-model.html"),
    );
    assert!(
        tool.contains("<title>Building fire risk model · City tools</title>"),
        "{tool}"
    );
    assert!(
        !tool.contains("Inspectors&#x27; routes"),
        "a note is shown:\n{tool}"
    );
    assert!(!tool.contains("Every answer"), "{tool}");
    assert!(!tool.contains("2024-11-20"), "{tool}");
    // The determinations and LL35 fields are always shown.
    assert!(tool.contains("Scores buildings by fire risk"), "{tool}");
    // A withheld tool has no page, and is counted on its agency's page only.
    let fire = dir.path().join("inv/FDNY/ems-dispatch-priority.yaml");
    let yaml = read(&fire).replace(
        "  name: ",
        "  withheld: \"Disclosure would endanger public safety\"\n  name: ",
    );
    std::fs::write(&fire, yaml).unwrap();
    assert!(adscheck(dir.path(), &["report", "inv", "--out", "site"]).code == Some(0));
    // Its address, published by the build before, keeps a page that says only that the tool
    // is no longer listed: nothing of the tool.
    let gone = read(
        &dir.path()
            .join("site/tools/fdny-ems-dispatch-priority.html"),
    );
    assert!(gone.contains("<h1>No longer listed</h1>"), "{gone}");
    for word in ["EMS", "dispatch", "Dispatch", "endanger", "withheld"] {
        assert!(!gone.contains(word), "{word}: {gone}");
    }
    let fdny = read(&dir.path().join("site/agencies/fdny.html"));
    assert!(
        fdny.contains("and 1 withheld from this directory"),
        "{fdny}"
    );
    assert!(!fdny.contains("EMS call priority"), "{fdny}");
}

/// What the browser check needs: node, the npm packages under tests/browser, Chromium.
fn browser() -> Option<(PathBuf, PathBuf)> {
    let chromium = std::env::var_os("CHROMIUM").map(PathBuf::from).or_else(|| {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
            .iter()
            .map(PathBuf::from)
            .find(|p| p.is_file())
    });
    let node = Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    let modules = root()
        .join("tests/browser/node_modules/puppeteer-core")
        .is_dir()
        && root().join("tests/browser/node_modules/axe-core").is_dir();
    match (chromium, node, modules) {
        (Some(chromium), true, true) => Some((chromium, root().join("tests/browser/check.mjs"))),
        (chromium, node, modules) => {
            let why = format!(
                "the browser test needs Chromium ({}), node ({}) and tests/browser/node_modules ({}): run `bash .ci/setup`",
                if chromium.is_some() {
                    "found"
                } else {
                    "missing"
                },
                if node { "found" } else { "missing" },
                if modules { "found" } else { "missing" }
            );
            assert!(std::env::var_os("CI").is_none(), "CI is set, and {why}");
            eprintln!("skipping: {why}");
            None
        }
    }
}

#[test]
fn the_site_in_a_real_browser_is_right_accessible_and_printable() {
    let Some((chromium, script)) = browser() else {
        return;
    };
    let dir = directory();
    let r = adscheck(dir.path(), &["report", "inv", "--out", "site"]);
    assert!(r.code == Some(0), "{}", r.stderr.clone());
    // Screenshots and the PDF are kept as the test's artefacts.
    // Under the cargo target directory in use (`CARGO_TARGET_DIR`, a config's `target-dir`):
    // the one that holds the binary under test.
    let artifacts = PathBuf::from(env!("CARGO_BIN_EXE_adscheck"))
        .ancestors()
        .nth(2)
        .unwrap()
        .join("site-artifacts");
    let _ = std::fs::remove_dir_all(&artifacts);
    // The report page must print every tool of the year's table: their names, from the CSV.
    let table = std::fs::read_dir(dir.path().join("site/downloads"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("ll35-")
        })
        .unwrap();
    let text = read(&table);
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let name_at = reader
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "tool_name")
        .unwrap();
    let reported: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[name_at].to_owned())
        .collect();
    assert!(reported.len() > 5, "{reported:?}");
    let spec = serde_json::json!({
        "pdfs": [{"path": "report.html", "texts": reported, "min_pages": 1 + 9, "header": "Local Law 35 report, 2024"}],
        // Issue 27: no word of a tool's fields is broken at 320 px ("Risk managem|ent").
        // Every table, and the charts' labels (at 12 px at least: they are the page's text).
        "words_whole_at_320": [
            {"path": "tools/acs-case-severity-model.html", "selector": "table.facts td, table.facts th"},
            {"path": "index.html", "selector": "table td, table th"},
            {"path": "index.html", "selector": ".chart .bar-label, .chart .bar-total", "min_font": 12},
            {"path": "report.html", "selector": "table td, table th"},
            {"path": "downloads/dictionary.html", "selector": "table td, table th"},
            {"path": "agencies/fdny.html", "selector": "table td, table th"},
            {"path": "browse/agency-ads-undetermined.html", "selector": "table td, table th"}
        ],
        // Issue 27: two filters combine, from a shareable address.
        "filters": {"query": "?agency=fdny&agency_ads=yes", "rows": 2, "status": "2 of 20 tools match"},
        // An item ticked of (1)(c) and a coded field of the LL35 table combine too, and agree
        // with their browse pages.
        "filters_combined": {
            "query": "?1c=1c-allocating-resources&population-type=population-type-individuals",
            "pages": ["browse/1c-allocating-resources.html", "browse/population-type-individuals.html"]
        },
        "site": dir.path().join("site"),
        "artifacts": artifacts,
        "chromium": chromium,
        "pages": [
            {"path": "index.html", "texts": ["20 tools of 13 agencies", "Agency ADS: 9 yes, 7 no, 4 undetermined", "Case severity model", "Website machine translation"]},
            {"path": "agencies/fdny.html", "texts": ["Fire Department (FDNY)", "Building fire risk model", "EMS call priority codes", "Agency ADS: 2 yes, 0 no, 0 undetermined"], "absent": ["Rat sighting map"]},
            {"path": "tools/acs-case-severity-model.html", "texts": ["Case severity model", "Tool Purpose", "Focus supervisory review on the most severe cases.", "Decided by:", "A flag adds a review step for the family's case."]},
            {"path": "browse/index.html", "texts": ["Agency ADS", "Purpose type"]},
            {"path": "agencies/index.html", "texts": ["Fire Department (FDNY)", "Taxi and Limousine Commission"]},
            {"path": "browse/agency-ads-undetermined.html", "texts": ["Housing Preservation"]},
            {"path": "downloads/index.html", "texts": ["Local Law 35 table for 2024", "Atom feed", "Terms of use, from this directory's publisher", "Data dictionary"]},
            {"path": "changes.html", "texts": ["What changed", "Building fire risk model: 2024's report changed", "Overtime tally spreadsheet: retired in 2025/03"]},
            {"path": "tools/fdny-building-fire-risk-model.html", "texts": ["Reported years", "What changed in 2024's report from the year before", "Under other laws", "Legal definition: Algorithmic tool", "Legal definition: Automated decision-making tool"]},
            // Issue 26: the tools whose laws differ, each law's determination with its reasons.
            {"path": "laws.html", "texts": ["Where the laws differ", "Rat sighting map", "ADM tool", "Heat complaint prioritization", "Algorithmic tool"], "absent": ["Building fire risk model"]},
            // Issue 27: what the directory is, in the laws' words; a record to cite and ask about.
            {"path": "about.html", "texts": ["About this directory", "Legal definition: Algorithmic tool", "not yet assessed"]},
            {"path": "report.html", "texts": ["Local Law 35 report, 2024", "Case severity model", "Data Analyzed", "Vendor Information"]},
            {"path": "tools/dot-signal-timing-optimizer.html", "texts": ["Suggested citation", "Ask about or report a problem with this record"]},
            {"path": "downloads/dictionary.html", "texts": ["Data dictionary", "nyc-ll35-2022.algorithmic_tool", "computation_type"]}
        ],
        "search": {"query": "rat", "expect": "Rat sighting map", "not": "Case severity model"},
        // Issue 27: a coded value finds its tools, and the results show the determinations.
        "searches": [{"query": "scoring", "expect": "Case severity model (Administration for Children's Services (ACS)): ADS: yes; Agency ADS: yes", "not": "Rat sighting map"}]
    });
    let spec_path = dir.path().join("spec.json");
    std::fs::write(&spec_path, spec.to_string()).unwrap();
    let output = Command::new("node")
        .arg(&script)
        .arg(&spec_path)
        .current_dir(root().join("tests/browser"))
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "{report}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: serde_json::Value = serde_json::from_str(&report).unwrap();
    // Printed, the report has a title page and each agency from a page of its own.
    let printed = &report["pdfs"][0];
    assert!(printed["pages"].as_u64().unwrap() >= 10, "{printed}");
    for page in report["pages"].as_array().unwrap() {
        assert_eq!(page["violations"], serde_json::json!([]), "{page}");
        assert!(page["axe_passes"].as_u64().unwrap() > 10, "{page}");
        assert_eq!(page["overflow_at_320"], 0, "{page}");
    }
    assert!(
        report["pdf"]["bytes"].as_u64().unwrap() > 10_000,
        "{report}"
    );
    for shot in [
        "index-1280.png",
        "index-375.png",
        "tools-acs-case-severity-model-375.png",
    ] {
        assert!(artifacts.join(shot).is_file(), "{shot}");
    }
}

#[test]
fn the_site_never_replaces_or_lives_in_the_inventory() {
    let dir = directory();
    let files = walk(&dir.path().join("inv")).len();
    for out in ["inv", ".", "inv/site"] {
        let r = adscheck(dir.path(), &["report", "inv", "--out", out, "--force"]);
        assert_eq!(r.code, Some(2), "{out}");
        let err = r.stderr.clone();
        assert!(
            err.contains("holds an input of this run")
                || err.contains("is an input of this run")
                || err.contains("is inside the inventory"),
            "{out}: {err}"
        );
    }
    assert_eq!(
        walk(&dir.path().join("inv")).len(),
        files,
        "the inventory is intact"
    );
}

#[test]
fn a_file_that_cannot_be_read_stops_the_site_not_the_summary() {
    let dir = directory();
    std::fs::write(dir.path().join("inv/DOT/broken.yaml"), "tool: [unclosed\n").unwrap();
    let r = adscheck(dir.path(), &["report", "inv", "--out", "site"]);
    assert_eq!(r.code, Some(1));
    assert!(
        r.stderr
            .clone()
            .contains("the site is not built: 1 file could not be read"),
        "{}",
        r.stderr.clone()
    );
    assert!(!dir.path().join("site").exists());
    // Asked for with -f, the summary is written even so.
    let r = adscheck(
        dir.path(),
        &["report", "inv", "--out", "site", "-f", "markdown"],
    );
    assert_eq!(r.code, Some(1));
    assert!(
        r.stdout.clone().starts_with("# Inventory summary"),
        "{}",
        r.stdout.clone()
    );
    assert!(!dir.path().join("site").exists());
    let r = adscheck(dir.path(), &["report", "inv"]);
    assert_eq!(r.code, Some(1));
    let md = r.stdout.clone();
    // No phantom agency for the broken file; it counts as failing in the total.
    assert!(md.contains("20 tools of 13 agencies"), "{md}");
    assert!(!md.contains("(no agency)"), "{md}");
}

#[test]
fn page_names_never_collide() {
    let dir = directory();
    let write =
        |name: &str, yaml: &str| std::fs::write(dir.path().join("inv").join(name), yaml).unwrap();
    write(
        "a.yaml",
        "tool: {id: DUP, name: A, agency: Index, purpose_type: [Triage]}\nanswers: {1a: no}\n",
    );
    write(
        "b.yaml",
        "tool: {id: dup, name: B, agency: Index, purpose_type: [\"triage \"]}\nanswers: {1a: no}\n",
    );
    write(
        "c.yaml",
        "tool: {id: con, name: \"C\\u202egnp.exe\", agency: Index}\nanswers: {1a: no}\n",
    );
    let r = adscheck(dir.path(), &["report", "inv", "--out", "site"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr.clone());
    let err = r.stderr.clone();
    assert!(err.contains("the id `dup` is also inv/a.yaml's"), "{err}");
    assert!(
        err.contains("`tool.id` \"con\" cannot name a page"),
        "{err}"
    );
    let site = dir.path().join("site");
    // The agency named "Index" has a page of its own; the list of agencies is kept.
    assert!(read(&site.join("agencies/index-agency.html")).contains("<h1>Index</h1>"));
    assert!(read(&site.join("agencies/index.html")).contains("<h1>Agencies</h1>"));
    // `Triage` and `triage ` are one value: its page lists every tool the index counts.
    let triage = read(&site.join("browse/purpose-type-triage.html"));
    assert!(triage.contains(">A<") && triage.contains(">B<"), "{triage}");
    let tools: Vec<String> = walk(&site.join("tools"))
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().to_lowercase())
        .collect();
    let mut unique = tools.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), tools.len(), "{tools:?}");
    assert!(!tools.contains(&"con.html".to_owned()), "{tools:?}");
    // A bidirectional override is shown, not obeyed.
    let c = read(&site.join("tools/index-cgnp-exe.html"));
    assert!(
        c.contains("C\\u{202e}gnp.exe") && !c.contains('\u{202e}'),
        "{c}"
    );
}

#[test]
fn answers_kept_private_are_not_browsable_either() {
    let dir = directory();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    std::fs::write(
        dir.path().join(".adscheck.yaml"),
        "report: {public: {answers: false}}\n",
    )
    .unwrap();
    assert!(adscheck(dir.path(), &["report", "inv", "--out", "site"]).code == Some(0));
    let site = dir.path().join("site");
    let pages: Vec<String> = walk(&site.join("browse"))
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert!(
        pages
            .iter()
            .all(|p| !p.starts_with("1a-") && !p.starts_with("1c-") && !p.starts_with("2b-")),
        "{pages:?}"
    );
    assert!(
        pages.contains(&"agency-ads-yes.html".to_owned()),
        "{pages:?}"
    );
    let tool = read(&site.join("tools/acs-case-severity-model.html"));
    assert!(!tool.contains("Ticked"), "{tool}");
    assert!(
        !tool.contains("Furthering civil and criminal law enforcement"),
        "{tool}"
    );
}

#[test]
fn since_refuses_values_no_report_writes() {
    let dir = directory();
    let before = adscheck(dir.path(), &["report", "inv", "-f", "json"]);
    let mut json: serde_json::Value = serde_json::from_str(&before.stdout).unwrap();
    json["tools"][0]["answers"]["1a"] = "\u{1b}]0;pwned\u{7}".into();
    let hostile = json.to_string();
    std::fs::write(dir.path().join("before.json"), hostile).unwrap();
    let r = adscheck(dir.path(), &["report", "inv", "--since", "before.json"]);
    assert_eq!(r.code, Some(2));
    let err = r.stderr.clone();
    assert!(err.contains("which no report writes"), "{err}");
    assert!(!err.contains('\u{1b}'), "{err:?}");
    let r = adscheck(dir.path(), &["report", "inv", "--since", "inv"]);
    assert_eq!(r.code, Some(2));
    assert!(
        r.stderr
            .clone()
            .contains("it is a folder, not a previous report"),
        "{}",
        r.stderr.clone()
    );
}

#[test]
fn ll35_completeness_counts_the_tools_the_settings_say_must_report() {
    let dir = directory();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    let totals = |dir: &Path| {
        let r = adscheck(dir, &["report", "inv", "-f", "json"]);
        let json: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
        json["totals"].clone()
    };
    // By default Agency ADS yes or undetermined must report: 9 + 4.
    assert_eq!(totals(dir.path())["ll35_in_scope"], 13);
    // Only yes: 9, and no undetermined tool counts as complete.
    std::fs::write(
        dir.path().join(".adscheck.yaml"),
        "ll35: {report: {agency_ads: [yes]}}\n",
    )
    .unwrap();
    let t = totals(dir.path());
    assert_eq!(t["ll35_in_scope"], 9, "{t}");
    assert!(t["ll35_complete"].as_u64().unwrap() <= 9, "{t}");
}

/// The publisher's notice (`report: notice:`) stands at the top of every page: the example
/// directory's says its tools are invented, so no page of it passes for an agency's record.
#[test]
fn the_publishers_notice_is_on_every_page() {
    let (out, ran) = crate::support::example_site(None);
    ran.code(0);
    let pages: Vec<_> = walk(&out.path().join("site"))
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    assert!(pages.len() > 40, "{} pages", pages.len());
    for page in pages {
        let html = read(&page);
        let notice = html
            .find("class=\"notice\"")
            .unwrap_or_else(|| panic!("{}", page.display()));
        assert!(
            html[notice..]
                .contains("invented examples for adscheck, not any agency&#x27;s records"),
            "{}",
            page.display()
        );
        // Before the page's own content: right after the main landmark opens.
        assert!(notice > html.find("<main").unwrap(), "{}", page.display());
        assert!(notice < html.find("<h1").unwrap(), "{}", page.display());
    }
}

/// A report written before the reporting scope was named as one (`ll35_due`) still serves
/// `--since`: its counts are read, and progress is measured against them.
#[test]
fn a_report_that_says_ll35_due_still_serves_since() {
    let dir = directory();
    let before = adscheck(dir.path(), &["report", "inv", "-f", "json"]);
    assert_eq!(before.code, Some(0));
    assert!(before.stdout.contains("\"ll35_in_scope\""));
    assert!(!before.stdout.contains("ll35_due"));
    // One tool fewer in scope's complete count: its data_output removed.
    let old = before.stdout.replace("\"ll35_in_scope\"", "\"ll35_due\"");
    std::fs::write(dir.path().join("old.json"), old).unwrap();
    let tlc = dir.path().join("inv/TLC/driver-license-renewal-check.yaml");
    let yaml = read(&tlc).replace("  data_output: \"Pass, or refer to an examiner.\"\n", "");
    std::fs::write(&tlc, yaml).unwrap();
    let r = adscheck(
        dir.path(),
        &["report", "inv", "-f", "json", "--since", "old.json"],
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let json: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    // The old report's scope count read under its old name: 13 in scope before, not 0.
    assert_eq!(
        json["since"]["totals"][0]["ll35_in_scope"], 13,
        "{}",
        json["since"]
    );
    let tlc = &json["since"]["completeness"][0];
    assert_eq!(tlc["agency"], "Taxi and Limousine Commission (TLC)");
    assert_eq!(tlc["before"], serde_json::json!([1, 1]));
    assert_eq!(tlc["after"], serde_json::json!([0, 1]));
}

/// Issue 24: an imported inventory nobody has answered reads "not yet assessed" on the site
/// and in the summary, never "undetermined".
#[test]
fn an_unanswered_inventory_reads_not_yet_assessed() {
    let dir = tempfile::tempdir().unwrap();
    let import = adscheck(
        dir.path(),
        &[
            "ll35",
            "import",
            crate::support::root()
                .join("examples/ll35/algorithmic-tools-2022-2023.csv")
                .to_str()
                .unwrap(),
            "--out",
            "inv",
        ],
    );
    assert_eq!(import.code, Some(0), "{}", import.stderr);
    let md = adscheck(dir.path(), &["report", "inv"]);
    assert!(
        md.stdout
            .contains("| **Total** | 4 | 0 / 0 / 0 / 4 | 0 / 0 / 0 / 4 |"),
        "{}",
        md.stdout
    );
    let json = adscheck(dir.path(), &["report", "inv", "-f", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    for tool in v["tools"].as_array().unwrap() {
        assert_eq!(tool["assessment"], "not started", "{tool}");
    }
    let built = adscheck(dir.path(), &["report", "inv", "--out", "site"]);
    assert_eq!(built.code, Some(0), "{}", built.stderr);
    let pages: Vec<PathBuf> = walk(&dir.path().join("site"))
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    let mut seen = 0;
    for page in &pages {
        let html = read(page);
        // The index's filters list every value one may choose, undetermined among them: they
        // are choices, not values of these tools.
        let html = match (html.find(r#"<form id="filters""#), html.find("</form>")) {
            (Some(a), Some(b)) if a < b => format!("{}{}", &html[..a], &html[b..]),
            _ => html,
        };
        // The word may stand in the form's own texts and adscheck's notes, never as a value.
        assert!(!html.contains("value-undetermined"), "{}", page.display());
        assert!(!html.contains(">undetermined</"), "{}", page.display());
        seen += html.matches("value-not-yet-assessed").count();
    }
    assert!(seen >= 4 * 2 * 2, "{seen}");
    assert!(
        dir.path()
            .join("site/browse/ads-not-yet-assessed.html")
            .is_file()
    );
}

/// Issue 24: each reported year stays, and the tool page and the summary's JSON say what
/// changed from one year's report to the next (a 2022 `data` text and a later `data_input`
/// compared as the same item).
#[test]
fn a_tool_page_shows_its_reported_years_and_what_changed() {
    let dir = tempfile::tempdir().unwrap();
    let table = crate::support::root().join("examples/ll35/algorithmic-tools-2022-2023.csv");
    let import = adscheck(
        dir.path(),
        &["ll35", "import", table.to_str().unwrap(), "--out", "inv"],
    );
    assert_eq!(import.code, Some(0), "{}", import.stderr);
    let json = adscheck(dir.path(), &["report", "inv", "-f", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let fire = v["tools"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "fdny-building-fire-risk-model")
        .unwrap();
    let timeline = fire["timeline"].as_array().unwrap();
    assert_eq!(timeline.len(), 2, "{fire}");
    assert_eq!(timeline[0]["year"], 2022);
    assert_eq!(timeline[0]["first"], true);
    let changed: Vec<&str> = timeline[1]["changed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["field"].as_str().unwrap())
        .collect();
    assert!(changed.contains(&"purpose"), "{changed:?}");
    assert!(changed.contains(&"data_input"), "{changed:?}");
    let purpose = timeline[1]["changed"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["field"] == "purpose")
        .unwrap();
    assert_eq!(
        purpose["before"],
        "Prioritise fire-safety inspections of buildings."
    );
    let built = adscheck(dir.path(), &["report", "inv", "--out", "site"]);
    assert_eq!(built.code, Some(0), "{}", built.stderr);
    let page = read(
        &dir.path()
            .join("site/tools/fdny-building-fire-risk-model.html"),
    );
    for expected in [
        "<h3 id=\"reported-years\">Reported years</h3>",
        "<h4>2023</h4>",
        "<caption>What changed in 2023's report from the year before</caption>",
        "<th scope=\"row\">Tool Purpose</th><td>Prioritise fire-safety inspections of buildings.</td>",
        "<h4>2022</h4>\n<p>The first year recorded.</p>",
    ] {
        assert!(page.contains(expected), "{expected}\n{page}");
    }
    // Newest first.
    assert!(page.find("<h4>2023</h4>") < page.find("<h4>2022</h4>"));
}

/// Issue 24: a retired tool stays listed at its address, saying since when; a tool once
/// published and then gone from the inventory keeps a page at its address that says it is no
/// longer listed, and nothing else, build after build, until it is listed again.
#[test]
fn retired_and_removed_tools_keep_their_addresses() {
    let dir = directory();
    let pothole = dir.path().join("inv/DOT/pothole-repair-queue.yaml");
    let signal = dir.path().join("inv/DOT/signal-timing-optimizer.yaml");
    let yaml = read(&signal).replacen("  name: ", "  retired: \"2025/06\"\n  name: ", 1);
    std::fs::write(&signal, yaml).unwrap();
    let build = |epoch: &str| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_adscheck"));
        cmd.args(["report", "inv", "--out", "site"])
            .current_dir(dir.path())
            .env("SOURCE_DATE_EPOCH", epoch);
        let out = cmd.output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    build("1796580756");
    let page = read(
        &dir.path()
            .join("site/tools/dot-signal-timing-optimizer.html"),
    );
    assert!(
        page.contains("<strong>Retired</strong> since June 2025"),
        "{page}"
    );
    let index = read(&dir.path().join("site/index.html"));
    assert!(index.contains("(retired 2025&#x2f;06)"), "{index}");
    // check names a retirement that is no month, or one in the future.
    let yaml = read(&signal).replace("retired: \"2025/06\"", "retired: \"June\"");
    std::fs::write(&signal, yaml).unwrap();
    let ran = adscheck(dir.path(), &["check", "inv/DOT"]);
    assert!(
        ran.stdout
            .contains("error[invalid-retired]: `tool.retired` is \"June\""),
        "{}",
        ran.stdout
    );
    let yaml = read(&signal).replace("retired: \"June\"", "retired: \"2025/06\"");
    std::fs::write(&signal, yaml).unwrap();

    let original = read(&pothole);
    std::fs::remove_file(&pothole).unwrap();
    build("1796601600");
    let gone = read(&dir.path().join("site/tools/dot-pothole-repair-queue.html"));
    assert!(gone.contains("<h1>No longer listed</h1>"), "{gone}");
    assert!(
        gone.contains("Since 2026-12-07, this directory no longer lists it."),
        "{gone}"
    );
    assert!(!gone.contains("Pothole"), "nothing else: {gone}");
    build("1796688000");
    let list = read(&dir.path().join("site/downloads/no-longer-listed.json"));
    assert!(
        list.contains("\"since\": \"2026-12-07\""),
        "the first day is kept: {list}"
    );
    std::fs::write(&pothole, original).unwrap();
    build("1796774400");
    assert!(read(&dir.path().join("site/tools/dot-pothole-repair-queue.html")).contains("Pothole"));
    assert_eq!(
        read(&dir.path().join("site/downloads/no-longer-listed.json")).trim(),
        "[]"
    );
}

/// Issue 24: the site's "What changed" page and its Atom feed: each change once, with a stable
/// id and date (a rebuild gives the same feed), well-formed XML however hostile the names, and
/// the determinations that changed when built --since a previous report.
#[test]
fn what_changed_is_a_page_and_a_valid_stable_feed() {
    use std::str::FromStr;
    let dir = directory();
    let before = adscheck(dir.path(), &["report", "inv", "-f", "json"]);
    std::fs::write(dir.path().join("before.json"), &before.stdout).unwrap();
    let bus = dir.path().join("inv/DOE/bus-route-planner.yaml");
    let yaml = read(&bus).replace(
        "  2b:\n    answer: unsure\n    note: \"Pick-up times affect families; the committee has not decided if this is material.\"\n",
        "  2b: {answer: yes, options: [subject_to_program]}\n",
    );
    std::fs::write(&bus, yaml).unwrap();
    // A hostile name: markup, an ampersand, a CDATA end and a control character.
    let signal = dir.path().join("inv/DOT/signal-timing-optimizer.yaml");
    let yaml = read(&signal).replacen(
        "  name: \"Traffic signal timing optimizer\"",
        "  name: \"<b>Signals</b> & ]]> \\u0007\"\n  retired: \"2025/01\"",
        1,
    );
    std::fs::write(&signal, yaml).unwrap();
    let build = || {
        let r = adscheck(
            dir.path(),
            &["report", "inv", "--out", "site", "--since", "before.json"],
        );
        assert_eq!(r.code, Some(0), "{}", r.stderr);
        read(&dir.path().join("site/changes.atom"))
    };
    let xml = build();
    let feed = atom_syndication::Feed::from_str(&xml).unwrap_or_else(|e| panic!("{e}\n{xml}"));
    let titles: Vec<&str> = feed.entries().iter().map(|e| e.title().as_str()).collect();
    for expected in [
        "Building fire risk model: 2024's report changed",
        "Building fire risk model: first reported in 2023",
        "Overtime tally spreadsheet: retired in 2025/03",
        "<b>Signals</b> & ]]> \\u{7}: retired in 2025/01",
        "School bus route planner: determinations changed",
    ] {
        assert!(titles.contains(&expected), "{expected}: {titles:?}");
    }
    let mut ids: Vec<&str> = feed.entries().iter().map(|e| e.id()).collect();
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n, "unique ids");
    assert!(
        feed.entries()
            .iter()
            .all(|e| e.links()[0].href().starts_with("tools/"))
    );
    let bus_entry = feed
        .entries()
        .iter()
        .find(|e| e.title().as_str().starts_with("School bus"))
        .unwrap();
    let summary = bus_entry.summary().unwrap().as_str();
    assert!(
        summary.contains("Agency ADS: undetermined → yes"),
        "{summary}"
    );
    assert!(summary.contains("answer 2b: unsure → yes"), "{summary}");
    // Rebuilt: the same feed, entry for entry.
    assert_eq!(build(), xml);
    let page = read(&dir.path().join("site/changes.html"));
    assert!(page.contains("&lt;b&gt;Signals&lt;&#x2f;b&gt;"), "{page}");
    assert!(page.contains("<time datetime=\"2024-12-31\">"), "{page}");
}

/// Issue 24: progress from git. `report --since REV` reads the inventory as it stood at a
/// revision of its repository (from git's objects, governed by that revision's settings) and
/// compares; an unknown revision, or an inventory in no repository, is a clear error.
#[test]
fn since_a_git_revision_compares_with_the_inventory_as_committed() {
    let have_git = Command::new("git").arg("--version").output().is_ok();
    if !have_git {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set, and git is missing"
        );
        eprintln!("skipping: git is missing");
        return;
    }
    let dir = directory();
    let git = |args: &[&str]| {
        let out = Command::new("git")
            .args(args)
            .current_dir(dir.path())
            .env("GIT_AUTHOR_DATE", "2026-12-01T09:00:00Z")
            .env("GIT_COMMITTER_DATE", "2026-12-01T09:00:00Z")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    git(&["init", "-q"]);
    git(&[
        "-c",
        "user.name=A",
        "-c",
        "user.email=a@example.org",
        "add",
        "-A",
    ]);
    git(&[
        "-c",
        "user.name=A",
        "-c",
        "user.email=a@example.org",
        "commit",
        "-qm",
        "first",
    ]);
    git(&["tag", "ll35-2024"]);
    // The working copy moves on: the bus planner's (2)(b) is decided, committed.
    let bus = dir.path().join("inv/DOE/bus-route-planner.yaml");
    let yaml = read(&bus).replace(
        "  2b:\n    answer: unsure\n    note: \"Pick-up times affect families; the committee has not decided if this is material.\"\n",
        "  2b: {answer: yes, options: [subject_to_program]}\n",
    );
    std::fs::write(&bus, yaml).unwrap();
    git(&[
        "-c",
        "user.name=A",
        "-c",
        "user.email=a@example.org",
        "commit",
        "-qam",
        "second",
    ]);
    for revision in ["HEAD~1", "ll35-2024"] {
        let r = adscheck(dir.path(), &["report", "inv", "--since", revision]);
        assert_eq!(r.code, Some(0), "{}", r.stderr);
        let md = r.stdout.clone();
        assert!(
            md.contains(&format!(
                "## Since the previous report ({} (",
                revision.replace('~', "\\~")
            )),
            "{md}"
        );
        assert!(md.contains("made 2026-12-01)"), "{md}");
        assert!(
            md.contains(
                "School bus route planner (Department of Education): Agency ADS undetermined → yes"
            ),
            "{md}"
        );
    }
    // Governed by that revision's settings: its notice is not this one's concern, but its
    // files are read, not the working copy's (a file removed since is still there).
    std::fs::remove_file(dir.path().join("inv/DOT/pothole-repair-queue.yaml")).unwrap();
    let r = adscheck(
        dir.path(),
        &["report", "inv", "-f", "json", "--since", "HEAD"],
    );
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(
        v["since"]["removed"][0][0], "dot-pothole-repair-queue",
        "{}",
        v["since"]
    );
    let r = adscheck(dir.path(), &["report", "inv", "--since", "no-such-tag"]);
    assert_eq!(r.code, Some(2));
    assert!(
        r.stderr
            .contains("no-such-tag: error[io]: is neither a file nor a revision"),
        "{}",
        r.stderr
    );
    let elsewhere = directory();
    let r = adscheck(elsewhere.path(), &["report", "inv", "--since", "HEAD~1"]);
    assert_eq!(r.code, Some(2));
    assert!(r.stderr.contains("is in no git repository"), "{}", r.stderr);
}

/// Issue 25: the summary is a list of work: per agency, each tool that needs something, what
/// (the questions still needed, the report's items missing by name, the rules it fails), and
/// since when; a tool that needs nothing is not listed. The JSON says the same.
#[test]
fn the_summary_lists_what_each_tool_needs() {
    let dir = directory();
    let tlc = dir.path().join("inv/TLC/driver-license-renewal-check.yaml");
    let yaml = read(&tlc).replacen("  data_output: \"Pass, or refer to an examiner.\"\n", "", 1);
    std::fs::write(&tlc, yaml).unwrap();
    let md = adscheck(dir.path(), &["report", "inv"]).stdout.clone();
    let work = md
        .split("## What needs doing")
        .nth(1)
        .unwrap_or_else(|| panic!("{md}"))
        .split("\n## ")
        .next()
        .unwrap()
        .to_owned();
    for expected in [
        "### Taxi and Limousine Commission (TLC)",
        "| Driver license renewal check | LL35 items missing: the law's item 4",
        "| School bus route planner | undetermined: (2)(b) unsure |",
        "| Application document screening | undetermined: (1)(c) unsure, (2)(a) not answered, (2)(b) not answered |",
    ] {
        assert!(work.contains(expected), "{expected}\n{work}");
    }
    // Complete records are not listed.
    assert!(!work.contains("Building fire risk model"), "{work}");
    assert!(!work.contains("Fire Department (FDNY)"), "{work}");
    let json = adscheck(dir.path(), &["report", "inv", "-f", "json"])
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let tool = |id: &str| {
        v["tools"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(
        tool("fdny-building-fire-risk-model")["needs"],
        serde_json::json!([])
    );
    let needs = tool("tlc-driver-license-renewal-check")["needs"].clone();
    assert_eq!(needs[0]["what"], "LL35 items missing", "{needs}");
    assert!(
        needs[0]["details"][0].as_str().unwrap().contains("item 4"),
        "{needs}"
    );
    // An inventory nobody has assessed: each tool is listed as such.
    let fresh = tempfile::tempdir().unwrap();
    let table = root().join("examples/ll35/algorithmic-tools-2022-2023.csv");
    let import = adscheck(
        fresh.path(),
        &["ll35", "import", table.to_str().unwrap(), "--out", "inv"],
    );
    assert_eq!(import.code, Some(0), "{}", import.stderr);
    let md = adscheck(fresh.path(), &["report", "inv"]).stdout.clone();
    assert_eq!(md.matches("| not yet assessed |").count(), 4, "{md}");
}

/// Issue 25: a tool page shows every field of the edition's standard set, an empty one as "Not
/// reported", so a reader can tell a gap from a field that does not apply.
#[test]
fn every_standard_field_is_on_the_tool_page() {
    let dir = directory();
    let tlc = dir.path().join("inv/TLC/driver-license-renewal-check.yaml");
    let yaml = read(&tlc).replacen("  data_output: \"Pass, or refer to an examiner.\"\n", "", 1);
    std::fs::write(&tlc, yaml).unwrap();
    let built = adscheck(dir.path(), &["report", "inv", "--out", "site"]);
    assert_eq!(built.code, Some(0), "{}", built.stderr);
    let page = read(
        &dir.path()
            .join("site/tools/tlc-driver-license-renewal-check.html"),
    );
    assert!(page.contains("<p>Output: Not reported</p>"), "{page}");
    // A 2024-edition field the tool leaves empty is in the table, named.
    let fire = read(
        &dir.path()
            .join("site/tools/fdny-building-fire-risk-model.html"),
    );
    assert!(
        fire.contains("<tr><th scope=\"row\">Department</th><td>Not reported</td></tr>"),
        "{fire}"
    );
    // A field of the other edition, or one that applies only with another's value, is not.
    assert!(
        !fire.contains("<th scope=\"row\">Analysis type</th><td>Not reported"),
        "{fire}"
    );
    assert!(!fire.contains("Population: other"), "{fire}");
}

/// Issue 27: permanent, citable links and a way to ask. With `report.base_url`, every page has
/// its canonical address and each tool page its full address and a suggested citation; with
/// `report.feedback`, each tool page offers to ask about its record, the tool's id and address
/// filled in (percent-encoded); the site collects nothing. The index lists the tools first.
#[test]
fn pages_are_citable_and_a_record_can_be_asked_about() {
    let dir = directory();
    let r = adscheck(dir.path(), &["report", "inv", "--out", "site"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let site = dir.path().join("site");
    let index = read(&site.join("index.html"));
    assert!(
        index.contains(r#"<link rel="canonical" href="https:&#x2f;&#x2f;example.org&#x2f;ads&#x2f;index.html">"#)
            || index.contains(r#"<link rel="canonical" href="https://example.org/ads/index.html">"#),
        "{index}"
    );
    // Tools first: the list of every tool before the numbers and charts.
    let list = index.find(r#"<h2 id="tools">"#).unwrap();
    let glance = index.find(r#"<h2 id="at-a-glance">"#).unwrap();
    assert!(list < glance, "the tools come first");
    let page = read(&site.join("tools/acs-case-severity-model.html"));
    assert!(page.contains("Suggested citation"), "{page}");
    assert!(page.contains("example.org"), "{page}");
    assert!(
        page.contains("Ask about or report a problem with this record"),
        "{page}"
    );
    assert!(
        page.contains("mailto:ads-questions@example.org?subject=Question%20about%20the%20record%20of%20tool%20acs-case-severity-model"),
        "{page}"
    );
    // Every page links the about page, which quotes each law's definition.
    let about = read(&site.join("about.html"));
    for text in [
        "About this directory",
        "Legal definition: Algorithmic tool",
        "Legal definition: Automated decision-making tool",
        "adscheck classify --explain FILE",
        "not yet assessed",
    ] {
        assert!(about.contains(text), "{text:?} not in the about page");
    }
    assert!(page.contains(r#"about.html">About</a>"#), "{page}");
    // A base URL or a feedback address that is no address is refused, naming the line.
    let bad = dir.path().join("inv/.adscheck.yaml");
    let settings = read(&bad);
    std::fs::write(
        &bad,
        settings
            .replace("https://example.org/ads/", "example.org/ads")
            .replace("mailto:ads-questions@example.org", "javascript:alert(1)"),
    )
    .unwrap();
    let r = adscheck(dir.path(), &["report", "inv", "--out", "site2"]);
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(
        r.stderr.contains("`report.base_url` is `example.org/ads`"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("`report.feedback` is `javascript:alert(1)`"),
        "{}",
        r.stderr
    );
    assert!(!dir.path().join("site2").exists(), "nothing is written");
}

/// Issue 27: the open data. `downloads/tools.csv` holds every public tool, with its id and
/// address, each law's determinations, its assessment and Local Law 35 fields, and the build's
/// date and versions; `downloads/dictionary.csv` names every column of it, in its order.
#[test]
fn the_open_data_holds_every_public_tool_and_says_what_each_column_is() {
    let dir = directory();
    let r = adscheck(dir.path(), &["report", "inv", "--out", "site"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let downloads = dir.path().join("site/downloads");
    let text = read(&downloads.join("tools.csv"));
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 20, "every public tool");
    let at = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("{name}: {header:?}"))
    };
    let rat = rows
        .iter()
        .find(|r| &r[at("id")] == "dohmh-rat-sighting-map")
        .unwrap();
    assert_eq!(&rat[at("agency_ads")], "no");
    assert_eq!(&rat[at("nys-stt-501.adm_tool")], "yes");
    assert_eq!(
        &rat[at("url")],
        "https://example.org/ads/tools/dohmh-rat-sighting-map.html"
    );
    assert_eq!(&rat[at("adscheck_version")], env!("CARGO_PKG_VERSION"));
    assert_eq!(&rat[at("checklist_version")], "1.2.0");
    let acs = rows
        .iter()
        .find(|r| &r[at("id")] == "acs-case-severity-model")
        .unwrap();
    assert_eq!(&acs[at("computation_type")], "Scoring");
    assert_eq!(
        &acs[at("nyc-ll35-2022.algorithmic_tool")],
        "",
        "not answered under it"
    );
    // The dictionary: one row per column, in the same order, each with its meaning and type.
    let dictionary = read(&downloads.join("dictionary.csv"));
    let mut reader = csv::Reader::from_reader(dictionary.trim_start_matches('\u{feff}').as_bytes());
    let described: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(
        described
            .iter()
            .map(|r| r[0].to_owned())
            .collect::<Vec<_>>(),
        header
    );
    assert!(
        described
            .iter()
            .all(|r| !r[1].is_empty() && !r[2].is_empty())
    );
    let page = read(&downloads.join("dictionary.html"));
    assert!(
        page.contains("<caption>The columns of tools.csv</caption>"),
        "{page}"
    );
}

/// Issue 27: a chart's segments are told apart by more than colour: a pattern per kind over
/// its colour (solid "yes", striped "no", dotted "undetermined"), the same in the key, and a
/// count on each segment wide enough to hold it.
#[test]
fn chart_segments_differ_by_pattern_and_carry_their_counts() {
    let dir = directory();
    let r = adscheck(dir.path(), &["report", "inv", "--out", "site"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let index = read(&dir.path().join("site/index.html"));
    let chart = &index[index.find(r#"<figure class="chart">"#).unwrap()..];
    let chart = &chart[..chart.find("</figure>").unwrap()];
    assert!(
        chart.contains(r#"class="seg-no"/><rect"#),
        "a striped no: {chart}"
    );
    // Labels are the page's text, whole: never cut to fit ("Group, organization, or
    // busi..."); bars are drawn in percentages of their column, so nothing scales down.
    assert!(
        chart.contains(r#"<span class="bar-label">DOHMH</span>"#),
        "{chart}"
    );
    assert!(!chart.contains("viewBox=\"0 0 5"), "{chart}");
    let last = &index[index.rfind(r#"<figure class="chart">"#).unwrap()..];
    assert!(
        last.contains(r#"<span class="bar-label">Group, organization, or business</span>"#),
        "{last}"
    );
    assert!(chart.contains("-stripes)"), "{chart}");
    assert!(chart.contains("-dots)"), "{chart}");
    // "yes" is solid: no pattern over it.
    assert!(!chart.contains(r#"class="seg-yes"/><rect"#), "{chart}");
    assert!(chart.contains(r#"class="in-bar""#), "{chart}");
    let key = &chart[chart.find("<figcaption>").unwrap()..];
    assert_eq!(key.matches(r#"<svg class="swatch""#).count(), 3, "{key}");
}

/// Issue 27: each tool page links its whole public record as JSON, and `records.json` holds
/// them all; a record reproduces its determinations: its answers, saved as an answer file
/// under the checklist it names, classify the same.
#[test]
fn a_record_s_json_reproduces_its_determinations() {
    let dir = directory();
    let r = adscheck(dir.path(), &["report", "inv", "--out", "site"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let site = dir.path().join("site");
    let page = read(&site.join("tools/fdny-building-fire-risk-model.html"));
    assert!(
        page.contains("fdny-building-fire-risk-model.json"),
        "{page}"
    );
    let record: serde_json::Value = serde_json::from_str(&read(
        &site.join("tools/fdny-building-fire-risk-model.json"),
    ))
    .unwrap();
    assert_eq!(record["checklist"]["id"], "nyc-ll49-2018");
    assert_eq!(record["checklist"]["sha256"].as_str().unwrap().len(), 64);
    assert_eq!(record["laws"][0]["checklist"]["id"], "nyc-ll35-2022");
    assert!(record["ll35"]["reports"]["2023"].is_object(), "{record}");
    let all: serde_json::Value =
        serde_json::from_str(&read(&site.join("downloads/records.json"))).unwrap();
    assert_eq!(all.as_array().unwrap().len(), 20);
    // Reproduced: the answers, as an answer file, give the same determinations.
    for record in all.as_array().unwrap() {
        let file = serde_json::json!({
            "checklist": record["checklist"]["id"],
            "answers": record["answers"],
        });
        let path = dir.path().join("again.json");
        std::fs::write(&path, file.to_string()).unwrap();
        let ran = adscheck(dir.path(), &["classify", "-f", "jsonl", "again.json"]);
        let v: serde_json::Value = serde_json::from_str(ran.stdout.trim()).unwrap();
        assert_eq!(
            v["determinations"], record["determinations"],
            "{}",
            record["id"]
        );
    }
}
