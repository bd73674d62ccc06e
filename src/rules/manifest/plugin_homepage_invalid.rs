//! The `plugin-homepage-invalid` rule (PJ014).

use crate::declare_rule;
use crate::model::value::Present;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// plugin.json `homepage` is not a URL.
    ///
    /// ## What it does
    /// Checks that `homepage` has a scheme and a host (`https://…`).
    ///
    /// ## Why it matters
    /// Claude Code refuses the manifest: `homepage: Invalid URL`.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" }, "homepage": "example.com" }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" }, "homepage": "https://example.com" }
    /// ```
    pub static RULE = { id: "PJ014", name: "plugin-homepage-invalid", family: Manifest, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (_, jf, pm) in super::unique_manifests(cx.project) {
        if let Some((h, span)) = pm.homepage.spanned()
            && !super::is_url(h)
        {
            out.push(
                Diagnostic::new(&RULE, jf.file, span, format!("homepage `{h}` is not a URL"))
                    .help(format!("write the scheme: \"https://{h}\"")),
            );
        }
    }
}
