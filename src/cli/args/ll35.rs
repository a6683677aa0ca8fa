//! The arguments of `adscheck ll35` and `adscheck report`: the Local Law 35 table in and out,
//! and the inventory's summary and site.

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

use super::{ChecklistOpt, ConfigOpt, SizeOpt};

#[derive(Debug, Subcommand)]
pub enum Ll35Command {
    /// Read the Open Data table (CSV, either edition) into one answer file per tool, under
    /// DIR/<agency>/<tool>.yaml; a tool already in DIR has its `tool:` fields updated in place.
    Import(Ll35ImportArgs),
    /// Write an inventory as the Open Data table of one year.
    Export(Ll35ExportArgs),
}

#[derive(Debug, Args)]
pub struct Ll35ImportArgs {
    /// The table: the Open Data CSV export ("Algorithmic Tools Compliance Report").
    #[arg(value_name = "TABLE")]
    pub table: PathBuf,

    /// The inventory's folder (created if missing; existing files are merged, never replaced).
    #[arg(long, short = 'o', value_name = "DIR")]
    pub out: PathBuf,

    /// Import only the rows of this reporting year.
    #[arg(long, value_name = "YYYY")]
    pub year: Option<u16>,

    #[command(flatten)]
    pub checklist: ChecklistOpt,

    #[command(flatten)]
    pub size: SizeOpt,
}

#[derive(Debug, Args)]
pub struct Ll35ExportArgs {
    /// Answer files or folders.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// The table's layout [default: `ll35.edition` in .adscheck.yaml, else 2024].
    #[arg(long, value_enum)]
    pub edition: Option<EditionArg>,

    /// The reporting year [default: the latest year any tool was reported or recorded in].
    #[arg(long, value_name = "YYYY")]
    pub year: Option<u16>,

    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = TableFormat::Csv)]
    pub format: TableFormat,

    /// Start the CSV with a UTF-8 byte-order mark, so that Excel reads it as UTF-8.
    #[arg(long)]
    pub bom: bool,

    /// Neutralise cells a spreadsheet would run as formulas (a leading '), as `classify -f
    /// csv` does; by default every value is written exactly, and such cells are named.
    #[arg(long)]
    pub excel_safe: bool,

    /// Write the table to FILE (whole, or not at all) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub out: Option<PathBuf>,

    /// Replace FILE when it exists (never an input of the run, nor an answer file inside the
    /// inventory).
    #[arg(long, requires = "out")]
    pub force: bool,

    /// Record the year's report in each exported file, as exported (`tool.reports.<year>`),
    /// so that the year stays as published; a year recorded already is left as it is
    #[arg(long)]
    pub record: bool,

    #[command(flatten)]
    pub config: ConfigOpt,

    #[command(flatten)]
    pub checklist: ChecklistOpt,

    #[command(flatten)]
    pub size: SizeOpt,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum EditionArg {
    /// The 2022–2023 layout (18 columns).
    #[value(name = "2023", alias = "2022")]
    E2023,
    /// The 2024 layout.
    #[value(name = "2024")]
    E2024,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    Csv,
    Json,
    Jsonl,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Answer files or folders: the inventory.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Build the public site into DIR (a new folder, or one adscheck built before).
    #[arg(long, short = 'o', value_name = "DIR")]
    pub out: Option<PathBuf>,

    /// The inventory summary's format on standard output [default: markdown, when there is
    /// no --out].
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<ReportFormat>,

    /// Add what changed since a previous `adscheck report --format json`.
    #[arg(long, value_name = "PREVIOUS.json")]
    pub since: Option<PathBuf>,

    /// Replace --out even if it is not a site adscheck built.
    #[arg(long, requires = "out")]
    pub force: bool,

    #[command(flatten)]
    pub config: ConfigOpt,

    #[command(flatten)]
    pub checklist: ChecklistOpt,

    #[command(flatten)]
    pub size: SizeOpt,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Markdown,
    Json,
}
