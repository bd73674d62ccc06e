//! The `plugin-name-empty` rule (PJ002).

use super::PluginNameProblem;
use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// plugin.json `name` is empty.
    ///
    /// ## What it does
    /// Reports `"name": ""`.
    ///
    /// ## Why it matters
    /// Claude Code refuses it: `Plugin name cannot be empty`.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" } }
    /// ```
    pub static RULE = { id: "PJ002", name: "plugin-name-empty", family: Manifest, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (jf, _, span) in super::plugin_names_with(cx.project, PluginNameProblem::Empty) {
        out.push(
            Diagnostic::new(&RULE, jf.file, span, "plugin name is empty")
                .help("use a kebab-case name such as \"my-plugin\""),
        );
    }
}
