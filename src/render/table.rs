//! A table for people (comfy-table), sized to the width the caller gives.

use std::io::{self, Write};

use comfy_table::{ContentArrangement, presets};

use super::{Options, Renderer, header, row};
use crate::engine::Engine;
use crate::report::Report;

/// Holds rows until the end, then prints one table.
pub(crate) struct Table<'e> {
    engine: &'e Engine,
    options: Options,
    rows: Vec<Vec<String>>,
}

impl<'e> Table<'e> {
    pub(crate) fn new(engine: &'e Engine, options: Options) -> Self {
        Table {
            engine,
            options,
            rows: Vec::new(),
        }
    }
}

impl Renderer for Table<'_> {
    fn report(&mut self, _out: &mut dyn Write, report: &Report) -> io::Result<()> {
        self.rows.push(row(self.engine, report));
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write) -> io::Result<()> {
        let mut table = comfy_table::Table::new();
        table.load_style(presets::UTF8_FULL_CONDENSED);
        if let Some(width) = self.options.width {
            table
                .set_content_arrangement(ContentArrangement::Dynamic)
                .set_width(width);
        }
        table.set_header(header(self.engine));
        for r in self.rows.drain(..) {
            table.add_row(r);
        }
        writeln!(out, "{table}")
    }
}
