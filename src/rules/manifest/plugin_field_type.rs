//! The `plugin-field-type` rule (PJ013).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A plugin.json field has the wrong type or shape.
    ///
    /// ## What it does
    /// Validates plugin.json against `schemas/plugin.schema.json` and reports
    /// fields no other rule covers: `keywords` not a list of strings,
    /// `defaultEnabled` not a boolean, a component field of the wrong type, …
    ///
    /// ## Why it matters
    /// A recognised field with the wrong type fails the load of the whole plugin.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" }, "keywords": "k8s, helm" }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" }, "keywords": ["k8s", "helm"] }
    /// ```
    pub static RULE = { id: "PJ013", name: "plugin-field-type", family: Manifest, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    super::schema_violations(cx, &RULE, out);
}
