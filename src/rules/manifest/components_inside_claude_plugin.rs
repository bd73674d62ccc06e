//! The `components-inside-claude-plugin` rule (PJ029).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// Component directories sit inside `.claude-plugin/`.
    ///
    /// ## What it does
    /// Reports `skills/`, `commands/`, `agents/` or `hooks/` under `.claude-plugin/`.
    ///
    /// ## Why it matters
    /// Claude Code looks for them at the plugin root; inside `.claude-plugin/`
    /// they are never loaded.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
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
    pub static RULE = { id: "PJ029", name: "components-inside-claude-plugin", family: Manifest, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (p, jf, pm) in super::unique_manifests(cx.project) {
        for comp in ["skills", "commands", "agents", "hooks", "output-styles"] {
            let path = super::in_dir(&p.dir, &format!(".claude-plugin/{comp}"));
            if cx.project.is_dir(&path) {
                out.push(
                    Diagnostic::new(
                        &RULE,
                        jf.file,
                        super::brace(pm.span),
                        format!("`{path}/` is inside .claude-plugin/ and is never loaded"),
                    )
                    .help(format!("move it to `{}`", super::in_dir(&p.dir, comp))),
                );
            }
        }
    }
}
