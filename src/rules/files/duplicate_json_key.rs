//! The `duplicate-json-key` rule (GEN010).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

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
    pub static RULE = { id: "GEN010", name: "duplicate-json-key", family: Files, severity: Warning, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for jf in &cx.project.json {
        let Ok(doc) = &jf.parsed else { continue };
        for (dup, first, key) in &doc.duplicate_keys {
            out.push(
                Diagnostic::new(
                    &RULE,
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
