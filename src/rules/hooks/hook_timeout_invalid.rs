//! The `hook-timeout-invalid` rule (HK006).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A hook `timeout` that is not a positive number.
    ///
    /// ## What it does
    /// Reports a handler's `timeout` that is not a number (`"ten"`, `"30"`)
    /// or is zero or negative.
    ///
    /// ## Why it matters
    /// `timeout` is a number of seconds greater than 0. Claude Code rejects
    /// any other value (`Too small: expected number to be >0`) and drops the
    /// handler, so the hook never runs.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "SessionStart": [ { "hooks": [ { "type": "command", "command": "echo hi", "timeout": "ten" } ] } ] } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "SessionStart": [ { "hooks": [ { "type": "command", "command": "echo hi", "timeout": 10 } ] } ] } }
    /// ```
    pub static RULE = { id: "HK006", name: "hook-timeout-invalid", family: Hooks, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for h in super::handlers(cx) {
        let Some(f) = h.handler.timeout.as_deref() else {
            continue;
        };
        let msg = match &f.value {
            Ok(n) if n.value > 0.0 => continue,
            Ok(n) => format!("hook `timeout` is {}; it must be greater than 0", n.text),
            Err(kind) => format!("hook `timeout` is a {}, not a number of seconds", kind.name()),
        };
        out.push(
            Diagnostic::new(&RULE, h.file, f.span, msg)
                .help("write the seconds as a number: `\"timeout\": 30`"),
        );
    }
}
