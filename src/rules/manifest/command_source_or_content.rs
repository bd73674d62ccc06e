//! The `command-source-or-content` rule (PP007).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A `commands` object entry has both `source` and `content`, or neither.
    ///
    /// ## What it does
    /// In the object form of `commands`, each command needs exactly one of
    /// `source` (a file) or `content` (inline markdown).
    ///
    /// ## Why it matters
    /// Claude Code refuses the manifest: `Command must have either "source"
    /// (file path) or "content" (inline markdown), but not both`.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" },
    ///   "commands": { "hello": { "description": "Say hello" } } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" },
    ///   "commands": { "hello": { "content": "Say hello to the user." } } }
    /// ```
    pub static RULE = { id: "PP007", name: "command-source-or-content", family: Manifest, severity: Error, reach: Tree, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    super::schema_violations(cx, &RULE, out);
}
