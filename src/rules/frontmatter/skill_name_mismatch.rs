//! The `skill-name-mismatch` rule (AS009).

use super::{name_problem, skill_name, skills};
use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A skill `name` differs from its directory name.
    ///
    /// ## What it does
    /// Compares `name` with the directory that holds SKILL.md, for every skill
    /// in the tree (including `plugins/*/skills/*`).
    ///
    /// ## Why it matters
    /// The Agent Skills spec requires them equal. In Claude Code `name`
    /// renames the command, so `/plugin:dir` mentions in docs stop resolving.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: ship
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
    pub static RULE = { id: "AS009", name: "skill-name-mismatch", family: Frontmatter, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (d, s, fm) in skills(cx.project) {
        let Some(field) = &fm.name else { continue };
        // A name that breaks the naming rules is AS005's.
        let Some(name) = skill_name(field).filter(|n| name_problem(n).is_none()) else {
            continue;
        };
        if name != s.name {
            out.push(
                Diagnostic::new(
                    &RULE,
                    d.file,
                    field.span,
                    format!(
                        "skill name `{name}` differs from its directory `{}`",
                        s.name
                    ),
                )
                .help(format!(
                    "rename the directory to `{name}` or set `name: {}`",
                    s.name
                )),
            );
        }
    }
}
