//! The `plugin-user-config-invalid` rule (PJ024).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A `userConfig` option is malformed.
    ///
    /// ## What it does
    /// Checks `userConfig` keys (`^[A-Za-z_][A-Za-z0-9_]*$`) and options:
    /// `type`, `title` and `description` are required, `type` is one of
    /// string, number, boolean, directory, file, and no other keys are allowed.
    ///
    /// ## Why it matters
    /// Claude Code validates these strictly and refuses the plugin.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" },
    ///   "userConfig": { "api_url": { "type": "url", "title": "API", "description": "Endpoint" } } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" },
    ///   "userConfig": { "api_url": { "type": "string", "title": "API", "description": "Endpoint" } } }
    /// ```
    pub static RULE = { id: "PJ024", name: "plugin-user-config-invalid", family: Manifest, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    super::schema_violations(cx, &RULE, out);
}
