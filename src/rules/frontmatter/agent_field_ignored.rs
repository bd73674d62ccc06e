//! The `agent-field-ignored` rule (AG011).

use super::mappings;
use crate::declare_rule;
use crate::model::DocKind;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A plugin agent sets a field that plugin agents ignore.
    ///
    /// ## What it does
    /// Reports `permissionMode`, `hooks` and `mcpServers` in plugin agents.
    ///
    /// ## Why it matters
    /// Claude Code ignores them for plugin agents; the agent runs without the
    /// restriction or hook the author relied on.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/agents/reviewer.md <==
    /// ---
    /// name: reviewer
    /// description: Reviews a diff for correctness.
    /// permissionMode: plan
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
    /// tools: Read, Grep, Glob
    /// ---
    /// Review the diff.
    /// ```
    pub static RULE = { id: "AG011", name: "agent-field-ignored", family: Frontmatter, severity: Warning, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (d, fm) in mappings(cx.project) {
        if d.kind != DocKind::Agent {
            continue;
        }
        for k in &fm.keys {
            let key = k.name.as_str();
            if matches!(key, "permissionMode" | "hooks" | "mcpServers") {
                out.push(
                    Diagnostic::new(&RULE, d.file, k.span, format!("plugin agents ignore `{key}`"))
                        .help("restrict the agent with `tools`, or ship it as a project agent in .claude/agents/"),
                );
            }
        }
    }
}
