//! The `unknown-frontmatter-key` rule (SK018).

use super::{kind_name, mappings, meant_key};
use crate::declare_rule;
use crate::model::DocKind;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A frontmatter key Claude Code does not know.
    ///
    /// ## What it does
    /// Reports unknown keys in skills and commands, with the key meant: a
    /// known alias first (`tools`, the agents' key, means `allowed-tools`),
    /// then the same key in another case or with `_` for `-`
    /// (`allowedTools`, `argument_hint`), then the nearest spelling.
    ///
    /// ## Why it matters
    /// Unknown keys are silently ignored: `allowed_tools` pre-approves nothing.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// allowed_tools: Read
    /// ---
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// allowed-tools: Read
    /// ---
    /// ```
    pub static RULE = { id: "SK018", name: "unknown-frontmatter-key", family: Frontmatter, severity: Warning, check: check }
}

/// The keys of skills and commands.
pub const SKILL_KEYS: &[&str] = &[
    "name",
    "description",
    "when_to_use",
    "argument-hint",
    "arguments",
    "allowed-tools",
    "disallowed-tools",
    "disallowedTools",
    "model",
    "effort",
    "disable-model-invocation",
    "user-invocable",
    "context",
    "agent",
    "background",
    "hooks",
    "paths",
    "shell",
    "metadata",
    "license",
    "compatibility",
    "version",
    // Tolerated internal keys.
    "fallback",
    "created_by",
    "improved_by",
    "hide-from-slash-command-tool",
    "type",
    "originSessionId",
];

/// Keys that describe a file for readers and catalogues (`tags`,
/// `category`), which no loader acts on.
fn is_descriptive(key: &str) -> bool {
    matches!(
        key.to_ascii_lowercase().as_str(),
        "tags" | "tag" | "keywords" | "category" | "categories" | "topics" | "labels" | "author"
            | "authors" | "created" | "updated" | "last-updated" | "last_updated" | "date"
            | "status" | "difficulty" | "level" | "title" | "summary" | "homepage" | "repository"
    )
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (d, fm) in mappings(cx.project) {
        if d.kind == DocKind::Agent {
            continue;
        }
        let what = kind_name(d.kind);
        for k in fm.keys.iter().filter(|k| !SKILL_KEYS.contains(&k.name.as_str())) {
            let key = k.name.as_str();
            let diag = Diagnostic::new(
                &RULE,
                d.file,
                k.span,
                format!("unknown {what} frontmatter key `{key}`; Claude Code ignores it"),
            );
            out.push(match meant_key(key, SKILL_KEYS, SKILL_ALIASES) {
                Some(s) => diag.help(format!("did you mean `{s}`?")),
                // Labels for readers and catalogues: nothing is expected of
                // them, so their being ignored is a note, not a defect.
                None if is_descriptive(key) => diag
                    .severity(crate::rules::diag::Severity::Info)
                    .help("Claude Code ignores it; put catalogue data under `metadata`"),
                None => diag.help("remove it, or put custom data under `metadata`"),
            });
        }
    }
}

/// Keys written for a skill or command that mean one of its keys: what
/// agents call them (`tools`), and short forms.
const SKILL_ALIASES: &[(&str, &str)] = &[
    ("tools", "allowed-tools"),
    ("tool", "allowed-tools"),
    ("allowed-tool", "allowed-tools"),
    ("args", "arguments"),
    ("desc", "description"),
    ("globs", "paths"),
    ("glob", "paths"),
    ("tool_access", "allowed-tools"),
    ("tool-access", "allowed-tools"),
    ("capabilities", "allowed-tools"),
];
