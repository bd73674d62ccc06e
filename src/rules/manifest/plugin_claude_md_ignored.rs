//! The `plugin-claude-md-ignored` rule (PJ028).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::source::Span;

declare_rule! {
    /// A plugin ships a CLAUDE.md at its root.
    ///
    /// ## What it does
    /// Reports `CLAUDE.md` / `CLAUDE.local.md` next to `.claude-plugin/`.
    ///
    /// ## Why it matters
    /// Plugins do not load CLAUDE.md: its instructions never reach Claude.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/CLAUDE.md <==
    /// Always use kubectl --context.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/README.md <==
    /// Always use kubectl --context.
    /// ```
    pub static RULE = { id: "PJ028", name: "plugin-claude-md-ignored", family: Manifest, severity: Warning, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (p, _, _) in super::unique_manifests(cx.project) {
        for f in ["CLAUDE.md", "CLAUDE.local.md"] {
            if let Some(&d) = cx.project.doc_by_path.get(super::in_dir(&p.dir, f).as_str()) {
                out.push(
                    Diagnostic::new(
                        &RULE,
                        cx.project.docs[d].file,
                        Span::empty(0),
                        format!("{f} in a plugin is not loaded"),
                    )
                    .help("put the instructions into a skill, or into README.md for humans"),
                );
            }
        }
    }
}
