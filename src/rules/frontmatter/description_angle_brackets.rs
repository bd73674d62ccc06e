//! The `description-angle-brackets` rule (AS011).

use super::descriptions;
use crate::declare_rule;
use crate::model::DocKind;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A skill's `name` or `description` contains `<` or `>`.
    ///
    /// ## What it does
    /// Reports angle brackets (XML-like tags) in skill metadata.
    ///
    /// ## Why it matters
    /// claude.ai and the Skills API reject them; they can also smuggle
    /// prompt structure into the skill listing.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys <app> to the cluster. Use when shipping a release.
    /// ---
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys an app to the cluster. Use when shipping a release.
    /// ---
    /// ```
    pub static RULE = { id: "AS011", name: "description-angle-brackets", family: Frontmatter, severity: Error, spec: true, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (d, _, text, span) in descriptions(cx.project) {
        if d.kind == DocKind::Skill && (text.contains('<') || text.contains('>')) {
            out.push(
                Diagnostic::new(&RULE, d.file, span, "description contains `<` or `>`")
                    .help("claude.ai and the Skills API reject angle brackets; write the words out"),
            );
        }
    }
}
