//! The `frontmatter-not-at-start` rule (AS001).

use super::components;
use crate::declare_rule;
use crate::parse::frontmatter::FrontmatterState;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// The frontmatter does not start at the first byte of the file.
    ///
    /// ## What it does
    /// Reports a `---` block preceded by blank lines.
    ///
    /// ## Why it matters
    /// Claude Code and the Agent Skills validator look for `---` at byte 0;
    /// a leading blank line means the block is read as body text and the
    /// metadata is lost.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    ///
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ```
    pub static RULE = { id: "AS001", name: "frontmatter-not-at-start", family: Frontmatter, severity: Error, spec: true, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for d in components(cx.project) {
        if let FrontmatterState::NotAtStart { span } = &d.frontmatter {
            out.push(
                Diagnostic::new(
                    &RULE,
                    d.file,
                    *span,
                    "frontmatter must start at the first line of the file",
                )
                .help("delete the blank lines before ---; loaders see no frontmatter otherwise"),
            );
        }
    }
}
