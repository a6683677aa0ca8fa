//! Subcommands: turn parsed arguments into library calls and outcomes into exit codes.
//!
//! Exit codes: 0 success; 1 findings (a file that could not be evaluated, a checklist that
//! fails lint); 2 usage error or an unusable checklist. A closed output pipe ends quietly
//! with 0, as with other Unix filters.

mod args;
mod prompter;

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;

use adscheck::interview::{Ending, Interview, Target};
use adscheck::render::{self, Format, Options};
use adscheck::yaml;
use adscheck::{AnswerFile, Diagnostic, Engine, atomic_file, batch};
use args::{
    CheckArgs, CheckFormatArg, ChecklistCommand, ClassifyArgs, Cli, ColorChoice, Command,
    FailOnArg, InterviewArgs, OutputFormat, RecheckArgs, ShowFormat, StampArgs, TemplateArgs,
};

/// How a run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Exit {
    Success = 0,
    Findings = 1,
    Fatal = 2,
    /// Stopped by the person (Ctrl-C), as a shell reports SIGINT.
    Interrupted = 130,
}

impl From<Exit> for ExitCode {
    fn from(e: Exit) -> ExitCode {
        ExitCode::from(e as u8)
    }
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(exit) => exit.into(),
        Err(e) => {
            if is_broken_pipe(&e) {
                return Exit::Success.into();
            }
            eprintln!("adscheck: error: {e:#}");
            Exit::Fatal.into()
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

fn run(cli: &Cli) -> anyhow::Result<Exit> {
    match &cli.command {
        Command::Classify(args) => classify(cli, args),
        Command::Check(args) => check(cli, args),
        Command::Interview(args) => interview(cli, args),
        Command::Template(args) => template(cli, args),
        Command::Schema(args) => schema(cli, args),
        Command::Recheck(args) => recheck(cli, args),
        Command::Stamp(args) => stamp(cli, args),
        Command::Checklist(ChecklistCommand::Lint { file }) => lint(file),
        Command::Checklist(ChecklistCommand::Show { format }) => show(cli, *format),
        Command::Checklist(ChecklistCommand::Test { file }) => self_test(cli, file.as_deref()),
    }
}

/// Load the checklist, or print why it cannot be used and give up.
fn engine(cli: &Cli) -> Result<Engine, Exit> {
    adscheck::load_engine(cli.checklist.as_deref()).map_err(|errors| {
        for e in &errors.0 {
            print_diagnostic(e, "error");
        }
        eprintln!(
            "adscheck: error: the checklist cannot be used (run `adscheck checklist lint FILE`)"
        );
        Exit::Fatal
    })
}

fn print_diagnostic(d: &Diagnostic, severity: &str) {
    eprintln!(
        "{}: {severity}[{}]: {}",
        d.location(),
        d.kind.code(),
        d.message
    );
}

fn color(cli: &Cli) -> bool {
    match cli.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

/// Print "no answer files found" for `paths`.
fn no_files(paths: &[std::path::PathBuf]) -> Exit {
    eprintln!(
        "adscheck: error: no answer files (*.yaml, *.yml, *.json) found in {}",
        paths
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(", ")
    );
    Exit::Fatal
}

/// A progress line on standard error, shown only on a terminal and only once a batch is
/// large enough for it to help.
struct Progress {
    bar: indicatif::ProgressBar,
    shown: bool,
    enabled: bool,
}

impl Progress {
    const THRESHOLD: u64 = 2_000;

    fn new() -> Self {
        let bar = indicatif::ProgressBar::hidden();
        bar.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {pos} files ({per_sec}, {elapsed})")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        Progress {
            bar,
            shown: false,
            enabled: io::stderr().is_terminal(),
        }
    }

    fn count(&self) -> usize {
        usize::try_from(self.bar.position()).unwrap_or(usize::MAX)
    }

    fn tick(&mut self) {
        self.bar.inc(1);
        if self.enabled && !self.shown && self.bar.position() >= Self::THRESHOLD {
            self.bar
                .set_draw_target(indicatif::ProgressDrawTarget::stderr());
            self.shown = true;
        }
    }

    /// Print on standard error without tearing the progress line.
    fn println(&self, line: &str) {
        self.bar.suspend(|| eprintln!("{line}"));
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

fn diagnostic_line(d: &Diagnostic, severity: &str) -> String {
    format!(
        "{}: {severity}[{}]: {}",
        d.location(),
        d.kind.code(),
        d.message
    )
}

fn classify(cli: &Cli, args: &ClassifyArgs) -> anyhow::Result<Exit> {
    let engine = match engine(cli) {
        Ok(engine) => engine,
        Err(exit) => return Ok(exit),
    };
    let mut sources = batch::sources(&args.paths).peekable();
    if sources.peek().is_none() {
        return Ok(no_files(&args.paths));
    }
    let terminal = io::stdout().is_terminal();
    let format = if args.explain {
        Format::Explain
    } else {
        match args.format {
            Some(OutputFormat::Table) => Format::Table,
            Some(OutputFormat::Json) => Format::Json,
            Some(OutputFormat::Jsonl) => Format::Jsonl,
            Some(OutputFormat::Csv) => Format::Csv,
            Some(OutputFormat::Markdown) => Format::Markdown,
            None if terminal => Format::Table,
            None => Format::Jsonl,
        }
    };
    let options = Options {
        color: color(cli),
        width: terminal
            .then(|| terminal_size::terminal_size().map(|(w, _)| w.0))
            .flatten(),
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::with_capacity(64 * 1024, stdout.lock());
    let renderer = render::renderer(format, &engine, options);
    renderer.start(&mut out)?;
    let mut failed = 0usize;
    let mut progress = Progress::new();
    let quiet = args.quiet;
    // Workers classify and render; this thread only writes, in order.
    let total = batch::in_order(
        sources,
        |source| {
            let report = batch::classify(&engine, source, cli.max_file_size);
            let mut lines = Vec::new();
            if !quiet {
                match &report.outcome {
                    Ok(outcome) => lines.extend(
                        outcome
                            .warnings
                            .iter()
                            .map(|w| diagnostic_line(w, "warning")),
                    ),
                    Err(errors) => {
                        lines.extend(errors.0.iter().map(|e| diagnostic_line(e, "error")))
                    }
                }
            }
            (renderer.prepare(&report), lines, report.outcome.is_err())
        },
        |_, (prepared, lines, is_error)| -> io::Result<()> {
            for line in &lines {
                progress.println(line);
            }
            if is_error {
                failed += 1;
            }
            renderer.emit(&mut out, progress.count(), prepared)?;
            progress.tick();
            Ok(())
        },
    );
    progress.finish();
    let total = total?;
    renderer.finish(&mut out, total)?;
    out.flush()?;
    if failed > 0 {
        if !args.quiet {
            eprintln!(
                "adscheck: {failed} of {total} file{} could not be evaluated",
                if total == 1 { "" } else { "s" }
            );
        }
        Ok(Exit::Findings)
    } else {
        Ok(Exit::Success)
    }
}

fn lint(file: &std::path::Path) -> anyhow::Result<Exit> {
    match adscheck::load_engine(Some(file)) {
        Ok(engine) => {
            let c = engine.checklist();
            for w in c.unused(&file.display().to_string()) {
                print_diagnostic(&w, "warning");
            }
            println!(
                "{}: ok: checklist `{}` version {}, {} questions, {} determinations",
                file.display(),
                c.id.as_str(),
                c.version.as_str(),
                c.questions.len(),
                c.determinations.len()
            );
            Ok(Exit::Success)
        }
        Err(errors) => {
            for e in &errors.0 {
                print_diagnostic(e, "error");
            }
            eprintln!(
                "{}: {} problem{} found",
                file.display(),
                errors.0.len(),
                if errors.0.len() == 1 { "" } else { "s" }
            );
            Ok(Exit::Findings)
        }
    }
}

fn show(cli: &Cli, format: ShowFormat) -> anyhow::Result<Exit> {
    let engine = match engine(cli) {
        Ok(engine) => engine,
        Err(exit) => return Ok(exit),
    };
    let text = match format {
        ShowFormat::Text => render::checklist_text(engine.checklist()),
        ShowFormat::Markdown => render::checklist_markdown(engine.checklist()),
    };
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(Exit::Success)
}

fn interview(cli: &Cli, args: &InterviewArgs) -> anyhow::Result<Exit> {
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        eprintln!(
            "adscheck: error: `adscheck interview` asks questions in a terminal, and this is not \
             one.\n  To classify answer files: adscheck classify FILE...\n  To write an answer \
             file in an editor: adscheck template --out FILE"
        );
        return Ok(Exit::Fatal);
    }
    if cli.color == ColorChoice::Never {
        inquire::set_global_render_config(inquire::ui::RenderConfig::empty());
    }
    let engine = match engine(cli) {
        Ok(engine) => engine,
        Err(exit) => return Ok(exit),
    };
    let mut session = if let Some(path) = &args.resume {
        let name = path.display().to_string();
        let text = match batch::read(&batch::Source::File(path.clone()), cli.max_file_size) {
            Ok(text) => text,
            Err(e) => {
                print_diagnostic(&e, "error");
                return Ok(Exit::Fatal);
            }
        };
        let format = yaml::Format::from_path(path).unwrap_or_else(|| yaml::Format::sniff(&text));
        match AnswerFile::parse(&name, &text, format, engine.checklist()) {
            Ok(file) => {
                let answered = file.answers.iter().filter(|a| a.is_some()).count();
                println!(
                    "Continuing {name}: {answered} answer{} so far.",
                    if answered == 1 { "" } else { "s" }
                );
                Interview::resume(&engine, path.clone(), file)
            }
            Err(errors) => {
                errors.0.iter().for_each(|e| print_diagnostic(e, "error"));
                eprintln!("adscheck: error: {name} cannot be resumed until these are fixed");
                return Ok(Exit::Fatal);
            }
        }
    } else {
        let target = match &args.out {
            Some(path) if path.exists() && !args.force => {
                eprintln!(
                    "adscheck: error: {} already exists. To continue it: adscheck interview \
                     --resume {0}; to start over and replace it: add --force",
                    path.display()
                );
                return Ok(Exit::Fatal);
            }
            Some(path) => Target::New {
                path: path.clone(),
                replace: args.force,
            },
            None => Target::NamedAfterTool(std::path::PathBuf::new()),
        };
        Interview::new(&engine, target)
    };
    let checklist = engine.checklist();
    let width = terminal_size::terminal_size().map_or(80, |(w, _)| usize::from(w.0).clamp(40, 100));
    println!("{}", textwrap::fill(checklist.title.as_str(), width));
    println!(
        "{}",
        textwrap::fill(
            "Answer yes, no or unsure. `?` shows the guidance and the law; Esc goes back; \
             Ctrl-C stops, and everything answered is already saved.",
            width
        )
    );
    let mut prompter = prompter::TerminalPrompter::new();
    let ending = match session.run(&mut prompter) {
        Ok(ending) => ending,
        Err(e) => {
            eprintln!("adscheck: error: {e}");
            if let Some(path) = session.path() {
                eprintln!(
                    "Answers up to the last one given are in {0}; continue with: adscheck \
                     interview --resume {0}",
                    path.display()
                );
            }
            return Ok(Exit::Fatal);
        }
    };
    let Some(path) = session.path().map(std::path::Path::to_path_buf) else {
        println!("Stopped before anything was answered; nothing was saved.");
        return Ok(if ending == Ending::Quit {
            Exit::Interrupted
        } else {
            Exit::Success
        });
    };
    match ending {
        Ending::Quit => {
            println!();
            println!("Saved to {}.", path.display());
            println!(
                "Resume with: adscheck interview --resume {}",
                path.display()
            );
            Ok(Exit::Interrupted)
        }
        Ending::Finished => {
            println!();
            let report = batch::classify(
                &engine,
                &batch::Source::File(path.clone()),
                cli.max_file_size,
            );
            let options = Options {
                color: color(cli),
                width: None,
            };
            let mut out = io::stdout().lock();
            render::render_all(
                Format::Explain,
                &engine,
                options,
                std::slice::from_ref(&report),
                &mut out,
            )?;
            writeln!(out)?;
            writeln!(out, "Saved to {}.", path.display())?;
            writeln!(
                out,
                "Classify it any time with: adscheck classify --explain {}",
                path.display()
            )?;
            Ok(Exit::Success)
        }
    }
}

fn template(cli: &Cli, args: &TemplateArgs) -> anyhow::Result<Exit> {
    let engine = match engine(cli) {
        Ok(engine) => engine,
        Err(exit) => return Ok(exit),
    };
    let schema_line = format!(
        "# yaml-language-server: $schema={}.schema.json",
        engine.checklist().id.as_str()
    );
    let text = adscheck::answers::template(engine.checklist(), Some(&schema_line));
    write_out(&text, args)
}

fn schema(cli: &Cli, args: &TemplateArgs) -> anyhow::Result<Exit> {
    let engine = match engine(cli) {
        Ok(engine) => engine,
        Err(exit) => return Ok(exit),
    };
    let schema = adscheck::schema::answer_schema(engine.checklist());
    let text = format!("{}\n", serde_json::to_string_pretty(&schema)?);
    write_out(&text, args)
}

/// Write `text` to `--out` (atomically, never replacing a file without `--force`) or stdout.
fn write_out(text: &str, args: &TemplateArgs) -> anyhow::Result<Exit> {
    match &args.out {
        None => {
            let mut out = io::stdout().lock();
            out.write_all(text.as_bytes())?;
            out.flush()?;
        }
        Some(path) => {
            let written = if args.force {
                atomic_file::replace(path, text.as_bytes())
            } else {
                atomic_file::create_new(path, text.as_bytes())
            };
            if let Err(e) = written {
                print_diagnostic(&e, "error");
                if path.exists() && !args.force {
                    eprintln!(
                        "adscheck: error: {} exists; add --force to replace it",
                        path.display()
                    );
                }
                return Ok(Exit::Fatal);
            }
            eprintln!(
                "Wrote {}; fill it in, then: adscheck classify {0}",
                path.display()
            );
        }
    }
    Ok(Exit::Success)
}

/// What one checked file needs: the settings in force for it and the engine they name.
struct Context {
    settings: adscheck::check::Settings,
    engine: std::sync::Arc<Engine>,
}

/// Settings and engines, loaded once each however many files share them.
struct Contexts<'c> {
    cli: &'c Cli,
    args: &'c CheckArgs,
    by_folder: std::collections::HashMap<std::path::PathBuf, std::sync::Arc<Context>>,
    by_settings: std::collections::HashMap<Option<std::path::PathBuf>, std::sync::Arc<Context>>,
    engines: std::collections::HashMap<Option<std::path::PathBuf>, std::sync::Arc<Engine>>,
}

impl Contexts<'_> {
    fn for_source(&mut self, source: &batch::Source) -> Result<std::sync::Arc<Context>, Exit> {
        let folder = match source {
            batch::Source::File(p) | batch::Source::Unreadable(p, _) => p
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .map_or_else(
                    || std::path::PathBuf::from("."),
                    std::path::Path::to_path_buf,
                ),
            batch::Source::Stdin => std::path::PathBuf::from("."),
        };
        if let Some(ctx) = self.by_folder.get(&folder) {
            return Ok(ctx.clone());
        }
        let settings_file = match &self.args.config {
            Some(config) => Some(config.clone()),
            None => adscheck::check::Settings::find(&folder),
        };
        let ctx = match self.by_settings.get(&settings_file) {
            Some(ctx) => ctx.clone(),
            None => {
                let ctx = std::sync::Arc::new(self.load(settings_file.as_deref())?);
                self.by_settings.insert(settings_file, ctx.clone());
                ctx
            }
        };
        self.by_folder.insert(folder, ctx.clone());
        Ok(ctx)
    }

    fn load(&mut self, settings_file: Option<&std::path::Path>) -> Result<Context, Exit> {
        let mut settings = match settings_file {
            Some(path) => adscheck::check::Settings::load(path).map_err(|errors| {
                errors.0.iter().for_each(|e| print_diagnostic(e, "error"));
                eprintln!(
                    "adscheck: error: the settings in {} cannot be used",
                    path.display()
                );
                Exit::Fatal
            })?,
            None => adscheck::check::Settings::defaults(std::path::PathBuf::from(".")),
        };
        if self.args.allow_undetermined {
            settings.allow_undetermined = true;
        }
        match self.args.fail_on {
            Some(FailOnArg::Error) => settings.fail_on = adscheck::check::FailOn::Error,
            Some(FailOnArg::Warning) => settings.fail_on = adscheck::check::FailOn::Warning,
            None => {}
        }
        // --checklist on the command line wins over the settings file.
        let checklist = self
            .cli
            .checklist
            .clone()
            .or_else(|| settings.checklist.clone());
        let engine = match self.engines.get(&checklist) {
            Some(engine) => engine.clone(),
            None => {
                let engine = adscheck::load_engine(checklist.as_deref()).map_err(|errors| {
                    errors.0.iter().for_each(|e| print_diagnostic(e, "error"));
                    eprintln!("adscheck: error: the checklist cannot be used");
                    Exit::Fatal
                })?;
                let engine = std::sync::Arc::new(engine);
                self.engines.insert(checklist, engine.clone());
                engine
            }
        };
        Ok(Context { settings, engine })
    }
}

fn check(cli: &Cli, args: &CheckArgs) -> anyhow::Result<Exit> {
    use adscheck::check::{self as rules, Duplicates, Totals};
    use adscheck::render::check::{CheckFormat, step_summary, write};

    let github = std::env::var("GITHUB_ACTIONS").is_ok_and(|v| v == "true");
    let format = match args.format {
        CheckFormatArg::Auto if github => CheckFormat::Github,
        CheckFormatArg::Auto | CheckFormatArg::Text => CheckFormat::Text,
        CheckFormatArg::Json => CheckFormat::Json,
        CheckFormatArg::Junit => CheckFormat::Junit,
        CheckFormatArg::Github => CheckFormat::Github,
        CheckFormatArg::Sarif => CheckFormat::Sarif,
    };
    let mut contexts = Contexts {
        cli,
        args,
        by_folder: std::collections::HashMap::new(),
        by_settings: std::collections::HashMap::new(),
        engines: std::collections::HashMap::new(),
    };
    // Resolve each file's settings first (sequentially, cached), keeping only selected files.
    let mut fatal = None;
    let selected = batch::sources(&args.paths).filter_map(|source| {
        if fatal.is_some() {
            return None;
        }
        match contexts.for_source(&source) {
            Ok(ctx) => {
                let chosen = match &source {
                    batch::Source::File(p) => ctx.settings.selects(p),
                    _ => true,
                };
                chosen.then_some((source, ctx))
            }
            Err(exit) => {
                fatal = Some(exit);
                None
            }
        }
    });
    let mut results = Vec::new();
    let mut totals = Totals::default();
    let mut duplicates = Duplicates::default();
    let mut fail_on = adscheck::check::FailOn::Error;
    let mut progress = Progress::new();
    batch::in_order(
        selected,
        |(source, ctx)| {
            let report = batch::classify(&ctx.engine, source, cli.max_file_size);
            let result = rules::check_file(&ctx.engine, &ctx.settings, &report);
            let tool_position = report.outcome.as_ref().ok().and_then(|o| o.tool_position);
            (result, tool_position)
        },
        |(_, ctx), (mut result, tool_position)| -> Result<(), std::convert::Infallible> {
            duplicates.observe(&mut result, tool_position);
            if ctx.settings.fail_on == adscheck::check::FailOn::Warning {
                fail_on = adscheck::check::FailOn::Warning;
            }
            totals.add(&result);
            results.push(result);
            progress.tick();
            Ok(())
        },
    )
    .unwrap_or_else(|never| match never {});
    progress.finish();
    if let Some(exit) = fatal {
        return Ok(exit);
    }
    if totals.files == 0 {
        return Ok(no_files(&args.paths));
    }
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    write(format, &results, &totals, &mut out)?;
    out.flush()?;
    if github && let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY") {
        let summary = step_summary(&results, &totals);
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)?;
        file.write_all(summary.as_bytes())?;
    }
    Ok(if totals.failed(fail_on) {
        Exit::Findings
    } else {
        Exit::Success
    })
}

fn self_test(cli: &Cli, file: Option<&std::path::Path>) -> anyhow::Result<Exit> {
    let path = file.or(cli.checklist.as_deref());
    let engine = match adscheck::load_engine(path) {
        Ok(engine) => engine,
        Err(errors) => {
            errors.0.iter().for_each(|e| print_diagnostic(e, "error"));
            eprintln!(
                "adscheck: error: the checklist cannot be used (run `adscheck checklist lint`)"
            );
            return Ok(Exit::Fatal);
        }
    };
    let name = path.map_or_else(
        || adscheck::checklist::DEFAULT_CHECKLIST_NAME.to_owned(),
        |p| p.display().to_string(),
    );
    let results = adscheck::selftest::run(&engine);
    let mut out = io::stdout().lock();
    for r in &results {
        let at = r
            .line
            .map_or_else(String::new, |l| format!(" ({name}:{l})"));
        if r.passed() {
            writeln!(out, "ok    {}", r.name)?;
        } else {
            writeln!(out, "FAIL  {}{at}", r.name)?;
            for d in &r.differences {
                writeln!(out, "        {d}")?;
            }
        }
    }
    let failed = results.iter().filter(|r| !r.passed()).count();
    writeln!(
        out,
        "{name}: {} test{}, {} passed, {failed} failed",
        results.len(),
        if results.len() == 1 { "" } else { "s" },
        results.len() - failed
    )?;
    Ok(if failed > 0 {
        Exit::Findings
    } else {
        Exit::Success
    })
}

/// `(checklist id, version, sha256)` of a file's stamp, read without a checklist.
fn stamp_of(name: &str, text: &str, format: yaml::Format) -> Option<(String, String, String)> {
    let root = yaml::parse_tree(name, text, format).ok()?;
    let yaml::Value::Map(entries) = root.value else {
        return None;
    };
    let (_, stamp) = entries.iter().find(|(k, _)| k.key_text() == "stamp")?;
    let yaml::Value::Map(fields) = &stamp.value else {
        return None;
    };
    let get = |key: &str| {
        fields
            .iter()
            .find(|(k, _)| k.key_text() == key)
            .map(|(_, v)| v.key_text())
            .unwrap_or_default()
    };
    Some((get("checklist"), get("version"), get("sha256")))
}

fn recheck(cli: &Cli, args: &RecheckArgs) -> anyhow::Result<Exit> {
    let load = |path: Option<&std::path::Path>| {
        adscheck::load_engine(path).map_err(|errors| {
            errors.0.iter().for_each(|e| print_diagnostic(e, "error"));
            Exit::Fatal
        })
    };
    let new = match load(Some(&args.against)) {
        Ok(engine) => engine,
        Err(exit) => return Ok(exit),
    };
    let given = match &args.from {
        Some(path) => match load(Some(path)) {
            Ok(engine) => Some(engine),
            Err(exit) => return Ok(exit),
        },
        None => None,
    };
    // Candidates for a stamp's checklist: built in, ./checklists/, beside --against.
    let mut candidates: Vec<Engine> = Vec::new();
    if given.is_none() {
        candidates.extend(adscheck::load_engine(None).ok());
        let beside = args.against.parent().map(std::path::Path::to_path_buf);
        for folder in [Some(std::path::PathBuf::from("checklists")), beside]
            .into_iter()
            .flatten()
        {
            let Ok(entries) = std::fs::read_dir(&folder) else {
                continue;
            };
            let mut paths: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
            paths.sort();
            for path in paths {
                if yaml::Format::from_path(&path).is_some()
                    && let Ok(engine) = adscheck::load_engine(Some(&path))
                {
                    candidates.push(engine);
                }
            }
        }
    }
    let mut out = io::stdout().lock();
    let (mut files, mut changed, mut failed) = (0usize, 0usize, 0usize);
    for source in batch::sources(&args.paths) {
        files += 1;
        let name = source.name();
        let text = match batch::read(&source, cli.max_file_size) {
            Ok(text) => text,
            Err(e) => {
                print_diagnostic(&e, "error");
                failed += 1;
                continue;
            }
        };
        let format = match &source {
            batch::Source::File(p) => {
                yaml::Format::from_path(p).unwrap_or_else(|| yaml::Format::sniff(&text))
            }
            _ => yaml::Format::sniff(&text),
        };
        let old = match &given {
            Some(engine) => Some(engine),
            None => stamp_of(&name, &text, format).and_then(|(id, version, sha)| {
                candidates.iter().find(|e| {
                    let c = e.checklist();
                    c.id.as_str() == id
                        && c.version.as_str() == version
                        && (sha.is_empty() || c.sha256 == sha)
                })
            }),
        };
        let Some(old) = old else {
            eprintln!(
                "{name}: error[stamp-mismatch]: cannot tell which checklist this file was answered \
                 under (no stamp, or no copy of that version built in, in ./checklists/ or beside \
                 --against): give it with --from FILE"
            );
            failed += 1;
            continue;
        };
        match adscheck::recheck::recheck(old, &new, &name, &text, format) {
            Err(errors) => {
                errors.0.iter().for_each(|e| print_diagnostic(e, "error"));
                failed += 1;
            }
            Ok(r) => {
                if r.is_empty() {
                    writeln!(out, "{name}: unchanged")?;
                    continue;
                }
                if !r.changed.is_empty() {
                    changed += 1;
                }
                let summary: Vec<String> = r
                    .changed
                    .iter()
                    .map(|(id, a, b)| format!("{id} {} -> {}", a.as_str(), b.as_str()))
                    .collect();
                if summary.is_empty() {
                    writeln!(out, "{name}: determinations unchanged")?;
                } else {
                    writeln!(out, "{name}: {}", summary.join(", "))?;
                }
                for q in &r.to_answer {
                    let what = if q.reworded {
                        "reworded question, review the answer"
                    } else {
                        "new question, needs an answer"
                    };
                    writeln!(out, "  {what}: {} {} [{}]", q.number, q.text, q.id)?;
                }
                for (id, position) in &r.removed {
                    let at = position.map_or_else(String::new, |p| format!(" (line {})", p.line));
                    writeln!(
                        out,
                        "  answer to a question that no longer exists: {id}{at}"
                    )?;
                }
            }
        }
    }
    writeln!(
        out,
        "adscheck recheck: {files} file{}, {changed} with changed determinations, {failed} not rechecked",
        if files == 1 { "" } else { "s" }
    )?;
    Ok(if changed > 0 || failed > 0 {
        Exit::Findings
    } else {
        Exit::Success
    })
}

fn stamp(cli: &Cli, args: &StampArgs) -> anyhow::Result<Exit> {
    let engine = match engine(cli) {
        Ok(engine) => engine,
        Err(exit) => return Ok(exit),
    };
    let mut failed = 0usize;
    for source in batch::sources(&args.paths) {
        let batch::Source::File(path) = &source else {
            continue;
        };
        let name = source.name();
        let parsed = batch::read(&source, cli.max_file_size)
            .map_err(|e| adscheck::Diagnostics(vec![e]))
            .and_then(|text| {
                let format =
                    yaml::Format::from_path(path).unwrap_or_else(|| yaml::Format::sniff(&text));
                AnswerFile::parse(&name, &text, format, engine.checklist())
            });
        match parsed {
            Ok(mut file) => {
                file.stamp = Some(adscheck::answers::Stamp::now(
                    engine.checklist(),
                    adscheck::answers::now_rfc3339(),
                    Some(args.by.clone()),
                ));
                if yaml::Format::from_path(path) == Some(yaml::Format::Json) {
                    eprintln!(
                        "{name}: error[wrong-type]: stamp rewrites files as YAML; this is JSON: \
                         add the stamp block by hand or keep a YAML copy"
                    );
                    failed += 1;
                    continue;
                }
                let yaml_path = path.clone();
                atomic_file::replace(&yaml_path, file.to_yaml(engine.checklist()).as_bytes())
                    .map_err(|e| anyhow::anyhow!("{e}"))?;
                println!("{}: stamped", yaml_path.display());
            }
            Err(errors) => {
                errors.0.iter().for_each(|e| print_diagnostic(e, "error"));
                failed += 1;
            }
        }
    }
    Ok(if failed > 0 {
        Exit::Findings
    } else {
        Exit::Success
    })
}
