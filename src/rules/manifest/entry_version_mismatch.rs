//! The `entry-version-mismatch` rule (MK025).

use crate::declare_rule;
use crate::model::value::Present;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// An entry's `version` differs from its plugin.json.
    ///
    /// ## What it does
    /// Compares `plugins[i].version` with the `version` of the plugin.json it
    /// points at; the diagnostic labels both files.
    ///
    /// ## Why it matters
    /// plugin.json wins at install time, so the marketplace advertises a
    /// version users never get.
    ///
    /// ## Example
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "demo", "source": "./plugins/demo", "description": "The demo plugin. Skills: .", "version": "2.0.0" }] }
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
    pub static RULE = { id: "MK025", name: "entry-version-mismatch", family: Manifest, severity: Warning, reach: Tree, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (mf, entries) in super::entries(cx) {
    for (e, entry) in entries {
        let Some(entry) = entry else {
            continue;
        };
        if super::source_refused(e) {
            continue;
        }
        let Some((_, pj, pm)) = super::entry_plugin(cx.project, e) else {
            continue;
        };
        if let (Some((ev, espan)), Some((pv, pspan))) =
            (entry.plugin.version.spanned(), pm.version.spanned())
            && ev != pv
        {
            out.push(
                Diagnostic::new(
                    &RULE,
                    mf.file,
                    espan,
                    format!("entry says version `{ev}` but plugin.json says `{pv}`"),
                )
                .primary_label("marketplace entry")
                .label(pj.file, pspan, "plugin.json wins at install time")
                .help("remove `version` from the entry, or keep the two equal"),
            );
        }
    }
    }
}
