//! The `plugin-author-invalid` rule (PJ012).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// plugin.json `author` is not an object with a non-empty `name`.
    ///
    /// ## What it does
    /// Checks that `author` is `{ "name": …, "email"?: …, "url"?: … }`.
    ///
    /// ## Why it matters
    /// A string author is a load error for the whole plugin.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": "Jane Doe" }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "Jane Doe" } }
    /// ```
    pub static RULE = { id: "PJ012", name: "plugin-author-invalid", family: Manifest, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    super::schema_violations(cx, &RULE, out);
}
