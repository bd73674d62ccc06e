//! The `frontmatter-hooks-invalid` rule (SK017).

use super::{complex_entries, mappings, type_name};
use crate::declare_rule;
use crate::model::DocKind;
use crate::model::frontmatter::Entries;
use crate::model::hooks::MatcherGroup;
use crate::model::value::{Entry, Field, List};
use crate::rules::Context;
use crate::rules::diag::{Diagnostic, Severity};
use crate::source::Span;
use crate::text::suggest;

declare_rule! {
    /// Frontmatter `hooks` do not have the shape of a hook event map.
    ///
    /// ## What it does
    /// Checks `hooks` in a skill: a mapping of event names (`PreToolUse`,
    /// `Stop`, …) to lists of `{ matcher?, hooks: [ { type, … } ] }`. Unknown
    /// event names are a warning (newer Claude Code versions add events).
    ///
    /// ## Why it matters
    /// Claude Code drops invalid frontmatter hooks with only a runtime warning;
    /// the guard the skill relies on never runs.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// hooks:
    ///   PreToolUse:
    ///     command: ./check.sh
    /// ---
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// hooks:
    ///   PreToolUse:
    ///     - matcher: Bash
    ///       hooks:
    ///         - type: command
    ///           command: ./check.sh
    /// ---
    /// ```
    pub static RULE = { id: "SK017", name: "frontmatter-hooks-invalid", family: Frontmatter, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (d, fm) in mappings(cx.project) {
        if d.kind != DocKind::Skill {
            continue;
        }
        for f in fm.readings() {
            let Some(hooks) = &f.hooks else { continue };
            // Keys that are not scalars are events named ``.
            let complex = hooks
                .ok()
                .map_or_else(Vec::new, |_| complex_entries(d, hooks.span));
            for (span, msg, error) in hook_problems(hooks, &complex) {
                let diag = Diagnostic::new(&RULE, d.file, span, msg).help("write hooks as Event: [ { matcher: …, hooks: [ { type: command, command: … } ] } ]");
                out.push(if error {
                    diag
                } else {
                    diag.severity(Severity::Warning)
                });
            }
        }
    }
}

/// Problems with a frontmatter hooks map: `(span, message, is_error)`.
fn hook_problems(
    hooks: &Field<Entries<List<MatcherGroup>>>,
    complex: &[Entry<List<MatcherGroup>>],
) -> Vec<(Span, String, bool)> {
    let mut out = Vec::new();
    let events = match &hooks.value {
        Ok(events) => events,
        Err(kind) => {
            out.push((
                hooks.span,
                format!(
                    "`hooks` must be a mapping of events, not a {}",
                    type_name(*kind)
                ),
                true,
            ));
            return out;
        }
    };
    for event in events.iter().chain(complex) {
        let name = event.key.as_str();
        if !crate::model::hooks::EVENTS.contains(&name) {
            let near = suggest(name, crate::model::hooks::EVENTS.iter().copied())
                .map(|n| format!(" (did you mean `{n}`?)"))
                .unwrap_or_default();
            out.push((
                event.key_span,
                format!("unknown hook event `{name}`{near}"),
                false,
            ));
        }
        let Some(groups) = event.ok() else {
            out.push((
                event.span,
                format!("`{name}` must be a list of {{ matcher, hooks }} groups"),
                true,
            ));
            continue;
        };
        for g in groups.iter() {
            match g.ok().and_then(|g| g.hooks.as_ref()).and_then(|h| h.ok()) {
                Some(handlers) => {
                    for handler in handlers.iter() {
                        // Any scalar `type` will do here (`type: 1` is not a
                        // shape problem).
                        let typed = handler.ok().and_then(|h| h.handler_type.as_ref()).is_some_and(|t| match t.value {
                            Ok(_) => true,
                            Err(kind) => kind.is_scalar(),
                        });
                        if !typed {
                            out.push((handler.span, "each hook needs a `type` (command, http, mcp_tool, prompt, agent)".into(), true));
                        }
                    }
                }
                None => out.push((g.span, "each group needs a `hooks:` list".into(), true)),
            }
        }
    }
    out
}
