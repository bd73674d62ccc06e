//! The `hook-matcher-ignored` rule (HK009).

use crate::declare_rule;
use crate::model::value::Present;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A `matcher` on an event that has none.
    ///
    /// ## What it does
    /// Reports a `matcher` on `UserPromptSubmit`, `Stop`, `TeammateIdle`,
    /// `TaskCreated`, `TaskCompleted`, `WorktreeCreate`, `WorktreeRemove` or
    /// `CwdChanged` (other than `""` or `"*"`).
    ///
    /// ## Why it matters
    /// These events always fire; Claude Code silently ignores a matcher on
    /// them. A hook meant to run only for some tool or source runs on every
    /// occurrence instead.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "Stop": [ { "matcher": "Bash", "hooks": [ { "type": "command", "command": "echo done" } ] } ] } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "Stop": [ { "hooks": [ { "type": "command", "command": "echo done" } ] } ] } }
    /// ```
    pub static RULE = { id: "HK009", name: "hook-matcher-ignored", family: Hooks, severity: Warning, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (file, event, g) in super::groups(cx) {
        if !super::NO_MATCHER.contains(&event) {
            continue;
        }
        let Some((m, span)) = g.matcher.spanned() else {
            continue;
        };
        if m.text.is_empty() || m.text == "*" {
            continue;
        }
        out.push(
            Diagnostic::new(
                &RULE,
                file,
                span,
                format!("`{event}` has no matcher; `{}` is ignored", m.text),
            )
            .help(format!(
                "remove `matcher`: the hooks run on every `{event}`; check the condition inside the hook if it matters"
            )),
        );
    }
}
