//! The `mcp-variable-without-default` rule (MC009).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// An MCP server uses `${VAR}` with no default.
    ///
    /// ## What it does
    /// Reports `${VAR}` in an MCP server's `command`, `args`, `env`, `url`
    /// or `headers` that has no `:-default`, other than Claude Code's own
    /// placeholders (`${CLAUDE_PLUGIN_ROOT}`, `${CLAUDE_PLUGIN_DATA}`,
    /// `${CLAUDE_PROJECT_DIR}`) and `${user_config.KEY}`.
    ///
    /// ## Why it matters
    /// When the variable is not set in the user's environment, Claude Code
    /// warns and passes the text `${VAR}` as it is: the server starts with
    /// a literal `${VAR}` as its token, path or address and fails in ways
    /// that do not point at the missing variable.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.mcp.json <==
    /// { "mcpServers": { "search": { "command": "search-server", "env": { "SEARCH_REGION": "${SEARCH_REGION}" } } } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.mcp.json <==
    /// { "mcpServers": { "search": { "command": "search-server", "env": { "SEARCH_REGION": "${SEARCH_REGION:-eu}" } } } }
    /// ```
    pub static RULE = { id: "MC009", name: "mcp-variable-without-default", family: Servers, severity: Warning, check: check }
}

/// The placeholders Claude Code always sets.
const OWN: &[&str] = &["CLAUDE_PLUGIN_ROOT", "CLAUDE_PLUGIN_DATA", "CLAUDE_PROJECT_DIR"];

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let re = crate::regex!(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}");
    for m in super::mcp_servers(cx) {
        for (text, span) in super::expanded_strings(m.server) {
            if !text.contains("${") {
                continue;
            }
            for c in re.captures_iter(text) {
                let (all, var) = (&c[0], &c[1]);
                if OWN.contains(&var) {
                    continue;
                }
                out.push(
                    Diagnostic::new(
                        &RULE,
                        m.file,
                        super::inside(cx, m.file, span, all),
                        format!(
                            "`{all}` has no default: when `{var}` is unset, MCP server `{}` gets the text `{all}`",
                            m.name
                        ),
                    )
                    .help(format!(
                        "write `${{{var}:-}}` (or `${{{var}:-default}}`) when it is optional; for a value the user must give, declare a `userConfig` option and write `${{user_config.{}}}`",
                        var.to_ascii_lowercase()
                    )),
                );
            }
        }
    }
}
