//! XREF005 description-misses-skill: a plugin's descriptions (plugin.json and
//! its marketplace entry) name every skill it ships, as a word.

use super::description_sites;
use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A plugin description does not name one of the plugin's skills.
    ///
    /// ## What it does
    /// Checks that the plugin.json `description` and the marketplace entry's
    /// `description` each name every skill the plugin ships, as a whole word
    /// (`debug` is not named by `debugging`). Case, hyphens, underscores and
    /// spaces do not matter: "Self-Improving Agent" and "self improving
    /// agent" name `self-improving-agent`.
    ///
    /// Info: house style. A description that names every skill helps users
    /// find them, but nothing fails without it.
    ///
    /// ## Why it matters
    /// The description is all a user sees before installing; a skill it does
    /// not mention is a skill nobody finds. Adding a skill without updating
    /// the descriptions is the most common drift in marketplaces.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "Deploying the demo app: deploy.", "author": { "name": "A" } }
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ==> plugins/demo/skills/debug/SKILL.md <==
    /// ---
    /// name: debug
    /// description: Investigates failed deployments. Use when a deploy fails.
    /// ---
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "Deploying the demo app: deploy, debug.", "author": { "name": "A" } }
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ==> plugins/demo/skills/debug/SKILL.md <==
    /// ---
    /// name: debug
    /// description: Investigates failed deployments. Use when a deploy fails.
    /// ---
    /// ```
    pub static RULE = { id: "XREF005", name: "description-misses-skill", family: Xref, severity: Info, check: check }
}


fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for site in description_sites(cx.project) {
        let Some(pi) = site.plugin else { continue };
        let p = &cx.project.plugins[pi];
        let missing: Vec<&str> = p
            .skills
            .iter()
            .map(|s| s.name.as_str())
            .filter(|n| !names_skill(site.text, n))
            .collect();
        if missing.is_empty() {
            continue;
        }
        let list = missing
            .iter()
            .map(|m| format!("`{m}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let noun = if missing.len() == 1 {
            "skill"
        } else {
            "skills"
        };
        out.push(
            Diagnostic::new(
                &RULE,
                site.file,
                site.span,
                format!(
                    "description of plugin `{}` does not name its {noun} {list}",
                    p.name
                ),
            )
            .help("name every skill the plugin ships, so users can find it before installing"),
        );
    }
}

/// Whether `text` names the skill `name` as a word, reading hyphens,
/// underscores and spaces alike and ignoring case (`Self-Improving Agent`
/// names `self-improving-agent`).
fn names_skill(text: &str, name: &str) -> bool {
    fn fold(s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        for part in s.split(['-', '_', ' ', '\t', '\n']).filter(|p| !p.is_empty()) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(part);
        }
        out
    }
    crate::text::names_word(text, name) || crate::text::names_word(&fold(text), &fold(name))
}

#[cfg(test)]
mod tests {
    #[test]
    fn names_are_matched_across_case_and_separators() {
        for text in [
            "Includes the Self-Improving Agent skill.",
            "self improving agent",
            "SELF_IMPROVING_AGENT and more",
            "uses self-improving-agent",
        ] {
            assert!(super::names_skill(text, "self-improving-agent"), "{text}");
        }
        for text in ["self-improving agents", "improving-agent", "selfimproving agent"] {
            assert!(!super::names_skill(text, "self-improving-agent"), "{text}");
        }
    }
}
