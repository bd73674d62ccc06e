//! The `agent-name-invalid` rule (AG003).

use super::mappings;
use crate::declare_rule;
use crate::model::DocKind;
use crate::model::value::Present;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// An agent `name` starts with `-` or contains `:`.
    ///
    /// ## What it does
    /// Reports agent names Claude Code refuses.
    ///
    /// ## Why it matters
    /// Claude Code 2.1.218 and later skip such agent files entirely.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/agents/reviewer.md <==
    /// ---
    /// name: demo:reviewer
    /// description: Reviews a diff for correctness.
    /// ---
    /// Review the diff.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/agents/reviewer.md <==
    /// ---
    /// name: reviewer
    /// description: Reviews a diff for correctness.
    /// ---
    /// Review the diff.
    /// ```
    pub static RULE = { id: "AG003", name: "agent-name-invalid", family: Frontmatter, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (d, fm) in mappings(cx.project) {
        if d.kind != DocKind::Agent {
            continue;
        }
        let Some((n, span)) = fm.name.spanned() else {
            continue;
        };
        let n = n.text.as_str();
        if n.starts_with('-') || n.contains(':') {
            out.push(
                Diagnostic::new(&RULE, d.file, span, format!("agent name `{n}` starts with `-` or contains `:`"))
                    .help("Claude Code skips such agents; the plugin prefix is added automatically"),
            );
        }
    }
}
