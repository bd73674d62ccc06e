//! The `default-hooks-listed` rule (PP009).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::source;

declare_rule! {
    /// `hooks` lists the default `./hooks/hooks.json`.
    ///
    /// ## What it does
    /// Reports `"hooks": "./hooks/hooks.json"` in plugin.json.
    ///
    /// ## Why it matters
    /// That file is loaded automatically; listing it again registers each hook twice
    /// in older Claude Code versions.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" }, "hooks": "./hooks/hooks.json" }
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": {} }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" } }
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": {} }
    /// ```
    pub static RULE = { id: "PP009", name: "default-hooks-listed", family: Manifest, severity: Warning, reach: Tree, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for cp in super::component_paths(cx) {
        if cp.key == "hooks"
            && source::normalize(cp.path).as_deref() == Some("hooks/hooks.json")
            && cp.existing(cx).is_some()
        {
            out.push(
                Diagnostic::new(
                    &RULE,
                    cp.file,
                    cp.span,
                    "`./hooks/hooks.json` is loaded automatically",
                )
                .help("remove it from `hooks`; list only additional hook files"),
            );
        }
    }
}
