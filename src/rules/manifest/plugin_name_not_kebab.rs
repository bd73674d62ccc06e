//! The `plugin-name-not-kebab` rule (PJ005).

use super::PluginNameProblem;
use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// plugin.json `name` is not kebab-case.
    ///
    /// ## What it does
    /// Reports names that do not match `^[a-z0-9]+(-[a-z0-9]+)*$`.
    ///
    /// ## Why it matters
    /// Claude Code loads it, but the Claude.ai marketplace sync requires
    /// kebab-case, and `/Plugin_Name:skill` is awkward to type.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "DemoPlugin", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo-plugin", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" } }
    /// ```
    pub static RULE = { id: "PJ005", name: "plugin-name-not-kebab", family: Manifest, severity: Warning, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (jf, name, span) in super::plugin_names_with(cx.project, PluginNameProblem::NotKebab) {
        out.push(
            Diagnostic::new(&RULE, jf.file, span, format!("plugin name `{name}` is not kebab-case"))
                .help(format!(
                "use \"{}\"; Claude.ai marketplace sync requires kebab-case",
                super::kebab(name)
            )),
        );
    }
}
