//! GitHub Actions workflow commands: `::error file=…,line=…::message`.

use crate::rules::diag::{Diagnostic, Severity};
use crate::source::SourceDb;
use std::fmt::Write;

/// Escape a message (data) as GitHub requires: `%`, CR, LF.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a property value: data escapes plus `:` and `,`.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(diags: &[Diagnostic], db: &SourceDb, paths: &super::Paths) -> String {
    let mut out = String::new();
    for d in diags {
        let f = db.get(d.file());
        let (line, col) = f.line_col(d.span().start as usize);
        let (end_line, end_col) = f.line_col(d.span().end as usize);
        let kind = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut message = d.message.clone();
        if let Some(h) = &d.help {
            message = format!("{message}\n{h}");
        }
        let _ = writeln!(
            out,
            "::{kind} file={},line={line},col={col},endLine={end_line},endColumn={end_col},title={}::{}",
            escape_property(&paths.show(&f.path)),
            escape_property(d.rule.id),
            escape_data(&message)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(escape_data("50%\r\nnext"), "50%25%0D%0Anext");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
