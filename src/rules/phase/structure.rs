//! PH001 duplicate-phase, PH002 phase-out-of-order.

use super::{phase_docs, phase_headings, show};
use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// Two headings declare the same phase number.
    ///
    /// ## What it does
    /// Collects `Phase N` / `Phase N.M` headings of each skill file and
    /// reports numbers that appear twice.
    ///
    /// ## Why it matters
    /// "Go back to Phase 8" is ambiguous when there are two; long skills grow
    /// sibling `## Phase 8` headings when sections are merged.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ## Phase 1 — Check
    /// ## Phase 2 — Apply
    /// ## Phase 2 — Verify
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
    pub static DUPLICATE = { id: "PH001", name: "duplicate-phase", family: Phase, severity: Error }
}

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
    pub static ORDER = { id: "PH002", name: "phase-out-of-order", family: Phase, severity: Error }
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for doc in phase_docs(cx.project).filter(|d| cx.phase_in_focus(&d.path)) {
        let heads = phase_headings(doc, cx.text(doc.file));
        let mut prev: Option<&super::PhaseHeading> = None;
        for (i, h) in heads.iter().enumerate() {
            if let Some(first) = heads[..i].iter().find(|e| e.no == h.no) {
                out.push(
                    Diagnostic::new(
                        &DUPLICATE,
                        doc.file,
                        h.span,
                        format!("Phase {} is declared twice", show(h.no)),
                    )
                    .label(doc.file, first.span, "first declared here")
                    .help("renumber the phases so each number is used once"),
                );
                continue;
            }
            if let Some(p) = prev
                && h.no < p.no
            {
                out.push(
                    Diagnostic::new(
                        &ORDER,
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
