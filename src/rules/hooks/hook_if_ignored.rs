//! The `hook-if-ignored` rule (HK013).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// `if` on a hook of an event that has no tool.
    ///
    /// ## What it does
    /// Reports a handler's `if` on an event other than `PreToolUse`,
    /// `PostToolUse`, `PostToolUseFailure`, `PermissionRequest` and
    /// `PermissionDenied`.
    ///
    /// ## Why it matters
    /// `if` is a permission rule matched against the tool call. Claude Code
    /// evaluates it only on the tool events; on any other event a hook with
    /// `if` never runs.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "SessionStart": [ { "hooks": [ { "type": "command", "command": "echo hi", "if": "Bash(git *)" } ] } ] } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "PreToolUse": [ { "matcher": "Bash", "hooks": [ { "type": "command", "command": "echo hi", "if": "Bash(git *)" } ] } ] } }
    /// ```
    pub static RULE = { id: "HK013", name: "hook-if-ignored", family: Hooks, severity: Warning, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for h in super::handlers(cx) {
        if super::TOOL_EVENTS.contains(&h.event) || !super::EVENTS.contains(&h.event) {
            continue;
        }
        let Some(f) = h.handler.condition.as_deref() else {
            continue;
        };
        out.push(
            Diagnostic::new(
                &RULE,
                h.file,
                f.span,
                format!("`if` on a `{}` hook: the hook never runs", h.event),
            )
            .help(format!(
                "`if` applies only to {}; remove it",
                super::TOOL_EVENTS.join(", ")
            )),
        );
    }
}
