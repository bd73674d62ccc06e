//! The `duplicate-phase` rule (PH001).

use crate::declare_rule;
use super::{phase_docs, phase_headings, show};
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
    pub static RULE = { id: "PH001", name: "duplicate-phase", family: Phase, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for doc in phase_docs(cx.project).filter(|d| cx.phase_in_focus(&d.path)) {
        let heads = phase_headings(doc);
        for (i, h) in heads.iter().enumerate() {
            if let Some(first) = heads[..i].iter().find(|e| e.no == h.no) {
                out.push(
                    Diagnostic::new(
                        &RULE,
                        doc.file,
                        h.span,
                        format!("Phase {} is declared twice", show(h.no)),
                    )
                    .label(doc.file, first.span, "first declared here")
                    .help("renumber the phases so each number is used once"),
                );
            }
        }
    }
}
