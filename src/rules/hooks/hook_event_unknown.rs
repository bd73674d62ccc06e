//! The `hook-event-unknown` rule (HK002).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A hook event Claude Code does not have.
    ///
    /// ## What it does
    /// Reports an event name that is not one of Claude Code's hook events.
    /// Names are case-sensitive: `PreToolUSe` is not `PreToolUse`.
    ///
    /// ## Why it matters
    /// Claude Code ignores the hooks of an event it does not know (2.1.330:
    /// "unknown hook event; entry ignored at runtime"); earlier versions
    /// reject the whole hooks file (`Invalid key in record`). Either way the
    /// hook never runs.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "PreToolUSe": [ { "matcher": "Bash", "hooks": [ { "type": "command", "command": "echo hi" } ] } ] } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "PreToolUse": [ { "matcher": "Bash", "hooks": [ { "type": "command", "command": "echo hi" } ] } ] } }
    /// ```
    pub static RULE = { id: "HK002", name: "hook-event-unknown", family: Hooks, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for m in super::event_maps(cx) {
        for e in &m.events {
            if super::EVENTS.contains(&e.key.as_str()) {
                continue;
            }
            let same_case = super::EVENTS
                .iter()
                .find(|n| n.eq_ignore_ascii_case(&e.key))
                .copied();
            let help = match same_case.or_else(|| crate::text::suggest_among(&e.key, super::EVENTS)) {
                Some(s) => format!("did you mean `{s}`? Event names are case-sensitive"),
                None => format!("the events are {}", super::EVENTS.join(", ")),
            };
            out.push(
                Diagnostic::new(&RULE, m.file, e.key_span, format!("unknown hook event `{}`", e.key))
                    .help(help),
            );
        }
    }
}
