//! JUnit XML (quick-junit): one test case per answer file, failed when it has errors.

use std::io::{self, Write};

use quick_junit::{NonSuccessKind, Report, TestCase, TestCaseStatus, TestSuite};

use crate::check::{FileResult, Severity, Totals};
use crate::error::Location;
use crate::text::xml_safe;

fn line(f: &crate::check::Finding) -> String {
    let at = Location {
        file: &f.file,
        position: f.position,
    };
    format!(
        "{}: {}[{}]: {}",
        xml_safe(&at.to_string()),
        f.severity.as_str(),
        f.rule,
        xml_safe(&f.message)
    )
}

pub(crate) fn write(
    results: &[FileResult],
    totals: &Totals,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut report = Report::new("adscheck");
    let mut suite = TestSuite::new("adscheck check");
    suite.add_property((
        "settings",
        xml_safe(totals.settings.as_deref().unwrap_or("")).as_ref(),
    ));
    suite.add_property(("excluded", totals.excluded.to_string().as_str()));
    for result in results {
        let errors: Vec<_> = result
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .collect();
        let status = match errors.first() {
            Some(first) => {
                let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
                status
                    .set_message(xml_safe(&first.message).into_owned())
                    .set_type(first.rule)
                    .set_description(
                        errors
                            .iter()
                            .map(|f| line(f))
                            .collect::<Vec<_>>()
                            .join("\n"),
                    );
                status
            }
            None => TestCaseStatus::success(),
        };
        // Characters XML 1.0 forbids would make the report unreadable: written visibly.
        let mut case = TestCase::new(xml_safe(&result.file).into_owned(), status);
        case.set_classname("adscheck");
        let warnings: Vec<String> = result
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Warning)
            .map(line)
            .collect();
        if !warnings.is_empty() {
            case.set_system_out(warnings.join("\n"));
        }
        suite.add_test_case(case);
    }
    report.add_test_suite(suite);
    report.serialize(&mut *out).map_err(io::Error::other)?;
    writeln!(out)
}
