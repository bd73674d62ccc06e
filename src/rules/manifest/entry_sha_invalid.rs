//! The `entry-sha-invalid` rule (MK018).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A git `sha` or archive `sha256` has the wrong form.
    ///
    /// ## What it does
    /// `sha` must be a full 40-character lowercase commit id; `sha256` 64 hex digits.
    ///
    /// ## Why it matters
    /// Claude Code refuses the entry (`Must be a full 40-character lowercase git commit SHA`).
    ///
    /// ## Example
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "remote", "source": { "source": "github", "repo": "example/remote", "sha": "abc123" } }] }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "remote", "source": { "source": "github", "repo": "example/remote", "sha": "0123456789abcdef0123456789abcdef01234567" } }] }
    /// ```
    pub static RULE = { id: "MK018", name: "entry-sha-invalid", family: Manifest, severity: Error, reach: Tree, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    super::schema_violations(cx, &RULE, out);
}
