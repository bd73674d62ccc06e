//! The `hook-field-missing` rule (HK005).

use crate::declare_rule;
use crate::model::hooks::Handler;
use crate::model::value::{Field, Present};
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A hook handler without the field its `type` needs.
    ///
    /// ## What it does
    /// Reports a handler that lacks what its `type` requires, or has it as
    /// something other than a non-empty string: `command` for `command`,
    /// `url` for `http`, `server` and `tool` for `mcp_tool`, `prompt` for
    /// `prompt` and `agent`.
    ///
    /// ## Why it matters
    /// Claude Code cannot run such a handler: it is dropped when the hooks
    /// load (an error on `PreToolUse` and `PermissionRequest`), so the hook
    /// never runs.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "SessionStart": [ { "hooks": [ { "type": "command", "cmd": "echo hi" } ] } ] } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "SessionStart": [ { "hooks": [ { "type": "command", "command": "echo hi" } ] } ] } }
    /// ```
    pub static RULE = { id: "HK005", name: "hook-field-missing", family: Hooks, severity: Error, check: check }
}

fn field<'a>(h: &'a Handler, name: &str) -> Option<&'a Field<String>> {
    match name {
        "command" => h.command.as_deref(),
        "url" => h.url.as_deref(),
        "server" => h.server.as_deref(),
        "tool" => h.tool.as_deref(),
        "prompt" => h.prompt.as_deref(),
        _ => None,
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for h in super::handlers(cx) {
        let Some(t) = h.handler.handler_type.val() else {
            continue;
        };
        let Some((_, required)) = super::TYPES.iter().find(|(n, _)| n == t) else {
            continue;
        };
        for name in required.iter() {
            let (span, msg) = match field(h.handler, name) {
                None => {
                    let near = h
                        .handler
                        .unknown
                        .iter()
                        .find(|k| crate::text::suggest(&k.name, std::iter::once(*name)).is_some());
                    let msg = format!("`{t}` hook has no `{name}`");
                    match near {
                        Some(k) => (k.span, format!("{msg} (`{}` is not a field)", k.name)),
                        None => (crate::rules::manifest::brace(h.handler.span), msg),
                    }
                }
                Some(f) => match f.ok() {
                    Some(v) if !v.trim().is_empty() => continue,
                    Some(_) => (f.span, format!("`{name}` of a `{t}` hook is empty")),
                    None => (f.span, format!("`{name}` of a `{t}` hook is not a string")),
                },
            };
            out.push(
                Diagnostic::new(&RULE, h.file, span, msg)
                    .help(format!("a `{t}` hook needs `{}`", required.join("` and `"))),
            );
        }
    }
}
