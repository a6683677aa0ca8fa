//! The checklist itself, for people: as text or Markdown, and one question's help.

pub mod help;
pub mod notes;
pub mod text;
