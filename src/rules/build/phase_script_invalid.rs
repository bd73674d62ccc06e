//! The `phase-script-invalid` rule (BLD003).

use crate::declare_rule;
use crate::compile::Problem;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A phase script is not valid bash 3.2.
    ///
    /// ## What it does
    /// Parses every phase script and reports syntax errors and constructs
    /// newer than the configured bash (3.2 by default: macOS).
    ///
    /// ## Why it matters
    /// Rendered scripts run as written on the operator's machine.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/skill.yaml <==
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// title: Deploy
    /// phases:
    ///   - id: map
    ///     title: Map nodes
    ///     mode: local
    ///     script: |
    ///       declare -A roles
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/skill.yaml <==
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// title: Deploy
    /// phases:
    ///   - id: map
    ///     title: Map nodes
    ///     mode: local
    ///     script: |
    ///       roles=(control-plane worker)
    /// ```
    pub static RULE = { id: "BLD003", name: "phase-script-invalid", family: Build, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    super::report(cx, Problem::ScriptInvalid, out);
}
