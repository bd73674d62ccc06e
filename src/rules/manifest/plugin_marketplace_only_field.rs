//! The `plugin-marketplace-only-field` rule (PJ016).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// plugin.json has a field that belongs in the marketplace entry.
    ///
    /// ## What it does
    /// Reports `category`, `tags`, `strict`, `source`, `id` and `relevance` in plugin.json.
    ///
    /// ## Why it matters
    /// They are read only from marketplace.json; here they do nothing.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" }, "category": "ops" }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" } }
    /// ```
    pub static RULE = { id: "PJ016", name: "plugin-marketplace-only-field", family: Manifest, severity: Warning, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (_, jf, pm) in super::unique_manifests(cx.project) {
        for key in pm.undeclared_keys() {
            let k = key.name.as_str();
            if super::MARKETPLACE_ONLY_FIELDS.contains(&k) {
                out.push(
                    Diagnostic::new(
                        &RULE,
                        jf.file,
                        key.span,
                        format!("`{k}` belongs in the marketplace entry, not plugin.json"),
                    )
                    .help("move it to this plugin's entry in .claude-plugin/marketplace.json"),
                );
            }
        }
    }
}
