//! The `mutating-phase-ungated` rule (BLD008).

use crate::declare_rule;
use crate::compile::Problem;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A mutating phase runs without a stop gate before it.
    ///
    /// ## What it does
    /// Reports a `mode: mutating` phase that is not behind a stop gate: one
    /// on the phase itself (`gate: stop`), on a phase that contains it, or on
    /// the phase just before it when that phase runs nothing (an approval
    /// step). A gated phase renders as `STOP GATE n`: SKILL.md tells Claude
    /// to stop, show the operator the exact command that runs next, and wait
    /// for approval.
    ///
    /// ## Why it matters
    /// Without a gate, Claude runs the change as soon as the phase before it
    /// ends: nobody sees which cluster or which values it is about to use.
    ///
    /// ## Example
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
    ///     script: |
    ///       kubectl --context "$CTX" apply -f app.yaml
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
    pub static RULE = { id: "BLD008", name: "mutating-phase-ungated", family: Build, severity: Warning, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    super::report(cx, Problem::Ungated, out);
}
