//! The `fork-only-field` rule (SK012).

use super::mappings;
use crate::declare_rule;
use crate::model::DocKind;
use crate::model::value::Present;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// `agent` or `background` is set without `context: fork`.
    ///
    /// ## What it does
    /// Reports fork-only settings on a skill that runs inline.
    ///
    /// ## Why it matters
    /// They have no effect unless the skill runs in a forked subagent.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// agent: Explore
    /// ---
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// context: fork
    /// agent: Explore
    /// ---
    /// ```
    pub static RULE = { id: "SK012", name: "fork-only-field", family: Frontmatter, severity: Warning, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (d, fm) in mappings(cx.project) {
        if d.kind == DocKind::Agent {
            continue;
        }
        if fm.context.val().is_some_and(|c| c.text == "fork") {
            continue;
        }
        for (key, field) in [("agent", fm.agent.key_span()), ("background", fm.background.key_span())] {
            if let Some(k) = field {
                out.push(
                    Diagnostic::new(
                        &RULE,
                        d.file,
                        k,
                        format!("`{key}` has no effect without `context: fork`"),
                    )
                    .help("add `context: fork`, or remove the key"),
                );
            }
        }
    }
}
