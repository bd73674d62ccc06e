//! The `hook-option-invalid` rule (HK008).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A hook `shell` or `onFailure` outside its values.
    ///
    /// ## What it does
    /// Reports a handler's `shell` other than `bash` or `powershell`, and an
    /// `onFailure` other than `continue` or `block`.
    ///
    /// ## Why it matters
    /// Claude Code validates both against their values; a handler with
    /// another value fails validation and is dropped, so the hook never
    /// runs.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "SessionStart": [ { "hooks": [ { "type": "command", "command": "echo hi", "shell": "zsh" } ] } ] } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "SessionStart": [ { "hooks": [ { "type": "command", "command": "echo hi", "shell": "bash" } ] } ] } }
    /// ```
    pub static RULE = { id: "HK008", name: "hook-option-invalid", family: Hooks, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for h in super::handlers(cx) {
        let fields = [
            ("shell", h.handler.shell.as_deref(), &["bash", "powershell"][..]),
            ("onFailure", h.handler.on_failure.as_deref(), &["continue", "block"][..]),
        ];
        for (key, field, allowed) in fields {
            let Some(f) = field else { continue };
            let msg = match f.ok() {
                Some(v) if allowed.contains(&v.as_str()) => continue,
                Some(v) => format!("hook `{key}` is `{v}`"),
                None => format!("hook `{key}` is not a string"),
            };
            out.push(
                Diagnostic::new(&RULE, h.file, f.span, msg)
                    .help(format!("`{key}` is one of `{}`", allowed.join("`, `"))),
            );
        }
    }
}
