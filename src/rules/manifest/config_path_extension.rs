//! The `config-path-extension` rule (PP006).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A hooks, MCP or LSP config path has the wrong extension.
    ///
    /// ## What it does
    /// `hooks`, `mcpServers` and `lspServers` file paths end in `.json`
    /// (MCP bundles in `.mcpb` or `.dxt`).
    ///
    /// ## Why it matters
    /// Claude Code refuses the manifest.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" }, "hooks": "./hooks/hooks.yaml" }
    /// ==> plugins/demo/hooks/hooks.yaml <==
    /// hooks: {}
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" }, "hooks": "./config/hooks.json" }
    /// ==> plugins/demo/config/hooks.json <==
    /// { "hooks": {} }
    /// ```
    pub static RULE = { id: "PP006", name: "config-path-extension", family: Manifest, severity: Error, reach: Tree, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for cp in super::component_paths(cx) {
        if cp.bad_extension() && cp.target().is_some() {
            out.push(
                Diagnostic::new(
                    &RULE,
                    cp.file,
                    cp.span,
                    format!("`{}` file `{}` must end in .json", cp.key, cp.path),
                )
                .help("rename the file to .json (MCP bundles may be .mcpb or .dxt)"),
            );
        }
    }
}
