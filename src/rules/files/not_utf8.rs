//! The `not-utf8` rule (GEN008).

use crate::declare_rule;
use crate::model::Problem;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::source::Span;

declare_rule! {
    /// A file is not valid UTF-8.
    ///
    /// ## What it does
    /// Reports markdown and JSON files that do not decode as UTF-8, with the
    /// offset of the first bad byte.
    ///
    /// ## Why it matters
    /// Claude Code decodes plugin files as UTF-8; invalid bytes become
    /// replacement characters or make JSON unparseable.
    ///
    /// ## Example
    /// A SKILL.md saved in Latin-1 with an `é`.
    ///
    /// ## Use instead
    /// Re-save the file as UTF-8.
    pub static RULE = { id: "GEN008", name: "not-utf8", family: Files, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for p in &cx.project.problems {
        if let Problem::NotUtf8 { file, offset } = p {
            out.push(
                Diagnostic::new(
                    &RULE,
                    *file,
                    Span::empty(0),
                    format!("the file is not valid UTF-8 (first bad byte at offset {offset})"),
                )
                .help("re-save the file with UTF-8 encoding"),
            );
        }
    }
}
