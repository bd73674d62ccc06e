//! The `plugin-version-missing` rule (PJ008).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// plugin.json has no `version`.
    ///
    /// ## What it does
    /// Reports manifests without `version`: a warning when at least half the plugins of
    /// the tree set one, a note otherwise (the tree versions by commit).
    ///
    /// ## Why it matters
    /// Without a version Claude Code falls back to the git commit: every
    /// commit is an update, and semver bumps cannot be enforced. A
    /// marketplace may choose that on purpose; one plugin without a version
    /// among versioned ones is a slip.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "description": "The demo plugin.", "author": { "name": "A" } }
    /// ==> plugins/extra/.claude-plugin/plugin.json <==
    /// { "name": "extra", "version": "1.0.0", "description": "The extra plugin.", "author": { "name": "A" } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" } }
    /// ==> plugins/extra/.claude-plugin/plugin.json <==
    /// { "name": "extra", "version": "1.0.0", "description": "The extra plugin.", "author": { "name": "A" } }
    /// ```
    pub static RULE = { id: "PJ008", name: "plugin-version-missing", family: Manifest, severity: Warning, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    // Without a version, every commit is an update: a mode of its own when
    // no plugin of the tree sets one (a note), a likely slip when others do.
    let (with, all) = super::unique_manifests(cx.project)
        .fold((0usize, 0usize), |(w, a), (_, _, pm)| (w + usize::from(pm.version.is_some()), a + 1));
    let versioned = with * 2 >= all;
    for (p, jf, pm) in super::unique_manifests(cx.project) {
        if pm.version.is_none() {
            let d = Diagnostic::new(
                &RULE,
                jf.file,
                super::brace(pm.span),
                format!("plugin `{}` has no version", p.name),
            );
            out.push(if versioned {
                d.help("add \"version\": \"1.0.0\" and bump it on every change, as the other plugins here do")
            } else {
                d.severity(crate::rules::diag::Severity::Info).help(
                    "fewer than half the plugins here set a version, so every commit is an update; add \"version\" to announce releases",
                )
            });
        }
    }
}
