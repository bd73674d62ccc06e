//! The `agents-entry-not-markdown` rule (PP005).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// An `agents` entry does not end in `.md`.
    ///
    /// ## What it does
    /// Agent paths must name markdown files; directories are rejected.
    ///
    /// ## Why it matters
    /// Claude Code's schema refuses the manifest (`must end with ".md"`).
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" }, "agents": "./agents" }
    /// ==> plugins/demo/agents/reviewer.md <==
    /// ---
    /// name: reviewer
    /// description: Reviews changes.
    /// ---
    /// Review the diff.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" }, "agents": ["./agents/reviewer.md"] }
    /// ==> plugins/demo/agents/reviewer.md <==
    /// ---
    /// name: reviewer
    /// description: Reviews changes.
    /// ---
    /// Review the diff.
    /// ```
    pub static RULE = { id: "PP005", name: "agents-entry-not-markdown", family: Manifest, severity: Error, reach: Tree, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for cp in super::component_paths(cx) {
        if cp.agent_not_md() && cp.target().is_some() {
            out.push(
                Diagnostic::new(
                    &RULE,
                    cp.file,
                    cp.span,
                    format!("`agents` entry `{}` is not a .md file", cp.path),
                )
                .help("list each agent file, for example \"./agents/reviewer.md\""),
            );
        }
    }
}
