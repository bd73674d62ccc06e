//! The `unknown-frontmatter-key` rule (SK018).

use super::{kind_name, mappings};
use crate::declare_rule;
use crate::model::DocKind;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::text::suggest;

declare_rule! {
    /// A frontmatter key Claude Code does not know.
    ///
    /// ## What it does
    /// Reports unknown keys in skills and commands, with the nearest known key.
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
            out.push(
                match suggest(key, SKILL_KEYS.iter().copied()).or_else(|| underscore_variant(key)) {
                    Some(s) => diag.help(format!("did you mean `{s}`?")),
                    None => diag.help("remove it, or put custom data under `metadata`"),
                },
            );
        }
    }
}

fn underscore_variant(key: &str) -> Option<&'static str> {
    let dashed = key.replace('_', "-");
    SKILL_KEYS.iter().copied().find(|k| *k == dashed)
}
