//! The `marketplace-field-type` rule (MK034).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A marketplace.json field has the wrong type or shape.
    ///
    /// ## What it does
    /// Validates marketplace.json against `schemas/marketplace.schema.json`
    /// and reports what no more specific rule covers (an entry's `tags` as a
    /// string, `renames` values that are not strings, …).
    ///
    /// ## Why it matters
    /// Claude Code rejects the marketplace or the entry.
    ///
    /// ## Example
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "demo", "source": "./plugins/demo", "description": "The demo plugin. Skills: .", "tags": "k8s" }] }
    /// ==> plugins/demo/README.md <==
    /// Demo.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "demo", "source": "./plugins/demo", "description": "The demo plugin. Skills: .", "tags": ["k8s"] }] }
    /// ==> plugins/demo/README.md <==
    /// Demo.
    /// ```
    pub static RULE = { id: "MK034", name: "marketplace-field-type", family: Manifest, severity: Error, reach: Tree, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    super::schema_violations(cx, &RULE, out);
}
