//! The `entry-name-invalid` rule (MK013).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A marketplace entry's `name` is missing, empty, or has whitespace.
    ///
    /// ## What it does
    /// Checks `plugins[i].name`.
    ///
    /// ## Why it matters
    /// The entry cannot be installed: a plugin id is `name@marketplace`.
    ///
    /// ## Example
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "my demo", "source": "./plugins/demo", "description": "Demo." }] }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "demo", "source": "./plugins/demo", "description": "Demo." }] }
    /// ```
    pub static RULE = { id: "MK013", name: "entry-name-invalid", family: Manifest, severity: Error, reach: Tree, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    super::schema_violations(cx, &RULE, out);
}
