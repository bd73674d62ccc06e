//! The `skill-name-reserved-word` rule (AS010).

use super::{skill_name, skills};
use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A skill `name` contains `anthropic` or `claude`.
    ///
    /// ## What it does
    /// Reports names containing the reserved words.
    ///
    /// ## Why it matters
    /// claude.ai and the Skills API refuse such names.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/claude-deploy/SKILL.md <==
    /// ---
    /// name: claude-deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ```
    pub static RULE = { id: "AS010", name: "skill-name-reserved-word", family: Frontmatter, severity: Error, spec: true, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    // The words are reserved for Anthropic, whose own skills use them.
    if crate::rules::manifest::anthropic_own(cx.project) {
        return;
    }
    for (d, _, fm) in skills(cx.project) {
        let Some(field) = &fm.name else { continue };
        let Some(name) = skill_name(field) else {
            continue;
        };
        let lower = name.to_lowercase();
        if lower.contains("anthropic") || lower.contains("claude") {
            out.push(
                Diagnostic::new(&RULE, d.file, field.span, format!("skill name `{name}` contains a reserved word"))
                    .help("claude.ai and the Skills API reject names containing `anthropic` or `claude`"),
            );
        }
    }
}
