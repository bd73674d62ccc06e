//! GEN001 json-invalid, GEN002 json-root-not-object, GEN010 duplicate-json-key.

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
    pub static JSON_INVALID = { id: "GEN001", name: "json-invalid", family: Files, severity: Error }
}

declare_rule! {
    /// A manifest's top-level JSON value is not an object.
    ///
    /// ## What it does
    /// Reports a `plugin.json`, `marketplace.json`, hooks or MCP file whose
    /// root is an array, a string or another non-object value.
    ///
    /// ## Why it matters
    /// Claude Code rejects the manifest (`root: manifest must be an object`).
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// ["demo"]
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "Example Author" } }
    /// ```
    pub static JSON_ROOT = { id: "GEN002", name: "json-root-not-object", family: Files, severity: Error }
}

declare_rule! {
    /// A JSON object repeats a key.
    ///
    /// ## What it does
    /// Reports a key that appears twice in one object of a manifest.
    ///
    /// ## Why it matters
    /// `JSON.parse` keeps the last value silently, so the first one is dead
    /// text that readers take for the real setting.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "version": "1.1.0", "description": "The demo plugin.", "author": { "name": "Example Author" } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.1.0", "description": "The demo plugin.", "author": { "name": "Example Author" } }
    /// ```
    pub static JSON_DUPLICATE_KEY = { id: "GEN010", name: "duplicate-json-key", family: Files, severity: Warning }
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for jf in &cx.project.json {
        match &jf.parsed {
            Err(e) => {
                let span = if e.span.is_empty() && (e.span.start as usize) < cx.text(jf.file).len()
                {
                    Span::new(e.span.start as usize, e.span.start as usize + 1)
                } else {
                    e.span
                };
                out.push(
                    Diagnostic::new(&JSON_INVALID, jf.file, span, format!("invalid JSON: {}", e.message))
                        .help("Claude Code parses this file with JSON.parse: remove comments and trailing commas, quote every key"),
                );
            }
            Ok(doc) => {
                if !doc.root.is_object() {
                    out.push(
                        Diagnostic::new(
                            &JSON_ROOT,
                            jf.file,
                            Span::new(
                                doc.root.span.start as usize,
                                doc.root.span.start as usize + 1,
                            ),
                            format!(
                                "the top-level value is {}, not an object",
                                a_type(doc.root.type_name())
                            ),
                        )
                        .help("wrap the content in a JSON object: { \"name\": … }"),
                    );
                }
                for (dup, first, key) in &doc.duplicate_keys {
                    out.push(
                        Diagnostic::new(
                            &JSON_DUPLICATE_KEY,
                            jf.file,
                            *dup,
                            format!("key `{key}` appears twice in one object"),
                        )
                        .primary_label("this value wins")
                        .label(jf.file, *first, "this one is ignored")
                        .help("delete one of the two"),
                    );
                }
            }
        }
    }
}

fn a_type(t: &str) -> String {
    match t {
        "array" | "object" => format!("an {t}"),
        _ => format!("a {t}"),
    }
}
