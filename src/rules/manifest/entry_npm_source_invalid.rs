//! The `entry-npm-source-invalid` rule (MK021).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// An npm source names an invalid package.
    ///
    /// ## What it does
    /// Checks `package` and `registry` of npm sources.
    ///
    /// ## Why it matters
    /// The entry cannot be installed.
    ///
    /// ## Example
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "pkg", "source": { "source": "npm" } }] }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "pkg", "source": { "source": "npm", "package": "@example/pkg" } }] }
    /// ```
    pub static RULE = { id: "MK021", name: "entry-npm-source-invalid", family: Manifest, severity: Error, reach: Tree, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    super::schema_violations(cx, &RULE, out);
}
