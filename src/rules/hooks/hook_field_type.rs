//! The `hook-field-type` rule (HK020).

use crate::declare_rule;
use crate::model::value::{Field, Kind};
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::rules::types::{Bad, string_list, string_map};
use crate::source::Span;

declare_rule! {
    /// A hook field of the wrong type.
    ///
    /// ## What it does
    /// Reports a matcher that is not a string, and handler fields of the
    /// wrong type: `args` and `allowedEnvVars` not arrays of strings,
    /// `headers` not an object of strings, `once`, `async`, `asyncRewake`
    /// and `continueOnBlock` not booleans, and `command`, `if`, `shell`,
    /// `statusMessage`, `onFailure`, `url`, `server`, `tool`, `prompt` and
    /// `model` not strings. (`timeout` is HK006's.)
    ///
    /// ## Why it matters
    /// Claude Code validates hooks against its schema: a field of the wrong
    /// type fails it, the validator reports `Invalid input: expected …`, and
    /// the hook is not loaded. `"args": "--fix"` is the classic: a string
    /// where Claude Code wants the list of arguments.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "PostToolUse": [ { "matcher": "Edit", "hooks": [ { "type": "command", "command": "fmt", "args": "--fix" } ] } ] } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "PostToolUse": [ { "matcher": "Edit", "hooks": [ { "type": "command", "command": "fmt", "args": ["--fix"] } ] } ] } }
    /// ```
    pub static RULE = { id: "HK020", name: "hook-field-type", family: Hooks, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let a = crate::rules::servers::mcp_server_not_object::a;
    for (file, _, g) in super::groups(cx) {
        match g.matcher.as_deref() {
            Some(f) if f.ok().is_some_and(|m| m.kind != Kind::String) => {
                let kind = f.ok().map_or(Kind::String, |m| m.kind);
                out.push(
                    Diagnostic::new(&RULE, file, f.span, format!("`matcher` is {}, not a string", a(kind)))
                        .help("quote it: `\"matcher\": \"Bash\"`"),
                );
            }
            Some(f) if f.ok().is_none() => {
                let kind = f.value.as_ref().err().copied().unwrap_or(Kind::String);
                out.push(
                    Diagnostic::new(&RULE, file, f.span, format!("`matcher` is {}, not a string", a(kind)))
                        .help("write one string: `\"Edit|Write\"` for several tools"),
                );
            }
            _ => {}
        }
    }
    for h in super::handlers(cx) {
        let x = h.handler;
        let mut bad = Bad::new();
        let mut kind_of = |key: &str, span: Span, got: Kind, want: &str, help: &'static str| {
            bad.push((span, format!("`{key}` is {}, not {want}", a(got)), help));
        };
        for (key, f) in [
            ("command", &x.command),
            ("if", &x.condition),
            ("shell", &x.shell),
            ("statusMessage", &x.status_message),
            ("onFailure", &x.on_failure),
            ("url", &x.url),
            ("server", &x.server),
            ("tool", &x.tool),
            ("prompt", &x.prompt),
            ("model", &x.model),
        ] {
            if let Some(Field { span, value: Err(k), .. }) = f.as_deref() {
                kind_of(key, *span, *k, "a string", "quote it: the field is one string");
            }
        }
        for (key, f) in [
            ("once", &x.once),
            ("async", &x.run_async),
            ("asyncRewake", &x.async_rewake),
            ("continueOnBlock", &x.continue_on_block),
        ] {
            if let Some(Field { span, value: Err(k), .. }) = f.as_deref() {
                kind_of(key, *span, *k, "a boolean", "write `true` or `false`, without quotes");
            }
        }
        for (key, f) in [("args", &x.args), ("allowedEnvVars", &x.allowed_env_vars)] {
            if let Some(f) = f.as_deref() {
                string_list(f, key, LIST, &mut bad);
            }
        }
        if let Some(f) = x.headers.as_deref() {
            string_map(f, "headers", HEADERS, &mut bad);
        }
        for (span, message, help) in bad {
            out.push(Diagnostic::new(&RULE, h.file, span, message).help(help));
        }
    }
}

const LIST: &str = "write a list of strings: `[\"--fix\", \"src\"]`";
const HEADERS: &str = "write an object of strings: `{ \"X-Token\": \"${TOKEN}\" }`";
