//! The `hooks-wrapper-missing` rule (HK001).

use crate::declare_rule;
use crate::model::JsonRole;
use crate::model::value::{Key, Present};
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::source::Span;

declare_rule! {
    /// A hooks file without its `hooks` wrapper.
    ///
    /// ## What it does
    /// Reports a plugin's `hooks/hooks.json` whose root has no `hooks` object (event
    /// names written at the top level, as settings.json does inside its
    /// `hooks`), or whose `hooks` is not an object; and the opposite
    /// mistake, a `hooks` wrapper inside an inline event map (plugin.json's
    /// `hooks`, frontmatter `hooks:`, settings' `hooks`), which has none.
    ///
    /// ## Why it matters
    /// Claude Code reads a hooks file as `{"hooks": {<Event>: […]}}`. Without
    /// the wrapper its validator reports `HOOKS_MISSING_WRAPPER` and the
    /// plugin's hooks are not loaded: none of them runs. Inline, a
    /// wrapper reads as an unknown event named `hooks`, and its hooks never
    /// run.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "SessionStart": [ { "hooks": [ { "type": "command", "command": "echo hi" } ] } ] }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "SessionStart": [ { "hooks": [ { "type": "command", "command": "echo hi" } ] } ] } }
    /// ```
    pub static RULE = { id: "HK001", name: "hooks-wrapper-missing", family: Hooks, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let files = cx.project.json.iter().filter(|j| j.role == JsonRole::Hooks);
    for jf in files.filter(|j| super::loaded_hooks_file(cx, cx.db.path(j.file))) {
        let Some(h) = jf.hooks() else { continue };
        match &h.hooks {
            Some(f) if f.ok().is_none() => out.push(
                Diagnostic::new(&RULE, jf.file, f.span, "`hooks` is not an object of events")
                    .help("write `\"hooks\": {\"<Event>\": [{\"matcher\": …, \"hooks\": […]}]}`"),
            ),
            Some(_) => {}
            None if h.modules.value_span().is_none() => {
                let events: Vec<&Key> = h
                    .unknown
                    .iter()
                    .filter(|k| super::EVENTS.contains(&k.name.as_str()))
                    .collect();
                let at = events
                    .first()
                    .map_or(Span::new(h.span.start as usize, h.span.start as usize + 1), |k| k.span);
                let msg = if events.is_empty() {
                    "hooks file has no `hooks` object".to_string()
                } else {
                    let names: Vec<&str> = events.iter().map(|k| k.name.as_str()).collect();
                    format!(
                        "hook events (`{}`) at the top level, outside the `hooks` object",
                        names.join("`, `")
                    )
                };
                out.push(
                    Diagnostic::new(&RULE, jf.file, at, msg)
                        .help("wrap the events: `{\"hooks\": {\"<Event>\": […]}}`"),
                );
            }
            None => {}
        }
    }
    for m in super::event_maps(cx) {
        if let Some(at) = m.wrapper {
            let place = match m.origin {
                super::HookOrigin::Manifest => "plugin.json's `hooks`",
                super::HookOrigin::Settings => "settings' `hooks`",
                _ => "frontmatter `hooks:`",
            };
            out.push(
                Diagnostic::new(
                    &RULE,
                    m.file,
                    at,
                    format!("{place} is the event map itself: this `hooks` wrapper is read as an unknown event"),
                )
                .help("move the events up one level: `\"hooks\": {\"<Event>\": […]}`"),
            );
        }
    }
}
