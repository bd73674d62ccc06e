//! The `wildcard-tool-name` rule (TL012).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A wildcard tool name in an allow list.
    ///
    /// ## What it does
    /// In `allowed-tools` and agent `tools`, a `*` in the tool name is allowed
    /// only after a literal `mcp__server__` prefix.
    ///
    /// ## Why it matters
    /// Claude Code rejects it: `Wildcard tool name is not supported in allow rules`.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// allowed-tools: mcp__*
    /// ---
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// allowed-tools: mcp__kubernetes__*
    /// ---
    /// ```
    pub static RULE = { id: "TL012", name: "wildcard-tool-name", family: Frontmatter, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    super::report_tools(cx, &RULE, out);
}
