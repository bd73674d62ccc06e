//! The `lsp-option-invalid` rule (LS004).

use crate::declare_rule;
use crate::model::value::{Field, Number};
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// An LSP server's option has the wrong type or value.
    ///
    /// ## What it does
    /// Reports a `transport` other than `stdio` and `socket`, a
    /// `startupTimeout`, `shutdownTimeout` or `requestTimeout` that is not
    /// a positive whole number of milliseconds, a `maxRestarts` that is not
    /// a whole number of at least 0, `args` that is not an array of
    /// non-empty strings, `env` that is not an object of strings,
    /// `restartOnCrash` or `diagnostics` that is not a boolean, and a
    /// `workspaceFolder` that is not a string.
    ///
    /// ## Why it matters
    /// Claude Code validates these fields: a server with one out of range
    /// is rejected and skipped.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.lsp.json <==
    /// { "go": { "command": "gopls", "extensionToLanguage": { ".go": "go" }, "transport": "tcp", "startupTimeout": "30s" } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.lsp.json <==
    /// { "go": { "command": "gopls", "extensionToLanguage": { ".go": "go" }, "transport": "socket", "startupTimeout": 30000 } }
    /// ```
    pub static RULE = { id: "LS004", name: "lsp-option-invalid", family: Servers, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for l in super::lsp_servers(cx) {
        let s = l.server;
        if let Some(f) = s.transport.as_deref() {
            let bad = match &f.value {
                Ok(t) if t == "stdio" || t == "socket" => None,
                Ok(t) => Some(format!("`transport` is `{t}`")),
                Err(k) => Some(format!(
                    "`transport` is {}",
                    super::mcp_server_not_object::a(*k)
                )),
            };
            if let Some(bad) = bad {
                let d = Diagnostic::new(
                    &RULE,
                    l.file,
                    f.span,
                    format!("LSP server `{}`: {bad}, not `stdio` or `socket`", l.name),
                );
                let near = f
                    .ok()
                    .and_then(|t| crate::text::suggest(t, ["stdio", "socket"].into_iter()));
                out.push(match near {
                    Some(n) => d.help(format!("did you mean `{n}`?")),
                    None => d.help("use `stdio` (the default) or `socket`"),
                });
            }
        }
        for (key, f) in [
            ("startupTimeout", &s.startup_timeout),
            ("shutdownTimeout", &s.shutdown_timeout),
            ("requestTimeout", &s.request_timeout),
        ] {
            if let Some(f) = f.as_deref() {
                number(cx, &l, key, f, 1, out);
            }
        }
        if let Some(f) = s.max_restarts.as_deref() {
            number(cx, &l, "maxRestarts", f, 0, out);
        }
        let a = super::mcp_server_not_object::a;
        let mut bad = crate::rules::types::Bad::new();
        if let Some(f) = s.args.as_deref() {
            crate::rules::types::string_list(f, "args", ARGS, &mut bad);
            for i in f.ok().into_iter().flat_map(|l| l.iter()) {
                if i.ok().is_some_and(|v| v.is_empty()) {
                    bad.push((i.span, "an item of `args` is empty".into(), ARGS));
                }
            }
        }
        if let Some(f) = s.env.as_deref() {
            crate::rules::types::string_map(f, "env", ENV, &mut bad);
        }
        for (key, f) in [("restartOnCrash", &s.restart_on_crash), ("diagnostics", &s.diagnostics)] {
            if let Some(Field { span, value: Err(k), .. }) = f.as_deref() {
                bad.push((*span, format!("`{key}` is {}, not a boolean", a(*k)), "write `true` or `false`, without quotes"));
            }
        }
        if let Some(Field { span, value: Err(k), .. }) = s.workspace_folder.as_deref() {
            bad.push((*span, format!("`workspaceFolder` is {}, not a string", a(*k)), "write the folder as a string"));
        }
        for (span, message, help) in bad {
            out.push(
                Diagnostic::new(&RULE, l.file, span, format!("LSP server `{}`: {message}", l.name)).help(help),
            );
        }
    }
}

const ARGS: &str = "write each argument as its own string: `\"args\": [\"--stdio\"]`";
const ENV: &str = "write an object of strings: `{ \"NAME\": \"value\" }` (quote numbers and booleans)";

/// Report `f` unless it is a whole number of at least `min` (and at most
/// 2147483647).
fn number(
    _cx: &Context<'_>,
    l: &super::Lsp<'_>,
    key: &str,
    f: &Field<Number>,
    min: i64,
    out: &mut Vec<Diagnostic>,
) {
    let bad = match &f.value {
        Ok(n) => match n.as_i64() {
            Some(v) if v >= min && v <= i64::from(i32::MAX) => return,
            _ => format!("`{key}` is {}", n.text),
        },
        Err(k) => format!("`{key}` is {}", super::mcp_server_not_object::a(*k)),
    };
    let want = if min > 0 {
        "a positive whole number (milliseconds for timeouts)"
    } else {
        "a whole number of at least 0"
    };
    out.push(
        Diagnostic::new(
            &RULE,
            l.file,
            f.span,
            format!("LSP server `{}`: {bad}, not {want}", l.name),
        )
        .help(format!("write `{key}` as {want}")),
    );
}
