//! The `mcp-oauth-invalid` rule (MC008).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// An MCP server's `oauth` has an invalid `authServerMetadataUrl` or `callbackPort`.
    ///
    /// ## What it does
    /// Reports an `oauth` that is not an object, an
    /// `authServerMetadataUrl` that is not an `https://` URL, and a
    /// `callbackPort` that is not a positive whole number.
    ///
    /// ## Why it matters
    /// Claude Code's schema requires both: the server fails validation and
    /// does not load.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.mcp.json <==
    /// { "mcpServers": { "docs": { "type": "http", "url": "https://mcp.example.com/mcp",
    ///   "oauth": { "authServerMetadataUrl": "http://auth.example.com/.well-known/oauth-authorization-server", "callbackPort": "8080" } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.mcp.json <==
    /// { "mcpServers": { "docs": { "type": "http", "url": "https://mcp.example.com/mcp",
    ///   "oauth": { "authServerMetadataUrl": "https://auth.example.com/.well-known/oauth-authorization-server", "callbackPort": 8080 } } } }
    /// ```
    pub static RULE = { id: "MC008", name: "mcp-oauth-invalid", family: Servers, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for m in super::mcp_servers(cx) {
        let Some(f) = m.server.oauth.as_deref() else {
            continue;
        };
        let o = match &f.value {
            Ok(o) => o,
            Err(k) => {
                out.push(
                    Diagnostic::new(
                        &RULE,
                        m.file,
                        f.span,
                        format!(
                            "the `oauth` of MCP server `{}` is {}, not an object",
                            m.name,
                            super::mcp_server_not_object::a(*k)
                        ),
                    )
                    .help("write `\"oauth\": { \"clientId\": …, \"callbackPort\": 8080 }`"),
                );
                continue;
            }
        };
        if let Some(u) = o.auth_server_metadata_url.as_deref() {
            let ok = u
                .ok()
                .is_some_and(|u| u.to_ascii_lowercase().starts_with("https://") && u.len() > 8);
            if !ok {
                out.push(
                    Diagnostic::new(
                        &RULE,
                        m.file,
                        u.span,
                        format!(
                            "the `oauth.authServerMetadataUrl` of MCP server `{}` is not an https URL",
                            m.name
                        ),
                    )
                    .help("give the metadata document's `https://` address"),
                );
            }
        }
        if let Some(p) = o.callback_port.as_deref() {
            let ok = p.ok().and_then(|n| n.as_i64()).is_some_and(|n| n > 0);
            if !ok {
                out.push(
                    Diagnostic::new(
                        &RULE,
                        m.file,
                        p.span,
                        format!(
                            "the `oauth.callbackPort` of MCP server `{}` is not a positive whole number",
                            m.name
                        ),
                    )
                    .help("write the port as a number: `\"callbackPort\": 8080`"),
                );
            }
        }
    }
}
