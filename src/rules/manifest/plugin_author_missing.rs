//! The `plugin-author-missing` rule (PJ011).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// plugin.json has no `author`.
    ///
    /// ## What it does
    /// Reports manifests without `author`.
    ///
    /// ## Why it matters
    /// Users cannot tell who maintains the plugin; the official validator warns too.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin." }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" } }
    /// ```
    pub static RULE = { id: "PJ011", name: "plugin-author-missing", family: Manifest, severity: Info, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (p, jf, pm) in super::unique_manifests(cx.project) {
        if pm.author.is_none() {
            out.push(
                Diagnostic::new(
                    &RULE,
                    jf.file,
                    super::brace(pm.span),
                    format!("plugin `{}` has no author", p.name),
                )
                .help("add \"author\": { \"name\": \"…\" }"),
            );
        }
    }
}
