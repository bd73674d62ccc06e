//! Agent frontmatter: name, description, enumerations, fields that plugin
//! agents ignore, unknown keys.

use super::fields::{model_ok, unknown_model};
use super::mappings;
use crate::declare_rule;
use crate::model::DocKind;
use crate::parse::yaml::{ScalarType, YamlNode};
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::source::Span;
use crate::text::suggest;

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
    pub static MISSING = { id: "AG002", name: "agent-field-missing", family: Frontmatter, severity: Warning }
}

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
    pub static NAME = { id: "AG003", name: "agent-name-invalid", family: Frontmatter, severity: Error }
}

declare_rule! {
    /// An agent field has a value outside its allowed set.
    ///
    /// ## What it does
    /// Checks `color` (red, blue, green, yellow, purple, orange, pink, cyan),
    /// `memory` (user, project, local), `isolation` (worktree), `maxTurns`
    /// (a positive integer), `effort` and `background`.
    ///
    /// ## Why it matters
    /// Invalid values are dropped with only a runtime warning.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/agents/reviewer.md <==
    /// ---
    /// name: reviewer
    /// description: Reviews a diff for correctness.
    /// color: magenta
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
    /// color: purple
    /// ---
    /// Review the diff.
    /// ```
    pub static VALUE = { id: "AG009", name: "agent-field-value-invalid", family: Frontmatter, severity: Warning }
}

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
    pub static IGNORED = { id: "AG011", name: "agent-field-ignored", family: Frontmatter, severity: Warning }
}

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
    pub static UNKNOWN_KEY = { id: "AG019", name: "agent-unknown-key", family: Frontmatter, severity: Warning }
}

const AGENT_KEYS: &[&str] = &[
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
const COLORS: &[&str] = &[
    "red", "blue", "green", "yellow", "purple", "orange", "pink", "cyan",
];

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (d, root) in mappings(cx.project) {
        if d.kind != DocKind::Agent {
            continue;
        }
        let first_key = root
            .entries()
            .first()
            .map_or(Span::empty(0), |(k, _)| k.span);
        match root.get("name").and_then(YamlNode::as_str) {
            None => out.push(
                Diagnostic::new(
                    &MISSING,
                    d.file,
                    first_key,
                    "agent has no `name`; the file name is used",
                )
                .help("add `name:` in lowercase letters and hyphens"),
            ),
            Some(n) => {
                if n.starts_with('-') || n.contains(':') {
                    let span = root.get("name").map_or(first_key, |v| v.span);
                    out.push(
                        Diagnostic::new(&NAME, d.file, span, format!("agent name `{n}` starts with `-` or contains `:`"))
                            .help("Claude Code skips such agents; the plugin prefix is added automatically"),
                    );
                }
            }
        }
        if root.get("description").is_none()
            && root.get("when_to_use").is_none()
            && root.get("when-to-use").is_none()
        {
            out.push(
                Diagnostic::new(&MISSING, d.file, first_key, "agent has no `description`")
                    .help("say what the agent does and when Claude should delegate to it"),
            );
        }
        for (k, v) in root.entries() {
            let Some(key) = k.as_str() else { continue };
            if matches!(key, "tools" | "disallowedTools" | "skills") {
                super::fields::check_string_list(out, d.file, key, v);
            }
            let bad = |allowed: &[&str]| v.as_str().is_none_or(|s| !allowed.contains(&s));
            let problem = match key {
                "color" if bad(COLORS) => {
                    Some(format!("`color` must be one of {}", COLORS.join(", ")))
                }
                "memory" if bad(&["user", "project", "local"]) => {
                    Some("`memory` must be user, project or local".to_string())
                }
                "isolation" if bad(&["worktree"]) => {
                    Some("`isolation` can only be `worktree`".to_string())
                }
                "maxTurns" => {
                    let ok = v
                        .as_str()
                        .and_then(|s| s.parse::<u64>().ok())
                        .is_some_and(|n| n > 0);
                    (!ok).then(|| "`maxTurns` must be a positive integer".to_string())
                }
                "effort"
                    if v.scalar_type() != Some(ScalarType::Int)
                        && bad(&["low", "medium", "med", "high", "xhigh", "max"]) =>
                {
                    Some("`effort` must be low, medium, high, xhigh, max or a number".to_string())
                }
                "background"
                    if v.scalar_type() != Some(ScalarType::Bool) && bad(&["true", "false"]) =>
                {
                    Some("`background` must be true or false".to_string())
                }
                _ => None,
            };
            if let Some(msg) = problem {
                let near = v
                    .as_str()
                    .and_then(|s| suggest(s, COLORS.iter().copied()).filter(|_| key == "color"));
                let diag = Diagnostic::new(&VALUE, d.file, v.span, msg);
                out.push(match near {
                    Some(n) => diag.help(format!("did you mean `{n}`?")),
                    None => diag.help("the runtime drops invalid values with only a warning"),
                });
            }
            if key == "model"
                && let Some(m) = v.as_str()
                && !model_ok(m)
            {
                out.push(unknown_model(d.file, v, m));
            }
            if matches!(key, "permissionMode" | "hooks" | "mcpServers") {
                out.push(
                    Diagnostic::new(&IGNORED, d.file, k.span, format!("plugin agents ignore `{key}`"))
                        .help("restrict the agent with `tools`, or ship it as a project agent in .claude/agents/"),
                );
            }
            if !AGENT_KEYS.contains(&key) {
                let diag = Diagnostic::new(
                    &UNKNOWN_KEY,
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
}
