//! The `component-path-traversal` rule (PP002).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A component path contains `..` or is absolute.
    ///
    /// ## What it does
    /// Reports component paths that climb out of the plugin.
    ///
    /// ## Why it matters
    /// Claude Code refuses them as path traversal; installed plugins are
    /// copied alone, so the target would be missing anyway.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" }, "skills": ["./../shared/skills"] }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" } }
    /// ```
    pub static RULE = { id: "PP002", name: "component-path-traversal", family: Manifest, severity: Error, reach: Tree, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for cp in super::component_paths(cx) {
        if cp.leaves_plugin() {
            out.push(
                Diagnostic::new(&RULE, cp.file, cp.span, format!("`{}` path `{}` leaves the plugin", cp.key, cp.path))
                    .help("component paths are relative to the plugin root and may not use `..`; copy the files into the plugin"),
            );
        }
    }
}
