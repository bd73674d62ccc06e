//! The `mcp-type-unknown` rule (MC004).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// An MCP server's `type` is not one Claude Code knows.
    ///
    /// ## What it does
    /// Reports a `type` other than `stdio`, `http`, `streamable-http`,
    /// `sse` and `ws` (or one that is not a string), with the nearest
    /// known type.
    ///
    /// ## Why it matters
    /// The server fails Claude Code's schema and does not load.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.mcp.json <==
    /// { "mcpServers": { "docs": { "type": "htp", "url": "https://mcp.example.com/mcp" } } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.mcp.json <==
    /// { "mcpServers": { "docs": { "type": "http", "url": "https://mcp.example.com/mcp" } } }
    /// ```
    pub static RULE = { id: "MC004", name: "mcp-type-unknown", family: Servers, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for m in super::mcp_servers(cx) {
        let Some(f) = m.server.server_type.as_ref() else {
            continue;
        };
        let d = match &f.value {
            Ok(t) if super::MCP_TYPES.contains(&t.as_str()) => continue,
            Ok(t) => {
                let d = Diagnostic::new(
                    &RULE,
                    m.file,
                    f.span,
                    format!("MCP server `{}` has unknown type `{t}`", m.name),
                );
                match crate::text::suggest(t, super::MCP_TYPES.iter().copied()) {
                    Some(n) => d.help(format!("did you mean `{n}`?")),
                    None => d.help("use one of: stdio, http, streamable-http, sse, ws"),
                }
            }
            Err(k) => Diagnostic::new(
                &RULE,
                m.file,
                f.span,
                format!(
                    "the `type` of MCP server `{}` is {}, not a string",
                    m.name,
                    super::mcp_server_not_object::a(*k)
                ),
            )
            .help("use one of: stdio, http, streamable-http, sse, ws"),
        };
        out.push(d);
    }
}
