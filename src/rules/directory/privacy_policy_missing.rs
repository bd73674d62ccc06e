//! The `privacy-policy-missing` rule (DR005).

use crate::declare_rule;
use crate::model::value::Present;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A plugin talks to a remote server but has no `privacyPolicyUrl`.
    ///
    /// ## What it does
    /// Reports a plugin with a remote MCP server (`type` `http`,
    /// `streamable-http`, `sse` or `ws`, in `.mcp.json` or inline
    /// `mcpServers`) or an `http` hook whose plugin.json has no
    /// `privacyPolicyUrl`. Off unless the `directory` profile is on.
    ///
    /// ## Why it matters
    /// Such a plugin sends what the user works on to a server outside
    /// their machine; the directory's listing links the policy that says
    /// what happens to it. Claude Code's validator (`claude plugin validate
    /// --profile directory`) reports `PRIVACY_URL_MISSING` as a warning.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.mcp.json <==
    /// { "mcpServers": { "docs": { "type": "http", "url": "https://mcp.example.com/mcp" } } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" }, "privacyPolicyUrl": "https://example.com/privacy" }
    /// ==> plugins/demo/.mcp.json <==
    /// { "mcpServers": { "docs": { "type": "http", "url": "https://mcp.example.com/mcp" } } }
    /// ```
    pub static RULE = { id: "DR005", name: "privacy-policy-missing", family: Directory, severity: Warning, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let listed = super::listed(cx);
    if listed.is_empty() {
        return;
    }
    let servers = crate::rules::servers::mcp_servers(cx);
    let hooks = crate::rules::hooks::handlers(cx);
    for l in listed {
        let has_policy = l
            .manifest
            .and_then(|(_, pm)| pm.privacy_policy_url.val())
            .is_some_and(|u| !u.trim().is_empty());
        if has_policy {
            continue;
        }
        let ours = |p: Option<&crate::model::Plugin>| p.is_some_and(|p| p.dir == l.plugin.dir);
        let remote = servers
            .iter()
            .find(|m| ours(m.plugin) && m.is_remote())
            .map(|m| (m.file, m.key, format!("MCP server `{}`", m.name)));
        let http_hook = || {
            hooks
                .iter()
                .find(|h| {
                    ours(h.plugin) && h.handler.handler_type.val().map(String::as_str) == Some("http")
                })
                .and_then(|h| {
                    let span = h.handler.url.value_span().or(h.handler.handler_type.value_span())?;
                    Some((h.file, span, format!("`http` hook on {}", h.event)))
                })
        };
        let Some((file, span, what)) = remote.or_else(http_hook) else {
            continue;
        };
        out.push(
            Diagnostic::new(
                &RULE,
                l.file,
                l.span,
                format!(
                    "plugin `{}` sends data to a remote server ({what}) but has no `privacyPolicyUrl`",
                    l.plugin.name
                ),
            )
            .label(file, span, "reaches a remote server")
            .help("add \"privacyPolicyUrl\": \"https://…\" to plugin.json"),
        );
    }
}
