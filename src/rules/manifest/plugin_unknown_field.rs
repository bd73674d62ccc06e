//! The `plugin-unknown-field` rule (PJ015).

use crate::declare_rule;
use crate::model::manifest::PluginManifest;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::text::suggest;

declare_rule! {
    /// plugin.json has a field Claude Code does not know.
    ///
    /// ## What it does
    /// Reports unknown top-level keys, with the nearest known key.
    ///
    /// ## Why it matters
    /// Unknown keys are ignored at load time: a typo such as `descripton`
    /// silently drops the value.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "descripton": "The demo plugin.", "description": "The demo plugin.", "author": { "name": "A" } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" } }
    /// ```
    pub static RULE = { id: "PJ015", name: "plugin-unknown-field", family: Manifest, severity: Warning, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (_, jf, pm) in super::unique_manifests(cx.project) {
        for key in pm.undeclared_keys() {
            let k = key.name.as_str();
            if super::MARKETPLACE_ONLY_FIELDS.contains(&k) {
                continue; // PJ016
            }
            let hint = match k {
                "user_config" => Some("userConfig".to_string()),
                _ => suggest(k, PluginManifest::KEYS.iter().copied()).map(str::to_string),
            };
            let d = Diagnostic::new(
                &RULE,
                jf.file,
                key.span,
                format!("unknown field `{k}`; Claude Code ignores it"),
            );
            out.push(match hint {
                Some(h) => d.help(format!("did you mean `{h}`?")),
                None => d.help("remove it, or move custom data under `metadata`"),
            });
        }
    }
}
