//! `path:line:col: severity[ID] message`, one line per finding.

use crate::rules::diag::{Diagnostic, Summary};
use crate::source::SourceDb;
use std::fmt::Write;

pub fn render(
    diags: &[Diagnostic],
    db: &SourceDb,
    summary: Summary,
    paths: &super::Paths,
) -> String {
    let mut out = String::new();
    for d in diags {
        let file = db.get(d.file());
        let (line, col) = file.line_col(d.span().start as usize);
        let message = d.message.replace('\n', " ");
        let fixable = if d.fixable() { " [*]" } else { "" };
        let _ = writeln!(
            out,
            "{}:{line}:{col}: {}[{}]{fixable} {message}",
            paths.show(&file.path),
            d.severity.as_str(),
            d.rule.id
        );
    }
    if !diags.is_empty() {
        let _ = writeln!(out, "{}", summary_line(summary));
    }
    out
}

/// `Found 2 errors and 1 warning in 14 files.`
pub fn summary_line(s: Summary) -> String {
    let plural = crate::text::counted;
    let mut parts = vec![plural(s.errors, "error"), plural(s.warnings, "warning")];
    if s.infos > 0 {
        parts.push(plural(s.infos, "note"));
    }
    let fixable = if s.fixable > 0 {
        format!(" {} fixable with `--fix` ([*]).", s.fixable)
    } else {
        String::new()
    };
    format!(
        "Found {} in {}.{fixable}",
        parts.join(", "),
        plural(s.files, "file")
    )
}
