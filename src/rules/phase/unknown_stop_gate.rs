//! The `unknown-stop-gate` rule (PH006).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A mention of `STOP GATE k` matches no declared gate.
    ///
    /// ## What it does
    /// In skills that declare numbered STOP GATEs, every `STOP GATE k` in the
    /// prose must be declared.
    ///
    /// ## Why it matters
    /// An instruction to stop at a gate that does not exist is an approval
    /// step that never happens.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ## STOP GATE 1 — approve the plan
    /// After the rollout, wait at STOP GATE 2.
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
    /// After the rollout, wait at STOP GATE 1.
    /// ```
    pub static RULE = { id: "PH006", name: "unknown-stop-gate", family: Phase, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let gates = super::gates(cx);
    for (doc, own) in &gates.docs {
        let (Some(list), Some(facts)) = (gates.decls.get(own), &doc.phases) else {
            continue;
        };
        for g in facts.gate_mentions.iter() {
            if list.iter().any(|(d, _, _)| *d == g.no) {
                continue;
            }
            let declared: Vec<String> = list.iter().map(|(d, _, _)| d.to_string()).collect();
            out.push(
                Diagnostic::new(
                    &RULE,
                    doc.file,
                    g.span,
                    format!("STOP GATE {} is not declared in this skill", g.no),
                )
                .help(format!("declared gates: {}", declared.join(", "))),
            );
        }
    }
}
