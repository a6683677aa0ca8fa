//! Which checklist's answers the walk is on: the file's own, or one under `also:` (one tool,
//! several laws). An interview answers its own checklist first, then, with
//! [`Interview::also`], each further checklist in turn, in the same file; each keeps its own
//! answers and its own history, and each law's questions are answered under its own words.

use super::{Event, Interview};
use crate::answers::{Also, Answer, Stamp};
use crate::engine::{Engine, Truth};

impl<'e> Interview<'e> {
    /// Go on to the checklist of `engine`, under `also:` in the same file: its block is made
    /// when the file has none. The walk starts again at its first question that matters; who
    /// answered, if said already in this run, is not asked again.
    #[must_use]
    pub fn also(mut self, engine: &'e Engine) -> Self {
        let checklist = engine.checklist();
        let id = checklist.id.as_str();
        let at = match self.file.also.iter().position(|a| a.checklist == id) {
            Some(at) => at,
            None => {
                self.file.also.push(Also {
                    checklist: id.to_owned(),
                    position: None,
                    answers: vec![None; checklist.questions.len()],
                    declared: vec![None; checklist.determinations.len()],
                    stamps: Vec::new(),
                });
                self.file.also.len() - 1
            }
        };
        self.by = self
            .by
            .take()
            .or_else(|| self.respondent().map(str::to_owned));
        self.engine = engine;
        self.block = Some(at);
        self.history.clear();
        self.changed = false;
        self.offer_optional = false;
        self.report = None;
        let stamps = self.stamps();
        // A block an interview began and did not finish goes on in its own entry.
        let session = stamps
            .last()
            .is_some_and(|s| s.by.is_none() && s.is_under(checklist))
            .then(|| stamps.len() - 1);
        let event = if stamps.is_empty() {
            Event::Answered
        } else {
            Event::Resumed
        };
        self.session = session;
        self.event = event;
        self
    }

    /// The checklist being asked (the file's own, or the `also:` one).
    #[must_use]
    pub fn checklist(&self) -> &crate::checklist::Checklist {
        self.engine.checklist()
    }

    /// The answers of the checklist being asked.
    pub(super) fn answers(&self) -> &[Option<Answer>] {
        match self.block.and_then(|i| self.file.also.get(i)) {
            Some(also) => &also.answers,
            None => &self.file.answers,
        }
    }

    pub(super) fn answers_mut(&mut self) -> &mut Vec<Option<Answer>> {
        match self.block.and_then(|i| self.file.also.get_mut(i)) {
            Some(also) => &mut also.answers,
            None => &mut self.file.answers,
        }
    }

    /// The history of the checklist being asked.
    pub(super) fn stamps(&self) -> &[Stamp] {
        match self.block.and_then(|i| self.file.also.get(i)) {
            Some(also) => &also.stamps,
            None => &self.file.stamps,
        }
    }

    pub(super) fn stamps_mut(&mut self) -> &mut Vec<Stamp> {
        match self.block.and_then(|i| self.file.also.get_mut(i)) {
            Some(also) => &mut also.stamps,
            None => &mut self.file.stamps,
        }
    }

    /// The answers being asked, as values of three-valued logic.
    pub(super) fn truths(&self) -> Vec<Truth> {
        crate::answers::truths(self.answers())
    }
}
