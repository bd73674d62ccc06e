//! The `unreadable-path` rule (GEN009).

use crate::declare_rule;
use crate::model::Problem;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::source::Span;

declare_rule! {
    /// A path cannot be read: a symlink loop, a dangling link, or an I/O error.
    ///
    /// ## What it does
    /// Reports paths the walk could not enter or read.
    ///
    /// ## Why it matters
    /// Claude Code cannot read them either; whatever they held is missing.
    ///
    /// ## Example
    /// `plugins/demo/skills/loop -> .` (a link to its own parent).
    ///
    /// ## Use instead
    /// Remove the link or point it at a real file inside the plugin.
    pub static RULE = { id: "GEN009", name: "unreadable-path", family: Files, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for p in &cx.project.problems {
        if let Problem::Broken { file, reason } | Problem::Unreadable { file, reason } = p {
            out.push(
                Diagnostic::new(&RULE, *file, Span::empty(0), format!("cannot read this path: {reason}"))
                    .help("remove the link or fix its target"),
            );
        }
    }
}
