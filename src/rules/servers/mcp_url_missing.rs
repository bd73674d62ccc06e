//! The `mcp-url-missing` rule (MC005).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A remote MCP server has no `url`.
    ///
    /// ## What it does
    /// Reports an `http`, `streamable-http`, `sse` or `ws` server whose
    /// `url` is missing, empty or not a string.
    ///
    /// ## Why it matters
    /// A remote server is reached at its `url`: without one it fails
    /// Claude Code's schema and does not load.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.mcp.json <==
    /// { "mcpServers": { "docs": { "type": "http", "command": "https://mcp.example.com/mcp" } } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.mcp.json <==
    /// { "mcpServers": { "docs": { "type": "http", "url": "https://mcp.example.com/mcp" } } }
    /// ```
    pub static RULE = { id: "MC005", name: "mcp-url-missing", family: Servers, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for m in super::mcp_servers(cx).into_iter().filter(|m| m.is_remote()) {
        let t = m.kind().unwrap_or("http");
        let (span, message) = match m.server.url.as_ref() {
            None => (
                m.key,
                format!("{t} MCP server `{}` has no `url`", m.name),
            ),
            Some(f) => match &f.value {
                Ok(u) if u.trim().is_empty() => (
                    f.span,
                    format!("{t} MCP server `{}` has an empty `url`", m.name),
                ),
                Ok(_) => continue,
                Err(k) => (
                    f.span,
                    format!(
                        "the `url` of MCP server `{}` is {}, not a string",
                        m.name,
                        super::mcp_server_not_object::a(*k)
                    ),
                ),
            },
        };
        out.push(
            Diagnostic::new(&RULE, m.file, span, message)
                .help("add the server's address: `\"url\": \"https://…\"`"),
        );
    }
}
