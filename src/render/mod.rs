//! Every result in every output format: `render/<result>/<format>.rs`. Each result is data
//! made by the layers below; a renderer turns it into text, HTML or a file, and decides nothing
//! else.
//!
//! | result | formats |
//! |---|---|
//! | [`classify`]: one file's classification | table, JSON, JSON Lines, CSV, Markdown, explanation, one-line summary |
//! | [`check`]: a check of an inventory | text, JSON, JUnit, SARIF, GitHub annotations and job summary |
//! | [`checklist`]: the checklist itself | text, Markdown, a question's help |
//! | [`summary`]: an inventory as a whole | Markdown, JSON |
//! | [`ll35`]: the Local Law 35 table | CSV, JSON, JSON Lines |
//! | [`site`]: the public directory | HTML pages, CSV and JSON downloads |

pub mod check;
pub mod checklist;
pub mod classify;
pub mod ll35;
pub mod site;
pub mod summary;

pub use checklist::help::{question_help, question_help_at, question_help_spoken};
pub use checklist::text::{checklist_markdown, checklist_text};
pub use classify::{
    Format, Options, Prepared, Renderer, render_all, renderer, report_json, result_line, summary,
    verdict, write_report_json,
};
