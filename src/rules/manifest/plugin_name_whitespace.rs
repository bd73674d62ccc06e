//! The `plugin-name-whitespace` rule (PJ003).

use super::PluginNameProblem;
use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// plugin.json `name` contains whitespace.
    ///
    /// ## What it does
    /// Reports names with spaces or other whitespace.
    ///
    /// ## Why it matters
    /// Claude Code refuses it: `Plugin name cannot contain spaces`.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo plugin", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" } }
    /// ```
    pub static RULE = { id: "PJ003", name: "plugin-name-whitespace", family: Manifest, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (jf, name, span) in super::plugin_names_with(cx.project, PluginNameProblem::Whitespace) {
        out.push(
            Diagnostic::new(&RULE, jf.file, span, format!("plugin name `{name}` contains whitespace"))
                .help(format!("use kebab-case: \"{}\"", super::kebab(name))),
        );
    }
}
