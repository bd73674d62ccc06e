//! The `entry-source-invalid` rule (MK015).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A marketplace entry's `source` is missing or of an unknown kind.
    ///
    /// ## What it does
    /// Checks `plugins[i].source`: a relative path string, or an object whose
    /// `source` is github, url, git-subdir, npm, archive or command, with the
    /// fields that kind requires.
    ///
    /// ## Why it matters
    /// The entry cannot be installed.
    ///
    /// ## Example
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "remote", "source": { "source": "svn", "url": "https://example.com/r" } }] }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "remote", "source": { "source": "github", "repo": "example/remote" } }] }
    /// ```
    pub static RULE = { id: "MK015", name: "entry-source-invalid", family: Manifest, severity: Error, reach: Tree, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    super::schema_violations(cx, &RULE, out);
}
