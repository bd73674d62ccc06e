//! The `unclosed-frontmatter` rule (SK027).

use super::components;
use crate::declare_rule;
use crate::parse::frontmatter::FrontmatterState;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// The frontmatter's opening `---` is never closed.
    ///
    /// ## What it does
    /// Reports a file that starts with `---` but has no closing `---` line.
    ///
    /// ## Why it matters
    /// Every loader reads the whole file as frontmatter or none of it: the
    /// component loses its metadata.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    ///
    /// # Deploy
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    ///
    /// # Deploy
    /// ```
    pub static RULE = { id: "SK027", name: "unclosed-frontmatter", family: Frontmatter, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for d in components(cx.project) {
        if let FrontmatterState::Unclosed { span } = &d.frontmatter {
            out.push(
                Diagnostic::new(
                    &RULE,
                    d.file,
                    *span,
                    "frontmatter opened here is never closed",
                )
                .help("add a line with --- after the last frontmatter key"),
            );
        }
    }
}
