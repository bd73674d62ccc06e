//! The `agent-unknown-key` rule (AG019).

use super::{mappings, meant_key};
use crate::declare_rule;
use crate::model::DocKind;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// An agent frontmatter key Claude Code does not know.
    ///
    /// ## What it does
    /// Reports unknown keys in agent files, with the key meant: the same
    /// key in another case or with `-`/`_` (`max-turns` for `maxTurns`), or
    /// the nearest spelling. `allowed-tools` (and `allowedTools`) is the
    /// skills' key: an agent takes `tools`, and without it gets every tool.
    ///
    /// ## Why it matters
    /// Unknown keys are silently ignored. An agent that lists its tools
    /// under `allowed-tools` is not restricted at all: it runs with every
    /// tool, Bash and Write included.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/agents/reviewer.md <==
    /// ---
    /// name: reviewer
    /// description: Reviews a diff for correctness.
    /// allowed-tools: Read, Grep
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
    /// tools: Read, Grep
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
        let has_tools = fm.keys.iter().any(|k| k.name == "tools");
        for k in fm.keys.iter().filter(|k| !AGENT_KEYS.contains(&k.name.as_str())) {
            let key = k.name.as_str();
            let meant = meant_key(key, AGENT_KEYS, AGENT_ALIASES);
            let diag = if meant == Some("tools") && !has_tools && key != "tool" {
                Diagnostic::new(
                    &RULE,
                    d.file,
                    k.span,
                    format!("agents do not read `{key}`: Claude Code ignores it, so the agent gets every tool"),
                )
                .help("rename it to `tools` (agents take `tools`; `allowed-tools` is for skills and commands)")
            } else {
                let diag = Diagnostic::new(
                    &RULE,
                    d.file,
                    k.span,
                    format!("unknown agent frontmatter key `{key}`; Claude Code ignores it"),
                );
                match meant {
                    Some(s) => diag.help(format!("did you mean `{s}`?")),
                    None => diag.help("remove it"),
                }
            };
            out.push(diag);
        }
    }
}

/// Keys written for an agent that mean one of its keys: what skills call
/// them.
const AGENT_ALIASES: &[(&str, &str)] = &[
    ("allowed-tools", "tools"),
    ("allowed-tool", "tools"),
    ("disallowed-tools", "disallowedTools"),
    ("capabilities", "tools"),
    ("tool_access", "tools"),
    ("tool-access", "tools"),
];
