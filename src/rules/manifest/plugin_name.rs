//! PJ001–PJ006: the plugin.json `name`.

use super::plugin_json_files;
use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::source::Span;

declare_rule! {
    /// plugin.json has no `name`, or it is not a string.
    ///
    /// ## What it does
    /// Reports a plugin manifest without a string `name`.
    ///
    /// ## Why it matters
    /// `name` is the only required field: without it the plugin does not load.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" } }
    /// ```
    pub static MISSING = { id: "PJ001", name: "plugin-name-missing", family: Manifest, severity: Error }
}

declare_rule! {
    /// plugin.json `name` is empty.
    ///
    /// ## What it does
    /// Reports `"name": ""`.
    ///
    /// ## Why it matters
    /// Claude Code refuses it: `Plugin name cannot be empty`.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" } }
    /// ```
    pub static EMPTY = { id: "PJ002", name: "plugin-name-empty", family: Manifest, severity: Error }
}

declare_rule! {
    /// plugin.json `name` contains whitespace.
    ///
    /// ## What it does
    /// Reports names with spaces or other whitespace.
    ///
    /// ## Why it matters
    /// Claude Code refuses it: `Plugin name cannot contain spaces`.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo plugin", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" } }
    /// ```
    pub static WHITESPACE = { id: "PJ003", name: "plugin-name-whitespace", family: Manifest, severity: Error }
}

declare_rule! {
    /// plugin.json `name` contains control or bidirectional characters.
    ///
    /// ## What it does
    /// Reports names holding `\p{Cc}`, U+200E/F, U+202A–E or U+2066–9.
    ///
    /// ## Why it matters
    /// Such names can impersonate others; Claude Code rejects them.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo\u202e", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" } }
    /// ```
    pub static CONTROL = { id: "PJ004", name: "plugin-name-control-chars", family: Manifest, severity: Error }
}

declare_rule! {
    /// plugin.json `name` is not kebab-case.
    ///
    /// ## What it does
    /// Reports names that do not match `^[a-z0-9]+(-[a-z0-9]+)*$`.
    ///
    /// ## Why it matters
    /// Claude Code loads it, but the Claude.ai marketplace sync requires
    /// kebab-case, and `/Plugin_Name:skill` is awkward to type.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "DemoPlugin", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo-plugin", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" } }
    /// ```
    pub static NOT_KEBAB = { id: "PJ005", name: "plugin-name-not-kebab", family: Manifest, severity: Warning }
}

declare_rule! {
    /// plugin.json `name` cannot be part of a plugin id.
    ///
    /// ## What it does
    /// A plugin id is `name@marketplace`; each part must match
    /// `^[A-Za-z0-9][-A-Za-z0-9._]*$`.
    ///
    /// ## Why it matters
    /// `claude plugin install` cannot address the plugin.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "-demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" } }
    /// ```
    pub static INVALID_ID = { id: "PJ006", name: "plugin-name-invalid-id", family: Manifest, severity: Error }
}

pub fn is_control(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

pub fn is_kebab(s: &str) -> bool {
    crate::regex!(r"^[a-z0-9]+(-[a-z0-9]+)*$").is_match(s)
}

pub fn is_id_part(s: &str) -> bool {
    crate::regex!(r"^[A-Za-z0-9][-A-Za-z0-9._]*$").is_match(s)
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (jf, root) in plugin_json_files(cx.project) {
        let Some(node) = root.get("name") else {
            let brace = Span::new(root.span.start as usize, root.span.start as usize + 1);
            out.push(
                Diagnostic::new(&MISSING, jf.file, brace, "plugin.json has no `name`")
                    .help("add \"name\": \"my-plugin\" (kebab-case)"),
            );
            continue;
        };
        let Some(name) = node.as_str() else {
            out.push(
                Diagnostic::new(
                    &MISSING,
                    jf.file,
                    node.span,
                    format!("`name` must be a string, not {}", node.type_name()),
                )
                .help("use a kebab-case string such as \"my-plugin\""),
            );
            continue;
        };
        let span = node.span;
        if name.is_empty() {
            out.push(
                Diagnostic::new(&EMPTY, jf.file, span, "plugin name is empty")
                    .help("use a kebab-case name such as \"my-plugin\""),
            );
        } else if name.chars().any(is_control) {
            out.push(
                Diagnostic::new(
                    &CONTROL,
                    jf.file,
                    span,
                    "plugin name contains control or bidirectional characters",
                )
                .help("remove the invisible characters"),
            );
        } else if name.chars().any(char::is_whitespace) {
            out.push(
                Diagnostic::new(
                    &WHITESPACE,
                    jf.file,
                    span,
                    format!("plugin name `{name}` contains whitespace"),
                )
                .help(format!("use kebab-case: \"{}\"", kebab(name))),
            );
        } else if !is_id_part(name) {
            out.push(
                Diagnostic::new(&INVALID_ID, jf.file, span, format!("plugin name `{name}` cannot be part of a plugin id"))
                    .help(format!("start with a letter or digit and use only letters, digits, `.`, `_`, `-`: \"{}\"", kebab(name))),
            );
        } else if !is_kebab(name) {
            out.push(
                Diagnostic::new(
                    &NOT_KEBAB,
                    jf.file,
                    span,
                    format!("plugin name `{name}` is not kebab-case"),
                )
                .help(format!(
                    "use \"{}\"; Claude.ai marketplace sync requires kebab-case",
                    kebab(name)
                )),
            );
        }
    }
}

/// A kebab-case rendering of `s`.
pub fn kebab(s: &str) -> String {
    let mut out = String::new();
    let mut prev_lower = false;
    for c in s.chars() {
        if c.is_ascii_uppercase() {
            if prev_lower {
                out.push('-');
            }
            out.push(c.to_ascii_lowercase());
            prev_lower = false;
        } else if c.is_ascii_alphanumeric() {
            out.push(c);
            prev_lower = true;
        } else {
            if !out.ends_with('-') && !out.is_empty() {
                out.push('-');
            }
            prev_lower = false;
        }
    }
    out.trim_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kebab_rendering() {
        assert_eq!(kebab("DemoPlugin"), "demo-plugin");
        assert_eq!(kebab("my plugin_x"), "my-plugin-x");
        assert!(is_kebab("a-b1"));
        assert!(!is_kebab("a--b"));
    }
}
