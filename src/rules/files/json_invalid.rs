//! The `json-invalid` rule (GEN001).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::source::Span;

declare_rule! {
    /// A manifest or config JSON file is not valid strict JSON.
    ///
    /// ## What it does
    /// Parses `marketplace.json`, `plugin.json`, `hooks/hooks.json`, `.mcp.json`
    /// and `.lsp.json` as strict JSON (no comments, no trailing commas) and
    /// reports the first syntax error.
    ///
    /// ## Why it matters
    /// Claude Code reads these files with `JSON.parse`. One stray comma makes
    /// the whole plugin (or the whole marketplace) fail to load.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// {
    ///   "name": "demo",
    ///   "version": "1.0.0",
    /// }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// {
    ///   "name": "demo",
    ///   "version": "1.0.0",
    ///   "description": "The demo plugin.",
    ///   "author": { "name": "Example Author" }
    /// }
    /// ```
    pub static RULE = { id: "GEN001", name: "json-invalid", family: Files, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for jf in &cx.project.json {
        if let Err(e) = &jf.parsed {
            let span = if e.span.is_empty() && (e.span.start as usize) < cx.text(jf.file).len() {
                Span::new(e.span.start as usize, e.span.start as usize + 1)
            } else {
                e.span
            };
            out.push(
                Diagnostic::new(&RULE, jf.file, span, format!("invalid JSON: {}", e.message))
                    .help("Claude Code parses this file with JSON.parse: remove comments and trailing commas, quote every key"),
            );
        }
    }
}
