//! The `field-not-string-list` rule (SK009).

use super::{mappings, type_name};
use crate::declare_rule;
use crate::model::DocKind;
use crate::model::value::{Field, Kind, OneOrMany, Scalar};
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A list-valued field is neither a string nor a list of strings.
    ///
    /// ## What it does
    /// Checks `allowed-tools`, `disallowed-tools`, `paths` and `arguments` of
    /// skills and commands, and `tools`, `disallowedTools` and `skills` of agents.
    ///
    /// ## Why it matters
    /// Claude Code rejects other types; the tools are not pre-approved.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// allowed-tools:
    ///   Bash: true
    /// ---
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// allowed-tools: Bash(kubectl:*) Read
    /// ---
    /// ```
    pub static RULE = { id: "SK009", name: "field-not-string-list", family: Frontmatter, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (d, fm) in mappings(cx.project) {
        for f in fm.readings() {
            let fields = if d.kind == DocKind::Agent {
                vec![
                    ("tools", &f.tools),
                    ("disallowedTools", &f.disallowed_tools_camel),
                    ("skills", &f.skills),
                ]
            } else {
                vec![
                    ("allowed-tools", &f.allowed_tools),
                    ("disallowed-tools", &f.disallowed_tools),
                    ("disallowedTools", &f.disallowed_tools_camel),
                    ("paths", &f.paths),
                    ("arguments", &f.arguments),
                ]
            };
            for (key, field) in fields {
                let Some((field, kind)) = field
                    .as_ref()
                    .and_then(|f| not_a_string_list(f).map(|k| (f, k)))
                else {
                    continue;
                };
                out.push(
                    Diagnostic::new(
                        &RULE,
                        d.file,
                        field.span,
                        format!(
                            "`{key}` must be a string or a list of strings, not a {}",
                            type_name(kind)
                        ),
                    )
                    .help(format!(
                        "write `{key}: Read Grep` or a YAML list of strings"
                    )),
                );
            }
        }
    }
}

/// What a field that must be a string or a list of strings is instead (a
/// list, when one of its items is not a scalar).
fn not_a_string_list(field: &Field<OneOrMany<Scalar>>) -> Option<Kind> {
    match &field.value {
        Ok(OneOrMany::One(_)) => None,
        Ok(OneOrMany::Many(items)) => items.iter().any(|i| i.ok().is_none()).then_some(Kind::Array),
        Err(kind) => Some(*kind),
    }
}
