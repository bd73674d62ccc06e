//! The `compatibility-invalid` rule (AS014).

use super::mappings;
use crate::declare_rule;
use crate::model::DocKind;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// `compatibility` is not a string of 1–500 characters.
    ///
    /// ## What it does
    /// Checks the Agent Skills `compatibility` field.
    ///
    /// ## Why it matters
    /// skills-ref and claude.ai uploads reject the skill otherwise.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// compatibility:
    ///   - linux
    /// ---
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// compatibility: Needs kubectl 1.30 or newer on Linux or macOS.
    /// ---
    /// ```
    pub static RULE = { id: "AS014", name: "compatibility-invalid", family: Frontmatter, severity: Error, spec: true, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (d, fm) in mappings(cx.project) {
        if d.kind != DocKind::Skill {
            continue;
        }
        for f in fm.readings() {
            let Some(v) = &f.compatibility else { continue };
            let bad = match v.ok() {
                Some(s) => s.text.is_empty() || s.text.chars().count() > 500,
                None => true,
            };
            if bad {
                out.push(
                    Diagnostic::new(
                        &RULE,
                        d.file,
                        v.span,
                        "`compatibility` must be a string of 1–500 characters",
                    )
                    .help("describe the environment the skill needs in one short sentence"),
                );
            }
        }
    }
}
