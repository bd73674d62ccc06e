//! The `description-not-string` rule (SK006).

use super::{mappings, type_name};
use crate::declare_rule;
use crate::model::DocKind;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// `description` is a list or a mapping, not text.
    ///
    /// ## What it does
    /// Reports descriptions that are not scalars.
    ///
    /// ## Why it matters
    /// Claude Code drops the value at runtime: `description must be a string`.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description:
    ///   - Deploys the demo app.
    /// ---
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ```
    pub static RULE = { id: "SK006", name: "description-not-string", family: Frontmatter, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (d, fm) in mappings(cx.project) {
        if d.kind == DocKind::Agent {
            continue;
        }
        let Some(field) = &fm.description else {
            continue;
        };
        if let Err(kind) = field.value {
            out.push(
                Diagnostic::new(
                    &RULE,
                    d.file,
                    field.span,
                    format!("description is a {}, not text", type_name(kind)),
                )
                .help("write the description as one string; Claude Code drops other types"),
            );
        }
    }
}
