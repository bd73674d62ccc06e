//! The `frontmatter-not-mapping` rule (SK004).

use super::components;
use crate::declare_rule;
use crate::parse::frontmatter::FrontmatterState;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// The frontmatter is not a mapping of keys to values.
    ///
    /// ## What it does
    /// Reports frontmatter that parses to a list, a scalar or nothing.
    ///
    /// ## Why it matters
    /// Claude Code rejects it: `Frontmatter must be a YAML mapping`.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// - deploy
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
    pub static RULE = { id: "SK004", name: "frontmatter-not-mapping", family: Frontmatter, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for d in components(cx.project) {
        let FrontmatterState::Present(fm) = &d.frontmatter else {
            continue;
        };
        let Some(doc) = fm.doc() else { continue };
        // What the document is, when not a mapping, is a fact of the parse.
        match &doc.root {
            Some(r) if r.is_map() => {}
            Some(r) => out.push(
                Diagnostic::new(
                    &RULE,
                    d.file,
                    r.span,
                    format!("frontmatter is a {}, not a mapping", r.type_name()),
                )
                .help("write key: value pairs (name: …, description: …)"),
            ),
            None => out.push(
                Diagnostic::new(&RULE, d.file, fm.span, "frontmatter is empty")
                    .help("add name: … and description: …"),
            ),
        }
    }
}
