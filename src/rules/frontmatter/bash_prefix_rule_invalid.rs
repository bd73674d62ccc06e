//! The `bash-prefix-rule-invalid` rule (TL007).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A Bash prefix rule puts `:*` somewhere other than the end.
    ///
    /// ## What it does
    /// In `Bash(prefix:*)`, `:*` must end the rule and follow a non-empty prefix.
    ///
    /// ## Why it matters
    /// Claude Code rejects the rule (`The :* pattern must be at the end`).
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// allowed-tools: Bash(kubectl:* apply)
    /// ---
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// allowed-tools: Bash(kubectl apply:*)
    /// ---
    /// ```
    pub static RULE = { id: "TL007", name: "bash-prefix-rule-invalid", family: Frontmatter, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    super::report_tools(cx, &RULE, out);
}
