//! The `unknown-tool` rule (TL005).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A tool name is not a Claude Code tool.
    ///
    /// ## What it does
    /// Compares each tool name with Claude Code's built-in tools, legacy
    /// aliases and the `mcp__server__tool` form.
    ///
    /// ## Why it matters
    /// A misspelt tool pre-approves nothing; the user is prompted on every call.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// allowed-tools: Bash Reed
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
    pub static RULE = { id: "TL005", name: "unknown-tool", family: Frontmatter, severity: Warning, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    super::report_tools(cx, &RULE, out);
}
