//! The `component-path-not-relative` rule (PP001).

use super::PathKind;
use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A component path does not start with `./`.
    ///
    /// ## What it does
    /// Checks `skills`, `commands`, `agents`, `hooks`, `mcpServers`,
    /// `outputStyles`, `lspServers` and `workflows` paths.
    ///
    /// ## Why it matters
    /// Claude Code resolves component paths only in the `./x` form and
    /// rejects the manifest otherwise.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" }, "agents": ["agents/reviewer.md"] }
    /// ==> plugins/demo/agents/reviewer.md <==
    /// ---
    /// name: reviewer
    /// description: Reviews changes.
    /// ---
    /// Review the diff.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" }, "agents": ["./agents/reviewer.md"] }
    /// ==> plugins/demo/agents/reviewer.md <==
    /// ---
    /// name: reviewer
    /// description: Reviews changes.
    /// ---
    /// Review the diff.
    /// ```
    pub static RULE = { id: "PP001", name: "component-path-not-relative", family: Manifest, severity: Error, reach: Tree, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for cp in super::component_paths(cx) {
        let ok_form =
            cp.path.starts_with("./") || (cp.kind == PathKind::Skills && cp.path == ".");
        if cp.checked() && !ok_form {
            out.push(
                Diagnostic::new(
                    &RULE,
                    cp.file,
                    cp.span,
                    format!("`{}` path `{}` must start with `./`", cp.key, cp.path),
                )
                .help(format!("write \"./{}\"", cp.path.trim_start_matches("./"))),
            );
        }
    }
}
