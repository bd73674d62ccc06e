//! The `yaml-invalid` rule (SK002).

use super::{components, kind_name};
use crate::declare_rule;
use crate::parse::frontmatter::{FrontmatterState, YamlParse};
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::source::Span;

declare_rule! {
    /// The frontmatter is not valid YAML, even for Claude Code's lenient loader.
    ///
    /// ## What it does
    /// Parses the frontmatter strictly and, when that fails, the way Claude
    /// Code retries (quoting values with special characters, expanding tabs).
    /// Reports files that fail both.
    ///
    /// ## Why it matters
    /// The component loads with empty metadata: no name, no description, no
    /// allowed tools.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: "Deploys the demo app.
    /// ---
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: "Deploys the demo app. Use when shipping a release."
    /// ---
    /// ```
    pub static RULE = { id: "SK002", name: "yaml-invalid", family: Frontmatter, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for d in components(cx.project) {
        let FrontmatterState::Present(fm) = &d.frontmatter else {
            continue;
        };
        let YamlParse::Invalid(e) = &fm.parse else {
            continue;
        };
        let what = kind_name(d.kind);
        // An empty span at a character points at that character.
        let s = e.span;
        let span = if s.is_empty() && (s.start as usize) < cx.text(d.file).len() {
            Span::new(s.start as usize, s.start as usize + 1)
        } else {
            s
        };
        out.push(
            Diagnostic::new(
                &RULE,
                d.file,
                span,
                format!("frontmatter is not valid YAML: {}", e.message),
            )
            .help(format!(
                "fix the YAML; at runtime this {what} loads with empty metadata"
            )),
        );
    }
}
