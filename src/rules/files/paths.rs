//! GEN005 symlink-escapes, GEN009 unreadable-path.

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
    pub static SYMLINK_ESCAPES = { id: "GEN005", name: "symlink-escapes", family: Files, severity: Warning }
}

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
    pub static UNREADABLE = { id: "GEN009", name: "unreadable-path", family: Files, severity: Error }
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for p in &cx.project.problems {
        match p {
            Problem::SymlinkEscapes { file, target } => out.push(
                Diagnostic::new(&SYMLINK_ESCAPES, *file, Span::empty(0), format!("symlink points outside the tree, to `{target}`; it was not followed"))
                    .help("copy the target into the plugin: links that leave the marketplace are dropped on install"),
            ),
            Problem::Broken { file, reason } | Problem::Unreadable { file, reason } => out.push(
                Diagnostic::new(&UNREADABLE, *file, Span::empty(0), format!("cannot read this path: {reason}"))
                    .help("remove the link or fix its target"),
            ),
            _ => {}
        }
    }
}
