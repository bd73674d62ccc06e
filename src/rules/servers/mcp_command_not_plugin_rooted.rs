//! The `mcp-command-not-plugin-rooted` rule (MC010).

use crate::declare_rule;
use crate::model::value::Present;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::source::Span;

declare_rule! {
    /// A stdio MCP server runs a plugin file by a relative path.
    ///
    /// ## What it does
    /// Reports a stdio server whose `command` is a relative path
    /// (`./server.sh`, `bin/server`), or whose `args` name a file of the
    /// plugin by a relative path (`"args": ["dist/index.js"]`), without
    /// `${CLAUDE_PLUGIN_ROOT}`.
    ///
    /// ## Why it matters
    /// Claude Code starts the server in the user's project directory, not
    /// in the plugin's: a relative path points into the project, where the
    /// file is not, and the server fails to start once the plugin is
    /// installed (it only works when the plugin is the project).
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.mcp.json <==
    /// { "mcpServers": { "search": { "command": "./bin/search-server" } } }
    /// ==> plugins/demo/bin/search-server <==
    /// #!/bin/sh
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.mcp.json <==
    /// { "mcpServers": { "search": { "command": "${CLAUDE_PLUGIN_ROOT}/bin/search-server" } } }
    /// ==> plugins/demo/bin/search-server <==
    /// #!/bin/sh
    /// ```
    pub static RULE = { id: "MC010", name: "mcp-command-not-plugin-rooted", family: Servers, severity: Warning, reach: Tree, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for m in super::mcp_servers(cx).into_iter().filter(|m| m.is_stdio()) {
        let in_plugin = |path: &str| {
            m.plugin.is_some_and(|p| {
                let rel = path.trim_start_matches("./");
                !rel.is_empty()
                    && !rel.starts_with("../")
                    && cx
                        .project
                        .files
                        .contains(&super::in_dir(&p.dir, rel))
            })
        };
        let mut report = |span: Span, what: &str, path: &str| {
            let rel = path.trim_start_matches("./");
            out.push(
                Diagnostic::new(
                    &RULE,
                    m.file,
                    span,
                    format!(
                        "MCP server `{}` {what} `{path}` relative to the project directory Claude Code starts it in, not to the plugin",
                        m.name
                    ),
                )
                .help(format!("write `${{CLAUDE_PLUGIN_ROOT}}/{rel}`")),
            );
        };
        if let Some((c, span)) = m.server.command.spanned()
            && (relative(c) || (!c.contains('/') && in_plugin(c)))
        {
            report(span, "runs", c);
        }
        // `--cwd ${CLAUDE_PLUGIN_ROOT}` and the like make later paths
        // plugin-relative: only look at arguments when nothing names the root.
        let args = m.server.args.val();
        let rooted = args.is_some_and(|a| a.oks().any(|(s, _)| s.contains("CLAUDE_PLUGIN_ROOT")));
        if !rooted {
            for (a, span) in args.into_iter().flat_map(|a| a.oks()) {
                if !a.starts_with('-') && !a.contains("${") && in_plugin(a) {
                    report(span, "passes", a);
                }
            }
        }
    }
}

/// A relative path: `./x`, `../x`, `dir/x` (not absolute, not a
/// placeholder, not home-relative, not a URL).
fn relative(c: &str) -> bool {
    c.starts_with("./")
        || c.starts_with("../")
        || (c.contains('/')
            && !c.starts_with('/')
            && !c.starts_with('$')
            && !c.starts_with('~')
            && !c.contains("://")
            && !c.contains(' '))
}

#[cfg(test)]
mod tests {
    #[test]
    fn relative_commands() {
        assert!(super::relative("./server.sh"));
        assert!(super::relative("bin/server"));
        assert!(!super::relative("npx"));
        assert!(!super::relative("/usr/bin/node"));
        assert!(!super::relative("${CLAUDE_PLUGIN_ROOT}/bin/server"));
        assert!(!super::relative("~/bin/server"));
    }
}
