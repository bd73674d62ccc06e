//! The `entry-name-mismatch` rule (MK033).

use crate::declare_rule;
use crate::model::value::Present;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// An entry's `name` differs from its plugin.json `name`.
    ///
    /// ## What it does
    /// Compares the entry name with the name in the plugin.json it points at.
    ///
    /// ## Why it matters
    /// Users install `entry-name@marketplace` but the commands appear as
    /// `/plugin-json-name:…`; mentions and docs disagree with what loads.
    ///
    /// ## Example
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "demo-tools", "source": "./plugins/demo", "description": "The demo plugin. Skills: ." }] }
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin. Skills: .", "author": { "name": "A" } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "demo", "source": "./plugins/demo", "description": "The demo plugin. Skills: ." }] }
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin. Skills: .", "author": { "name": "A" } }
    /// ```
    pub static RULE = { id: "MK033", name: "entry-name-mismatch", family: Manifest, severity: Info, reach: Tree, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for e in &cx.project.entries {
        let mf = cx.project.marketplace_of(e);
        if super::source_refused(e) {
            continue;
        }
        let Some((_, pj, pm)) = super::entry_plugin(cx.project, e) else {
            continue;
        };
        if let (Some((en, espan)), Some((pn, pspan))) = (e.name.as_ref(), pm.name.spanned())
            && en != pn
            && !pn.is_empty()
        {
            out.push(
                Diagnostic::new(
                    &RULE,
                    mf.file,
                    *espan,
                    format!("entry `{en}` points at plugin.json named `{pn}`"),
                )
                .primary_label("marketplace entry")
                .label(pj.file, pspan, "plugin.json name")
                .help("use the same name in both files"),
            );
        }
    }
}
