//! The `strict-false-conflict` rule (MK024).

use crate::declare_rule;
use crate::model::value::Present;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// Entry `strict: false` conflicts with components in plugin.json.
    ///
    /// ## What it does
    /// With `strict: false` the entry is the whole definition; a plugin.json
    /// that also declares components is a load error.
    ///
    /// ## Why it matters
    /// `claude plugin validate` passes it, but the runtime refuses to load:
    /// `Plugin p has conflicting manifests`.
    ///
    /// ## Example
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "demo", "source": "./plugins/demo", "description": "The demo plugin. Skills: .", "strict": false, "commands": ["./commands/hi.md"] }] }
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin. Skills: .", "author": { "name": "A" }, "commands": ["./commands/hi.md"] }
    /// ==> plugins/demo/commands/hi.md <==
    /// ---
    /// description: Say hi.
    /// ---
    /// Say hi.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "demo", "source": "./plugins/demo", "description": "The demo plugin. Skills: .", "strict": false, "commands": ["./commands/hi.md"] }] }
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin. Skills: .", "author": { "name": "A" } }
    /// ==> plugins/demo/commands/hi.md <==
    /// ---
    /// description: Say hi.
    /// ---
    /// Say hi.
    /// ```
    pub static RULE = { id: "MK024", name: "strict-false-conflict", family: Manifest, severity: Error, reach: Tree, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (mf, entries) in super::entries(cx) {
    for (e, entry) in entries {
        let Some(entry) = entry else {
            continue;
        };
        if super::source_refused(e) || entry.entry.strict.val() != Some(&false) {
            continue;
        }
        let Some((p, pj, pm)) = super::entry_plugin(cx.project, e) else {
            continue;
        };
        let entry_has = !entry.plugin.component_keys().is_empty();
        if let Some(&(_, key_span)) = pm.component_keys().first()
            && entry_has
        {
            let strict_span = entry.entry.strict.key_span().unwrap_or(entry.span);
            out.push(
                Diagnostic::new(&RULE, mf.file, strict_span, format!("`strict: false` entry `{}` and its plugin.json both declare components", p.name))
                    .label(pj.file, key_span, "plugin.json declares components here")
                    .help("set strict: true on the entry, or remove the component fields from one of the two files"),
            );
        }
    }
    }
}
