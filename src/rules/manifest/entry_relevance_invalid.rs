//! The `entry-relevance-invalid` rule (MK028).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// `relevance` signals break the documented limits.
    ///
    /// ## What it does
    /// Checks `plugins[i].relevance.signals`: at least one signal, item counts
    /// and lengths within limits, lowercase hosts.
    ///
    /// ## Why it matters
    /// Claude Code rejects the entry's relevance block.
    ///
    /// ## Example
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "demo", "source": "./plugins/demo", "description": "The demo plugin. Skills: .", "relevance": { "signals": {} } }] }
    /// ==> plugins/demo/README.md <==
    /// Demo.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "demo", "source": "./plugins/demo", "description": "The demo plugin. Skills: .", "relevance": { "signals": { "cli": ["kubectl"] } } }] }
    /// ==> plugins/demo/README.md <==
    /// Demo.
    /// ```
    pub static RULE = { id: "MK028", name: "entry-relevance-invalid", family: Manifest, severity: Error, reach: Tree, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    super::schema_violations(cx, &RULE, out);
}
