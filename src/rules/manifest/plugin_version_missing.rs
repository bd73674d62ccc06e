//! The `plugin-version-missing` rule (PJ008).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// plugin.json has no `version`.
    ///
    /// ## What it does
    /// Reports manifests without `version`.
    ///
    /// ## Why it matters
    /// Without a version Claude Code falls back to the git commit, so users
    /// are never told an update changed anything, and semver bumps cannot be
    /// enforced.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "description": "The demo plugin.", "author": { "name": "A" } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" } }
    /// ```
    pub static RULE = { id: "PJ008", name: "plugin-version-missing", family: Manifest, severity: Warning, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (p, jf, pm) in super::unique_manifests(cx.project) {
        if pm.version.is_none() {
            out.push(
                Diagnostic::new(
                    &RULE,
                    jf.file,
                    super::brace(pm.span),
                    format!("plugin `{}` has no version", p.name),
                )
                .help("add \"version\": \"1.0.0\" and bump it on every change"),
            );
        }
    }
}
