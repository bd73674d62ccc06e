//! The `personal-path` rule (RD007).

use crate::declare_rule;
use crate::redact::Kind;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A home directory path with a real user name.
    ///
    /// ## What it does
    /// Reports `/home/<name>/`, `/Users/<name>/` and `C:\\Users\\<name>\\` when the
/// name looks real (not `$USER`, `<user>`, `you`, `me`, `user`, `ubuntu`, …).
    ///
    /// ## Why it matters
    /// User names identify people and hint at account names on their machines.
    ///
    /// ## Example
    /// ````text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ```bash
    /// Edit /home/akozlov/.kube/config first.
    /// ```
    /// ````
    ///
    /// ## Use instead
    /// ````text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ```bash
    /// Edit ~/.kube/config first.
    /// ```
    /// ````
    pub static RULE = { id: "RD007", name: "personal-path", family: Redaction, severity: Warning, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    super::report(cx, Kind::PersonalPath, &RULE, out);
}
