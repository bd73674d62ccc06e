//! The `plugin-name-invalid-id` rule (PJ006).

use super::PluginNameProblem;
use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// plugin.json `name` cannot be part of a plugin id.
    ///
    /// ## What it does
    /// A plugin id is `name@marketplace`; each part must match
    /// `^[A-Za-z0-9][-A-Za-z0-9._]*$`.
    ///
    /// ## Why it matters
    /// `claude plugin install` cannot address the plugin.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "-demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" } }
    /// ```
    pub static RULE = { id: "PJ006", name: "plugin-name-invalid-id", family: Manifest, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (jf, name, span) in super::plugin_names_with(cx.project, PluginNameProblem::InvalidId) {
        out.push(
            Diagnostic::new(&RULE, jf.file, span, format!("plugin name `{name}` cannot be part of a plugin id"))
                .help(format!("start with a letter or digit and use only letters, digits, `.`, `_`, `-`: \"{}\"", super::kebab(name))),
        );
    }
}
