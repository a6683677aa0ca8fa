//! The interview in a real terminal: tmux runs `adscheck interview`, the test types keys with
//! `send-keys` and reads the screen with `capture-pane`, as a person would use it.
//!
//! tmux is on the project's machines (and `.ci/run` installs it where it is missing); where it
//! is absent these tests say so and pass without running, except when `CI` is set: then they fail.

use std::path::Path;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use adscheck::Truth;

use crate::support::ll49;

static NEXT: AtomicUsize = AtomicUsize::new(0);

pub(crate) struct Term {
    socket: String,
}

fn tmux_available() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

impl Term {
    /// Start `adscheck ARGS` in a 100x50 terminal in `dir`; `None` when tmux is missing.
    pub(crate) fn start(dir: &Path, args: &str) -> Option<Term> {
        Term::start_after(dir, "", args)
    }

    /// [`Term::start`], running the shell words `before` first (a wait, an environment).
    pub(crate) fn start_after(dir: &Path, before: &str, args: &str) -> Option<Term> {
        Term::start_sized(dir, before, args, (100, 50))
    }

    /// [`Term::start_after`] in a terminal of `(columns, rows)`.
    pub(crate) fn start_sized(
        dir: &Path,
        before: &str,
        args: &str,
        size: (u16, u16),
    ) -> Option<Term> {
        if !tmux_available() {
            // In CI a missing tmux is a broken set-up, not a reason to pass.
            assert!(
                std::env::var_os("CI").is_none(),
                "tmux is not installed, and CI is set: the terminal tests must run in CI"
            );
            eprintln!("skipping: tmux is not installed");
            return None;
        }
        let socket = format!(
            "adscheck-test-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::SeqCst)
        );
        let binary = env!("CARGO_BIN_EXE_adscheck");
        // Keep the pane open after the program ends, so its last screen and exit code can be read.
        let script = format!("{before}{binary} {args}; echo EXIT=$?; sleep 60");
        let status = Command::new("tmux")
            .args([
                "-L",
                &socket,
                "-f",
                "/dev/null",
                "new-session",
                "-d",
                "-s",
                "t",
                "-x",
                &size.0.to_string(),
                "-y",
                &size.1.to_string(),
                "-c",
            ])
            .arg(dir)
            .args(["sh", "-c", &script])
            .env_remove("NO_COLOR")
            .status()
            .unwrap();
        assert!(status.success(), "tmux did not start");
        Some(Term { socket })
    }

    pub(crate) fn tmux(&self, args: &[&str]) -> String {
        let output = Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .unwrap();
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    /// Press keys (tmux key names: Enter, Escape, Down, Space, C-c).
    pub(crate) fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "t"];
        args.extend_from_slice(keys);
        self.tmux(&args);
    }

    /// Type text literally.
    pub(crate) fn text(&self, text: &str) {
        self.tmux(&["send-keys", "-t", "t", "-l", text]);
    }

    /// The visible screen, trailing blanks trimmed.
    pub(crate) fn screen(&self) -> String {
        trim(&self.tmux(&["capture-pane", "-p", "-t", "t"]))
    }

    /// Everything printed so far, scrollback included.
    pub(crate) fn history(&self) -> String {
        trim(&self.tmux(&["capture-pane", "-p", "-S", "-", "-t", "t"]))
    }

    /// Wait until the screen satisfies `ready`; the screen then.
    #[track_caller]
    pub(crate) fn wait_until(&self, what: &str, mut ready: impl FnMut(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(25));
        }
    }

    /// Wait until the screen shows `needle` anywhere.
    #[track_caller]
    pub(crate) fn wait_for(&self, needle: &str) -> String {
        self.wait_until(needle, |screen| screen.contains(needle))
    }

    /// Wait until the prompt waiting for input is `needle`: inquire marks the active prompt
    /// with `? ` (answered ones with `> `) and draws its help line, in brackets, last.
    #[track_caller]
    pub(crate) fn prompt(&self, needle: &str) -> String {
        self.wait_until(&format!("the prompt {needle:?}"), |screen| {
            // The active prompt's message, joined again where it was wrapped at spaces.
            let lines: Vec<&str> = screen.lines().collect();
            let active = lines.iter().rposition(|l| l.starts_with("? ")).map(|at| {
                lines[at..(at + 3).min(lines.len())]
                    .iter()
                    .map(|l| l.trim())
                    .collect::<Vec<_>>()
                    .join(" ")
            });
            // inquire's help line last, in brackets (wrapped over up to three lines when
            // narrow).
            active.is_some_and(|l| l.contains(needle))
                && screen.trim_end().ends_with(']')
                && screen.lines().rev().take(3).any(|l| l.starts_with('['))
        })
    }
}

impl Term {
    /// Wait until the plain interview waits for a line: the screen is no longer `before` (the
    /// screen as the last line was typed), its last line is a prompt (it ends with a colon), and
    /// it has stopped changing. The screen then.
    pub(crate) fn plain_prompt(&self, before: &str) -> String {
        let mut last = String::new();
        self.wait_until("a plain prompt", |screen| {
            let ready = screen != before && screen.trim_end().ends_with(':') && screen == last;
            last = screen.to_owned();
            ready
        })
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        self.tmux(&["kill-server"]);
    }
}

fn trim(screen: &str) -> String {
    let lines: Vec<&str> = screen.lines().map(str::trim_end).collect();
    let end = lines
        .iter()
        .rposition(|l| !l.is_empty())
        .map_or(0, |i| i + 1);
    lines[..end].join("\n")
}

/// The prompts of a full interview, in order, with the keys that answer them: an Agency ADS.
/// No question has a default answer: each is answered by typing it, which filters the list.
pub(crate) fn full_script() -> Vec<(&'static str, Vec<Key>)> {
    use Key::{Press, Type};
    vec![
        (
            "Name of the tool",
            vec![Type("Fire risk model"), Press("Enter")],
        ),
        (
            "Agency that uses it",
            vec![Type("Fire Department"), Press("Enter")],
        ),
        (
            "Short description",
            vec![Type("Ranks buildings for inspection"), Press("Enter")],
        ),
        ("Contact for questions", vec![Press("Enter")]),
        (
            "(1)(a) Is it an algorithm?",
            vec![Type("yes"), Press("Enter")],
        ),
        ("tick any that apply", vec![Press("Space"), Press("Enter")]),
        (
            "Note (optional",
            vec![Type("Gradient-boosted model"), Press("Enter")],
        ),
        (
            "(1)(b) Is it a computerized",
            vec![Type("yes"), Press("Enter")],
        ),
        ("Note (optional", vec![Press("Enter")]),
        (
            "(1)(c) Is the algorithm used",
            vec![Type("yes"), Press("Enter")],
        ),
        (
            "Tick the kinds of decision",
            vec![
                Press("Down"),
                Press("Down"),
                Press("Down"),
                Press("Space"),
                Press("Enter"),
            ],
        ),
        ("Note (optional", vec![Press("Enter")]),
        (
            "(2)(a) Is the ADS used by an agency",
            vec![Type("yes"), Press("Enter")],
        ),
        ("Note (optional", vec![Press("Enter")]),
        (
            "(2)(b) Do/will such decisions",
            vec![Type("yes"), Press("Enter")],
        ),
        (
            "Tick the factors that apply",
            vec![Press("Space"), Press("Enter")],
        ),
        (
            "Note (optional",
            vec![Type("Owners are inspected more often"), Press("Enter")],
        ),
        (
            "Your name and role",
            vec![Type("Pat Lee, inspections analyst"), Press("Enter")],
        ),
    ]
}

#[derive(Clone, Copy)]
pub(crate) enum Key {
    Press(&'static str),
    Type(&'static str),
}

pub(crate) fn play(term: &Term, steps: &[(&'static str, Vec<Key>)]) {
    for (prompt, keys) in steps {
        term.prompt(prompt);
        for key in keys {
            match key {
                Key::Press(k) => term.keys(&[k]),
                Key::Type(t) => term.text(t),
            }
        }
    }
}

fn classify(dir: &Path, file: &str, explain: bool) -> String {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_adscheck"));
    cmd.current_dir(dir).arg("classify");
    if explain {
        cmd.arg("--explain");
    } else {
        cmd.args(["-f", "json"]);
    }
    let output = cmd.arg(file).output().unwrap();
    String::from_utf8(output.stdout).unwrap()
}

pub(crate) fn determinations(dir: &Path, file: &str) -> Vec<Truth> {
    let engine = ll49();
    let text = std::fs::read_to_string(dir.join(file)).unwrap();
    let parsed = adscheck::AnswerFile::parse(
        file,
        &text,
        adscheck::document::Format::Yaml,
        engine.checklist(),
    )
    .unwrap();
    adscheck::Classification::evaluate(&engine, parsed)
        .outcome
        .unwrap()
        .determinations
}

#[test]
fn a_full_interview_ends_with_the_determination_and_its_reasons() {
    let dir = tempfile::tempdir().unwrap();
    let Some(term) = Term::start(dir.path(), "interview --out tool.yaml") else {
        return;
    };
    let first = term.prompt("Name of the tool");
    insta::assert_snapshot!("interview_first_screen", first);
    let script = full_script();
    play(&term, &script[..4]);
    let question = term.prompt("(1)(a) Is it an algorithm?");
    insta::assert_snapshot!("interview_question_screen", question);
    play(&term, &script[4..]);
    term.wait_for("EXIT=0");
    assert_eq!(
        determinations(dir.path(), "tool.yaml"),
        [Truth::Yes, Truth::Yes]
    );
    // The end of the interview shows exactly what `classify --explain` prints for the file.
    let history = term.history();
    let explain = classify(dir.path(), "tool.yaml", true);
    assert!(explain.contains("Agency ADS: yes"));
    assert!(
        history.contains(trim(&explain).as_str()),
        "explain output not shown:\n{history}"
    );
    assert!(history.contains("Saved to tool.yaml."));
    // The verdict is last, boxed, on the screen as it is left.
    let screen = term.screen();
    let boxed: Vec<&str> = screen
        .lines()
        .skip_while(|l| !l.starts_with('┌'))
        .take_while(|l| !l.starts_with("EXIT="))
        .collect();
    assert_eq!(boxed.len(), 6, "{screen}");
    assert!(
        boxed[1].starts_with(
            "│ Question 1: Is the tool or program an \"automated decision system\" (ADS)?  YES"
        ),
        "{screen}"
    );
    assert!(
        boxed[2].starts_with("│ Question #2: Does the ADS constitute an \"Agency ADS\"?  YES"),
        "{screen}"
    );
    assert!(boxed[3].starts_with("│ Saved to tool.yaml."), "{screen}");
    assert!(
        boxed[5].starts_with('└')
            && boxed
                .iter()
                .all(|l| l.chars().count() == boxed[0].chars().count()),
        "{screen}"
    );
    let json = classify(dir.path(), "tool.yaml", false);
    assert!(json.contains("\"agency_ads\": \"yes\""));
}

#[test]
fn help_is_one_key_away_and_back_changes_an_answer() {
    let dir = tempfile::tempdir().unwrap();
    // `cat` as the pager: the whole help at once (paging has a test of its own).
    let Some(term) = Term::start_after(
        dir.path(),
        "ADSCHECK_PAGER=cat ",
        "interview --out tool.yaml",
    ) else {
        return;
    };
    play(&term, &full_script()[..2]);
    // A required field left empty is refused with a message that reads as one.
    term.prompt("Short description");
    term.keys(&["Enter"]);
    let screen = term.wait_for("error: This is needed for the inventory; please fill it in.");
    assert!(!screen.contains("# This is needed"), "{screen}");
    play(&term, &full_script()[2..4]);
    term.prompt("(1)(a) Is it an algorithm?");
    // `?` filters the list to the help line; Enter shows the guidance and the law.
    term.text("?");
    term.wait_for("> ? Show guidance");
    term.keys(&["Enter"]);
    let help = term.wait_until("help, then the question again", |screen| {
        screen.contains("Footnotes (")
            && screen
                .lines()
                .last()
                .is_some_and(|l| l.starts_with('[') && l.ends_with(']'))
    });
    for part in [
        "A set of formal or informal rules, processes, or instructions",
        "Legal definition[1] (Local Law 49 of 2018, § 1(a)):",
        "[2] Note, the language used in (1)(a)",
    ] {
        assert!(
            term.history().contains(part),
            "help lacks {part:?}:\n{help}"
        );
    }
    insta::assert_snapshot!("interview_help_screen", help);
    // The question is asked again after the help, still with no answer chosen: typing
    // filters the list; answer yes, no checkboxes, no note.
    term.prompt("(1)(a) Is it an algorithm?");
    term.text("yes");
    term.keys(&["Enter"]);
    term.prompt("tick any that apply");
    term.keys(&["Enter"]);
    term.prompt("Note (optional");
    term.keys(&["Enter"]);
    // At (1)(b), Esc goes back to (1)(a); change it to no: the interview ends.
    term.prompt("(1)(b) Is it a computerized");
    term.keys(&["Escape"]);
    term.prompt("(1)(a) Is it an algorithm?");
    // The prompt left says what Esc did, in the interview's words, not inquire's.
    let history = term.history();
    assert!(
        history.contains("(1)(b) Is it a computerized implementation of an algorithm? (back)"),
        "{history}"
    );
    assert!(!history.contains("<canceled>"), "{history}");
    term.keys(&["Down", "Enter"]);
    term.prompt("Note (optional");
    term.text("Only plays recorded video");
    term.keys(&["Enter"]);
    // Once everything that matters is answered: who answered, asked once.
    term.prompt("Your name and role");
    term.text("Pat Lee");
    term.keys(&["Enter"]);
    term.wait_for("EXIT=0");
    assert_eq!(
        determinations(dir.path(), "tool.yaml"),
        [Truth::No, Truth::No]
    );
    let text = std::fs::read_to_string(dir.path().join("tool.yaml")).unwrap();
    assert!(
        text.contains("  1a:\n    answer: no\n    note: \"Only plays recorded video\""),
        "{text}"
    );
}

#[test]
fn ctrl_c_saves_and_resume_finishes_with_the_same_result() {
    let script = full_script();
    // Uninterrupted, for comparison.
    let whole = tempfile::tempdir().unwrap();
    let Some(term) = Term::start(whole.path(), "interview --out tool.yaml") else {
        return;
    };
    play(&term, &script);
    term.wait_for("EXIT=0");
    drop(term);
    let expected = std::fs::read_to_string(whole.path().join("tool.yaml")).unwrap();

    // Interrupted at (1)(c), then resumed.
    let dir = tempfile::tempdir().unwrap();
    let term = Term::start(dir.path(), "interview --out tool.yaml").unwrap();
    play(&term, &script[..9]);
    term.prompt("(1)(c) Is the algorithm used");
    term.keys(&["C-c"]);
    let screen = term.wait_for("EXIT=130");
    assert!(screen.contains("Saved to tool.yaml."), "{screen}");
    assert!(
        screen.contains("Resume with: adscheck interview --resume tool.yaml"),
        "{screen}"
    );
    let saved = std::fs::read_to_string(dir.path().join("tool.yaml")).unwrap();
    assert!(
        saved.contains("  1b:\n    answer: yes"),
        "answers before the stop are saved:\n{saved}"
    );
    drop(term);

    let term = Term::start(dir.path(), "interview --resume tool.yaml").unwrap();
    // No metadata, no earlier question: it carries on at (1)(c).
    let screen = term.prompt("(1)(c) Is the algorithm used");
    assert!(!screen.contains("Name of the tool"), "{screen}");
    play(&term, &script[9..]);
    term.wait_for("EXIT=0");
    let resumed = std::fs::read_to_string(dir.path().join("tool.yaml")).unwrap();
    // The same file but for the time in the stamp.
    let untimed = |t: &str| {
        t.lines()
            .filter(|l| !l.trim_start().starts_with("at: "))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(untimed(&resumed), untimed(&expected));
    assert!(
        resumed.contains("  by: \"Pat Lee, inspections analyst\""),
        "{resumed}"
    );
}

#[test]
fn an_existing_file_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("tool.yaml"), "precious").unwrap();
    let Some(term) = Term::start(dir.path(), "interview --out tool.yaml") else {
        return;
    };
    let screen = term.wait_for("EXIT=2");
    assert!(screen.contains("tool.yaml already exists"), "{screen}");
    assert!(screen.contains("--resume tool.yaml"), "{screen}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("tool.yaml")).unwrap(),
        "precious"
    );
}

/// The pid of the program running in the pane (the shell's child).
fn program_pid(term: &Term) -> Option<String> {
    let shell = term.tmux(&["list-panes", "-t", "t", "-F", "#{pane_pid}"]);
    let output = Command::new("pgrep")
        .args(["-P", shell.trim(), "adscheck"])
        .output()
        .ok()?;
    let pid = String::from_utf8_lossy(&output.stdout).trim().to_owned();
    (!pid.is_empty()).then_some(pid)
}

#[test]
fn sigterm_at_any_prompt_leaves_a_valid_resumable_file() {
    let script = full_script();
    // Where each question's walk starts in the script, to resume from there.
    let starts = [("1a", 4), ("1b", 7), ("1c", 9), ("2a", 12), ("2b", 14)];
    let whole = tempfile::tempdir().unwrap();
    let Some(term) = Term::start(whole.path(), "interview --out tool.yaml") else {
        return;
    };
    if Command::new("pgrep").arg("-V").output().is_err() {
        eprintln!("skipping: pgrep is not installed");
        return;
    }
    play(&term, &script);
    term.wait_for("EXIT=0");
    drop(term);
    let engine = ll49();
    let parse = |dir: &Path| {
        let text = std::fs::read_to_string(dir.join("tool.yaml")).unwrap();
        adscheck::AnswerFile::parse(
            "t",
            &text,
            adscheck::document::Format::Yaml,
            engine.checklist(),
        )
        .expect("a valid answer file")
    };
    let expected = parse(whole.path());

    // Killed at: a metadata field, a question, its checkboxes, a note.
    for stop in [1, 4, 5, 6, 10] {
        let dir = tempfile::tempdir().unwrap();
        let term = Term::start(dir.path(), "interview --out tool.yaml").unwrap();
        play(&term, &script[..stop]);
        term.prompt(script[stop].0);
        let pid = program_pid(&term).expect("the interview is running");
        Command::new("kill").args(["-TERM", &pid]).status().unwrap();
        term.wait_for("EXIT=143");
        drop(term);
        let saved = parse(dir.path());
        // Resume carries on at the first missing required field (before any answer, and then
        // through the optional contact), else at the first question without an answer: a
        // contact passed over is not asked again.
        let nothing_answered = saved.answers.iter().all(Option::is_none);
        let missing_field = ["name", "agency", "description"]
            .iter()
            .position(|f| !saved.tool.contains_key(*f));
        let from = match missing_field {
            Some(i) if nothing_answered => i,
            _ => {
                let first_open = engine
                    .checklist()
                    .questions
                    .iter()
                    .zip(&saved.answers)
                    .find(|(_, a)| a.is_none())
                    .map(|(q, _)| q.id.value.clone())
                    .unwrap();
                starts.iter().find(|(id, _)| *id == first_open).unwrap().1
            }
        };
        let term = Term::start(dir.path(), "interview --resume tool.yaml").unwrap();
        play(&term, &script[from..]);
        term.wait_for("EXIT=0");
        drop(term);
        let resumed = parse(dir.path());
        assert_eq!(resumed.tool, expected.tool, "stop {stop}");
        for (i, (a, b)) in resumed.answers.iter().zip(&expected.answers).enumerate() {
            let (a, b) = (a.as_ref().unwrap(), b.as_ref().unwrap());
            assert_eq!(
                (a.value, &a.options),
                (b.value, &b.options),
                "stop {stop}, question {i}"
            );
            // A note being typed when the process was killed is lost; nothing else is.
            if !(script[stop].0.starts_with("Note") && stop == 6 && i == 0) {
                assert_eq!(a.note, b.note, "stop {stop}, question {i}");
            }
        }
    }
}

#[test]
fn term_dumb_gets_the_plain_interview_without_escape_sequences() {
    plain_in_tmux("TERM=dumb ");
}

#[test]
fn adscheck_plain_in_a_colour_terminal_writes_no_escape_sequences() {
    plain_in_tmux("ADSCHECK_PLAIN=1 ");
}

/// A full plain interview typed at a real terminal, `env` set for adscheck: every byte it
/// writes is recorded, and none may be an escape.
fn plain_in_tmux(env: &str) {
    let dir = tempfile::tempdir().unwrap();
    // The program waits for `go`, so that every byte it writes to the terminal is recorded.
    let Some(term) = Term::start_after(
        dir.path(),
        &format!("while [ ! -e go ]; do sleep 0.05; done; {env}"),
        "interview --out tool.yaml",
    ) else {
        return;
    };
    let raw = dir.path().join("raw.log");
    term.tmux(&[
        "pipe-pane",
        "-t",
        "t",
        &format!("cat >> '{}'", raw.display()),
    ]);
    std::fs::write(dir.path().join("go"), "").unwrap();
    // Typed as a person at a terminal (or a screen reader's user) types: one answer a line,
    // each once its prompt is shown; an empty line last declines the reasons.
    let mut before = String::new();
    for line in crate::plain::FULL.lines().chain([""]) {
        before = term.plain_prompt(&before);
        term.text(line);
        term.keys(&["Enter"]);
    }
    let screen = term.wait_for("EXIT=0");
    assert!(screen.contains("Agency ADS"), "{screen}");
    let bytes = std::fs::read(&raw).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    assert!(
        text.contains("(1)(a) Is it an algorithm?"),
        "the recording holds the interview: {text}"
    );
    assert!(
        !bytes.contains(&0x1b),
        "an escape sequence reached a dumb terminal: {text:?}"
    );
    // The same answers as the piped script: the same determinations.
    assert_eq!(
        determinations(dir.path(), "tool.yaml"),
        [Truth::Yes, Truth::Yes]
    );
}

#[test]
fn a_changed_answer_shows_its_earlier_note_without_pre_filling_it() {
    let dir = tempfile::tempdir().unwrap();
    let Some(term) = Term::start(dir.path(), "interview --out tool.yaml") else {
        return;
    };
    play(&term, &full_script()[..7]);
    // At (1)(b), back to (1)(a), and change yes to no: the note given with yes is shown and
    // kept by Enter, replaced by typing, removed by a single -.
    term.prompt("(1)(b) Is it a computerized");
    term.keys(&["Escape"]);
    term.prompt("(1)(a) Is it an algorithm?");
    term.keys(&["Down", "Enter"]);
    let screen = term.prompt("Note:");
    assert!(
        screen.contains("? Note: (Gradient-boosted model)\n[Enter keeps the note shown"),
        "{screen}"
    );
    term.text("-");
    term.keys(&["Enter"]);
    term.prompt("Your name and role");
    term.text("Pat Lee");
    term.keys(&["Enter"]);
    term.wait_for("EXIT=0");
    let text = std::fs::read_to_string(dir.path().join("tool.yaml")).unwrap();
    assert!(text.contains("  1a:\n    answer: no\n"), "{text}");
    assert!(!text.contains("Gradient-boosted model"), "{text}");
}

#[test]
fn ctrl_c_at_the_checkboxes_keeps_the_yes_just_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let Some(term) = Term::start(dir.path(), "interview --out tool.yaml") else {
        return;
    };
    play(&term, &full_script()[..9]);
    term.prompt("(1)(c) Is the algorithm used");
    term.text("yes");
    term.keys(&["Enter"]);
    term.prompt("Tick the kinds of decision");
    term.keys(&["C-c"]);
    term.wait_for("EXIT=130");
    let saved = std::fs::read_to_string(dir.path().join("tool.yaml")).unwrap();
    assert!(saved.contains("  1c:\n    answer: yes"), "{saved}");
    assert_eq!(
        determinations(dir.path(), "tool.yaml")[0],
        Truth::Yes,
        "(1)(a), (1)(b) and (1)(c) yes: an ADS"
    );
}

#[test]
fn resume_on_a_complete_file_offers_a_review_and_keeps_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let Some(term) = Term::start(dir.path(), "interview --out tool.yaml") else {
        return;
    };
    play(&term, &full_script());
    term.wait_for("EXIT=0");
    drop(term);
    let before = std::fs::read_to_string(dir.path().join("tool.yaml")).unwrap();
    let term = Term::start(dir.path(), "interview --resume tool.yaml").unwrap();
    let screen = term.prompt("Change an answer?");
    assert!(
        screen.contains("(1)(a) Is it an algorithm? Answer: yes; note: Gradient-boosted model."),
        "{screen}"
    );
    // The cursor starts on keeping them: Enter changes nothing.
    assert!(screen.contains("> Keep these answers"), "{screen}");
    term.keys(&["Enter"]);
    term.wait_for("EXIT=0");
    drop(term);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("tool.yaml")).unwrap(),
        before
    );
    // Choose (2)(b) and change it to no.
    let term = Term::start(dir.path(), "interview --resume tool.yaml").unwrap();
    term.prompt("Change an answer?");
    term.text("(2)(b)");
    term.keys(&["Enter"]);
    term.prompt("(2)(b) Do/will such decisions");
    term.text("no");
    term.keys(&["Enter"]);
    term.prompt("Note:");
    term.keys(&["Enter"]);
    term.prompt("Change an answer?");
    term.keys(&["Enter"]);
    term.prompt("Your name and role");
    term.text("Sam Roe");
    term.keys(&["Enter"]);
    term.wait_for("EXIT=0");
    assert_eq!(
        determinations(dir.path(), "tool.yaml"),
        [Truth::Yes, Truth::No]
    );
}

/// Answer the tool fields and open the guidance of (1)(a), in a 60x24 terminal with `pager`.
fn help_at_60x24(dir: &Path, pager: &str) -> Option<Term> {
    let before = format!("ADSCHECK_PAGER='{pager}' ");
    let term = Term::start_sized(dir, &before, "interview --out tool.yaml", (60, 24))?;
    play(&term, &full_script()[..4]);
    term.prompt("(1)(a) Is it an algorithm?");
    term.text("?");
    term.wait_for("> ? Show guidance");
    term.keys(&["Enter"]);
    Some(term)
}

#[test]
fn long_help_is_paged_by_screenfuls_without_a_pager() {
    let dir = tempfile::tempdir().unwrap();
    let Some(term) = help_at_60x24(dir.path(), "") else {
        return;
    };
    // The first screenful, from the top, and a line that says how to go on.
    let screen = term.wait_for("Enter for more, q and Enter to stop --");
    assert!(
        screen.contains("(1)(a) Is it an algorithm?\nGuidance"),
        "{screen}"
    );
    assert!(!screen.contains("Footnotes ("), "{screen}");
    let total: usize = screen
        .lines()
        .rfind(|l| l.starts_with("-- "))
        .unwrap_or_default()
        .split(" of ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(total > 23, "{total}");
    // Enter: the next screenful; q: back to the question, which is asked again.
    term.keys(&["Enter"]);
    term.wait_for("-- 46 of");
    term.text("q");
    term.keys(&["Enter"]);
    asked_again(&term);
}

/// Wait for (1)(a) to be asked again after its help (at 60 columns inquire's help line wraps).
fn asked_again(term: &Term) {
    term.wait_until("(1)(a) asked again", |screen| {
        screen.contains("? (1)(a) Is it an algorithm?\n")
            && screen.contains("> ? Show guidance")
            && screen.trim_end().ends_with("save and stop]")
    });
}

#[test]
fn long_help_opens_in_less() {
    let dir = tempfile::tempdir().unwrap();
    if Command::new("less").arg("--version").output().is_err() {
        assert!(
            std::env::var_os("CI").is_none(),
            "less is not installed, and CI is set: .ci/run installs it"
        );
        eprintln!("skipping: less is not installed");
        return;
    }
    let Some(term) = help_at_60x24(dir.path(), "less") else {
        return;
    };
    // less's own prompt at the bottom, the help's top above it; q returns to the question.
    let screen = term.wait_until("less's prompt", |s| s.lines().last() == Some(":"));
    assert!(
        screen.contains("Guidance (NYC ADS Task Force checklist):"),
        "{screen}"
    );
    term.text("q");
    asked_again(&term);
}

#[test]
fn a_full_interview_at_60x24_wraps_at_spaces_and_ends_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let Some(term) = Term::start_sized(dir.path(), "", "interview --out tool.yaml", (60, 24))
    else {
        return;
    };
    play(&term, &full_script());
    let screen = term.wait_for("EXIT=0");
    assert_eq!(
        determinations(dir.path(), "tool.yaml"),
        [Truth::Yes, Truth::Yes]
    );
    // The verdict is on the screen as it is left, boxed within the 60 columns.
    assert!(screen.contains("YES"), "{screen}");
    assert!(screen.contains("Saved to tool.yaml."), "{screen}");
    // Joined as the terminal wrapped them, no line of the whole session is wider than the
    // terminal: everything adscheck and its prompts printed was wrapped at spaces beforehand.
    let joined = term.tmux(&["capture-pane", "-p", "-J", "-S", "-", "-t", "t"]);
    for line in joined.lines() {
        assert!(
            line.trim_end().chars().count() <= 60,
            "wrapped by the terminal: {line:?}"
        );
    }
}

/// Regression (issue 22): a pager that starts but fails showed nothing, and the question was
/// asked again in silence; the text is shown here instead, with a word about the pager.
#[test]
fn a_pager_that_fails_does_not_swallow_the_help() {
    let dir = tempfile::tempdir().unwrap();
    let Some(term) = help_at_60x24(dir.path(), "false") else {
        return;
    };
    // Shown by screenfuls, from the top (the word about the pager scrolls above it).
    let screen = term.wait_for("Enter for more, q and Enter to stop --");
    assert!(
        screen.contains("(1)(a) Is it an algorithm?\nGuidance"),
        "{screen}"
    );
    term.text("q");
    term.keys(&["Enter"]);
    asked_again(&term);
}
