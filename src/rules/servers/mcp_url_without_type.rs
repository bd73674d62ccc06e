//! The `mcp-url-without-type` rule (MC003).

use crate::declare_rule;
use crate::model::value::Present;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// An MCP server has a `url` but no `type`.
    ///
    /// ## What it does
    /// Reports a server that sets `url` without `type`.
    ///
    /// ## Why it matters
    /// Without `type` Claude Code reads the server as stdio, which needs a
    /// `command`: the server fails validation and is silently dropped at
    /// load (`server has a "url" but no "type"`).
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.mcp.json <==
    /// { "mcpServers": { "docs": { "url": "https://mcp.example.com/mcp" } } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.mcp.json <==
    /// { "mcpServers": { "docs": { "type": "http", "url": "https://mcp.example.com/mcp" } } }
    /// ```
    pub static RULE = { id: "MC003", name: "mcp-url-without-type", family: Servers, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for m in super::mcp_servers(cx) {
        if m.server.server_type.is_none()
            && let Some(key) = m.server.url.key_span()
        {
            let sse = m
                .server
                .url
                .val()
                .is_some_and(|u| u.trim_end_matches('/').ends_with("/sse"));
            out.push(
                Diagnostic::new(
                    &RULE,
                    m.file,
                    key,
                    format!("MCP server `{}` has a `url` but no `type`", m.name),
                )
                .help(if sse {
                    "add `\"type\": \"sse\"`"
                } else {
                    "add `\"type\": \"http\"` (or `\"sse\"`, `\"ws\"` for those transports)"
                }),
            );
        }
    }
}
