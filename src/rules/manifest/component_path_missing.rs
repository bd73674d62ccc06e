//! The `component-path-missing` rule (PP003).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A component path does not exist.
    ///
    /// ## What it does
    /// Resolves each component path against the plugin directory.
    ///
    /// ## Why it matters
    /// The runtime reports a load failure for the plugin.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" }, "commands": "./cmds" }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" }, "commands": "./cmds" }
    /// ==> plugins/demo/cmds/hello.md <==
    /// ---
    /// description: Say hello.
    /// ---
    /// Say hello.
    /// ```
    pub static RULE = { id: "PP003", name: "component-path-missing", family: Manifest, severity: Error, reach: Tree, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for cp in super::component_paths(cx) {
        if let Some(target) = cp.to_look_up()
            && !cx.project.exists(&target)
        {
            out.push(
                Diagnostic::new(
                    &RULE,
                    cp.file,
                    cp.span,
                    format!("`{}` path `{}` does not exist", cp.key, cp.path),
                )
                .help(
                    "fix the path or add the missing files; the runtime reports this as a load failure",
                ),
            );
        }
    }
}
