//! The `agent-field-missing` rule (AG002).

use super::{first_key, mappings};
use crate::declare_rule;
use crate::model::DocKind;
use crate::model::value::Present;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// An agent has no `name` or `description`.
    ///
    /// ## What it does
    /// Reports plugin agents missing `name` (Claude Code falls back to the
    /// file name) or `description` (falls back to `when_to_use`).
    ///
    /// ## Why it matters
    /// The description is how Claude decides to delegate to the agent.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/agents/reviewer.md <==
    /// ---
    /// name: reviewer
    /// ---
    /// Review the diff.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/agents/reviewer.md <==
    /// ---
    /// name: reviewer
    /// description: Reviews a diff for correctness. Use after every change.
    /// ---
    /// Review the diff.
    /// ```
    pub static RULE = { id: "AG002", name: "agent-field-missing", family: Frontmatter, severity: Warning, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (d, fm) in mappings(cx.project) {
        if d.kind != DocKind::Agent {
            continue;
        }
        if fm.name.val().is_none() {
            out.push(
                Diagnostic::new(
                    &RULE,
                    d.file,
                    first_key(d, fm),
                    "agent has no `name`; the file name is used",
                )
                .help("add `name:` in lowercase letters and hyphens"),
            );
        }
        if fm.description.is_none() && fm.when_to_use.is_none() && fm.when_to_use_dashed.is_none() {
            out.push(
                Diagnostic::new(&RULE, d.file, first_key(d, fm), "agent has no `description`")
                    .help("say what the agent does and when Claude should delegate to it"),
            );
        }
    }
}
