//! The `json-root-not-object` rule (GEN002).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::source::Span;

declare_rule! {
    /// A manifest's top-level JSON value is not an object.
    ///
    /// ## What it does
    /// Reports a `plugin.json`, `marketplace.json`, hooks, MCP, LSP or
    /// settings file whose root is an array, a string or another
    /// non-object value, and a monitors file whose root is not an array.
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
    pub static RULE = { id: "GEN002", name: "json-root-not-object", family: Files, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for jf in &cx.project.json {
        let Ok(doc) = &jf.parsed else { continue };
        // A monitors file is a list of monitors.
        let monitors = jf.role == crate::model::JsonRole::Monitors;
        let (fine, want, help) = if monitors {
            (
                doc.root.type_name() == "array",
                "an array of monitors",
                "write the monitors as a list: [ { \"name\": …, \"command\": …, \"description\": … } ]",
            )
        } else {
            (
                doc.root.is_object(),
                "an object",
                "wrap the content in a JSON object: { \"name\": … }",
            )
        };
        if !fine {
            out.push(
                Diagnostic::new(
                    &RULE,
                    jf.file,
                    Span::new(
                        doc.root.span.start as usize,
                        doc.root.span.start as usize + 1,
                    ),
                    format!(
                        "the top-level value is {}, not {want}",
                        a_type(doc.root.type_name())
                    ),
                )
                .help(help),
            );
        }
    }
}

fn a_type(t: &str) -> String {
    match t {
        "array" | "object" => format!("an {t}"),
        _ => format!("a {t}"),
    }
}
