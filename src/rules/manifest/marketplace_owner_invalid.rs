//! The `marketplace-owner-invalid` rule (MK008).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// marketplace.json `owner` is missing or malformed.
    ///
    /// ## What it does
    /// Checks that the marketplace has `owner: { "name": … }` with a
    /// non-empty name.
    ///
    /// ## Why it matters
    /// Without it `claude plugin marketplace add` fails.
    ///
    /// ## Example
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "plugins": [] }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "Example Owner" }, "plugins": [] }
    /// ```
    pub static RULE = { id: "MK008", name: "marketplace-owner-invalid", family: Manifest, severity: Error, reach: Tree, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    super::schema_violations(cx, &RULE, out);
}
