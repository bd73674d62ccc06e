//! The `plugin-description-missing` rule (PJ010).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// plugin.json has no `description`.
    ///
    /// ## What it does
    /// Reports manifests without `description`.
    ///
    /// ## Why it matters
    /// The description is what users see in `/plugin` before installing.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "author": { "name": "A" } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" } }
    /// ```
    pub static RULE = { id: "PJ010", name: "plugin-description-missing", family: Manifest, severity: Warning, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (p, jf, pm) in super::unique_manifests(cx.project) {
        if pm.description.is_none() {
            out.push(
                Diagnostic::new(
                    &RULE,
                    jf.file,
                    super::brace(pm.span),
                    format!("plugin `{}` has no description", p.name),
                )
                .help("add a one-paragraph description that names the plugin's skills"),
            );
        }
    }
}
