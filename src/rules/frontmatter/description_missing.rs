//! The `description-missing` rule (AS012).

use super::{first_key, kind_name, mappings};
use crate::declare_rule;
use crate::model::DocKind;
use crate::rules::Context;
use crate::rules::diag::{Diagnostic, Severity};

declare_rule! {
    /// A skill or command has no `description`.
    ///
    /// ## What it does
    /// Reports skills (error: the Agent Skills spec requires it) and commands
    /// (warning) without a non-empty `description`.
    ///
    /// ## Why it matters
    /// Claude picks skills by their description; without one it falls back to
    /// the first paragraph, which rarely says when to use the skill.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
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
    pub static RULE = { id: "AS012", name: "description-missing", family: Frontmatter, severity: Error, spec: true, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (d, fm) in mappings(cx.project) {
        if d.kind == DocKind::Agent {
            continue;
        }
        let what = kind_name(d.kind);
        let sev = if d.kind == DocKind::Skill {
            Severity::Error
        } else {
            Severity::Warning
        };
        let Some(field) = &fm.description else {
            out.push(
                Diagnostic::new(
                    &RULE,
                    d.file,
                    first_key(d, fm),
                    format!("this {what} has no description"),
                )
                .severity(sev)
                .help("add `description:` saying what it does and when to use it"),
            );
            continue;
        };
        if field.ok().is_some_and(|s| s.text.trim().is_empty()) {
            out.push(
                Diagnostic::new(
                    &RULE,
                    d.file,
                    field.span,
                    format!("this {what}'s description is empty"),
                )
                .severity(sev)
                .help("say what it does and when to use it"),
            );
        }
    }
}
