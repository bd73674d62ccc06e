//! The `entry-source-not-relative` rule (MK016).

use super::LocalSource;
use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A relative source does not start with `./`.
    ///
    /// ## What it does
    /// Local sources are `./path` from the marketplace root; bare names are
    /// allowed only under `metadata.pluginRoot`.
    ///
    /// ## Why it matters
    /// Claude Code rejects the entry (`plugins.0.source: Invalid input`).
    ///
    /// ## Example
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "demo", "source": "plugins/demo", "description": "The demo plugin. Skills: ." }] }
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
    pub static RULE = { id: "MK016", name: "entry-source-not-relative", family: Manifest, severity: Error, reach: Tree, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for e in &cx.project.entries {
        let mf = cx.project.marketplace_of(e);
        if let Some((path, span, LocalSource::NotRelative)) = super::local_source(e) {
            out.push(
                Diagnostic::new(
                    &RULE,
                    mf.file,
                    span,
                    format!("source `{path}` must start with `./`"),
                )
                .help(format!(
                    "write \"./{path}\" (bare names need metadata.pluginRoot)"
                )),
            );
        }
    }
}
