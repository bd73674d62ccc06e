//! The `source-naming` rule (BLD005).

use crate::declare_rule;
use crate::compile::Problem;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A skill source breaks the naming rules.
    ///
    /// ## What it does
    /// Reports duplicate phase ids, ids and names with characters other than
    /// `[a-z0-9-]` (no `/`, no `..`), a `name` that differs from the
    /// directory, and `enum` inputs without `values` or with a default outside them.
    ///
    /// ## Why it matters
    /// Ids become file names and anchors; a `/` or `..` would write outside
    /// the skill, and duplicates make references ambiguous.
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
    ///   - id: check
    ///     title: Check again
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
    ///   - id: recheck
    ///     title: Check again
    /// ```
    pub static RULE = { id: "BLD005", name: "source-naming", family: Build, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    super::report(cx, Problem::Naming, out);
}
