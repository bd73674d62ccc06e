//! The `symlink-escapes` rule (GEN005).

use crate::declare_rule;
use crate::model::Problem;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::source::Span;

declare_rule! {
    /// A symlink points outside the checked tree.
    ///
    /// ## What it does
    /// Reports symlinks whose target resolves outside the directory skillc
    /// was pointed at. They are not followed.
    ///
    /// ## Why it matters
    /// When a plugin is installed, links that leave the marketplace are
    /// skipped: the content is missing for every user.
    ///
    /// ## Example
    /// `plugins/demo/skills/deploy/references/guide.md -> /home/me/notes.md`
    ///
    /// ## Use instead
    /// Copy the file into the plugin.
    pub static RULE = { id: "GEN005", name: "symlink-escapes", family: Files, severity: Warning, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for p in &cx.project.problems {
        if let Problem::SymlinkEscapes { file, target } = p {
            out.push(
                Diagnostic::new(&RULE, *file, Span::empty(0), format!("symlink points outside the tree, to `{target}`; it was not followed"))
                    .help("copy the target into the plugin: links that leave the marketplace are dropped on install"),
            );
        }
    }
}
