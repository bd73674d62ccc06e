//! The `hook-if-invalid` rule (HK014).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A hook `if` that is not one permission rule.
    ///
    /// ## What it does
    /// Reports an `if` that is empty, not a string, holds more than one rule
    /// (`Bash(git *), Edit`), has mismatched or empty parentheses, or names a
    /// tool that starts with a lowercase letter and has no `_`.
    ///
    /// ## Why it matters
    /// Claude Code parses `if` as a single permission rule (`Bash(git *)`,
    /// `Edit(src/**)`, `mcp__memory__create`). One it cannot parse fails the
    /// handler's validation: the hook is not loaded and never runs.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "PreToolUse": [ { "matcher": "Bash", "hooks": [ { "type": "command", "command": "echo hi", "if": "Bash(git *" } ] } ] } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "PreToolUse": [ { "matcher": "Bash", "hooks": [ { "type": "command", "command": "echo hi", "if": "Bash(git *)" } ] } ] } }
    /// ```
    pub static RULE = { id: "HK014", name: "hook-if-invalid", family: Hooks, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for h in super::handlers(cx) {
        let Some(f) = h.handler.condition.as_deref() else {
            continue;
        };
        let why = match f.ok() {
            None => Some("is not a string".to_string()),
            Some(rule) => problem(rule.trim()),
        };
        if let Some(why) = why {
            out.push(
                Diagnostic::new(&RULE, h.file, f.span, format!("hook `if` {why}"))
                    .help("write one permission rule: `Bash(git *)`, `Edit(src/**)`, `mcp__server__tool`"),
            );
        }
    }
}

/// What keeps `rule` from being one permission rule.
fn problem(rule: &str) -> Option<String> {
    if rule.is_empty() {
        return Some("is empty".into());
    }
    let opens = rule.matches('(').count() - rule.matches("\\(").count();
    let closes = rule.matches(')').count() - rule.matches("\\)").count();
    let name_end = rule.find('(').unwrap_or(rule.len());
    let name = &rule[..name_end];
    if opens != closes || (name_end < rule.len() && !rule.ends_with(')')) {
        return Some(format!("`{rule}` has mismatched parentheses"));
    }
    if rule.len() == name_end + 2 && rule.ends_with("()") {
        return Some(format!("`{rule}` has empty parentheses"));
    }
    if crate::rules::frontmatter::split_rules(rule).len() > 1 {
        return Some(format!("`{rule}` holds more than one rule"));
    }
    if name.starts_with(|c: char| c.is_lowercase()) && !name.contains('_') {
        return Some(format!("`{rule}`: tool names start with an uppercase letter"));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::problem;

    #[test]
    fn rules() {
        assert!(problem("Bash(git *)").is_none());
        assert!(problem("Edit(src/**)").is_none());
        assert!(problem("mcp__memory__create").is_none());
        assert!(problem("Bash(git *").is_some());
        assert!(problem("Bash()").is_some());
        assert!(problem("Bash(git *), Edit").is_some());
        assert!(problem("bash").is_some());
        assert!(problem("").is_some());
    }
}
