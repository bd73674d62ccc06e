//! The `hook-event-shape` rule (HK003).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// An event's value is not a list of matcher groups.
    ///
    /// ## What it does
    /// Reports an event whose value is not an array, an item of it that is
    /// not an object, and a matcher group whose `hooks` is missing or not an
    /// array of handler objects.
    ///
    /// ## Why it matters
    /// Each event holds `[{"matcher"?: …, "hooks": [handler…]}]`. Claude Code
    /// rejects any other shape: the hooks file does not load (or, in
    /// frontmatter, the skill's or agent's hooks are dropped), so none of its
    /// hooks runs.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "SessionStart": { "type": "command", "command": "echo hi" } } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "SessionStart": [ { "hooks": [ { "type": "command", "command": "echo hi" } ] } ] } }
    /// ```
    pub static RULE = { id: "HK003", name: "hook-event-shape", family: Hooks, severity: Error, check: check }
}

const SHAPE: &str = "write `[{\"matcher\": …, \"hooks\": [{\"type\": \"command\", …}]}]`";

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for m in super::event_maps(cx) {
        for e in &m.events {
            let Some(groups) = e.ok() else {
                out.push(
                    Diagnostic::new(
                        &RULE,
                        m.file,
                        e.span,
                        format!("`{}` is not a list of matcher groups", e.key),
                    )
                    .help(SHAPE),
                );
                continue;
            };
            for g in groups.iter() {
                let Some(group) = g.ok() else {
                    out.push(
                        Diagnostic::new(
                            &RULE,
                            m.file,
                            g.span,
                            format!("a matcher group of `{}` is not an object", e.key),
                        )
                        .help(SHAPE),
                    );
                    continue;
                };
                match &group.hooks {
                    None => out.push(
                        Diagnostic::new(
                            &RULE,
                            m.file,
                            crate::rules::manifest::brace(group.span),
                            format!("a matcher group of `{}` has no `hooks` list", e.key),
                        )
                        .help(SHAPE),
                    ),
                    Some(f) => match f.ok() {
                        None => out.push(
                            Diagnostic::new(
                                &RULE,
                                m.file,
                                f.span,
                                format!("`hooks` of a `{}` group is not a list of handlers", e.key),
                            )
                            .help(SHAPE),
                        ),
                        Some(list) => {
                            for h in list.iter().filter(|h| h.ok().is_none()) {
                                out.push(
                                    Diagnostic::new(
                                        &RULE,
                                        m.file,
                                        h.span,
                                        format!("a handler of `{}` is not an object", e.key),
                                    )
                                    .help(SHAPE),
                                );
                            }
                        }
                    },
                }
            }
        }
    }
}
