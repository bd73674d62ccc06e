//! Skill and command frontmatter fields: types, enumerations, unknown keys.

use super::{kind_name, mappings};
use crate::declare_rule;
use crate::model::DocKind;
use crate::parse::yaml::{ScalarType, YamlKind, YamlNode};
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::text::suggest;

declare_rule! {
    /// A list-valued field is neither a string nor a list of strings.
    ///
    /// ## What it does
    /// Checks `allowed-tools`, `disallowed-tools`, `paths` and `arguments` of
    /// skills and commands, and `tools`, `disallowedTools` and `skills` of agents.
    ///
    /// ## Why it matters
    /// Claude Code rejects other types; the tools are not pre-approved.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// allowed-tools:
    ///   Bash: true
    /// ---
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// allowed-tools: Bash(kubectl:*) Read
    /// ---
    /// ```
    pub static LIST_TYPE = { id: "SK009", name: "field-not-string-list", family: Frontmatter, severity: Error }
}

declare_rule! {
    /// A frontmatter field has a value outside its allowed set.
    ///
    /// ## What it does
    /// Checks `shell` (bash, powershell), `context` (inline, fork), `effort`
    /// (low, medium, high, xhigh, max or a number), the booleans
    /// `disable-model-invocation`, `user-invocable` and `background`, and that
    /// `metadata` is a mapping.
    ///
    /// ## Why it matters
    /// Claude Code rejects a bad `shell` or `context` and ignores the others,
    /// so the setting silently does nothing.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// shell: zsh
    /// ---
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// shell: bash
    /// ---
    /// ```
    pub static ENUM = { id: "SK010", name: "field-value-invalid", family: Frontmatter, severity: Error }
}

declare_rule! {
    /// `agent` or `background` is set without `context: fork`.
    ///
    /// ## What it does
    /// Reports fork-only settings on a skill that runs inline.
    ///
    /// ## Why it matters
    /// They have no effect unless the skill runs in a forked subagent.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// agent: Explore
    /// ---
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// context: fork
    /// agent: Explore
    /// ---
    /// ```
    pub static FORK_ONLY = { id: "SK012", name: "fork-only-field", family: Frontmatter, severity: Warning }
}

declare_rule! {
    /// `model` is not a known alias, `inherit`, or a `claude-*` id.
    ///
    /// ## What it does
    /// Checks `model` in skills, commands and agents against Claude Code's
    /// aliases (sonnet, opus, haiku, fable, best, opusplan, their `[1m]`
    /// variants), `inherit`, and full `claude-…` model ids.
    ///
    /// ## Why it matters
    /// An unknown model makes the invocation fail or fall back silently.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// model: gpt-4
    /// ---
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// model: sonnet
    /// ---
    /// ```
    pub static MODEL = { id: "SK014", name: "unknown-model", family: Frontmatter, severity: Warning }
}

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
    pub static UNKNOWN_KEY = { id: "SK018", name: "unknown-frontmatter-key", family: Frontmatter, severity: Warning }
}

declare_rule! {
    /// `compatibility` is not a string of 1–500 characters.
    ///
    /// ## What it does
    /// Checks the Agent Skills `compatibility` field.
    ///
    /// ## Why it matters
    /// skills-ref and claude.ai uploads reject the skill otherwise.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// compatibility:
    ///   - linux
    /// ---
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// compatibility: Needs kubectl 1.30 or newer on Linux or macOS.
    /// ---
    /// ```
    pub static COMPATIBILITY = { id: "AS014", name: "compatibility-invalid", family: Frontmatter, severity: Error }
}

declare_rule! {
    /// A flat command file sets `hooks`.
    ///
    /// ## What it does
    /// Reports `hooks` in `commands/*.md` frontmatter.
    ///
    /// ## Why it matters
    /// Claude Code honours frontmatter hooks only in skill directories; in a
    /// command file they never run.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/commands/deploy.md <==
    /// ---
    /// description: Deploy the app.
    /// hooks:
    ///   Stop:
    ///     - hooks:
    ///         - type: command
    ///           command: echo done
    /// ---
    /// Deploy.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/commands/deploy.md <==
    /// ---
    /// description: Deploy the app.
    /// ---
    /// Deploy.
    /// ```
    pub static COMMAND_HOOKS = { id: "CM002", name: "command-hooks-ignored", family: Frontmatter, severity: Warning }
}

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
    pub static HOOKS_SHAPE = { id: "SK017", name: "frontmatter-hooks-invalid", family: Frontmatter, severity: Error }
}

declare_rule! {
    /// `metadata` values are not strings.
    ///
    /// ## What it does
    /// The Agent Skills spec defines `metadata` as a map of string keys to
    /// string values; reports nested maps, lists and non-string scalars.
    ///
    /// ## Why it matters
    /// Other Agent Skills consumers coerce or reject them; Claude Code keeps
    /// them as they are.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// metadata:
    ///   owners:
    ///     - ops
    /// ---
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// metadata:
    ///   owners: ops
    /// ---
    /// ```
    pub static METADATA_VALUES = { id: "AS015", name: "metadata-not-strings", family: Frontmatter, severity: Warning }
}

pub const HOOK_EVENTS: &[&str] = &[
    "PreToolUse",
    "PostToolUse",
    "PostToolUseFailure",
    "PostToolBatch",
    "Notification",
    "UserPromptSubmit",
    "UserPromptExpansion",
    "SessionStart",
    "SessionEnd",
    "Stop",
    "StopFailure",
    "SubagentStart",
    "SubagentStop",
    "PreCompact",
    "PostCompact",
    "PermissionRequest",
    "PermissionDenied",
    "Setup",
    "TeammateIdle",
    "TaskCreated",
    "TaskCompleted",
    "Elicitation",
    "ElicitationResult",
    "ConfigChange",
    "WorktreeCreate",
    "WorktreeRemove",
    "InstructionsLoaded",
    "CwdChanged",
    "FileChanged",
    "MessageDisplay",
    "DirectoryAdded",
    "PreModelSwitch",
    "PostModelSwitch",
];

/// Problems with a frontmatter hooks map: `(span, message, is_error)`.
fn hook_problems(v: &YamlNode) -> Vec<(crate::source::Span, String, bool)> {
    let mut out = Vec::new();
    if !v.is_map() {
        out.push((
            v.span,
            format!(
                "`hooks` must be a mapping of events, not a {}",
                v.type_name()
            ),
            true,
        ));
        return out;
    }
    for (event, groups) in v.entries() {
        let name = event.as_str().unwrap_or("");
        if !HOOK_EVENTS.contains(&name) {
            let near = suggest(name, HOOK_EVENTS.iter().copied())
                .map(|n| format!(" (did you mean `{n}`?)"))
                .unwrap_or_default();
            out.push((
                event.span,
                format!("unknown hook event `{name}`{near}"),
                false,
            ));
        }
        let YamlKind::Seq(items) = &groups.kind else {
            out.push((
                groups.span,
                format!("`{name}` must be a list of {{ matcher, hooks }} groups"),
                true,
            ));
            continue;
        };
        for g in items {
            match g.get("hooks") {
                Some(h) if matches!(h.kind, YamlKind::Seq(_)) => {
                    if let YamlKind::Seq(handlers) = &h.kind {
                        for handler in handlers {
                            if handler.get("type").and_then(YamlNode::as_str).is_none() {
                                out.push((handler.span, "each hook needs a `type` (command, http, mcp_tool, prompt, agent)".into(), true));
                            }
                        }
                    }
                }
                _ => out.push((g.span, "each group needs a `hooks:` list".into(), true)),
            }
        }
    }
    out
}

/// SK009: `key` must be a string or a list of strings.
pub fn check_string_list(
    out: &mut Vec<Diagnostic>,
    file: crate::source::FileId,
    key: &str,
    v: &YamlNode,
) {
    let ok = match &v.kind {
        YamlKind::Scalar { .. } => true,
        YamlKind::Seq(items) => items
            .iter()
            .all(|i| matches!(i.kind, YamlKind::Scalar { .. })),
        _ => false,
    };
    if !ok {
        out.push(
            Diagnostic::new(
                &LIST_TYPE,
                file,
                v.span,
                format!(
                    "`{key}` must be a string or a list of strings, not a {}",
                    v.type_name()
                ),
            )
            .help(format!(
                "write `{key}: Read Grep` or a YAML list of strings"
            )),
        );
    }
}

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

pub const MODEL_ALIASES: &[&str] = &[
    "sonnet",
    "opus",
    "haiku",
    "fable",
    "best",
    "sonnet[1m]",
    "opus[1m]",
    "fable[1m]",
    "opusplan",
    "inherit",
];

pub fn model_ok(m: &str) -> bool {
    MODEL_ALIASES.contains(&m) || m.starts_with("claude-") || m.starts_with("${")
}

fn is_bool(v: &YamlNode) -> bool {
    v.scalar_type() == Some(ScalarType::Bool)
        || v.as_str().is_some_and(|s| matches!(s, "true" | "false"))
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (d, root) in mappings(cx.project) {
        if d.kind == DocKind::Agent {
            continue;
        }
        let what = kind_name(d.kind);
        for (k, v) in root.entries() {
            let Some(key) = k.as_str() else { continue };
            match key {
                "allowed-tools" | "disallowed-tools" | "disallowedTools" | "paths"
                | "arguments" => check_string_list(out, d.file, key, v),
                "shell" => enum_value(out, d.file, key, v, &["bash", "powershell"], true),
                "context" => enum_value(out, d.file, key, v, &["inline", "fork"], false),
                "effort" if v.scalar_type() != Some(ScalarType::Int) => {
                    enum_value(
                        out,
                        d.file,
                        key,
                        v,
                        &["low", "medium", "med", "high", "xhigh", "max"],
                        false,
                    );
                }
                "disable-model-invocation" | "user-invocable" | "background" if !is_bool(v) => {
                    out.push(
                        Diagnostic::new(&ENUM, d.file, v.span, format!("`{key}` must be true or false"))
                            .severity(crate::rules::diag::Severity::Warning)
                            .help("yes/no/on/off work only in Claude Code 2.1.218 and later; write true or false"),
                    );
                }
                "metadata" if !v.is_map() && v.scalar_type() != Some(ScalarType::Null) => {
                    out.push(
                        Diagnostic::new(
                            &ENUM,
                            d.file,
                            v.span,
                            format!("`metadata` must be a mapping, not a {}", v.type_name()),
                        )
                        .severity(crate::rules::diag::Severity::Warning)
                        .help("write metadata as key: value pairs; Claude Code drops other types"),
                    );
                }
                "hooks" if d.kind == DocKind::Skill => {
                    for (span, msg, error) in hook_problems(v) {
                        let diag = Diagnostic::new(&HOOKS_SHAPE, d.file, span, msg).help("write hooks as Event: [ { matcher: …, hooks: [ { type: command, command: … } ] } ]");
                        out.push(if error {
                            diag
                        } else {
                            diag.severity(crate::rules::diag::Severity::Warning)
                        });
                    }
                }
                "metadata" if v.is_map() && d.kind == DocKind::Skill => {
                    for (mk, mv) in v.entries() {
                        if !matches!(mv.kind, YamlKind::Scalar { .. }) {
                            out.push(
                                Diagnostic::new(
                                    &METADATA_VALUES,
                                    d.file,
                                    mv.span,
                                    format!(
                                        "metadata `{}` is a {}, not a string",
                                        mk.as_str().unwrap_or("?"),
                                        mv.type_name()
                                    ),
                                )
                                .help("flatten it into a string value"),
                            );
                        }
                    }
                }
                "model" => {
                    if let Some(m) = v.as_str()
                        && !model_ok(m)
                    {
                        out.push(unknown_model(d.file, v, m));
                    }
                }
                "compatibility" if d.kind == DocKind::Skill => {
                    let bad = match v.as_str() {
                        Some(s) => s.is_empty() || s.chars().count() > 500,
                        None => true,
                    };
                    if bad {
                        out.push(
                            Diagnostic::new(
                                &COMPATIBILITY,
                                d.file,
                                v.span,
                                "`compatibility` must be a string of 1–500 characters",
                            )
                            .help("describe the environment the skill needs in one short sentence"),
                        );
                    }
                }
                "hooks" if d.kind == DocKind::Command => out.push(
                    Diagnostic::new(
                        &COMMAND_HOOKS,
                        d.file,
                        k.span,
                        "`hooks` in a command file never run",
                    )
                    .help("move the command into skills/<name>/SKILL.md to use frontmatter hooks"),
                ),
                _ => {}
            }
            if !SKILL_KEYS.contains(&key) {
                let diag = Diagnostic::new(
                    &UNKNOWN_KEY,
                    d.file,
                    k.span,
                    format!("unknown {what} frontmatter key `{key}`; Claude Code ignores it"),
                );
                out.push(
                    match suggest(key, SKILL_KEYS.iter().copied())
                        .or_else(|| underscore_variant(key))
                    {
                        Some(s) => diag.help(format!("did you mean `{s}`?")),
                        None => diag.help("remove it, or put custom data under `metadata`"),
                    },
                );
            }
        }
        let fork = root.get("context").and_then(YamlNode::as_str) == Some("fork");
        if !fork {
            for key in ["agent", "background"] {
                if let Some((k, _)) = root.entry(key) {
                    out.push(
                        Diagnostic::new(
                            &FORK_ONLY,
                            d.file,
                            k.span,
                            format!("`{key}` has no effect without `context: fork`"),
                        )
                        .help("add `context: fork`, or remove the key"),
                    );
                }
            }
        }
    }
}

fn underscore_variant(key: &str) -> Option<&'static str> {
    let dashed = key.replace('_', "-");
    SKILL_KEYS.iter().copied().find(|k| *k == dashed)
}

pub fn unknown_model(file: crate::source::FileId, v: &YamlNode, m: &str) -> Diagnostic {
    let near = suggest(m, MODEL_ALIASES.iter().copied());
    Diagnostic::new(&MODEL, file, v.span, format!("unknown model `{m}`"))
        .help(match near {
            Some(s) => format!("did you mean `{s}`? Use an alias (sonnet, opus, haiku), `inherit`, or a full claude-… id"),
            None => "use an alias (sonnet, opus, haiku), `inherit`, or a full claude-… id".to_string(),
        })
}

fn enum_value(
    out: &mut Vec<Diagnostic>,
    file: crate::source::FileId,
    key: &str,
    v: &YamlNode,
    allowed: &[&str],
    case_insensitive: bool,
) {
    let Some(s) = v.as_str() else {
        out.push(Diagnostic::new(
            &ENUM,
            file,
            v.span,
            format!("`{key}` must be one of {}", allowed.join(", ")),
        ));
        return;
    };
    let norm = if case_insensitive {
        s.trim().to_ascii_lowercase()
    } else {
        s.to_string()
    };
    if !allowed.contains(&norm.as_str()) {
        let near = suggest(s, allowed.iter().copied());
        out.push(
            Diagnostic::new(
                &ENUM,
                file,
                v.span,
                format!("`{key}: {s}` is not one of {}", allowed.join(", ")),
            )
            .help(near.map_or_else(
                || format!("use one of {}", allowed.join(", ")),
                |n| format!("did you mean `{n}`?"),
            )),
        );
    }
}
