//! The `hook-matcher-server-unknown` rule (HK018).

use crate::declare_rule;
use crate::model::value::Present;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A matcher names a plugin MCP server the plugin does not ship.
    ///
    /// ## What it does
    /// Reports a tool-event matcher naming `mcp__plugin_<plugin>_<server>`
    /// where `<plugin>` is a plugin of this tree and none of its MCP servers
    /// (`.mcp.json`, listed MCP files, inline `mcpServers`) is `<server>`.
    /// Plugins outside the tree, and plugins whose servers come from a
    /// bundle or a URL, are left alone.
    ///
    /// ## Why it matters
    /// The matcher matches no tool, so the hook never runs: typically the
    /// server was renamed in `.mcp.json` and the hook was not.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.mcp.json <==
    /// { "mcpServers": { "memory": { "command": "${CLAUDE_PLUGIN_ROOT}/bin/memory" } } }
    /// ==> plugins/demo/bin/memory <==
    /// #!/bin/sh
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "PreToolUse": [ { "matcher": "mcp__plugin_demo_notes__.*", "hooks": [ { "type": "command", "command": "echo hi" } ] } ] } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.mcp.json <==
    /// { "mcpServers": { "memory": { "command": "${CLAUDE_PLUGIN_ROOT}/bin/memory" } } }
    /// ==> plugins/demo/bin/memory <==
    /// #!/bin/sh
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "PreToolUse": [ { "matcher": "mcp__plugin_demo_memory__.*", "hooks": [ { "type": "command", "command": "echo hi" } ] } ] } }
    /// ```
    pub static RULE = { id: "HK018", name: "hook-matcher-server-unknown", family: Hooks, severity: Warning, reach: Tree, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let shipped = super::shipped_servers(cx);
    let plugins: Vec<(String, &str)> = cx
        .project
        .plugins
        .iter()
        .filter(|p| !p.synthetic)
        .map(|p| (super::tool_name_part(&p.name), p.dir.as_str()))
        .collect();
    for (file, event, g) in super::groups(cx) {
        if !super::TOOL_EVENTS.contains(&event) {
            continue;
        }
        let Some((matcher, span)) = g.matcher.spanned() else {
            continue;
        };
        for (range, named) in super::mcp_servers_named(&matcher.text) {
            let Some(rest) = named.strip_prefix("plugin_") else {
                continue;
            };
            // Every plugin of the tree whose name the rest starts with, and
            // the server that leaves; a match anywhere is enough.
            let mut candidates = Vec::new();
            let mut known = false;
            for (pname, dir) in &plugins {
                let Some(server) = rest
                    .strip_prefix(pname.as_str())
                    .and_then(|s| s.strip_prefix('_'))
                else {
                    continue;
                };
                match shipped.get(*dir) {
                    Some(Some(servers)) if servers.contains(server) => known = true,
                    Some(Some(servers)) => candidates.push((pname, server, servers)),
                    _ => known = true,
                }
            }
            if known || candidates.is_empty() {
                continue;
            }
            let (pname, server, servers) = candidates[0];
            let at = super::span_in(cx, file, span, &matcher.text, range.start - 5..range.end);
            let listed = if servers.is_empty() {
                "it ships none".to_string()
            } else {
                let names: Vec<_> = servers.iter().map(|s| format!("`{s}`")).collect();
                format!("it ships {}", names.join(", "))
            };
            let near = crate::text::suggest(server, servers.iter().map(String::as_str));
            let mut d = Diagnostic::new(
                &RULE,
                file,
                at,
                format!("plugin `{pname}` ships no MCP server `{server}` ({listed}): the matcher matches no tool"),
            );
            d = match near {
                Some(n) => d.help(format!("did you mean `mcp__plugin_{pname}_{n}`?")),
                None => d.help("name a server the plugin ships in `.mcp.json` or `mcpServers`"),
            };
            out.push(d);
        }
    }
}
