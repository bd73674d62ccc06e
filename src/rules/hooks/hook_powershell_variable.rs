//! The `hook-powershell-variable` rule (HK025).

use crate::declare_rule;
use crate::model::value::Present;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A PowerShell hook reads a Claude Code variable the bash way.
    ///
    /// ## What it does
    /// Reports `$CLAUDE_PROJECT_DIR`, `$CLAUDE_PLUGIN_ROOT`,
    /// `$CLAUDE_PLUGIN_DATA` (and other `$CLAUDE_…` names) written without
    /// braces in a `"shell": "powershell"` hook command.
    ///
    /// ## Why it matters
    /// In PowerShell `$NAME` is a PowerShell variable, not an environment
    /// variable: it is empty, and the hook runs a path that starts at the
    /// drive root. Environment variables are `$env:NAME`; Claude Code
    /// replaces the `${CLAUDE_PLUGIN_ROOT}` form itself before the shell
    /// runs.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "PostToolUse": [ { "matcher": "Write", "hooks": [ { "type": "command", "shell": "powershell", "command": "& \"$CLAUDE_PROJECT_DIR\\.claude\\check.ps1\"" } ] } ] } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "PostToolUse": [ { "matcher": "Write", "hooks": [ { "type": "command", "shell": "powershell", "command": "& \"$env:CLAUDE_PROJECT_DIR\\.claude\\check.ps1\"" } ] } ] } }
    /// ```
    pub static RULE = { id: "HK025", name: "hook-powershell-variable", family: Hooks, severity: Warning, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let re = crate::regex!(r"\$(CLAUDE_[A-Z0-9_]+)");
    for h in super::handlers(cx) {
        if h.handler.shell.val().map(String::as_str) != Some("powershell") {
            continue;
        }
        let Some((cmd, span)) = h.handler.command.spanned() else {
            continue;
        };
        for c in re.captures_iter(cmd) {
            let (Some(whole), Some(name)) = (c.get(0), c.get(1)) else {
                continue;
            };
            let at = super::span_in(cx, h.file, span, cmd, whole.range());
            out.push(
                Diagnostic::new(
                    &RULE,
                    h.file,
                    at,
                    format!("`${}` is an empty PowerShell variable, not the environment variable", name.as_str()),
                )
                .help(format!("write `$env:{}`", name.as_str())),
            );
        }
    }
}
