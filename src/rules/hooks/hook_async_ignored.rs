//! The `hook-async-ignored` rule (HK017).

use crate::declare_rule;
use crate::model::value::Present;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// `async` or `asyncRewake` where it does nothing, or undoes the hook.
    ///
    /// ## What it does
    /// Reports `async: true` or `asyncRewake: true` on a handler that is
    /// not of type `command` (only command hooks run in the background),
    /// and on a `PermissionRequest` or `WorktreeCreate` hook, whose answer
    /// is the whole point of the hook.
    ///
    /// ## Why it matters
    /// An async hook runs in the background and Claude Code does not wait
    /// for it: its exit code and output decide nothing. A
    /// `PermissionRequest` hook run that way never allows or denies, and a
    /// `WorktreeCreate` hook never hands back the worktree's path. On an
    /// `http`, `prompt`, `agent` or `mcp_tool` hook the key is ignored and
    /// the hook blocks as usual, which is not what its author asked for.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "PermissionRequest": [ { "matcher": "Bash", "hooks": [ { "type": "command", "command": "echo hi", "async": true } ] } ] } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "PermissionRequest": [ { "matcher": "Bash", "hooks": [ { "type": "command", "command": "echo hi" } ] } ] } }
    /// ```
    pub static RULE = { id: "HK017", name: "hook-async-ignored", family: Hooks, severity: Warning, check: check }
}

/// Events whose hook exists for its answer.
const ANSWERING: &[&str] = &["PermissionRequest", "WorktreeCreate"];

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for h in super::handlers(cx) {
        let kind = h.handler.handler_type.val().map(String::as_str);
        for (field, key) in [
            (&h.handler.run_async, "async"),
            (&h.handler.async_rewake, "asyncRewake"),
        ] {
            let Some(f) = field.as_deref() else { continue };
            if f.ok() != Some(&true) {
                continue;
            }
            let (message, help) = if kind.is_some_and(|k| k != "command") {
                (
                    format!("`{key}` does nothing on a `{}` hook", kind.unwrap_or("")),
                    "remove it: only command hooks run in the background".to_string(),
                )
            } else if ANSWERING.contains(&h.event) {
                (
                    format!("`{key}` on a `{}` hook: Claude Code does not wait for its answer", h.event),
                    format!("remove `{key}`: the {} hook's output is what it is for", h.event),
                )
            } else {
                continue;
            };
            out.push(Diagnostic::new(&RULE, h.file, f.key, message).help(help));
        }
    }
}
