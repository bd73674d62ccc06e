//! The `phase-out-of-order` rule (PH002).

use crate::declare_rule;
use super::{PhaseHeading, phase_docs, phase_headings, show};
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// Phase headings are not in increasing order.
    ///
    /// ## What it does
    /// Reports a phase heading whose number is lower than the one before it.
    ///
    /// ## Why it matters
    /// Claude executes phases top to bottom; a `Phase 4` after `Phase 5` is
    /// run in the wrong order or skipped.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ## Phase 1 — Check
    /// ## Phase 3 — Verify
    /// ## Phase 2 — Apply
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ## Phase 1 — Check
    /// ## Phase 2 — Apply
    /// ## Phase 3 — Verify
    /// ```
    pub static RULE = { id: "PH002", name: "phase-out-of-order", family: Phase, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for doc in phase_docs(cx.project).filter(|d| cx.phase_in_focus(&d.path)) {
        let heads = phase_headings(doc);
        let mut prev: Option<&PhaseHeading> = None;
        for (i, h) in heads.iter().enumerate() {
            // A number declared twice is PH001's; it does not move the order.
            if heads[..i].iter().any(|e| e.no == h.no) {
                continue;
            }
            if let Some(p) = prev
                && h.no < p.no
            {
                out.push(
                    Diagnostic::new(
                        &RULE,
                        doc.file,
                        h.span,
                        format!("Phase {} comes after Phase {}", show(h.no), show(p.no)),
                    )
                    .label(doc.file, p.span, "previous phase")
                    .help("phases run top to bottom: reorder the sections or renumber them"),
                );
            }
            prev = Some(h);
        }
    }
}
