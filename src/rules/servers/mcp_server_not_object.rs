//! The `mcp-server-not-object` rule (MC001).

use crate::declare_rule;
use crate::model::value::Kind;
use crate::model::{JsonRole, Typed};
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// `mcpServers` is not an object, or a server in it is not one.
    ///
    /// ## What it does
    /// Reports an MCP file whose `mcpServers` is not an object of servers,
    /// and each server (in `.mcp.json` or inline `mcpServers` in
    /// plugin.json) that is not an object.
    ///
    /// ## Why it matters
    /// Claude Code validates the servers against its schema: a server that
    /// is a string or a list fails it, and the plugin's MCP servers do not
    /// load.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.mcp.json <==
    /// { "mcpServers": { "search": "npx search-server" } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.mcp.json <==
    /// { "mcpServers": { "search": { "command": "npx", "args": ["search-server@1.4.0"] } } }
    /// ```
    pub static RULE = { id: "MC001", name: "mcp-server-not-object", family: Servers, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for jf in cx.project.json.iter().filter(|j| j.role == JsonRole::Mcp) {
        if let Typed::Mcp(f) = &jf.typed
            && let Some(field) = &f.mcp_servers
            && let Err(kind) = field.value
        {
            out.push(
                Diagnostic::new(
                    &RULE,
                    jf.file,
                    field.span,
                    format!(
                        "`mcpServers` is {}, not an object of servers",
                        a(kind)
                    ),
                )
                .help("write `\"mcpServers\": { \"name\": { \"command\": … } }`"),
            );
        }
    }
    for m in super::mcp_maps(cx) {
        for e in m.map.iter() {
            if let Err(kind) = e.value {
                out.push(
                    Diagnostic::new(
                        &RULE,
                        m.file,
                        e.span,
                        format!("MCP server `{}` is {}, not an object", e.key, a(kind)),
                    )
                    .help("write the server as an object: `{ \"command\": …, \"args\": [ … ] }` or `{ \"type\": \"http\", \"url\": … }`"),
                );
            }
        }
    }
}

/// `a string`, `an array`.
pub fn a(kind: Kind) -> String {
    match kind {
        Kind::Array | Kind::Object | Kind::Alias => format!("an {}", kind.name()),
        _ => format!("a {}", kind.name()),
    }
}
