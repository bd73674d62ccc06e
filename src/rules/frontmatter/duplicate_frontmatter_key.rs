//! The `duplicate-frontmatter-key` rule (SK028).

use super::components;
use crate::declare_rule;
use crate::parse::frontmatter::FrontmatterState;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A frontmatter key appears twice.
    ///
    /// ## What it does
    /// Reports repeated keys in one frontmatter mapping.
    ///
    /// ## Why it matters
    /// Strict loaders (skills-ref, claude.ai upload, js-yaml) reject the file;
    /// lenient ones keep one of the values, and which one depends on the loader.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// description: Ships releases.
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
    pub static RULE = { id: "SK028", name: "duplicate-frontmatter-key", family: Frontmatter, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for d in components(cx.project) {
        let FrontmatterState::Present(fm) = &d.frontmatter else {
            continue;
        };
        let Some(doc) = fm.doc() else { continue };
        for (dup, first, key) in &doc.duplicate_keys {
            out.push(
                Diagnostic::new(&RULE, d.file, *dup, format!("key `{key}` appears twice"))
                    .label(d.file, *first, "first defined here")
                    .help("keep one; strict YAML loaders reject duplicate keys"),
            );
        }
    }
}
