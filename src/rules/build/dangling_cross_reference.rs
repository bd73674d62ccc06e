//! The `dangling-cross-reference` rule (BLD004).

use crate::declare_rule;
use crate::compile::Problem;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A typed cross-reference in prose does not resolve.
    ///
    /// ## What it does
    /// Resolves `{phase:ID}`, `{gate:ID}`, `{skill:plugin:name}`,
    /// `{ref:path#anchor}` and `{input:NAME}` in prose, and checks that every
    /// listed reference file exists.
    ///
    /// ## Why it matters
    /// Typed references exist so that renaming a phase or a skill cannot leave
    /// prose pointing at nothing.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/skill.yaml <==
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// title: Deploy
    /// phases:
    ///   - id: check
    ///     title: Check
    ///     prose: If it fails, go back to {phase:prepare}.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/skill.yaml <==
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// title: Deploy
    /// phases:
    ///   - id: prepare
    ///     title: Prepare
    ///   - id: check
    ///     title: Check
    ///     prose: If it fails, go back to {phase:prepare}.
    /// ```
    pub static RULE = { id: "BLD004", name: "dangling-cross-reference", family: Build, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    super::report(cx, Problem::Dangling, out);
}
