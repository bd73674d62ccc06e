//! The `duplicate-stop-gate` rule (PH004).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// Two STOP GATEs share a number.
    ///
    /// ## What it does
    /// A STOP GATE is declared by a heading or a line that starts with
    /// `STOP GATE k`. Reports numbers declared twice in one skill.
    ///
    /// ## Why it matters
    /// "Wait at STOP GATE 2" must mean one place; duplicate numbers make
    /// approvals ambiguous before destructive steps.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ## STOP GATE 1 — approve the plan
    /// ## STOP GATE 1 — approve the rollout
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ## STOP GATE 1 — approve the plan
    /// ## STOP GATE 2 — approve the rollout
    /// ```
    pub static RULE = { id: "PH004", name: "duplicate-stop-gate", family: Phase, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for list in super::gates(cx).decls.values() {
        for (i, (k, file, span)) in list.iter().enumerate() {
            if let Some((_, f0, s0)) = list[..i].iter().find(|(k0, _, _)| k0 == k) {
                out.push(
                    Diagnostic::new(
                        &RULE,
                        *file,
                        *span,
                        format!("STOP GATE {k} is declared twice"),
                    )
                    .label(*f0, *s0, "first declared here")
                    .help("number the gates in order, each once"),
                );
            }
        }
    }
}
