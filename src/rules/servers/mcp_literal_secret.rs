//! The `mcp-literal-secret` rule (MC013).

use crate::declare_rule;
use crate::redact::{Kind, detect, high_confidence};
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// An MCP server's `env` or `headers` holds a literal credential.
    ///
    /// ## What it does
    /// Reports a value of a server's `env` or `headers` that the redaction
    /// detectors recognise as a credential beyond reasonable doubt (a
    /// vendor token format, a private key).
    ///
    /// ## Why it matters
    /// The plugin ships the token to everyone who installs it, and every
    /// user's server acts as its owner. Ask each user for their own:
    /// a `userConfig` option with `"sensitive": true` is stored in the
    /// keychain and reaches the server as `${user_config.KEY}`.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.mcp.json <==
    /// { "mcpServers": { "repo": { "command": "repo-server", "env": { "GITHUB_TOKEN": "ghp_R8kq2ZtW5vN1xLm9PcY3hJd7TgB4sF6eUo0a" } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" },
    ///   "userConfig": { "github_token": { "type": "string", "title": "GitHub token", "description": "A token with repo scope.", "sensitive": true } } }
    /// ==> plugins/demo/.mcp.json <==
    /// { "mcpServers": { "repo": { "command": "repo-server", "env": { "GITHUB_TOKEN": "${user_config.github_token}" } } } }
    /// ```
    pub static RULE = { id: "MC013", name: "mcp-literal-secret", family: Servers, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for m in super::mcp_servers(cx) {
        for (field, map) in [("env", &m.server.env), ("headers", &m.server.headers)] {
            let Some(map) = map.as_deref().and_then(|f| f.ok()) else {
                continue;
            };
            for e in map.iter() {
                let Some(value) = e.ok() else { continue };
                let Some(hit) = detect(value, cx.redaction)
                    .into_iter()
                    .find(|h| h.kind == Kind::Secret && high_confidence(h.label))
                else {
                    continue;
                };
                let key = option_key(&e.key);
                out.push(
                    Diagnostic::new(
                        &RULE,
                        m.file,
                        super::inside(cx, m.file, e.span, &hit.value),
                        format!(
                            "MCP server `{}` ships a literal {} in `{field}.{}`",
                            m.name, hit.label, e.key
                        ),
                    )
                    .help(format!(
                        "revoke it; declare a `userConfig` option `{key}` with `\"sensitive\": true` and write `${{user_config.{key}}}` here"
                    )),
                );
            }
        }
    }
}

/// A `userConfig` key for an env or header name (`GITHUB_TOKEN` →
/// `github_token`, `Authorization` → `authorization`).
fn option_key(name: &str) -> String {
    let k: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '_' })
        .collect();
    if k.starts_with(|c: char| c.is_ascii_digit()) {
        format!("_{k}")
    } else {
        k
    }
}
