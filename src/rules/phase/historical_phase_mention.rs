//! The `historical-phase-mention` rule (PH005).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// Prose refers to a phase that used to exist.
    ///
    /// ## What it does
    /// Reports phrases such as "what used to be Phase 7.5", "formerly Phase 3".
    ///
    /// ## Why it matters
    /// History in instructions confuses the model about which step to run;
    /// say what to do now instead. Suppress with
    /// `<!-- skillc-disable-next-line PH005 -->` where the history matters.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ## Phase 1 — Check
    /// This replaces what used to be Phase 2.
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
    /// Check the cluster before applying anything.
    /// ```
    pub static RULE = { id: "PH005", name: "historical-phase-mention", family: Phase, severity: Warning, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    out.extend(super::mentions(cx).historical.iter().cloned());
}
