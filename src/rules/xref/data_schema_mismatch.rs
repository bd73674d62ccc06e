//! XREF010 data-schema-mismatch: JSON documents match the schema they name.

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A JSON document does not match the local schema its `$schema` names.
    ///
    /// ## What it does
    /// Validates every JSON file whose `$schema` is a relative path (for
    /// example a state file example next to its schema) against that schema,
    /// and reports a `$schema` that points at nothing or at an invalid schema.
    ///
    /// ## Why it matters
    /// Examples teach the format; an example that no longer matches its schema
    /// teaches the wrong one, and a skill that writes such state breaks its readers.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/references/state.schema.json <==
    /// { "type": "object", "required": ["cluster"], "properties": { "cluster": { "type": "string" } } }
    /// ==> plugins/demo/skills/deploy/references/state.example.json <==
    /// { "$schema": "./state.schema.json", "cluster": 3 }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/references/state.schema.json <==
    /// { "type": "object", "required": ["cluster"], "properties": { "cluster": { "type": "string" } } }
    /// ==> plugins/demo/skills/deploy/references/state.example.json <==
    /// { "$schema": "./state.schema.json", "cluster": "demo" }
    /// ```
    pub static RULE = { id: "XREF010", name: "data-schema-mismatch", family: Xref, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for d in &cx.project.data {
        match &d.result {
            Err(why) => out.push(
                Diagnostic::new(&RULE, d.file, d.schema_span, why.clone())
                    .help("point `$schema` at a JSON Schema file in the tree"),
            ),
            Ok(errors) => {
                for e in errors {
                    out.push(
                        Diagnostic::new(&RULE, d.file, e.span, e.message.clone())
                            .label(d.file, d.schema_span, "validated against this schema")
                            .help(format!(
                                "make the document match `{}`, or fix the schema",
                                d.schema
                            )),
                    );
                }
            }
        }
    }
}
