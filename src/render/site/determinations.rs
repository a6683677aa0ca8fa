//! A checklist's determinations as a tool's page shows them: each in its checklist's words,
//! with the answers that decided it, the stop rule that applied and the law's definition; for
//! the file's own checklist and each other law alike.

use serde::Serialize;

use crate::checklist::{Checklist, without_footnotes};
use crate::classification::{Assessment, Basis, Outcome};
use crate::settings::Public;

/// A determination on a tool's page.
#[derive(Clone, Debug, Default, Serialize)]
pub struct DeterminationView {
    /// Its id.
    pub id: String,
    /// "Question 1".
    pub number: String,
    /// The form's question.
    pub question: String,
    /// yes, no or undetermined.
    pub value: String,
    /// The defined term and its legal definition, with citation.
    pub term: String,
    /// The definition.
    pub definition: String,
    /// Its citation.
    pub citation: String,
    /// The answers that decided it (or, undetermined, those still needed).
    pub answers: Vec<AnswerView>,
    /// The other determinations it rests on: "ADS: yes".
    pub rests_on: Vec<String>,
    /// For a "no": the form's stop rule that applied ("Stop rule of Question 1", its words).
    pub stop_rule: Option<(String, String)>,
    /// adscheck's note, when the stop rule that applied is another question's.
    pub note: Option<String>,
}

/// One answer on a page.
#[derive(Clone, Debug, Default, Serialize)]
pub struct AnswerView {
    /// The question's printed number.
    pub number: String,
    /// The question.
    pub question: String,
    /// The answer (`not answered` when none).
    pub answer: String,
    /// The ticked options, as the form prints them ([`crate::checklist::Question::ticked`]).
    pub ticked: String,
    /// The form's words that introduce the list the options come from ("Decisions may be
    /// related to, but are not limited to:"), so the ticked items read as the form frames them.
    pub options_intro: String,
    /// The note, when public.
    pub note: Option<String>,
}

/// One answer as the page shows it: the question in its checklist's words (marked when
/// adscheck's), the answer, the ticked items as the list prints them, the note when public.
#[must_use]
pub fn answer_view(
    checklist: &Checklist,
    q: usize,
    answer: Option<&crate::answers::Answer>,
    public: Public,
) -> AnswerView {
    let question = checklist.questions.get(q);
    AnswerView {
        number: checklist.number(q).to_owned(),
        question: question.map_or_else(String::new, crate::checklist::Question::plain_text),
        answer: answer
            .map_or("not answered", |a| a.value.as_str())
            .to_owned(),
        ticked: answer
            .map(|a| question.map_or_else(|| a.options.join("; "), |q| q.ticked(&a.options)))
            .unwrap_or_default(),
        options_intro: question
            .and_then(|q| q.options.as_ref())
            .map(|list| without_footnotes(&list.prompt))
            .unwrap_or_default(),
        note: answer.and_then(|a| a.note.clone()).filter(|_| public.notes),
    }
}

/// Every determination of `checklist` in `outcome`, for a tool assessed as `assessment`.
#[must_use]
pub fn views(
    checklist: &Checklist,
    outcome: &Outcome,
    assessment: Assessment,
    public: Public,
) -> Vec<DeterminationView> {
    let answer_view = |q: usize, answer: Option<&crate::answers::Answer>| {
        answer_view(checklist, q, answer, public)
    };
    let mut views = Vec::new();
    for (d, det) in checklist.determinations.iter().enumerate() {
        let mut view = DeterminationView {
            id: det.id.value.clone(),
            number: det.heading(),
            question: det.plain_question(),
            value: if assessment == Assessment::NotStarted {
                "not yet assessed".to_owned()
            } else {
                outcome
                    .determinations
                    .get(d)
                    .map_or("undetermined", |t| t.as_str())
                    .to_owned()
            },
            term: without_footnotes(&det.term),
            definition: without_footnotes(&det.definition),
            citation: without_footnotes(&det.citation),
            ..DeterminationView::default()
        };
        for reason in outcome.reasons.iter().filter(|r| r.determination == d) {
            match &reason.basis {
                Basis::Answer { question, answer } => {
                    view.answers.push(answer_view(*question, answer.as_ref()));
                }
                Basis::Determination(e) => view.rests_on.push(format!(
                    "{}: {}",
                    checklist.label(*e),
                    outcome
                        .determinations
                        .get(*e)
                        .map_or("undetermined", |t| t.as_str())
                )),
            }
        }
        // A "no": the form's stop rule that applied, in its words; when it is another
        // question's (Question 2 after Question 1 stopped), adscheck says why it counts here.
        let mine: Vec<_> = outcome
            .reasons
            .iter()
            .filter(|r| r.determination == d)
            .collect();
        if outcome.determinations.get(d) == Some(&crate::engine::Truth::No) {
            let through = mine.first().and_then(|r| r.rests_on());
            let applied = match through {
                Some(e) if mine.iter().all(|r| r.rests_on() == Some(e)) => e,
                _ => d,
            };
            if let Some(rule_of) = checklist.determinations.get(applied)
                && let Some(stop) = &rule_of.stop_rule
            {
                view.stop_rule = Some((
                    format!("Stop rule of {}", rule_of.called()),
                    without_footnotes(stop),
                ));
                if applied != d {
                    view.note = Some(crate::render::checklist::notes::asked_only_after(
                        det, rule_of,
                    ));
                }
            }
        }
        views.push(view);
    }
    views
}
