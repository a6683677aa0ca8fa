//! A Markdown (GitHub-flavoured) table, one row per file, written as results come.

use std::io::{self, Write};

use super::{Prepared, Renderer, header, row};
use crate::classification::Classification;
use crate::engine::Engine;
use crate::text::markdown_cell;

pub(crate) struct Markdown<'e> {
    engine: &'e Engine,
}

impl<'e> Markdown<'e> {
    pub(crate) fn new(engine: &'e Engine) -> Self {
        Markdown { engine }
    }
}

fn line(out: &mut dyn Write, cells: &[String]) -> io::Result<()> {
    let cells: Vec<String> = cells.iter().map(|c| markdown_cell(c)).collect();
    writeln!(out, "| {} |", cells.join(" | "))
}

impl Renderer for Markdown<'_> {
    fn start(&self, out: &mut dyn Write) -> io::Result<()> {
        let header = header(self.engine);
        line(out, &header)?;
        writeln!(out, "|{}", "---|".repeat(header.len()))
    }

    fn prepare(&self, report: &Classification) -> Prepared {
        let mut bytes = Vec::new();
        let _ = line(&mut bytes, &row(self.engine, report));
        Prepared::Bytes(bytes)
    }

    /// Under the table, what a reader of its "no" must know: where the form never asked.
    fn finish(&self, out: &mut dyn Write, _count: usize) -> io::Result<()> {
        for note in crate::render::checklist::notes::not_asked_notes(self.engine.checklist()) {
            writeln!(
                out,
                "\n*{}: {}*",
                crate::render::checklist::text::EDITORIAL,
                note
            )?;
        }
        Ok(())
    }
}
