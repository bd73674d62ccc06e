//! The `agent-unknown-key` rule (AG019).

use super::mappings;
use crate::declare_rule;
use crate::model::DocKind;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::text::suggest;

declare_rule! {
    /// An agent frontmatter key Claude Code does not know.
    ///
    /// ## What it does
    /// Reports unknown keys in agent files, with the nearest known key.
    ///
    /// ## Why it matters
    /// Unknown keys are silently ignored.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/agents/reviewer.md <==
    /// ---
    /// name: reviewer
    /// description: Reviews a diff for correctness.
    /// tool: Read
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
    /// tools: Read
    /// ---
    /// Review the diff.
    /// ```
    pub static RULE = { id: "AG019", name: "agent-unknown-key", family: Frontmatter, severity: Warning, check: check }
}

/// The keys of agents.
pub const AGENT_KEYS: &[&str] = &[
    "name",
    "description",
    "tools",
    "disallowedTools",
    "model",
    "permissionMode",
    "mcpServers",
    "hooks",
    "maxTurns",
    "skills",
    "memory",
    "background",
    "effort",
    "isolation",
    "color",
    "initialPrompt",
    "autoCompactWindow",
    "omitClaudeMd",
    "observer",
    "observerMessage",
    "observeToolResults",
    "observeSubagents",
    "experimental",
    "when_to_use",
    "when-to-use",
];

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (d, fm) in mappings(cx.project) {
        if d.kind != DocKind::Agent {
            continue;
        }
        for k in fm.keys.iter().filter(|k| !AGENT_KEYS.contains(&k.name.as_str())) {
            let key = k.name.as_str();
            let diag = Diagnostic::new(
                &RULE,
                d.file,
                k.span,
                format!("unknown agent frontmatter key `{key}`; Claude Code ignores it"),
            );
            out.push(match suggest(key, AGENT_KEYS.iter().copied()) {
                Some(s) => diag.help(format!("did you mean `{s}`?")),
                None => diag.help("remove it"),
            });
        }
    }
}
