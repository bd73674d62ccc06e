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
    pub static RULE = { id: "AS009", name: "skill-name-mismatch", family: Frontmatter, severity: Error, spec: true, check: check }
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

#[cfg(test)]
mod target_tests {
    use crate::engine::config::Config;
    use crate::engine::testing::{check_with, of_rule, write_listing};
    use crate::rules::diag::Severity;

    /// An Agent Skills spec rule breaks only the consumers that enforce the
    /// spec: a warning for Claude Code, an error for agent-skills; a
    /// severity the configuration sets wins over both.
    #[test]
    fn the_target_decides_a_spec_rule_severity() {
        let dir = write_listing(
            "==> plugins/demo/skills/deploy/SKILL.md <==\n---\nname: ship\ndescription: Deploys the demo app. Use when shipping a release.\n---\nBody.\n",
        );
        let severity = |config: &str| {
            let config = Config::parse("skillc.toml", config).unwrap();
            let (_l, diags) = check_with(dir.path(), config);
            of_rule(&diags, &super::RULE)[0].severity
        };
        assert_eq!(severity(""), Severity::Warning);
        assert_eq!(severity("target = \"claude-code\"\n"), Severity::Warning);
        assert_eq!(severity("target = \"agent-skills\"\n"), Severity::Error);
        assert_eq!(severity("[rules]\nAS009 = \"error\"\n"), Severity::Error);
        assert!(Config::parse("skillc.toml", "target = \"claude\"\n").is_err());
    }
}
