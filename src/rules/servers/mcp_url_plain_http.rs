//! The `mcp-url-plain-http` rule (MC012).

use crate::declare_rule;
use crate::model::value::Present;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A remote MCP server is reached over plain `http://`.
    ///
    /// ## What it does
    /// Reports a remote server whose `url` starts with `http://` (or
    /// `ws://`) and whose host is not the local machine (`localhost`,
    /// `127.0.0.1`, `[::1]`).
    ///
    /// ## Why it matters
    /// Every request, its `headers` (tokens included) and the tool results
    /// travel unencrypted, readable and changeable by anyone on the way.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.mcp.json <==
    /// { "mcpServers": { "docs": { "type": "http", "url": "http://mcp.example.com/mcp" } } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.mcp.json <==
    /// { "mcpServers": { "docs": { "type": "http", "url": "https://mcp.example.com/mcp" } } }
    /// ```
    pub static RULE = { id: "MC012", name: "mcp-url-plain-http", family: Servers, severity: Warning, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for m in super::mcp_servers(cx) {
        let Some((url, span)) = m.server.url.spanned() else {
            continue;
        };
        let lower = url.to_ascii_lowercase();
        let (scheme, rest) = if let Some(r) = lower.strip_prefix("http://") {
            ("https", r)
        } else if let Some(r) = lower.strip_prefix("ws://") {
            ("wss", r)
        } else {
            continue;
        };
        let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
        let host = authority.rsplit('@').next().unwrap_or(authority);
        let host = if host.starts_with('[') {
            host.split(']').next().map_or(host, |h| &host[..h.len() + 1])
        } else {
            host.split(':').next().unwrap_or(host)
        };
        if local(host) {
            continue;
        }
        out.push(
            Diagnostic::new(
                &RULE,
                m.file,
                span,
                format!("MCP server `{}` is reached over unencrypted `{}`", m.name, &url[..url.find("://").unwrap_or(0) + 3]),
            )
            .help(format!("use `{scheme}://`")),
        );
    }
}

/// The local machine, or a host given by a placeholder.
fn local(host: &str) -> bool {
    host.is_empty()
        || host.contains("${")
        || host == "localhost"
        || host.ends_with(".localhost")
        || host.starts_with("127.")
        || host == "[::1]"
        || host == "0.0.0.0"
        || host == "host.docker.internal"
}
