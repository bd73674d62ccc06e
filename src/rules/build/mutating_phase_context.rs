//! The `mutating-phase-context` rule (BLD002).

use crate::declare_rule;
use crate::compile::Problem;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A mutating phase runs a cluster tool without naming the cluster.
    ///
    /// ## What it does
    /// Applies the context policy (`missing-context-flag`) to the scripts of
    /// `mode: mutating` phases at compile time.
    ///
    /// ## Why it matters
    /// A mutating phase without `--context` changes whatever cluster is current.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/skill.yaml <==
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// title: Deploy
    /// phases:
    ///   - id: apply
    ///     title: Apply
    ///     mode: mutating
    ///     gate: stop
    ///     script: |
    ///       kubectl apply -f app.yaml
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/skill.yaml <==
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// title: Deploy
    /// inputs:
    ///   CTX: {type: kube-context, doc: The cluster's context., required: true}
    /// phases:
    ///   - id: apply
    ///     title: Apply
    ///     mode: mutating
    ///     gate: stop
    ///     script: |
    ///       kubectl --context "$CTX" apply -f app.yaml
    /// ```
    pub static RULE = { id: "BLD002", name: "mutating-phase-context", family: Build, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    super::report(cx, Problem::MutatingContext, out);
}
