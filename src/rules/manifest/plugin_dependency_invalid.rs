//! The `plugin-dependency-invalid` rule (PJ021).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A plugin dependency is malformed.
    ///
    /// ## What it does
    /// Checks each `dependencies` item: a string `name[@marketplace][@^range]`
    /// or an object with a valid `name`.
    ///
    /// ## Why it matters
    /// Claude Code rejects the manifest, and the dependency cannot resolve.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" }, "dependencies": ["not a name"] }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" }, "dependencies": ["helper@tools"] }
    /// ```
    pub static RULE = { id: "PJ021", name: "plugin-dependency-invalid", family: Manifest, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    super::schema_violations(cx, &RULE, out);
}
