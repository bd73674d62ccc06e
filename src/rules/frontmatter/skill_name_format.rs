//! The `skill-name-format` rule (AS005).

use super::{kind_of, name_problem, skill_name, skills, type_name};
use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A skill `name` breaks the Agent Skills naming rules.
    ///
    /// ## What it does
    /// Checks that `name` is a string of 1–64 characters from `[a-z0-9-]`,
    /// with no leading or trailing `-` and no `--`.
    ///
    /// ## Why it matters
    /// The Agent Skills spec, skills-ref and claude.ai uploads reject other
    /// names, and the command Claude Code derives from it changes.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: Deploy_App
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
    pub static RULE = { id: "AS005", name: "skill-name-format", family: Frontmatter, severity: Error, spec: true, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (d, s, fm) in skills(cx.project) {
        let Some(field) = &fm.name else { continue };
        let Some(name) = skill_name(field) else {
            out.push(
                Diagnostic::new(
                    &RULE,
                    d.file,
                    field.span,
                    format!(
                        "skill `name` must be a string, not a {}",
                        type_name(kind_of(field))
                    ),
                )
                .help(format!("write `name: {}`", s.name)),
            );
            continue;
        };
        if let Some(why) = name_problem(name) {
            out.push(
                Diagnostic::new(
                    &RULE,
                    d.file,
                    field.span,
                    format!("skill name `{name}` {why}"),
                )
                .help(format!(
                    "use lowercase letters, digits and single hyphens, e.g. `{}`",
                    crate::text::kebab(name)
                )),
            );
        }
    }
}
