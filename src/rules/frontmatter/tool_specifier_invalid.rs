//! The `tool-specifier-invalid` rule (TL008).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A tool specifier is not valid for that tool.
    ///
    /// ## What it does
    /// Reports `:*` in file-tool rules (`Read(src:*)`), `WebFetch` rules
    /// without `domain:` or with a URL, `WebSearch` rules with wildcards, and
    /// MCP rules with parentheses.
    ///
    /// ## Why it matters
    /// Claude Code rejects the rule.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// allowed-tools: WebFetch(https://example.com/docs)
    /// ---
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// allowed-tools: WebFetch(domain:example.com)
    /// ---
    /// ```
    pub static RULE = { id: "TL008", name: "tool-specifier-invalid", family: Frontmatter, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    super::report_tools(cx, &RULE, out);
}
