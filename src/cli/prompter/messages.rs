//! What both prompters show the same way: the answers of a complete file for the review, and
//! the messages between prompts.

use std::path::Path;

/// One answer of a complete file, for the review: its question's index, the form's number,
/// the question, and "Answer: yes; note: ...".
pub struct ReviewItem {
    pub index: usize,
    pub number: String,
    question: String,
    answer: String,
}

impl ReviewItem {
    /// The whole line: "(1)(a) Is it an algorithm? Answer: yes; note: ....".
    pub fn line(&self) -> String {
        format!("{} {} {}", self.number, self.question, self.answer)
    }

    /// The line within `width` columns, for a list a prompt draws one line an item: the
    /// number whole, the question and the answer cut at a space where they must be.
    pub fn fitted(&self, width: usize) -> String {
        let display = textwrap::core::display_width;
        let answer = adscheck::text::clipped(&self.answer, (width / 2).max(16));
        let room = width
            .saturating_sub(display(&self.number) + display(&answer) + 2)
            .max(10);
        format!(
            "{} {} {answer}",
            self.number,
            adscheck::text::clipped(&self.question, room)
        )
    }
}

/// The answers of a complete file, one each for the review.
pub fn review_items(
    checklist: &adscheck::Checklist,
    answers: &[Option<adscheck::Answer>],
) -> Vec<ReviewItem> {
    checklist
        .questions
        .iter()
        .zip(answers)
        .enumerate()
        .filter_map(|(index, (q, answer))| {
            let answer = answer.as_ref()?;
            let note = answer.note.as_deref().map_or_else(String::new, |n| {
                format!("; note: {}", adscheck::text::excerpt(n))
            });
            Some(ReviewItem {
                index,
                number: q.number.as_str().to_owned(),
                question: q.shown_text(),
                answer: {
                    let line = format!("Answer: {}{note}", answer.value.as_str());
                    if line.ends_with(['.', '…', '?', '!']) {
                        line
                    } else {
                        line + "."
                    }
                },
            })
        })
        .collect()
}

/// What both prompters say when the questions left cannot change a determination.
pub fn not_asked_message(questions: &[&adscheck::checklist::Question]) -> String {
    let numbers: Vec<&str> = questions.iter().map(|q| q.number.as_str()).collect();
    let list = match numbers.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => numbers.concat(),
    };
    format!(
        "No other answer can change the determinations now, so {list} {} not asked.",
        if numbers.len() == 1 { "is" } else { "are" }
    )
}

/// What both prompters say when the file named after the tool already exists.
pub fn name_taken_message(taken: &Path, saved_as: &Path) -> String {
    format!(
        "Note: {taken} already exists: answers for a tool of the same name. These answers are \
         saved as {saved_as}. If it is the same tool, stop here, remove {saved_as} and \
         continue the earlier interview instead (adscheck interview --resume {taken}): two \
         answer files for one tool fail `adscheck check` as duplicates.",
        taken = super::super::shown(taken),
        saved_as = super::super::shown(saved_as),
    )
}

/// What both prompters say when the walk goes on to a further checklist of the same file.
pub fn checklist_begins_message(checklist: &adscheck::Checklist) -> String {
    let whose = if checklist.has_adschecks_questions() {
        format!(
            " Its questions are adscheck's, each on the law's words it tests (marked \"{}\"; \
             ? shows the words).",
            adscheck::checklist::ADSCHECK_WORDING
        )
    } else {
        String::new()
    };
    format!(
        "Next, for the same tool: {} ({} version {}), saved under `also:` in the same file.{whose}",
        adscheck::text::visible(checklist.title.as_str()),
        checklist.id.as_str(),
        checklist.version.as_str()
    )
}

/// What both prompters say before the Local Law 35 report's fields: the edition, how many
/// there can be, why they are asked, and what an empty answer does.
pub fn report_begins_message(edition: adscheck::tool::Edition, why: &str, count: usize) -> String {
    format!(
        "Local Law 35 report, {edition} edition: up to {count} items follow, some only when an \
         earlier answer calls for them; asked because {why}. An empty answer keeps a value shown \
         as now, or skips an optional item."
    )
}
