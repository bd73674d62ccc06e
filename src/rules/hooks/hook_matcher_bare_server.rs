//! The `hook-matcher-bare-server` rule (HK011).

use crate::declare_rule;
use crate::model::value::Present;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A plugin hook matches its own MCP server by the bare server key.
    ///
    /// ## What it does
    /// Reports a tool-event matcher of a plugin's hook that names one of
    /// that plugin's own MCP servers as `mcp__<server>__…`.
    ///
    /// ## Why it matters
    /// Claude Code registers a plugin's servers as `plugin:<plugin>:<server>`
    /// and names their tools `mcp__plugin_<plugin>_<server>__<tool>`. A
    /// matcher written with the key from `.mcp.json` (`mcp__memory__.*`)
    /// matches no tool of the plugin's server, so the hook never runs.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.mcp.json <==
    /// { "mcpServers": { "memory": { "command": "${CLAUDE_PLUGIN_ROOT}/bin/memory" } } }
    /// ==> plugins/demo/bin/memory <==
    /// #!/bin/sh
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "PreToolUse": [ { "matcher": "mcp__memory__.*", "hooks": [ { "type": "command", "command": "echo hi" } ] } ] } }
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
    pub static RULE = { id: "HK011", name: "hook-matcher-bare-server", family: Hooks, severity: Warning, reach: Tree, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let shipped = super::shipped_servers(cx);
    for m in super::event_maps(cx) {
        let Some(plugin) = m.plugin else { continue };
        let Some(Some(servers)) = shipped.get(&plugin.dir) else {
            continue;
        };
        for e in m.events.iter().filter(|e| super::TOOL_EVENTS.contains(&e.key.as_str())) {
            for g in e.ok().into_iter().flat_map(|l| l.iter()).filter_map(|g| g.ok()) {
                let Some((matcher, span)) = g.matcher.spanned() else {
                    continue;
                };
                for (range, server) in super::mcp_servers_named(&matcher.text) {
                    if server.starts_with("plugin_") || !servers.contains(server) {
                        continue;
                    }
                    let full = format!("plugin_{}_{server}", super::tool_name_part(&plugin.name));
                    let at = super::span_in(cx, m.file, span, &matcher.text, range.start - 5..range.end);
                    out.push(
                        Diagnostic::new(
                            &RULE,
                            m.file,
                            at,
                            format!(
                                "`mcp__{server}` is this plugin's server by its key; its tools are named `mcp__{full}__…`"
                            ),
                        )
                        .help(format!("write `mcp__{full}` in the matcher")),
                    );
                }
            }
        }
    }
}
