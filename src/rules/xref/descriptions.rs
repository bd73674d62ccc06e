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
    /// (`debug` is not named by `debugging`).
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
    pub static MISSES_SKILL = { id: "XREF005", name: "description-misses-skill", family: Xref, severity: Warning }
}

/// Whether `word` occurs in `text` with no name character on either side.
pub fn names_word(text: &str, word: &str) -> bool {
    let is_name = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
    let lower = text.to_lowercase();
    let word = word.to_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find(&word) {
        let start = from + i;
        let end = start + word.len();
        let before = lower[..start].chars().next_back();
        let after = lower[end..].chars().next();
        if !before.is_some_and(is_name) && !after.is_some_and(is_name) {
            return true;
        }
        from = start + word.len().max(1);
        while from < lower.len() && !lower.is_char_boundary(from) {
            from += 1;
        }
    }
    false
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for site in description_sites(cx.project) {
        let Some(pi) = site.plugin else { continue };
        let p = &cx.project.plugins[pi];
        let missing: Vec<&str> = p
            .skills
            .iter()
            .map(|s| s.name.as_str())
            .filter(|n| !names_word(site.text, n))
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
                &MISSES_SKILL,
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

#[cfg(test)]
mod tests {
    use super::names_word;

    #[test]
    fn whole_words_only() {
        assert!(names_word("skills: debug, deploy", "debug"));
        assert!(!names_word("debugging tools", "debug"));
        assert!(!names_word("cluster-install-x", "cluster-install"));
        assert!(names_word("(cluster-install)", "cluster-install"));
        assert!(names_word("run cozystack:debug now", "debug"));
    }
}
