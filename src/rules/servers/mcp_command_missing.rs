//! The `mcp-command-missing` rule (MC002).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A stdio MCP server has no `command`.
    ///
    /// ## What it does
    /// Reports a server with no `type` (or `type: "stdio"`) and no `url`
    /// whose `command` is missing, empty or not a string.
    ///
    /// ## Why it matters
    /// A stdio server is a process Claude Code starts: without a command
    /// it fails the schema (`command` is a non-empty string) and the
    /// server does not load.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.mcp.json <==
    /// { "mcpServers": { "search": { "args": ["search-server@1.4.0"] } } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.mcp.json <==
    /// { "mcpServers": { "search": { "command": "npx", "args": ["search-server@1.4.0"] } } }
    /// ```
    pub static RULE = { id: "MC002", name: "mcp-command-missing", family: Servers, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for m in super::mcp_servers(cx).into_iter().filter(|m| m.is_stdio()) {
        let (span, message) = match m.server.command.as_ref() {
            None => (
                m.key,
                format!("stdio MCP server `{}` has no `command`", m.name),
            ),
            Some(f) => match &f.value {
                Ok(c) if c.trim().is_empty() => (
                    f.span,
                    format!("stdio MCP server `{}` has an empty `command`", m.name),
                ),
                Ok(_) => continue,
                Err(k) => (
                    f.span,
                    format!(
                        "the `command` of MCP server `{}` is {}, not a string",
                        m.name,
                        super::mcp_server_not_object::a(*k)
                    ),
                ),
            },
        };
        out.push(Diagnostic::new(&RULE, m.file, span, message).help(
            "give the program to start as `command` and its arguments as `args`, or set `type` and `url` for a remote server",
        ));
    }
}
