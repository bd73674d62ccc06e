//! The `hook-exec-command-has-arguments` rule (HK023).

use crate::declare_rule;
use crate::model::value::Present;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// An exec-form hook's `command` holds arguments.
    ///
    /// ## What it does
    /// Reports a `command` hook with `args` whose `command` has a space in
    /// it (`"command": "node script.js", "args": ["--fix"]`).
    ///
    /// ## Why it matters
    /// With `args`, Claude Code runs `command` as one program, without a
    /// shell: it looks for a program named `node script.js`, finds none, and
    /// the hook fails every time.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "PostToolUse": [ { "matcher": "Write", "hooks": [ { "type": "command", "command": "node fmt.js", "args": ["--fix"] } ] } ] } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "PostToolUse": [ { "matcher": "Write", "hooks": [ { "type": "command", "command": "node", "args": ["fmt.js", "--fix"] } ] } ] } }
    /// ```
    pub static RULE = { id: "HK023", name: "hook-exec-command-has-arguments", family: Hooks, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for h in super::handlers(cx) {
        if h.handler.handler_type.val().map(String::as_str) != Some("command")
            || h.handler.args.val().is_none()
        {
            continue;
        }
        let Some((cmd, span)) = h.handler.command.spanned() else {
            continue;
        };
        let trimmed = cmd.trim();
        let Some((program, rest)) = trimmed.split_once(char::is_whitespace) else {
            continue;
        };
        out.push(
            Diagnostic::new(
                &RULE,
                h.file,
                span,
                format!("with `args`, `{trimmed}` is run as one program name, not `{program}` with arguments"),
            )
            .help(format!(
                "write `\"command\": \"{program}\"` and put `{}` first in `args`, or drop `args` for shell form",
                rest.trim()
            )),
        );
    }
}
