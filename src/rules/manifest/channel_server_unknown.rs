//! The `channel-server-unknown` rule (PJ027).

use crate::declare_rule;
use crate::model::value::Present;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A channel names an MCP server the plugin does not define.
    ///
    /// ## What it does
    /// Each `channels[].server` must be a key of the plugin's MCP servers
    /// (`.mcp.json` or inline `mcpServers`).
    ///
    /// ## Why it matters
    /// The channel has nothing to connect to.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" },
    ///   "mcpServers": { "chat": { "command": "chat-server" } }, "channels": [{ "server": "chats" }] }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" },
    ///   "mcpServers": { "chat": { "command": "chat-server" } }, "channels": [{ "server": "chat" }] }
    /// ```
    pub static RULE = { id: "PJ027", name: "channel-server-unknown", family: Manifest, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (p, jf, pm) in super::manifests(cx.project) {
        let Some(channels) = &pm.channels else {
            continue;
        };
        let Some(servers) = super::mcp_servers(cx, p, pm) else {
            continue;
        };
        for c in channels
            .ok()
            .into_iter()
            .flat_map(|l| l.iter())
            .filter_map(|i| i.ok())
        {
            if let Some((server, span)) = c.server.spanned()
                && !server.is_empty()
                && !servers.contains(server)
            {
                let near = crate::text::suggest(server, servers.iter().map(String::as_str));
                let d = Diagnostic::new(
                    &RULE,
                    jf.file,
                    span,
                    format!("channel server `{server}` is not an MCP server of this plugin"),
                );
                out.push(match near {
                    Some(n) => d.help(format!("did you mean `{n}`?")),
                    None => d.help("define the server in .mcp.json or mcpServers"),
                });
            }
        }
    }
}
