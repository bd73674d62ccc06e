//! The `skill-name-missing` rule (AS004).

use super::skills;
use crate::declare_rule;
use crate::parse::frontmatter::FrontmatterState;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::source::Span;

declare_rule! {
    /// A SKILL.md has no `name`.
    ///
    /// ## What it does
    /// Reports skills whose frontmatter has no `name` key.
    ///
    /// ## Why it matters
    /// The Agent Skills spec requires it; skills-ref and claude.ai uploads
    /// reject the skill.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
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
    pub static RULE = { id: "AS004", name: "skill-name-missing", family: Frontmatter, severity: Error, spec: true, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (d, s, fm) in skills(cx.project) {
        if fm.name.is_some() {
            continue;
        }
        let FrontmatterState::Present(block) = &d.frontmatter else {
            continue;
        };
        // The opening `---`.
        let (start, end) = (block.span.start as usize, block.span.end as usize);
        out.push(
            Diagnostic::new(
                &RULE,
                d.file,
                Span::new(start, (start + 3).min(end)),
                "skill has no `name`",
            )
            .help(format!("add `name: {}` (its directory name)", s.name)),
        );
    }
}
