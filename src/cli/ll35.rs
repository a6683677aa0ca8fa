//! `adscheck ll35 import` and `adscheck ll35 export`: the Local Law 35 table in and out.

use adscheck::error::Severity;
use std::io::Write;

use adscheck::ll35::export;
use adscheck::ll35::{Edition, Table, import};
use adscheck::text::visible;

use super::args::{EditionArg, Ll35Command, Ll35ExportArgs, Ll35ImportArgs, TableFormat};
use super::{Exit, Outcome, plural, print_diagnostics, shown};

pub(crate) fn run(command: &Ll35Command) -> Outcome {
    match command {
        Ll35Command::Import(args) => import_table(args),
        Ll35Command::Export(args) => export_table(args),
    }
}

fn import_table(args: &Ll35ImportArgs) -> Outcome {
    if !super::paths::exists(&args.table) {
        return Ok(Exit::Fatal);
    }
    if args.table.is_dir() {
        errln!(
            "adscheck: error: {} is a folder: give the table, the Open Data CSV file",
            shown(&args.table)
        );
        return Ok(Exit::Fatal);
    }
    if args.out.exists() && !args.out.is_dir() {
        errln!(
            "adscheck: error: {} is not a folder: --out names the inventory's folder (created if \
             missing)",
            shown(&args.out)
        );
        return Ok(Exit::Fatal);
    }
    let engine = super::engine(&args.checklist)?;
    let text = match adscheck::input::read_text(
        &args.table,
        adscheck::ll35::table::MAX_TABLE_SIZE,
        adscheck::input::TABLE,
    ) {
        Ok(text) => text,
        Err(e) => {
            print_diagnostics(&[e], Severity::Error);
            return Ok(Exit::Fatal);
        }
    };
    let name = args.table.display().to_string();
    let table = match Table::read(&name, &text) {
        Ok(table) => table,
        Err(e) => {
            print_diagnostics(&[e], Severity::Error);
            return Ok(Exit::Fatal);
        }
    };
    print_diagnostics(&table.warnings, Severity::Warning);
    let (tools, warnings) = import::tools(&table, args.year);
    print_diagnostics(&warnings, Severity::Warning);
    if tools.is_empty() {
        errln!(
            "adscheck: error: no rows to import from {}{}",
            shown(&args.table),
            args.year
                .map_or_else(String::new, |y| format!(" for the year {y}"))
        );
        return Ok(Exit::Fatal);
    }
    let summary = import::write(
        engine.checklist(),
        &tools,
        &args.out,
        args.size.max_file_size,
    );
    for w in &summary.warnings {
        if w.file.is_empty() {
            errln!("adscheck: warning: {}", visible(&w.message));
        } else {
            print_diagnostics(std::slice::from_ref(w), Severity::Warning);
        }
    }
    print_diagnostics(&summary.errors, Severity::Error);
    let mut out = super::output::stdout();
    for path in &summary.created {
        writeln!(out, "created   {}", shown(&args.out.join(path)))?;
    }
    for (path, changes) in &summary.updated {
        writeln!(out, "updated   {}", shown(&args.out.join(path)))?;
        for change in changes {
            if let Some(year) = change.key.strip_prefix("reports.") {
                writeln!(
                    out,
                    "            tool.reports.{}: {}",
                    visible(year),
                    year_change(change.before.as_ref(), &change.after)
                )?;
                continue;
            }
            let before = change
                .before
                .as_ref()
                .map_or_else(|| "(none)".to_owned(), short);
            writeln!(
                out,
                "            tool.{}: {} -> {}",
                visible(&change.key),
                before,
                short(&change.after)
            )?;
        }
    }
    out.flush()?;
    let rows = table
        .rows
        .iter()
        .filter(|r| args.year.is_none_or(|y| r.year == y))
        .count();
    errln!(
        "adscheck ll35 import: {rows} row{} ({} edition) into {}: {} tool{}, {} created, {} \
         updated, {} unchanged{}",
        plural(rows),
        table.edition,
        shown(&args.out),
        tools.len(),
        plural(tools.len()),
        summary.created.len(),
        summary.updated.len(),
        summary.unchanged.len(),
        if summary.errors.is_empty() {
            String::new()
        } else {
            format!(
                ", {} not written (see the errors above)",
                summary.errors.len()
            )
        }
    );
    if !summary.created.is_empty() {
        errln!("Next: adscheck interview --resume FILE answers the checklist for each tool.");
    }
    Ok(Exit::findings_if(!summary.errors.is_empty()))
}

/// A year's report recorded or replaced, and which of its fields the table changed.
fn year_change(before: Option<&serde_json::Value>, after: &serde_json::Value) -> String {
    let Some(before) = before.and_then(serde_json::Value::as_object) else {
        return "recorded as the table has it".to_owned();
    };
    let after = after.as_object();
    let mut keys: Vec<&str> = before
        .keys()
        .chain(after.into_iter().flat_map(|a| a.keys()))
        .map(String::as_str)
        .filter(|k| before.get(*k) != after.and_then(|a| a.get(*k)))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    format!(
        "replaced by the table's row (changed: {})",
        visible(&keys.join(", "))
    )
}

/// A value for a one-line change listing: text quoted and cut short, lists and numbers as JSON.
fn short(value: &serde_json::Value) -> String {
    let text = match value {
        serde_json::Value::String(s) => format!("{s:?}"),
        other => other.to_string(),
    };
    let cut: String = text.chars().take(60).collect();
    let cut = if cut.len() < text.len() {
        format!("{cut}…")
    } else {
        cut
    };
    visible(&cut).into_owned()
}

fn export_table(args: &Ll35ExportArgs) -> Outcome {
    if args.format != TableFormat::Csv && (args.bom || args.excel_safe) {
        errln!(
            "adscheck: error: --bom and --excel-safe are for CSV (spreadsheets); JSON is written \
             exactly"
        );
        return Ok(Exit::Fatal);
    }
    let paths = super::paths::Paths::resolve(&args.paths);
    let inventory =
        super::check::open_inventory(&paths.found, &args.config, &args.checklist, None)?;
    let settings = inventory.settings.ll35.clone();
    let edition = match args.edition {
        Some(EditionArg::E2023) => Edition::E2023,
        Some(EditionArg::E2024) => Edition::E2024,
        None => settings.as_ref().map_or(Edition::E2024, |s| s.edition),
    };
    let scope = settings.map(|s| s.scope).unwrap_or_default();
    let mut selector = adscheck::inventory::Selector::new(&inventory.settings);
    let (entries, errors) = export::entries(
        &inventory.engine,
        inventory.read(&paths.found, args.size.max_file_size, &mut selector),
    );
    if !errors.is_empty() {
        print_diagnostics(&errors, Severity::Error);
        errln!(
            "adscheck: error: {} file{} could not be read: no table is written, so that no tool \
             is left out unseen",
            count_files(&errors),
            plural(count_files(&errors))
        );
        return Ok(paths.exit(Exit::Findings));
    }
    if entries.is_empty() {
        return Ok(paths.no_files(&args.paths));
    }
    let this_year = inventory.now.month().0;
    let Some(year) = args
        .year
        .or_else(|| export::latest_year(&entries, this_year))
    else {
        if entries.iter().any(|e| !e.years.is_empty()) {
            errln!(
                "adscheck: error: every year the tools give (`tool.reported`, or a stamp) is \
                 after this one ({this_year}): `adscheck check` names them; give the year with \
                 --year"
            );
        } else {
            errln!(
                "adscheck: error: no tool says which year it was reported in (`tool.reported`, \
                 or a stamp): give the year with --year"
            );
        }
        return Ok(Exit::Fatal);
    };
    let table = export::export(&entries, edition, year, &scope);
    for (key, n) in &table.not_in_edition {
        errln!(
            "adscheck: warning: {n} tool{} {} `tool.{key}`, which the {edition} edition has no \
             column for: not exported",
            plural(*n),
            if *n == 1 { "has" } else { "have" }
        );
    }
    if !args.excel_safe {
        for (file, column) in &table.formulas {
            errln!(
                "{}: warning: the `{column}` cell starts with =, +, -, @, a tab or a carriage \
                 return: a spreadsheet would run it as a formula (written as it is; \
                 --excel-safe neutralises it)",
                visible(file)
            );
        }
    }
    let mut out = super::output::Sink::open_for(
        args.out.as_deref(),
        &super::inputs(
            &paths.found,
            &[&args.config.config, &args.checklist.checklist],
        ),
        args.force,
    )?;
    let options = adscheck::render::ll35::Options {
        bom: args.bom,
        excel_safe: args.excel_safe,
        // On a terminal the table is for reading.
        for_terminal: args.out.is_none() && std::io::IsTerminal::is_terminal(&std::io::stdout()),
    };
    let format = match args.format {
        TableFormat::Csv => adscheck::render::ll35::Format::Csv,
        TableFormat::Json => adscheck::render::ll35::Format::Json,
        TableFormat::Jsonl => adscheck::render::ll35::Format::Jsonl,
    };
    adscheck::render::ll35::write(&mut out, format, edition, &table.rows, options)?;
    out.finish()?;
    let mut left = Vec::new();
    let withheld: usize = table.withheld.values().sum();
    if withheld > 0 {
        let per: Vec<String> = table
            .withheld
            .iter()
            .map(|(agency, n)| format!("{} {n}", visible(agency)))
            .collect();
        left.push(format!("{withheld} withheld ({})", per.join(", ")));
    }
    for (why, n) in &table.out_of_scope {
        left.push(format!("{n} with {why}"));
    }
    if table.other_years > 0 {
        left.push(format!("{} not reported in {year}", table.other_years));
    }
    errln!(
        "adscheck ll35 export: {year}, {edition} edition: {} row{} (tools with {}){}",
        table.rows.len(),
        plural(table.rows.len()),
        scope.describe(),
        if left.is_empty() {
            String::new()
        } else {
            format!("; left out: {}", left.join(", "))
        }
    );
    if args.record {
        // Written only once the table is: what is recorded is what was exported.
        let recorded = adscheck::ll35::record::record(
            inventory.engine.checklist(),
            &table.files,
            year,
            args.size.max_file_size,
        );
        print_diagnostics(&recorded.warnings, Severity::Warning);
        print_diagnostics(&recorded.errors, Severity::Error);
        for (path, _) in &recorded.updated {
            errln!("recorded  {year}'s report in {}", shown(path));
        }
        errln!(
            "adscheck ll35 export --record: {year}'s report recorded in {} file{}, {} already \
             recorded{}",
            recorded.updated.len(),
            plural(recorded.updated.len()),
            recorded.unchanged.len(),
            if recorded.errors.is_empty() {
                String::new()
            } else {
                format!(
                    ", {} not written (see the errors above)",
                    recorded.errors.len()
                )
            }
        );
        if !recorded.errors.is_empty() {
            return Ok(paths.exit(Exit::Findings));
        }
    }
    Ok(paths.exit(Exit::Success))
}

fn count_files(errors: &[adscheck::Diagnostic]) -> usize {
    let mut files: Vec<&str> = errors.iter().map(|e| e.file.as_str()).collect();
    files.dedup();
    files.len()
}
