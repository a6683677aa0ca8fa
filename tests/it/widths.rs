//! Issue 25: an interview that collects the Local Law 35 report's fields, in a real terminal
//! (tmux) at 40, 60 and 100 columns and as plain lines, ends with a file that passes `check`
//! with the edition's rules; and no line it shows, at any of those widths, breaks a word:
//! prompts, checkbox lists, review lists, answers echoed back and the result.

use std::path::Path;
use std::process::Command;

use adscheck::Truth;

use crate::terminal::{Key, Term, determinations, full_script, play};

/// Lines of `screen` broken mid-word: one that fills the terminal's `width` to its last column
/// and ends in a letter or digit, followed by one that begins with a letter or digit (inquire
/// breaks a line wherever it runs out of room; the terminal does the same with one too long).
fn broken_words(screen: &str, width: usize) -> Vec<String> {
    broken_words_but(screen, width, &[])
}

/// [`broken_words`], except inside text a person is typing at the prompt (`typed`): a
/// terminal wraps what is being typed wherever it runs out of room, as every line editor does.
/// The screen may be read while the text is still being typed, so the next line may hold
/// only the start of the rest.
fn broken_words_but(screen: &str, width: usize, typed: &[&str]) -> Vec<String> {
    let lines: Vec<&str> = screen.lines().collect();
    let being_typed = |line: &str, next: &str| {
        let next = next.trim_end();
        typed.iter().any(|t| {
            t.char_indices().skip(1).any(|(k, _)| {
                let rest = &t[k..];
                line.ends_with(&t[..k]) && (next.starts_with(rest) || rest.starts_with(next))
            })
        })
    };
    lines
        .windows(2)
        .filter(|pair| {
            let (line, next) = (pair[0], pair[1]);
            textwrap::core::display_width(line) >= width
                && line.chars().last().is_some_and(char::is_alphanumeric)
                && next.chars().next().is_some_and(char::is_alphanumeric)
                && !(line.starts_with("? ") && being_typed(line, next))
        })
        .map(|pair| format!("{}⏎{}", pair[0], pair[1]))
        .collect()
}

#[test]
fn the_detector_finds_a_word_broken_at_the_edge_and_nothing_else() {
    let screen = "? Name of the tool (or its commercial na\nme)\nshort line\nfits";
    assert_eq!(broken_words(screen, 40).len(), 1);
    assert!(broken_words("a line that ends\nat a space", 40).is_empty());
    // What a person is typing at the prompt wraps as the terminal wraps it; the prompt's own
    // words do not.
    let typing = "? Short description: what it does Ranks b\nuildings";
    assert!(broken_words_but(typing, 42, &["Ranks buildings"]).is_empty());
    // Read while still being typed: the next line holds the start of the rest.
    let midway = "? Note (optional; Enter to skip): Gradie\nnt-boosted mo";
    assert!(broken_words_but(midway, 40, &["Gradient-boosted model"]).is_empty());
    // Text that is not what is being typed is still caught.
    assert_eq!(broken_words_but(midway, 40, &["Gradient-free"]).len(), 1);
    assert_eq!(broken_words_but(screen, 40, &["Ranks buildings"]).len(), 1);
}

/// The inventory's settings: the Local Law 35 rules of the 2024 edition.
fn inventory(dir: &Path) {
    std::fs::write(dir.join(".adscheck.yaml"), "ll35: {edition: 2024}\n").unwrap();
}

/// `adscheck check .` in `dir`: its exit code and output.
fn check(dir: &Path) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_adscheck"))
        .current_dir(dir)
        .args(["check", "."])
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code(), text)
}

/// The report's steps after the checklist, as a person answers them in the full-screen
/// interview: each step's heading (as the screen shows it, lines joined), and its keys. No
/// vendor, so its name and part are not asked; "Individuals", so which ones is.
fn report_script() -> Vec<(&'static str, Vec<Key>)> {
    use Key::{Press, Type};
    vec![
        (
            "1 of up to 17: Tool Purpose",
            vec![Type("Ranks buildings by fire risk"), Press("Enter")],
        ),
        ("2 of up to 17: Training data", vec![Press("Enter")]),
        (
            "3 of up to 17: Input data",
            vec![Type("Inspection records, from FDNY"), Press("Enter")],
        ),
        (
            "4 of up to 17: Output",
            vec![Type("A ranked list for inspectors"), Press("Enter")],
        ),
        (
            "5 of up to 17: Vendor or contractor involved",
            vec![Press("Down"), Press("Enter")],
        ),
        (
            "6 of up to 17: First used",
            vec![Type("2019/04"), Press("Enter")],
        ),
        ("7 of up to 17: Department", vec![Press("Enter")]),
        (
            "8 of up to 17: Identifying information",
            vec![Press("Enter")],
        ),
        (
            "9 of up to 17: Computation type",
            vec![
                Press("Down"),
                Press("Down"),
                Press("Down"),
                Press("Space"),
                Press("Enter"),
            ],
        ),
        ("10 of up to 17: Purpose type", vec![Press("Enter")]),
        (
            "11 of up to 17: Population type",
            vec![Press("Space"), Press("Enter")],
        ),
        (
            "12 of up to 17: Population: individuals",
            vec![Press("Enter")],
        ),
        (
            "13 of up to 17: Updated this year",
            vec![Press("Down"), Press("Enter")],
        ),
    ]
}

/// The screen with its lines joined by spaces, as adscheck wrapped them at spaces.
fn joined(screen: &str) -> String {
    screen.lines().map(str::trim).collect::<Vec<_>>().join(" ")
}

/// Answer the report's steps, checking every screen for broken words.
fn play_report(term: &Term, width: usize, seen: &mut Vec<String>) {
    for (heading, keys) in report_script() {
        let screen = term.wait_until(&format!("the report's step {heading:?}"), |screen| {
            joined(screen).contains(heading)
                && screen.lines().rfind(|l| l.starts_with("? ")).is_some()
                && screen.trim_end().ends_with(']')
        });
        seen.extend(broken_words(&screen, width));
        for key in keys {
            match key {
                Key::Press(k) => term.keys(&[k]),
                Key::Type(t) => term.text(t),
            }
        }
    }
}

#[test]
fn the_full_screen_interview_collects_the_report_and_breaks_no_word_at_40_60_or_100_columns() {
    for width in [40_u16, 60, 100] {
        let dir = tempfile::tempdir().unwrap();
        inventory(dir.path());
        let Some(term) =
            Term::start_sized(dir.path(), "", "interview --out tool.yaml", (width, 40))
        else {
            return;
        };
        let width = usize::from(width);
        let mut broken = Vec::new();
        // The first screen says how to switch to plain prompts.
        let first = term.prompt("Name of the tool");
        assert!(
            joined(&first).contains("adscheck interview --plain"),
            "{first}"
        );
        broken.extend(broken_words(&first, width));
        let script = full_script();
        let (checklist, respondent) = script.split_at(script.len() - 1);
        for step in checklist {
            play(&term, std::slice::from_ref(step));
            let typed: Vec<&str> = step
                .1
                .iter()
                .filter_map(|k| match k {
                    Key::Type(t) => Some(*t),
                    Key::Press(_) => None,
                })
                .collect();
            broken.extend(broken_words_but(&term.screen(), width, &typed));
        }
        play_report(&term, width, &mut broken);
        play(&term, respondent);
        term.wait_for("EXIT=0");
        broken.extend(broken_words(&term.history(), width));
        assert!(broken.is_empty(), "at {width} columns: {broken:#?}");
        assert_eq!(
            determinations(dir.path(), "tool.yaml"),
            [Truth::Yes, Truth::Yes]
        );
        let saved = std::fs::read_to_string(dir.path().join("tool.yaml")).unwrap();
        for line in [
            "  agency: \"Fire Department\"\n",
            "  purpose: \"Ranks buildings by fire risk\"\n",
            "  vendor_name: \"None\"\n",
            "  date_use: \"2019/04\"\n",
            "  computation_type: [\"Scoring\"]\n",
            "  population_type: [\"Individuals\"]\n",
            "  updated: \"No\"\n",
        ] {
            assert!(saved.contains(line), "{line:?} not in:\n{saved}");
        }
        // Nothing left to edit by hand: the file passes the edition's rules.
        let (code, out) = check(dir.path());
        assert_eq!(code, Some(0), "{out}");
        assert!(out.contains("0 errors"), "{out}");
        assert!(!out.contains("ll35-"), "{out}");
    }
}

/// The plain interview's answers for the same tool: the checklist, then the report's fields
/// (no vendor), then who answered; an empty line last declines the reasons.
pub(crate) const PLAIN_WITH_REPORT: &str = "Fire risk model\nFDNY\nRanks buildings for \
    inspection\n\n1\n1\nGradient-boosted model\n1\n\n1\n4 6\n\n1\n\n1\n5\nOwners are inspected \
    more often\nRanks buildings by fire risk\n\nInspection records, from FDNY\nA ranked list \
    for inspectors\n2\n2019/04\n\n1\n4\n\n1\n\n2\nPat Lee, inspections analyst\n\n";

#[test]
fn the_plain_interview_at_a_terminal_wraps_every_line_at_spaces() {
    for width in [40_u16, 60, 100] {
        let dir = tempfile::tempdir().unwrap();
        inventory(dir.path());
        let Some(term) = Term::start_sized(
            dir.path(),
            "ADSCHECK_PLAIN=1 ",
            "interview --out tool.yaml",
            (width, 40),
        ) else {
            return;
        };
        // Each line typed once its prompt is shown, as a person answers (typed ahead, the
        // terminal's echo would interleave with the prompts).
        let mut before = String::new();
        for line in PLAIN_WITH_REPORT.lines() {
            before = term.plain_prompt(&before);
            term.text(line);
            term.keys(&["Enter"]);
        }
        term.wait_for("EXIT=0");
        let history = term.history();
        let width = usize::from(width);
        let broken = broken_words(&history, width);
        assert!(broken.is_empty(), "at {width} columns: {broken:#?}");
        // Long lines were wrapped by adscheck, the rest of each indented.
        assert!(
            history
                .lines()
                .any(|l| l.starts_with("  ") && !l.trim().is_empty()),
            "{history}"
        );
        let (code, out) = check(dir.path());
        assert_eq!(code, Some(0), "{out}");
    }
}
