//! The `hook-once-ignored` rule (HK015).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// `once` on a hook outside a skill's frontmatter.
    ///
    /// ## What it does
    /// Reports `once` on a handler in a hooks file, plugin.json, settings or
    /// an agent's frontmatter.
    ///
    /// ## Why it matters
    /// Claude Code honours `once` only for hooks a skill declares in its
    /// frontmatter (run once per session, then removed). Elsewhere it is
    /// ignored: the hook runs every time its event fires.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "SessionStart": [ { "hooks": [ { "type": "command", "command": "echo hi", "once": true } ] } ] } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "SessionStart": [ { "hooks": [ { "type": "command", "command": "echo hi" } ] } ] } }
    /// ```
    pub static RULE = { id: "HK015", name: "hook-once-ignored", family: Hooks, severity: Warning, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for h in super::handlers(cx) {
        if h.origin == super::HookOrigin::Frontmatter {
            continue;
        }
        let Some(f) = h.handler.once.as_deref() else {
            continue;
        };
        if f.ok() != Some(&true) {
            continue;
        }
        out.push(
            Diagnostic::new(&RULE, h.file, f.key, "`once` is ignored outside a skill's frontmatter")
                .help("remove it: the hook runs every time its event fires"),
        );
    }
}
