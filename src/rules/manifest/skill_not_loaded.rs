//! The `skill-not-loaded` rule (PP016).

use crate::declare_rule;
use crate::model::focus::in_dir;
use crate::model::{PluginKind, Project};
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::source::Span;

declare_rule! {
    /// A SKILL.md inside a plugin that the plugin does not load.
    ///
    /// ## What it does
    /// Reports a `SKILL.md` below a plugin's `skills/` folder that is not one
    /// of its skills: nested (`skills/<category>/<name>/`) where the
    /// manifest's `skills` does not list the category. A SKILL.md inside
    /// another skill's folder, or elsewhere in the plugin (a template, an
    /// example), is not reported.
    ///
    /// ## Why it matters
    /// Claude Code loads a plugin's skills from `skills/<name>/SKILL.md`, one
    /// level deep, and from the folders `skills` lists. Any other SKILL.md
    /// ships with the plugin and never becomes a skill: its `/plugin:name`
    /// does not exist.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/ops/deploy/SKILL.md <==
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
    pub static RULE = { id: "PP016", name: "skill-not-loaded", family: Manifest, severity: Warning, reach: Tree, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let project = cx.project;
    for group in project
        .plugins
        .iter()
        .filter(|p| p.kind == PluginKind::Standalone)
    {
        for s in &group.skills {
            let Some(owner) = plugin_holding(project, &s.dir) else {
                continue;
            };
            let rel = &s.dir[owner.dir.len() + usize::from(!owner.dir.is_empty())..];
            // Elsewhere in the plugin a SKILL.md is a template or an example
            // as often as a mistake; below `skills/` it is meant to load.
            if !rel.starts_with("skills/") {
                continue;
            }
            let help = format!(
                "move it to `skills/{}/`, or list its folder in plugin.json: \"skills\": [\"./{}\"]",
                s.name,
                crate::source::parent(rel)
            );
            out.push(
                Diagnostic::new(
                    &RULE,
                    project.docs[s.doc].file,
                    Span::empty(0),
                    format!(
                        "plugin `{}` does not load this skill: `{rel}` is nested below `skills/<name>/` and no `skills` entry lists its folder",
                        owner.name
                    ),
                )
                .help(help),
            );
        }
    }
}

/// The plugin whose folder holds the skill folder `dir`, when no skill of
/// that plugin holds it (a SKILL.md inside a skill is an example).
fn plugin_holding<'a>(project: &'a Project, dir: &str) -> Option<&'a crate::model::Plugin> {
    let owner = project
        .plugins
        .iter()
        .filter(|p| p.kind == PluginKind::Plugin && in_dir(dir, &p.dir) && p.dir != dir)
        .max_by_key(|p| p.dir.len())?;
    let inside_a_skill = project.plugins.iter().any(|p| {
        p.kind != PluginKind::Standalone && p.skills.iter().any(|s| in_dir(dir, &s.dir))
    });
    (!inside_a_skill).then_some(owner)
}

#[cfg(test)]
mod tests {
    use crate::engine::testing::{check_listing, of_rule};

    const SKILL: &str = "---\nname: x\ndescription: Does x. Use when x is asked for.\n---\nBody.\n";

    /// Nested below `skills/<name>/` is not loaded; listed, or inside
    /// another skill (an example), or a plugin that is one skill, is fine.
    #[test]
    fn only_skills_the_plugin_never_loads_are_reported() {
        let nested = format!("==> plugins/demo/skills/ops/deploy/SKILL.md <==\n{SKILL}");
        let (_d, _l, diags) = check_listing(&nested);
        assert_eq!(of_rule(&diags, &super::RULE).len(), 1);

        let listed = format!(
            "==> plugins/demo/.claude-plugin/plugin.json <==\n{{ \"name\": \"demo\", \"version\": \"1.0.0\", \"description\": \"Demo.\", \"author\": {{ \"name\": \"A\" }}, \"skills\": [\"./skills/ops\"] }}\n==> plugins/demo/skills/ops/deploy/SKILL.md <==\n{SKILL}"
        );
        let (_d, _l, diags) = check_listing(&listed);
        assert!(of_rule(&diags, &super::RULE).is_empty());

        let example = format!(
            "==> plugins/demo/skills/deploy/SKILL.md <==\n{SKILL}==> plugins/demo/skills/deploy/examples/starter/SKILL.md <==\n{SKILL}"
        );
        let (_d, _l, diags) = check_listing(&example);
        assert!(of_rule(&diags, &super::RULE).is_empty());

        let one_skill = format!(
            "==> plugins/solo/.claude-plugin/plugin.json <==\n{{ \"name\": \"solo\", \"version\": \"1.0.0\", \"description\": \"Solo.\", \"author\": {{ \"name\": \"A\" }} }}\n==> plugins/solo/SKILL.md <==\n{SKILL}"
        );
        let (_d, loaded, diags) = check_listing(&one_skill);
        assert!(of_rule(&diags, &super::RULE).is_empty());
        let solo = loaded.project.plugins.iter().find(|p| p.name == "solo").unwrap();
        assert_eq!(solo.skills.len(), 1, "a plugin that is one skill loads it");
    }
}
