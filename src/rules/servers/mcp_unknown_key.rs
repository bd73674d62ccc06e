//! The `mcp-unknown-key` rule (MC007).

use crate::declare_rule;
use crate::model::servers::McpServer;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// An MCP server has a key Claude Code does not know.
    ///
    /// ## What it does
    /// Reports keys of a server other than `type`, `command`, `args`,
    /// `env`, `timeout`, `alwaysLoad`, `url`, `headers`, `headersHelper`,
    /// `oauth`, `tools` and `toolPermissions`, with the nearest known key.
    ///
    /// ## Why it matters
    /// Claude Code strips unknown keys silently: a `cwd` or a misspelled
    /// `arg` does nothing, and the server runs without what it was meant
    /// to get.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.mcp.json <==
    /// { "mcpServers": { "search": { "command": "search-server", "arg": ["--port", "8080"] } } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.mcp.json <==
    /// { "mcpServers": { "search": { "command": "search-server", "args": ["--port", "8080"] } } }
    /// ```
    pub static RULE = { id: "MC007", name: "mcp-unknown-key", family: Servers, severity: Warning, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for m in super::mcp_servers(cx) {
        for k in &m.server.unknown {
            let d = Diagnostic::new(
                &RULE,
                m.file,
                k.span,
                format!("MCP server `{}` has unknown key `{}`; Claude Code ignores it", m.name, k.name),
            );
            out.push(
                match crate::text::suggest_among(&k.name, McpServer::KEYS) {
                    Some(n) => d.help(format!("did you mean `{n}`?")),
                    None if k.name == "cwd" => d.help(
                        "Claude Code starts the server in the project directory; pass a directory in `args` (e.g. `${CLAUDE_PLUGIN_ROOT}`)",
                    ),
                    None => d.help(format!("known keys: {}", McpServer::KEYS.join(", "))),
                },
            );
        }
    }
}
