//! The `source-invalid` rule (BLD006).

use crate::declare_rule;
use crate::compile::Problem;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A skill or plugin source does not match its schema.
    ///
    /// ## What it does
    /// Reads `skill.yaml` and `plugin.yaml` strictly: unknown fields, wrong
    /// types, missing required fields and invalid YAML are errors at the
    /// offending line. Editors validate as you type with the schemas in
    /// `schemas/` (`skillc new` writes the modeline).
    ///
    /// ## Why it matters
    /// A typo in a source field would otherwise silently drop what it meant to say.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/skill.yaml <==
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// titel: Deploy
    /// phases: []
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/skill.yaml <==
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// title: Deploy
    /// phases:
    ///   - id: check
    ///     title: Check
    /// ```
    pub static RULE = { id: "BLD006", name: "source-invalid", family: Build, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    super::report(cx, Problem::SourceInvalid, out);
}
