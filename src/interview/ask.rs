//! One step of the interview: asking a `tool:` field or a question, recording the answer, and
//! saving the file after every answer (atomically), so that nothing given is lost.

use super::{Asking, FIELDS, Interview, InterviewError, Prompter, Reply, Target, slug};
use crate::answers::{Answer, AnswerValue};
use crate::atomic_file;

impl Interview<'_> {
    pub(super) fn ask_field(
        &mut self,
        prompter: &mut dyn Prompter,
        i: usize,
    ) -> Result<Reply<()>, InterviewError> {
        let Some(field) = FIELDS.get(i) else {
            return Ok(Reply::Value(()));
        };
        let current = self.tool_text(field.key).map(str::to_owned);
        match prompter.field(field, current.as_deref())? {
            Reply::Value(text) => {
                let text = text.trim().to_owned();
                self.changed |= current.as_deref().unwrap_or("") != text;
                if text.is_empty() {
                    self.file.tool.shift_remove(field.key);
                } else {
                    self.file
                        .tool
                        .insert(field.key.to_owned(), serde_json::Value::String(text));
                }
                // A file this interview creates gets a stable id once the tool's name and
                // agency are known: links to its page keep working if it is renamed.
                if self.creating
                    && !self.file.tool.contains_key("id")
                    && let (Some(name), Some(agency)) =
                        (self.tool_text("name"), self.tool_text("agency"))
                {
                    let id = crate::tool::identity::derived_id(agency, name);
                    self.file
                        .tool
                        .insert("id".to_owned(), serde_json::Value::String(id));
                }
                // Before the name is known there is no file name to save under.
                if self.saved_at.is_some() || self.tool_text("name").is_some() {
                    self.save(prompter)?;
                }
                Ok(Reply::Value(()))
            }
            Reply::Back => Ok(Reply::Back),
            Reply::Quit => Ok(Reply::Quit),
        }
    }

    pub(super) fn ask_question(
        &mut self,
        prompter: &mut dyn Prompter,
        q: usize,
    ) -> Result<Reply<()>, InterviewError> {
        let checklist = self.engine.checklist();
        let Some(question) = checklist.questions.get(q) else {
            return Ok(Reply::Value(()));
        };
        let asking = Asking {
            checklist,
            question,
        };
        loop {
            let earlier = self.answers().get(q).cloned().flatten();
            let value = match prompter.answer(&asking, earlier.as_ref().map(|a| a.value))? {
                Reply::Value(v) => v,
                Reply::Back => return Ok(Reply::Back),
                Reply::Quit => return Ok(Reply::Quit),
            };
            let mut options = Vec::new();
            if value == AnswerValue::Yes && question.options.is_some() {
                let ticked = earlier
                    .as_ref()
                    .map(|a| a.options.clone())
                    .unwrap_or_default();
                match prompter.options(&asking, &ticked)? {
                    Reply::Value(chosen) => options = chosen,
                    Reply::Back => continue,
                    Reply::Quit => {
                        // The answer just chosen is kept, with the boxes ticked before (the
                        // lists are optional), as every answer is saved as it is given.
                        let note = earlier.as_ref().and_then(|a| a.note.clone());
                        self.record(q, value, ticked, note);
                        self.save(prompter)?;
                        return Ok(Reply::Quit);
                    }
                }
            }
            let note = earlier.as_ref().and_then(|a| a.note.clone());
            self.record(q, value, options.clone(), note.clone());
            self.save(prompter)?;
            match prompter.note(&asking, note.as_deref())? {
                Reply::Value(text) => {
                    let text = text.trim();
                    let note = (!text.is_empty()).then(|| text.to_owned());
                    self.record(q, value, options, note);
                    self.save(prompter)?;
                    return Ok(Reply::Value(()));
                }
                Reply::Back => continue,
                Reply::Quit => return Ok(Reply::Quit),
            }
        }
    }

    pub(super) fn record(
        &mut self,
        q: usize,
        value: AnswerValue,
        options: Vec<String>,
        note: Option<String>,
    ) {
        self.changed = true;
        if let Some(slot) = self.answers_mut().get_mut(q) {
            *slot = Some(Answer {
                value,
                note,
                options,
                position: None,
                not_needed: false,
            });
        }
        let asked = self.would_ask();
        for (i, answer) in self.answers_mut().iter_mut().enumerate() {
            if let Some(answer) = answer {
                answer.not_needed = asked.get(i) == Some(&false);
            }
        }
    }

    pub(super) fn save(&mut self, prompter: &mut dyn Prompter) -> Result<(), InterviewError> {
        self.session_entry();
        // Read back before it is written: a note adscheck could not read again is refused
        // here, with the previous save intact, rather than saved and then unreadable.
        let text = self
            .file
            .to_checked_yaml(self.main.checklist(), crate::input::ANSWER_FILE.max)?;
        let path = match (&self.saved_at, &self.target) {
            (Some(path), _) => {
                atomic_file::replace(path, text.as_bytes())?;
                path.clone()
            }
            (None, Target::New { path, replace }) => {
                if *replace {
                    atomic_file::replace(path, text.as_bytes())?;
                } else {
                    atomic_file::create_new(path, text.as_bytes())?;
                }
                path.clone()
            }
            (None, Target::Resume(path)) => {
                atomic_file::replace(path, text.as_bytes())?;
                path.clone()
            }
            (None, Target::NamedAfterTool(folder)) => {
                let stem = slug(self.tool_text("name").unwrap_or("answers"));
                let mut attempt = 1;
                let path = loop {
                    let name = if attempt == 1 {
                        format!("{stem}.yaml")
                    } else {
                        format!("{stem}-{attempt}.yaml")
                    };
                    let path = folder.join(name);
                    match atomic_file::create_new(&path, text.as_bytes()) {
                        Ok(()) => break path,
                        Err(_) if path.exists() && attempt < 1000 => attempt += 1,
                        Err(e) => return Err(e.into()),
                    }
                };
                if attempt > 1 {
                    prompter.name_taken(&folder.join(format!("{stem}.yaml")), &path)?;
                }
                path
            }
        };
        self.file.file = path.display().to_string();
        prompter.saved(&path);
        self.saved_at = Some(path);
        Ok(())
    }
}
