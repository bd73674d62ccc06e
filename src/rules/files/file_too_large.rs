//! The `file-too-large` rule (GEN004).

use crate::declare_rule;
use crate::model::Problem;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::source::Span;

declare_rule! {
    /// A file is too large to be loaded.
    ///
    /// ## What it does
    /// Reports markdown files over 1 MiB (Claude Code skips skills, commands
    /// and agents above that size) and any file over skillc's 8 MiB read cap.
    ///
    /// ## Why it matters
    /// The runtime drops the file with only a debug log: the skill silently
    /// disappears.
    ///
    /// ## Example
    /// A SKILL.md of 1.5 MiB.
    ///
    /// ## Use instead
    /// Move detail into `references/` files that the skill links to.
    pub static RULE = { id: "GEN004", name: "file-too-large", family: Files, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for p in &cx.project.problems {
        if let Problem::TooLarge { file, size, limit } = p {
            out.push(
                Diagnostic::new(
                    &RULE,
                    *file,
                    Span::empty(0),
                    format!(
                        "the file is {size} bytes, over the {limit}-byte limit; it was not checked"
                    ),
                )
                .help("Claude Code skips markdown over 1 MiB: move detail into references/ files"),
            );
        }
    }
}
