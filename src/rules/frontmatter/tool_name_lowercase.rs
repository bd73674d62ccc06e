//! The `tool-name-lowercase` rule (TL004).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A tool name starts with a lowercase letter.
    ///
    /// ## What it does
    /// Built-in tool names are capitalised (`Bash`, `Read`); only MCP names
    /// (which contain `_`) may start lowercase.
    ///
    /// ## Why it matters
    /// Claude Code rejects the rule: `Tool names must start with uppercase`.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// allowed-tools: bash read
    /// ---
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// allowed-tools: Bash Read
    /// ---
    /// ```
    pub static RULE = { id: "TL004", name: "tool-name-lowercase", family: Frontmatter, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    super::report_tools(cx, &RULE, out);
}
