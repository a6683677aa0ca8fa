//! The plain interview (`--plain`, chosen by itself off a terminal): one prompt per line, one
//! answer per input line, no escape sequences; driven here as a script or a screen reader user
//! would drive it, with piped answers.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// The answers of a full interview, one per line: the fire risk model.
pub(crate) const FULL: &str = "Fire risk model\nFire Department\nRanks buildings for inspection\n\n\
1\n1\nGradient-boosted model\nyes\n\n1\n4 6\n\n1\n\n1\n5\nOwners are inspected more often\n\
Pat Lee, inspections analyst\n";

fn interview(dir: &Path, args: &[&str], input: &str) -> (Option<i32>, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_adscheck"))
        .arg("interview")
        .args(args)
        .current_dir(dir)
        .env_remove("TERM")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    (
        output.status.code(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

fn classify(dir: &Path, file: &str) -> serde_json::Value {
    let output = Command::new(env!("CARGO_BIN_EXE_adscheck"))
        .args(["classify", "-f", "jsonl", file])
        .current_dir(dir)
        .output()
        .unwrap();
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn a_full_interview_from_piped_answers() {
    let dir = tempfile::tempdir().unwrap();
    let (code, stdout, stderr) = interview(dir.path(), &["--out", "t.yaml"], FULL);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(!stdout.contains('\u{1b}'), "no escape sequences");
    let v = classify(dir.path(), "t.yaml");
    // The file it created has a stable id, from agency and name.
    assert_eq!(v["tool"]["id"], "fdny-fire-risk-model", "{v}");
    assert_eq!(v["determinations"]["ads"], "yes");
    assert_eq!(v["determinations"]["agency_ads"], "yes");
    assert_eq!(
        v["reasons"][0]["options"],
        serde_json::json!(["machine_learning"])
    );
    // The transcript, as a screen reader reads it: the explanation after the last answer.
    let transcript = stdout.split("\n\nt.yaml\n").next().unwrap();
    insta::assert_snapshot!("plain_interview_transcript", transcript);
}

#[test]
fn the_same_answers_give_the_same_file_as_any_other_way_in() {
    // --plain chosen explicitly, by TERM=dumb, or by ADSCHECK_PLAIN: the same file.
    let dir = tempfile::tempdir().unwrap();
    let (code, ..) = interview(dir.path(), &["--plain", "--out", "a.yaml"], FULL);
    assert_eq!(code, Some(0));
    let mut child = Command::new(env!("CARGO_BIN_EXE_adscheck"))
        .args(["interview", "--out", "b.yaml"])
        .current_dir(dir.path())
        .env("ADSCHECK_PLAIN", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(FULL.as_bytes())
        .unwrap();
    assert!(child.wait().unwrap().success());
    let untimed = |f: &str| {
        std::fs::read_to_string(dir.path().join(f))
            .unwrap()
            .lines()
            .filter(|l| !l.trim_start().starts_with("at: "))
            .collect::<Vec<_>>()
            .join("\\n")
    };
    assert_eq!(untimed("a.yaml"), untimed("b.yaml"));
}

#[test]
fn a_line_out_of_step_stops_a_script_and_early_end_saves_and_says_how_to_resume() {
    let dir = tempfile::tempdir().unwrap();
    // "maybe" is not an answer: the script stops at its line, with what it answered saved.
    let bad = "Tool\nDOT\nDesc\n\n1\n\n\nmaybe\n";
    let (code, _, stderr) = interview(dir.path(), &["--out", "t.yaml"], bad);
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains(
            "input line 8: `maybe` is not an answer: type 1, 2 or 3, or yes, no or unsure"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("continue with: adscheck interview --resume t.yaml"));
    // Input that ends early: everything answered is saved; where, and how to resume; exit 2.
    let (code, stdout, _) = interview(dir.path(), &["--resume", "t.yaml"], "1\n");
    assert_eq!(code, Some(2));
    assert!(
        stdout.contains("Input ended before the interview did"),
        "{stdout}"
    );
    assert!(stdout.contains("Resume with: adscheck interview --resume t.yaml"));
    let v = classify(dir.path(), "t.yaml");
    assert_eq!(
        v["determinations"]["ads"], "undetermined",
        "(1)(b) yes saved, (1)(c) open"
    );
    // The rest of the answers finish it.
    let rest = "1\n\n\n1\n\n1\n\n\nPat\n";
    let (code, _, stderr) = interview(dir.path(), &["--resume", "t.yaml"], rest);
    assert_eq!(code, Some(0), "{stderr}");
    let v = classify(dir.path(), "t.yaml");
    assert_eq!(v["determinations"]["agency_ads"], "yes");
}

#[test]
fn back_and_help_work_by_word() {
    let dir = tempfile::tempdir().unwrap();
    // At (1)(b): ? shows the help, then back returns to (1)(a), answered no: the end.
    let input = "Tool\nDOT\nDesc\n\n1\n\n\n?\nback\n2\nnot an algorithm\nPat\n";
    let (code, stdout, stderr) = interview(dir.path(), &["--out", "t.yaml"], input);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stdout.contains("Stop rule (NYC ADS Task Force checklist):"),
        "{stdout}"
    );
    let v = classify(dir.path(), "t.yaml");
    assert_eq!(v["determinations"]["ads"], "no");
    assert_eq!(v["summary"], "(1)(a) no: not an algorithm");
}

#[test]
fn a_second_interview_of_a_tool_of_the_same_name_is_told_so() {
    let dir = tempfile::tempdir().unwrap();
    let (code, stdout, stderr) = interview(dir.path(), &[], FULL);
    assert_eq!(code, Some(0), "{stdout}\n{stderr}");
    assert!(!stdout.contains("already exists"), "{stdout}");
    assert!(dir.path().join("fire-risk-model.yaml").is_file());
    // The same tool again: saved beside it, and said at once, with how to resume the first.
    let (code, stdout, stderr) = interview(dir.path(), &[], FULL);
    assert_eq!(code, Some(0), "{stdout}\n{stderr}");
    assert!(dir.path().join("fire-risk-model-2.yaml").is_file());
    let note = stdout
        .lines()
        .find(|l| l.starts_with("Note: fire-risk-model.yaml already exists"))
        .unwrap_or_else(|| panic!("no note:\n{stdout}"));
    assert!(note.contains("saved as fire-risk-model-2.yaml"), "{note}");
    assert!(
        note.contains("adscheck interview --resume fire-risk-model.yaml"),
        "{note}"
    );
    // Told before the questions go on, right after the name is saved.
    let at = stdout.find("Note: fire-risk-model.yaml").unwrap();
    assert!(
        at < stdout.find("(1)(a) Is it an algorithm?").unwrap(),
        "{stdout}"
    );
}

#[test]
fn a_deciding_no_says_why_the_other_questions_are_not_asked() {
    let dir = tempfile::tempdir().unwrap();
    let input = "Tool\nDOT\nDesc\n\n2\n\nPat\n";
    let (code, stdout, stderr) = interview(dir.path(), &["--out", "t.yaml"], input);
    assert_eq!(code, Some(0), "{stdout}\n{stderr}");
    let said = "No other answer can change the determinations now, so (1)(b), (1)(c), (2)(a) \
                and (2)(b) are not asked.";
    let at = stdout
        .find(said)
        .unwrap_or_else(|| panic!("not said:\n{stdout}"));
    assert!(at < stdout.find("Your name and role").unwrap(), "{stdout}");
    // Said once, and not when every question was asked.
    assert_eq!(stdout.matches("No other answer").count(), 1);
    let (_, stdout, _) = interview(dir.path(), &["--out", "full.yaml"], FULL);
    assert!(!stdout.contains("No other answer"), "{stdout}");
}

#[test]
fn resume_does_not_ask_a_skipped_optional_field_again() {
    let dir = tempfile::tempdir().unwrap();
    // Name, agency, description, contact skipped; input ends before the first answer.
    let (code, _, stderr) = interview(dir.path(), &["--out", "t.yaml"], "Tool\nDOT\nDesc\n\n");
    assert_eq!(code, Some(2), "{stderr}");
    assert!(dir.path().join("t.yaml").is_file());
    // Resumed, the first thing asked is (1)(a): the contact was passed over once already.
    let (_, stdout, _) = interview(dir.path(), &["--resume", "t.yaml"], "");
    assert!(!stdout.contains("Contact for questions"), "{stdout}");
    assert!(stdout.contains("(1)(a) Is it an algorithm?"), "{stdout}");
    // A new interview asks it, and so does one resumed before it was reached.
    let (_, stdout, _) = interview(dir.path(), &["--out", "u.yaml"], "Tool\n");
    assert!(!stdout.contains("Contact for questions"), "{stdout}");
    let (_, stdout, _) = interview(dir.path(), &["--resume", "u.yaml"], "DOT\nDesc\n");
    assert!(stdout.contains("Contact for questions"), "{stdout}");
}

#[test]
fn the_interview_ends_with_the_verdict_in_the_forms_words() {
    let dir = tempfile::tempdir().unwrap();
    let (code, stdout, _) = interview(dir.path(), &["--out", "t.yaml"], FULL);
    assert_eq!(code, Some(0));
    // The result first, in one line, then the form's questions answered: the reasons only on
    // request, so a screen reader reaches the verdict at once.
    let expected = "Result: ADS: yes; Agency ADS: yes.\n\
        Question 1: Is the tool or program an \"automated decision system\" (ADS)?  YES\n\
        Question #2: Does the ADS constitute an \"Agency ADS\"?  YES\n\
        Saved to t.yaml.\n\
        Hear the reasons? 1 yes, 2 no (an empty line: no):\n\
        Classify it any time with: adscheck classify --explain t.yaml\n";
    assert!(stdout.ends_with(expected), "{stdout}");
    assert!(!stdout.contains("Reasons:"), "{stdout}");
    // Asked for, the reasons follow the result; --reasons gives them without asking.
    let (_, stdout, _) = interview(dir.path(), &["--out", "r.yaml"], &format!("{FULL}1\n"));
    let result = stdout.find("Result: ADS: yes").unwrap();
    let reasons = stdout.find("Reasons:\nr.yaml\n").unwrap();
    assert!(result < reasons, "{stdout}");
    assert!(stdout[reasons..].contains("Decided by:"), "{stdout}");
    let (_, stdout, _) = interview(dir.path(), &["--out", "s.yaml", "--reasons"], FULL);
    assert!(stdout.contains("Reasons:\ns.yaml\n"), "{stdout}");
    assert!(!stdout.contains("Hear the reasons?"), "{stdout}");
    // Decided no by (1)(a), with (2) never asked: both NO.
    let (_, stdout, _) = interview(
        dir.path(),
        &["--out", "no.yaml"],
        "Tool\nDOT\nDesc\n\n2\n\nPat\n",
    );
    assert!(
        stdout
            .contains("(ADS)?  NO\nQuestion #2: Does the ADS constitute an \"Agency ADS\"?  NO\n"),
        "{stdout}"
    );
}

#[test]
fn resuming_a_complete_file_offers_every_answer_for_revision() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, _) = interview(dir.path(), &["--out", "t.yaml"], FULL);
    assert_eq!(code, Some(0));
    // Change (1)(a) to no and remove its note; keep the rest; say who revised them.
    let (code, stdout, stderr) =
        interview(dir.path(), &["--resume", "t.yaml"], "1a\n2\n-\n\nSam Roe\n");
    assert_eq!(code, Some(0), "{stdout}\n{stderr}");
    for line in [
        // Numbered once, by the form's numbers, and chosen by the question's id.
        "Every question that matters is answered:\n(1)(a) Is it an algorithm? Answer: yes; note: Gradient-boosted model.\n",
        "\n(1)(b) Is it a computerized implementation of an algorithm? Answer: yes.\n",
        "\n(2)(b) Do/will such decisions impact the public? Answer: yes; note: Owners are inspected more often.\n",
        "Question to change (1a, 1b, 1c, 2a, 2b), or an empty line to keep them all:",
        "Note (now: Gradient-boosted model; empty line keeps it, a single - removes it; back to go back):",
        "\n(1)(a) Is it an algorithm? Answer: no.\n",
        "Question 1: Is the tool or program an \"automated decision system\" (ADS)?  NO",
    ] {
        assert!(stdout.contains(line), "{line:?} not in:\n{stdout}");
    }
    let v = classify(dir.path(), "t.yaml");
    assert_eq!(v["determinations"]["ads"], "no");
    let text = std::fs::read_to_string(dir.path().join("t.yaml")).unwrap();
    assert!(text.contains("  - event: resumed"), "{text}");
    assert!(text.contains("    by: \"Sam Roe\""), "{text}");
    assert!(!text.contains("Gradient-boosted model"), "{text}");
    // Kept as they are: nothing is written, nothing asked but the review.
    let before = std::fs::read_to_string(dir.path().join("t.yaml")).unwrap();
    let (code, stdout, _) = interview(dir.path(), &["--resume", "t.yaml"], "\n");
    assert_eq!(code, Some(0));
    assert!(!stdout.contains("Your name and role"), "{stdout}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("t.yaml")).unwrap(),
        before
    );
    // A question typed as the form numbers it is chosen too; one not listed stops a script,
    // naming its line and the questions there are.
    let (code, stdout, _) = interview(
        dir.path(),
        &["--resume", "t.yaml"],
        "(1)(b)\n\n\n\nSam Roe\n",
    );
    assert_eq!(code, Some(0));
    assert!(
        stdout
            .contains("(1)(b) Is it a computerized implementation of an algorithm?\nAnswer 1 yes"),
        "{stdout}"
    );
    let (code, _, stderr) = interview(dir.path(), &["--resume", "t.yaml"], "9\n");
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("input line 1: 9 is not one of the questions 1a, 1b, 1c"),
        "{stderr}"
    );
}

/// Issue 25: revising, an empty line keeps the answer shown as "now", and every answer is
/// confirmed in one short line a screen reader reads at once.
#[test]
fn revising_an_empty_line_keeps_the_answer_and_each_answer_is_confirmed() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, _) = interview(dir.path(), &["--out", "t.yaml"], FULL);
    assert_eq!(code, Some(0));
    let (code, stdout, stderr) =
        interview(dir.path(), &["--resume", "t.yaml"], "1b\n\n\n\nSam Roe\n");
    assert_eq!(code, Some(0), "{stdout}\n{stderr}");
    assert!(
        stdout.contains("back to go back (now: yes; Enter keeps it):"),
        "{stdout}"
    );
    assert!(stdout.contains("Recorded: (1)(b) yes."), "{stdout}");
    let v = classify(dir.path(), "t.yaml");
    assert_eq!(v["determinations"]["ads"], "yes");
    assert_eq!(v["determinations"]["agency_ads"], "yes");
    // With no answer to keep, an empty line is asked for in words, not as empty quotes.
    let (code, _, stderr) = interview(dir.path(), &["--out", "u.yaml"], "T\nDOT\nD\n\n\n");
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("Please answer: 1 yes, 2 no, 3 unsure, ? help"),
        "{stderr}"
    );
    assert!(!stderr.contains("``"), "{stderr}");
}

/// Issue 25: with the inventory's Local Law 35 rules on, a tool in the reporting scope is asked
/// the report's fields after the checklist; the file passes `check` with no YAML edited. The
/// transcript is kept as a snapshot: it is what a screen reader reads.
#[test]
fn the_report_s_fields_are_asked_and_the_file_passes_check() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(".adscheck.yaml"), "ll35: {edition: 2024}\n").unwrap();
    let (code, stdout, stderr) = interview(
        dir.path(),
        &["--out", "t.yaml"],
        crate::widths::PLAIN_WITH_REPORT,
    );
    assert_eq!(code, Some(0), "{stdout}\n{stderr}");
    // The 2024 edition's "Created in CY<year>" names this year: the snapshot holds it as such.
    let year = stdout
        .split("Option 3 of 3: Created in CY")
        .nth(1)
        .and_then(|rest| rest.get(..4))
        .unwrap();
    let transcript = stdout.replace(
        &format!("Option 3 of 3: Created in CY{year}"),
        "Option 3 of 3: Created in CY<this year>",
    );
    insta::assert_snapshot!("plain_interview_with_report_transcript", transcript);
    for line in [
        "Recorded: agency Fire Department (FDNY).",
        "Local Law 35 report, 2024 edition, 1 of up to 17: Tool Purpose (column purpose_desc; the law's item 2, purpose)",
        "Option 2 of 2: No.",
        "Recorded: Vendor or contractor involved: No.",
        "Recorded: Computation type: Scoring.",
    ] {
        assert!(stdout.contains(line), "{line:?} not in:\n{stdout}");
    }
    let check = Command::new(env!("CARGO_BIN_EXE_adscheck"))
        .args(["check", "."])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let out = format!(
        "{}{}",
        String::from_utf8_lossy(&check.stdout),
        String::from_utf8_lossy(&check.stderr)
    );
    assert_eq!(check.status.code(), Some(0), "{out}");
    assert!(out.contains("Local Law 35 rules, 2024 edition"), "{out}");
    // A month not in YYYY/MM, or ahead of today, is asked again at a terminal and stops a
    // script, naming the line.
    let bad = crate::widths::PLAIN_WITH_REPORT.replace("2019/04", "April 2019");
    let (code, _, stderr) = interview(dir.path(), &["--out", "u.yaml"], &bad);
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("write the month and year first used as YYYY/MM"),
        "{stderr}"
    );
}

/// Issue 25: `--resume` on a file with the report's values (imported, or given earlier) offers
/// each one, Enter keeping it; a file nothing was changed in is left byte for byte.
#[test]
fn resume_offers_the_report_s_values_and_an_empty_line_keeps_them() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(".adscheck.yaml"), "ll35: {edition: 2024}\n").unwrap();
    let example = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples/directory/ACS/case-severity-model.yaml"),
    )
    .unwrap();
    std::fs::write(dir.path().join("t.yaml"), &example).unwrap();
    let keep_all = "\n".repeat(20);
    let (code, stdout, stderr) = interview(dir.path(), &["--resume", "t.yaml"], &keep_all);
    assert_eq!(code, Some(0), "{stdout}\n{stderr}");
    for line in [
        "Now: Focus supervisory review on the most severe cases.\nType it on one line \
         (required); back to go back; an empty line keeps the value now:\n> \nKept: Tool Purpose.",
        "Now: Triage; Risk management\n",
        "Now: Children and families under investigation\n",
        "Now: Model retrained; fairness review added.\n",
    ] {
        assert!(stdout.contains(line), "{line:?} not in:\n{stdout}");
    }
    assert!(!stdout.contains("Your name and role"), "{stdout}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("t.yaml")).unwrap(),
        example
    );
    // One value changed: written, and who changed it is asked once. (The review of the answers,
    // then purpose, the data, the output, the vendor and the first use kept; the department.)
    let mut input: Vec<&str> = vec![""; 7];
    input.push("Child Protection");
    input.extend(["", "", "", "", "", "", "", "Sam Roe", ""]);
    let (code, stdout, stderr) = interview(
        dir.path(),
        &["--resume", "t.yaml"],
        &(input.join("\n") + "\n"),
    );
    assert_eq!(code, Some(0), "{stdout}\n{stderr}");
    assert!(
        stdout.contains("Recorded: Department: Child Protection."),
        "{stdout}"
    );
    let text = std::fs::read_to_string(dir.path().join("t.yaml")).unwrap();
    assert!(
        text.contains("  department: \"Child Protection\"\n"),
        "{text}"
    );
    assert!(text.contains("    by: \"Sam Roe\""), "{text}");
}

/// Issue 25: an agency adscheck does not know is offered the one it is close to, or kept as
/// typed once confirmed.
#[test]
fn an_unknown_agency_is_offered_the_nearest_or_kept_once_confirmed() {
    let dir = tempfile::tempdir().unwrap();
    let input = FULL.replace("Fire Department\n", "Fire Dept.\n1\n");
    let (code, stdout, _) = interview(dir.path(), &["--out", "t.yaml"], &input);
    assert_eq!(code, Some(0), "{stdout}");
    for line in [
        "Fire Dept. is not an agency adscheck knows.",
        "Option 1 of 2: Fire Department (FDNY).",
        "Option 2 of 2: keep Fire Dept. as typed.",
        "Recorded: agency Fire Department (FDNY).",
    ] {
        assert!(stdout.contains(line), "{line:?} not in:\n{stdout}");
    }
    let v = classify(dir.path(), "t.yaml");
    assert_eq!(v["tool"]["agency"], "Fire Department");
    let input = FULL.replace("Fire Department\n", "Office of Imaginary Things\n1\n");
    let (code, stdout, _) = interview(dir.path(), &["--out", "u.yaml"], &input);
    assert_eq!(code, Some(0), "{stdout}");
    assert!(
        stdout.contains("Recorded: agency Office of Imaginary Things, as typed."),
        "{stdout}"
    );
    // `?` lists the agencies adscheck knows.
    let input = FULL.replace("Fire Department\n", "?\nFDNY\n");
    let (_, stdout, _) = interview(dir.path(), &["--out", "v.yaml"], &input);
    assert!(
        stdout.contains("\nDOT: Department of Transportation.\n"),
        "{stdout}"
    );
}
