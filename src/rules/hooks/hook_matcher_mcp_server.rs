//! The `hook-matcher-mcp-server` rule (HK010).

use crate::declare_rule;
use crate::model::value::Present;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A tool matcher `mcp__server` without `__.*`.
    ///
    /// ## What it does
    /// Reports a tool-event matcher that names an MCP server alone
    /// (`mcp__memory`) as an exact name or in a `|` list.
    ///
    /// ## Why it matters
    /// A matcher of letters, digits, `_`, `-` and `|` is compared with the
    /// tool name exactly, and MCP tools are named `mcp__<server>__<tool>`:
    /// `mcp__memory` matches no tool, so the hook never runs. Claude Code
    /// documents `mcp__memory__.*` for every tool of a server.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "PreToolUse": [ { "matcher": "mcp__memory", "hooks": [ { "type": "command", "command": "echo hi" } ] } ] } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "PreToolUse": [ { "matcher": "mcp__memory__.*", "hooks": [ { "type": "command", "command": "echo hi" } ] } ] } }
    /// ```
    pub static RULE = { id: "HK010", name: "hook-matcher-mcp-server", family: Hooks, severity: Warning, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (file, event, g) in super::groups(cx) {
        if !super::TOOL_EVENTS.contains(&event) {
            continue;
        }
        let Some((m, span)) = g.matcher.spanned() else {
            continue;
        };
        if super::matcher_is_regex(&m.text) {
            continue;
        }
        let mut at = 0;
        for part in m.text.split(['|', ',']) {
            let start = at + (part.len() - part.trim_start().len());
            at += part.len() + 1;
            let name = part.trim();
            let Some(server) = name.strip_prefix("mcp__") else {
                continue;
            };
            if server.is_empty() || server.contains("__") {
                continue;
            }
            let span = super::span_in(cx, file, span, &m.text, start..start + name.len());
            out.push(
                Diagnostic::new(
                    &RULE,
                    file,
                    span,
                    format!("matcher `{name}` names a server, not a tool: it matches nothing"),
                )
                .help(format!("match every tool of the server with `{name}__.*`")),
            );
        }
    }
}
