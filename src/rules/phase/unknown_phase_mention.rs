//! The `unknown-phase-mention` rule (PH003).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A mention of `Phase X` matches no phase heading.
    ///
    /// ## What it does
    /// In skills that number their phases, every `Phase N` / `Phase N.M` in
    /// the prose of SKILL.md and its references must match a phase heading of
    /// the same skill, or of the skill named just before it
    /// (`cluster-install Phase 5`). Headings declare phases in any case
    /// (`# PHASE 5 - Final` declares Phase 5), and `PHASE N` is a mention
    /// as `Phase N` is. A mention of a phase that another file of the
    /// plugin declares is reported as ambiguous (a warning), unless the
    /// plugin's files share one numbering: every number two of them declare
    /// carries titles that agree (`## Phase 5: Checkpoint Gate` in a command,
    /// `### Phase 5 — Gate the checkpoint` in its agent).
    ///
    /// ## Why it matters
    /// Phases get folded and renumbered; instructions such as "resume at
    /// Phase 7.5" then send Claude to a step that no longer exists.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ## Phase 1 — Check
    /// If the check fails, go to Phase 4.
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
    /// If the check fails, go to Phase 2.
    /// ## Phase 2 — Apply
    /// ```
    pub static RULE = { id: "PH003", name: "unknown-phase-mention", family: Phase, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    out.extend(super::mentions(cx).unknown.iter().cloned());
}
