//! The `tool-rule-malformed` rule (TL002).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A tool rule is malformed: unbalanced or empty parentheses.
    ///
    /// ## What it does
    /// Parses each rule as `Tool` or `Tool(specifier)`.
    ///
    /// ## Why it matters
    /// Claude Code rejects the rule (`Mismatched parentheses`, `Empty
    /// parentheses`); the tool is not pre-approved.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// allowed-tools: Bash(kubectl apply:* Read
    /// ---
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// allowed-tools: Bash(kubectl apply:*) Read
    /// ---
    /// ```
    pub static RULE = { id: "TL002", name: "tool-rule-malformed", family: Frontmatter, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    super::report_tools(cx, &RULE, out);
}
