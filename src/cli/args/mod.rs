//! The command-line interface, as clap derive types.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Apply the NYC ADS Task Force's checklist for determining whether a tool is an Automated
/// Decision System (ADS) or Agency ADS "as defined by" Local Law 49 of 2018. Not legal advice.
#[derive(Debug, Parser)]
#[command(name = "adscheck", version, about, long_about = None, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

// The options several subcommands share, each flattened into the subcommands where it does
// something (and offered nowhere else).

/// `--checklist FILE`.
#[derive(Debug, Args)]
pub struct ChecklistOpt {
    /// Evaluate against this checklist (a file, or a built-in checklist's id: see `adscheck
    /// checklist list`) instead of the built-in Local Law 49 checklist.
    #[arg(long, value_name = "FILE|ID")]
    pub checklist: Option<PathBuf>,
}

/// `--config FILE`.
#[derive(Debug, Args)]
pub struct ConfigOpt {
    /// Use these settings instead of the topmost .adscheck.yaml of the repository.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

/// `--max-file-size SIZE`.
#[derive(Debug, Args)]
pub struct SizeOpt {
    /// Refuse answer files larger than this (bytes, or with a KiB/MiB/GiB or KB/MB/GB suffix).
    #[arg(long, value_name = "SIZE", default_value = "16MiB", value_parser = parse_size)]
    pub max_file_size: u64,
}

/// `--color WHEN`.
#[derive(Debug, Args)]
pub struct ColorOpt {
    /// When to use colour (auto: on a terminal that is not dumb, unless NO_COLOR is set).
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Classify answer files and print each determination with its reason.
    Classify(ClassifyArgs),
    /// Check a submission of answer files for CI: invalid, undetermined, declared results that
    /// disagree with the checklist, missing metadata, duplicate tools.
    Check(CheckArgs),
    /// Answer the checklist in a guided interview; the answer file is saved after every answer.
    Interview(InterviewArgs),
    /// Write a blank answer file, every question and option id as a comment.
    Template(TemplateArgs),
    /// Print a JSON Schema (draft-07) of answer files, for editors and the YAML language server.
    Schema(TemplateArgs),
    /// Re-check answer files against a revised checklist: what changes for each (exit 1 when a
    /// determination changes).
    Recheck(RecheckArgs),
    /// Add an entry to answer files' history: who answered (or reviewed) them, when, under
    /// which checklist (id, version, SHA-256). Entries are added, never replaced; the files are
    /// rewritten as YAML, with a warning when comments are lost.
    Stamp(StampArgs),
    /// Check or print a checklist.
    #[command(subcommand)]
    Checklist(ChecklistCommand),
    /// Local Law 35: import the city's published table into answer files, export an
    /// inventory as the table of a year.
    #[command(subcommand)]
    Ll35(Ll35Command),
    /// The inventory as a whole: an inventory summary (Markdown or JSON) for the policy office,
    /// or, with --out, a static public directory of every tool.
    Report(ReportArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `adscheck man | man -l -`.
    Man,
}

#[derive(Debug, Args)]
pub struct RecheckArgs {
    /// The revised checklist.
    #[arg(long, value_name = "FILE")]
    pub against: PathBuf,

    /// The checklist the files were answered under [default: the one each file's stamp names,
    /// found built in, under ./checklists/, or beside --against].
    #[arg(long, value_name = "FILE")]
    pub from: Option<PathBuf>,

    /// Answer files or folders.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    #[command(flatten)]
    pub size: SizeOpt,
}

#[derive(Debug, Args)]
pub struct StampArgs {
    /// Who answered, or reviewed (name and role).
    #[arg(long, value_name = "NAME", value_parser = non_blank)]
    pub by: String,

    /// The answers were reviewed under the checklist in use: record a `reviewed` entry (needed
    /// when the file was last stamped under another checklist version).
    #[arg(long)]
    pub reviewed: bool,

    /// Answer files or folders.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    #[command(flatten)]
    pub checklist: ChecklistOpt,

    #[command(flatten)]
    pub size: SizeOpt,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Answer files, folders to search for them, or `-` for standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Output format (auto: github when GITHUB_ACTIONS=true, text otherwise).
    #[arg(long, short = 'f', value_enum, default_value_t = CheckFormatArg::Auto)]
    pub format: CheckFormatArg,

    /// Let undetermined results pass (overrides `allow-undetermined` in .adscheck.yaml).
    #[arg(long)]
    pub allow_undetermined: bool,

    /// What fails the check (overrides `fail-on` in .adscheck.yaml).
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOnArg>,

    #[command(flatten)]
    pub config: ConfigOpt,

    /// Write the report to FILE (whole, or not at all) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub out: Option<PathBuf>,

    /// Replace FILE when it exists (never an input of the run, nor an answer file inside the
    /// inventory).
    #[arg(long, requires = "out")]
    pub force: bool,

    /// Print the findings only: no settings or totals line in the text format (the exit
    /// code says whether the check passed). Machine formats are unchanged.
    #[arg(long, short = 'q')]
    pub quiet: bool,

    #[command(flatten)]
    pub checklist: ChecklistOpt,

    #[command(flatten)]
    pub size: SizeOpt,

    #[command(flatten)]
    pub color: ColorOpt,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CheckFormatArg {
    Auto,
    Text,
    Json,
    Junit,
    Github,
    Sarif,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FailOnArg {
    Error,
    Warning,
}

#[derive(Debug, Args)]
pub struct InterviewArgs {
    /// Save the answers here [default: a new file named after the tool, in this folder].
    #[arg(long, short = 'o', value_name = "FILE", conflicts_with = "resume")]
    pub out: Option<PathBuf>,

    /// Continue the interview saved in FILE.
    #[arg(long, value_name = "FILE")]
    pub resume: Option<PathBuf>,

    /// Start over even if --out names an existing file (it is replaced).
    #[arg(long, requires = "out")]
    pub force: bool,

    /// Ask in plain lines, one answer per line (for screen readers and scripts); chosen by
    /// itself when TERM=dumb, when ADSCHECK_PLAIN is set, or when input is not a terminal.
    #[arg(long)]
    pub plain: bool,

    /// Ask the Local Law 35 report's fields whatever the determinations (of EDITION: 2023 or
    /// 2024) [default: asked when the tool is in the reporting scope of the folder's
    /// .adscheck.yaml, in its edition].
    #[arg(long, value_name = "EDITION", num_args = 0..=1, default_missing_value = "")]
    pub ll35: Option<String>,

    /// Print the reasons after the result without asking (the plain interview asks).
    #[arg(long)]
    pub reasons: bool,

    /// The checklist to answer: a file, or a built-in checklist's id (`adscheck checklist
    /// list`). Give it more than once to answer several laws in one session, the first the
    /// file's own and the others under `also:`; with --resume, a built-in id other than the
    /// file's own adds that law to the file [default: the built-in Local Law 49 checklist].
    #[arg(long = "checklist", value_name = "FILE|ID")]
    pub checklists: Vec<PathBuf>,

    #[command(flatten)]
    pub size: SizeOpt,

    #[command(flatten)]
    pub color: ColorOpt,
}

#[derive(Debug, Args)]
pub struct TemplateArgs {
    /// Write to FILE instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub out: Option<PathBuf>,

    /// Replace FILE if it exists.
    #[arg(long, requires = "out")]
    pub force: bool,

    /// Add a blank block under `also:` for this further built-in checklist (its id: see
    /// `adscheck checklist list`); give it more than once for several laws.
    #[arg(long, value_name = "ID")]
    pub also: Vec<String>,

    #[command(flatten)]
    pub checklist: ChecklistOpt,
}

#[derive(Debug, Args)]
pub struct ClassifyArgs {
    /// Answer files (.yaml, .yml, .json), folders to search for them, or `-` for standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Output format [default: table on a terminal, jsonl otherwise].
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<OutputFormat>,

    /// Print the full reasoning for each file: definitions, deciding answers, notes.
    #[arg(long, conflicts_with = "format")]
    pub explain: bool,

    /// The table with every column (full file paths, tool, agency, assessment, other laws),
    /// not just the files, determinations and short reasons; off a terminal too.
    #[arg(long, conflicts_with = "explain")]
    pub wide: bool,

    /// Do not print errors and warnings on standard error (they stay in the report).
    #[arg(long, short = 'q')]
    pub quiet: bool,

    /// Write the results to FILE (whole, or not at all) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub out: Option<PathBuf>,

    /// Replace FILE when it exists (never an input of the run, nor an answer file inside the
    /// inventory).
    #[arg(long, requires = "out")]
    pub force: bool,

    /// With `-f csv`: write every cell exactly, even one a spreadsheet would run as a formula
    /// (by default a cell starting with =, +, -, @, tab or CR gets a leading ').
    #[arg(long)]
    pub csv_raw: bool,

    #[command(flatten)]
    pub checklist: ChecklistOpt,

    #[command(flatten)]
    pub size: SizeOpt,

    #[command(flatten)]
    pub color: ColorOpt,
}

#[derive(Debug, Subcommand)]
pub enum ChecklistCommand {
    /// List the built-in checklists: id, title, law and version.
    List,
    /// Validate a checklist file: exit 0 when it is sound, 1 with every problem otherwise.
    Lint {
        /// The checklist file, or a built-in checklist's id.
        #[arg(value_name = "FILE|ID")]
        file: PathBuf,
    },
    /// Run a checklist's own tests (`tests:`): exit 0 when all pass, 1 with a diff otherwise.
    Test {
        /// The checklist file, or a built-in checklist's id [default: the built-in Local Law 49
        /// checklist].
        #[arg(value_name = "FILE|ID")]
        file: Option<PathBuf>,
    },
    /// Print a checklist close to its printed form (the built-in Local Law 49 one unless a
    /// file or id is given).
    Show {
        /// The checklist file, or a built-in checklist's id (as --checklist).
        #[arg(value_name = "FILE|ID", conflicts_with = "checklist")]
        which: Option<PathBuf>,

        /// Output format.
        #[arg(long, short = 'f', value_enum, default_value_t = ShowFormat::Text)]
        format: ShowFormat,

        #[command(flatten)]
        checklist: ChecklistOpt,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Table,
    Json,
    Jsonl,
    Csv,
    Markdown,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    Text,
    Markdown,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Text with something visible in it (not only spaces or invisible characters).
fn non_blank(text: &str) -> Result<String, String> {
    if text.chars().any(char::is_control) {
        return Err("a name is one line of text, without control characters".to_owned());
    }
    if adscheck::text::has_visible(text) {
        Ok(text.trim().to_owned())
    } else {
        Err("a name is needed: who answered, or reviewed, these answers".to_owned())
    }
}

/// A size such as `16MiB`, `200MB`, `1048576`.
fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (digits, unit) = text.split_at(split);
    let number: u64 = digits
        .parse()
        .map_err(|_| format!("`{text}` is not a size: use e.g. 16MiB, 200MB or 1048576"))?;
    let factor: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" => 1_000,
        "kib" => 1 << 10,
        "m" | "mb" => 1_000_000,
        "mib" => 1 << 20,
        "g" | "gb" => 1_000_000_000,
        "gib" => 1 << 30,
        other => {
            return Err(format!(
                "unknown size unit `{other}`: use B, KB, KiB, MB, MiB, GB or GiB"
            ));
        }
    };
    number
        .checked_mul(factor)
        .ok_or_else(|| format!("`{text}` is too large"))
}

mod ll35;
pub use ll35::*;
