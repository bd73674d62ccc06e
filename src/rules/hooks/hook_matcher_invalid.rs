//! The `hook-matcher-invalid` rule (HK012).

use crate::declare_rule;
use crate::model::value::Present;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A matcher that is not a valid regular expression.
    ///
    /// ## What it does
    /// Reports a matcher Claude Code reads as a regular expression (it has a
    /// character other than letters, digits, `_`, `-`, space, `,` and `|`)
    /// that does not compile: an unclosed `(` or `[`, a `)` with no `(`, a
    /// `*`, `+` or `?` with nothing to repeat, a trailing `\`. Only
    /// patterns that JavaScript's `RegExp` and Rust's `regex` both refuse are
    /// reported.
    ///
    /// ## Why it matters
    /// Claude Code compiles such a matcher as a JavaScript `RegExp`. One that
    /// does not compile matches nothing: the hook never runs.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "PreToolUse": [ { "matcher": "Bash(|Write", "hooks": [ { "type": "command", "command": "echo hi" } ] } ] } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "PreToolUse": [ { "matcher": "Bash|Write", "hooks": [ { "type": "command", "command": "echo hi" } ] } ] } }
    /// ```
    pub static RULE = { id: "HK012", name: "hook-matcher-invalid", family: Hooks, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (file, _event, g) in super::groups(cx) {
        let Some((m, span)) = g.matcher.spanned() else {
            continue;
        };
        if !super::matcher_is_regex(&m.text) {
            continue;
        }
        let Some((at, why)) = js_regex_error(&m.text) else {
            continue;
        };
        if regex::Regex::new(&m.text).is_ok() {
            continue;
        }
        let span = super::span_in(cx, file, span, &m.text, at..at + 1);
        out.push(
            Diagnostic::new(
                &RULE,
                file,
                span,
                format!("matcher `{}` is not a valid regular expression: {why}", m.text),
            )
            .help("fix the pattern, or list exact tool names as `Bash|Write`"),
        );
    }
}

/// The first structural error of a JavaScript regular expression (no `u`
/// flag) that is certain: where it is and what it is.
fn js_regex_error(p: &str) -> Option<(usize, &'static str)> {
    let b = p.as_bytes();
    let mut open: Vec<usize> = Vec::new();
    let mut class: Option<usize> = None;
    // Whether the previous token can be repeated.
    let mut atom = false;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'\\' {
            if i + 1 >= b.len() {
                return Some((i, "a trailing `\\` escapes nothing"));
            }
            i += 2;
            atom = true;
            continue;
        }
        if let Some(_start) = class {
            if c == b']' {
                class = None;
                atom = true;
            }
            i += 1;
            continue;
        }
        match c {
            b'[' => {
                class = Some(i);
                // `[]` and `[^]` are complete classes in JavaScript.
                if b.get(i + 1) == Some(&b'^') {
                    i += 1;
                }
                if b.get(i + 1) == Some(&b']') {
                    class = None;
                    i += 1;
                    atom = true;
                }
            }
            b'(' => {
                open.push(i);
                atom = false;
                if b.get(i + 1) == Some(&b'?') {
                    i += 1;
                }
                i += 1;
                continue;
            }
            b')' => {
                if open.pop().is_none() {
                    return Some((i, "a `)` closes no group"));
                }
                atom = true;
            }
            b'|' => atom = false,
            b'*' | b'+' | b'?' => {
                if !atom {
                    return Some((i, "a quantifier with nothing to repeat"));
                }
                // A lazy `?` may follow; another quantifier may not.
                if b.get(i + 1) == Some(&b'?') {
                    i += 1;
                }
                atom = false;
            }
            b'^' | b'$' => atom = false,
            _ => atom = true,
        }
        i += 1;
    }
    if let Some(start) = class {
        return Some((start, "a `[` is never closed"));
    }
    open.last().map(|&s| (s, "a `(` is never closed"))
}

#[cfg(test)]
mod tests {
    use super::js_regex_error;

    #[test]
    fn structural_errors() {
        assert!(js_regex_error("Bash(|Write").is_some());
        assert!(js_regex_error("Edit)").is_some());
        assert!(js_regex_error("*Edit").is_some());
        assert!(js_regex_error("[abc").is_some());
        assert!(js_regex_error("a\\").is_some());
        assert!(js_regex_error("Edit.*").is_none());
        assert!(js_regex_error("(?:Edit|Write)").is_none());
        assert!(js_regex_error("^mcp__.*__(read|write)$").is_none());
        assert!(js_regex_error("a*?b").is_none());
        assert!(js_regex_error("[(]x").is_none());
        assert!(js_regex_error("\\(x").is_none());
    }
}
