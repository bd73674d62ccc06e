//! The `mcp-field-type` rule (MC006).

use crate::declare_rule;
use crate::model::value::{Field, Kind};
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::rules::types::{string_list, string_map};
use crate::source::Span;

declare_rule! {
    /// An MCP server field of the wrong type or value.
    ///
    /// ## What it does
    /// Reports `args` that is not an array of strings, `env` or `headers`
    /// that is not an object of string values, a `timeout` that is not a
    /// whole number above 0, and an `alwaysLoad` that is not a boolean.
    ///
    /// ## Why it matters
    /// Claude Code's schema wants `args: string[]`, `env` and `headers` as
    /// string maps: `"args": "--port 8080"` or `"PORT": 8080` fails it and
    /// the server does not load.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.mcp.json <==
    /// { "mcpServers": { "search": { "command": "search-server", "args": "--port 8080", "env": { "PORT": 8080 } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.mcp.json <==
    /// { "mcpServers": { "search": { "command": "search-server", "args": ["--port", "8080"], "env": { "PORT": "8080" } } } }
    /// ```
    pub static RULE = { id: "MC006", name: "mcp-field-type", family: Servers, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for m in super::mcp_servers(cx) {
        let mut bad: Vec<(Span, String, &str)> = Vec::new();
        if let Some(f) = m.server.args.as_deref() {
            string_list(f, "args", ARGS, &mut bad);
        }
        for (key, f) in [("env", &m.server.env), ("headers", &m.server.headers)] {
            if let Some(f) = f.as_deref() {
                string_map(f, key, MAP, &mut bad);
            }
        }
        if let Some(f) = m.server.timeout.as_deref() {
            let bad_value = match &f.value {
                Ok(n) => n.as_i64().is_none_or(|v| v <= 0).then(|| format!("`timeout` is {}", n.text)),
                Err(k) => Some(format!("`timeout` is {}", a(*k))),
            };
            if let Some(v) = bad_value {
                bad.push((
                    f.span,
                    format!("{v}, not a positive whole number"),
                    "write the timeout in milliseconds, a whole number above 0",
                ));
            }
        }
        if let Some(Field { span, value: Err(k), .. }) = m.server.always_load.as_deref() {
            bad.push((*span, format!("`alwaysLoad` is {}, not a boolean", a(*k)), "write `true` or `false`, without quotes"));
        }
        for (span, message, help) in bad {
            out.push(
                Diagnostic::new(&RULE, m.file, span, format!("MCP server `{}`: {message}", m.name))
                    .help(help),
            );
        }
    }
}

const ARGS: &str = "write each argument as its own string: `\"args\": [\"--port\", \"8080\"]`";
const MAP: &str = "write it as an object of strings: `{ \"NAME\": \"value\" }` (quote numbers and booleans)";

fn a(k: Kind) -> String {
    super::mcp_server_not_object::a(k)
}
