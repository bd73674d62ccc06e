//! The `hook-matcher-tool-unknown` rule (HK019).

use crate::declare_rule;
use crate::model::tools::{BUILTIN, LEGACY_ALIASES};
use crate::model::value::Present;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A tool-event matcher names no tool Claude Code has.
    ///
    /// ## What it does
    /// On the tool events (`PreToolUse`, `PostToolUse`,
    /// `PostToolUseFailure`, `PermissionRequest`, `PermissionDenied`),
    /// reports a name in an exact matcher (`Bash`, `Edit|Write`) that is
    /// not a Claude Code tool, and a regular-expression matcher that matches
    /// no Claude Code tool. MCP tools (`mcp__…`) and legacy tool names are
    /// left alone.
    ///
    /// ## Why it matters
    /// Exact matchers are compared with the tool name, case-sensitively: a
    /// hook on `bash` or `Writ` never runs, and nothing says so. A
    /// regular expression that matches no tool name is the same hook that
    /// never runs.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "PreToolUse": [ { "matcher": "Edit|Writ", "hooks": [ { "type": "command", "command": "echo hi" } ] } ] } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "PreToolUse": [ { "matcher": "Edit|Write", "hooks": [ { "type": "command", "command": "echo hi" } ] } ] } }
    /// ```
    pub static RULE = { id: "HK019", name: "hook-matcher-tool-unknown", family: Hooks, severity: Warning, check: check }
}

fn known(name: &str) -> bool {
    BUILTIN.contains(&name)
        || LEGACY_ALIASES.iter().any(|(old, _)| *old == name)
        || name.starts_with("mcp__")
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (file, event, g) in super::groups(cx) {
        if !super::TOOL_EVENTS.contains(&event) {
            continue;
        }
        let Some((matcher, span)) = g.matcher.spanned() else {
            continue;
        };
        if matcher.kind != crate::model::value::Kind::String {
            continue;
        }
        let m = matcher.text.as_str();
        if super::matcher_is_regex(m) {
            if m.contains("mcp") {
                continue;
            }
            // Claude Code tests the expression unanchored; one that does
            // not compile is HK012's.
            let Ok(re) = regex::Regex::new(m) else {
                continue;
            };
            if !BUILTIN.iter().any(|t| re.is_match(t)) {
                out.push(
                    Diagnostic::new(
                        &RULE,
                        file,
                        span,
                        format!("matcher `{m}` matches no Claude Code tool: the hook never runs"),
                    )
                    .help("match tool names such as `Bash`, `Edit|Write` or `Notebook.*`"),
                );
            }
            continue;
        }
        for (range, name) in super::exact_names(m) {
            if known(name) {
                continue;
            }
            let at = super::span_in(cx, file, span, m, range);
            let near = BUILTIN
                .iter()
                .find(|b| b.eq_ignore_ascii_case(name))
                .copied()
                .or_else(|| crate::text::suggest(name, BUILTIN.iter().copied()));
            let d = Diagnostic::new(
                &RULE,
                file,
                at,
                format!("`{name}` is not a Claude Code tool: the matcher never matches it"),
            );
            out.push(match near {
                Some(n) => d.help(format!("did you mean `{n}`? (tool names are case-sensitive)")),
                None => d.help("name a built-in tool (`Bash`, `Edit`, `Write`, …) or an MCP tool `mcp__<server>__<tool>`"),
            });
        }
    }
}
