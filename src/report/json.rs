//! The JSON report, version 1. This shape is a public interface: see README.

use crate::rules::diag::{Diagnostic, Summary};
use crate::source::SourceDb;
use serde::Serialize;

#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    diagnostics: Vec<JsonDiagnostic<'a>>,
    summary: JsonSummary,
}

#[derive(Serialize)]
struct JsonSummary {
    files: usize,
    errors: usize,
    warnings: usize,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    rule: &'static str,
    name: &'static str,
    severity: &'static str,
    /// `--fix` can fix it.
    fixable: bool,
    message: &'a str,
    help: Option<&'a str>,
    path: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    offset: u32,
    length: u32,
    labels: Vec<JsonLabel<'a>>,
}

#[derive(Serialize)]
struct JsonLabel<'a> {
    path: &'a str,
    line: usize,
    column: usize,
    message: &'a str,
}

pub fn render(diags: &[Diagnostic], db: &SourceDb, summary: Summary) -> String {
    let diagnostics = diags
        .iter()
        .map(|d| {
            let file = db.get(d.file());
            let span = d.span();
            let (line, column) = file.line_col(span.start as usize);
            let (end_line, end_column) = file.line_col(span.end as usize);
            JsonDiagnostic {
                rule: d.rule.id,
                name: d.rule.name,
                severity: d.severity.as_str(),
                fixable: d.fixable(),
                message: &d.message,
                help: d.help.as_deref(),
                path: &file.path,
                line,
                column,
                end_line,
                end_column,
                offset: span.start,
                length: span.end - span.start,
                labels: d.labels[1..]
                    .iter()
                    .map(|l| {
                        let f = db.get(l.file);
                        let (line, column) = f.line_col(l.span.start as usize);
                        JsonLabel {
                            path: &f.path,
                            line,
                            column,
                            message: &l.message,
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    let report = Report {
        version: 1,
        diagnostics,
        summary: JsonSummary {
            files: summary.files,
            errors: summary.errors,
            warnings: summary.warnings,
        },
    };
    let mut s = serde_json::to_string_pretty(&report).unwrap_or_default();
    s.push('\n');
    s
}
