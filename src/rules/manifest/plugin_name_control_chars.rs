//! The `plugin-name-control-chars` rule (PJ004).

use super::PluginNameProblem;
use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// plugin.json `name` contains control or bidirectional characters.
    ///
    /// ## What it does
    /// Reports names holding `\p{Cc}`, U+200E/F, U+202A–E or U+2066–9.
    ///
    /// ## Why it matters
    /// Such names can impersonate others; Claude Code rejects them.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo\u202e", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" } }
    /// ```
    pub static RULE = { id: "PJ004", name: "plugin-name-control-chars", family: Manifest, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (jf, _, span) in super::plugin_names_with(cx.project, PluginNameProblem::Control) {
        out.push(
            Diagnostic::new(&RULE, jf.file, span, "plugin name contains control or bidirectional characters")
                .help("remove the invisible characters"),
        );
    }
}
