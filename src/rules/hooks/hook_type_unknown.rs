//! The `hook-type-unknown` rule (HK004).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A hook handler without a known `type`.
    ///
    /// ## What it does
    /// Reports a handler whose `type` is missing, not a string, or not one of
    /// `command`, `http`, `mcp_tool`, `prompt`, `agent`.
    ///
    /// ## Why it matters
    /// Claude Code picks what to run by `type`. A handler of another type is
    /// ignored at runtime (2.1.330: `Unknown hook type "comand"; entry ignored
    /// at runtime`; an error on `PreToolUse` and `PermissionRequest`, where
    /// the hook may guard permissions); earlier versions reject the hooks
    /// file. The hook never runs.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "SessionStart": [ { "hooks": [ { "type": "comand", "command": "echo hi" } ] } ] } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "SessionStart": [ { "hooks": [ { "type": "command", "command": "echo hi" } ] } ] } }
    /// ```
    pub static RULE = { id: "HK004", name: "hook-type-unknown", family: Hooks, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let types: Vec<&str> = super::TYPES.iter().map(|(t, _)| *t).collect();
    for h in super::handlers(cx) {
        let (span, msg, help) = match &h.handler.handler_type {
            None => (
                crate::rules::manifest::brace(h.handler.span),
                format!("a `{}` hook handler has no `type`", h.event),
                "add `\"type\": \"command\"` (or http, mcp_tool, prompt, agent)".to_string(),
            ),
            Some(f) => match f.ok() {
                Some(t) if types.contains(&t.as_str()) => continue,
                Some(t) => (
                    f.span,
                    format!("unknown hook type `{t}`"),
                    match crate::text::suggest_among(t, &types) {
                        Some(s) => format!("did you mean `{s}`?"),
                        None => format!("the types are {}", types.join(", ")),
                    },
                ),
                None => (
                    f.span,
                    "hook `type` is not a string".to_string(),
                    format!("the types are {}", types.join(", ")),
                ),
            },
        };
        out.push(Diagnostic::new(&RULE, h.file, span, msg).help(help));
    }
}
