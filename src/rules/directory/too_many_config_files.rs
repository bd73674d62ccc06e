//! The `too-many-config-files` rule (DR007).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

/// The most MCP files, and the most hooks files, plugin.json may list.
pub const MAX_FILES: usize = 16;

declare_rule! {
    /// plugin.json lists more than 16 MCP files or more than 16 hooks files.
    ///
    /// ## What it does
    /// Counts the file paths in plugin.json's `mcpServers` and in its
    /// `hooks` (inline configs do not count) and reports the 17th and
    /// later of each. Off unless the `directory` profile is on.
    ///
    /// ## Why it matters
    /// The directory's validator reads at most 16 files of each kind; a
    /// plugin that lists more is rejected. Claude Code's validator (`claude
    /// plugin validate --profile directory`) reports it as an error with
    /// `MCP_FILE_UNREAD` and `HOOKS_FILE_UNREAD`. Merge the configs into
    /// fewer files.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" },
    ///   "mcpServers": ["./mcp/1.json", "./mcp/2.json", "./mcp/3.json", "./mcp/4.json", "./mcp/5.json", "./mcp/6.json", "./mcp/7.json", "./mcp/8.json", "./mcp/9.json", "./mcp/10.json", "./mcp/11.json", "./mcp/12.json", "./mcp/13.json", "./mcp/14.json", "./mcp/15.json", "./mcp/16.json", "./mcp/17.json"] }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" },
    ///   "mcpServers": "./mcp/servers.json" }
    /// ```
    pub static RULE = { id: "DR007", name: "too-many-config-files", family: Directory, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for l in super::listed(cx) {
        let Some((file, pm)) = l.manifest else {
            continue;
        };
        for (key, what) in [("mcpServers", "MCP"), ("hooks", "hooks")] {
            let paths = pm.component_paths(key);
            for (path, span) in paths.iter().skip(MAX_FILES) {
                out.push(
                    Diagnostic::new(
                        &RULE,
                        file,
                        *span,
                        format!(
                            "`{path}` is {what} file {} of {}; the directory reads at most {MAX_FILES}",
                            paths.iter().position(|(_, s)| s == span).unwrap_or(0) + 1,
                            paths.len()
                        ),
                    )
                    .help(format!("merge the {what} configs into fewer files")),
                );
            }
        }
    }
}
