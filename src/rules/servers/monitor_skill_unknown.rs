//! The `monitor-skill-unknown` rule (MO004).

use crate::declare_rule;
use crate::model::value::Present;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A monitor starts on a skill the plugin does not have.
    ///
    /// ## What it does
    /// Reports `"when": "on-skill-invoke:<skill>"` whose skill is not a
    /// skill of the monitor's plugin (by directory or frontmatter `name`,
    /// with or without the `plugin:` prefix).
    ///
    /// ## Why it matters
    /// The monitor waits for a skill that is never invoked, so it never
    /// starts.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// # Deploy
    /// ==> plugins/demo/monitors/monitors.json <==
    /// [{ "name": "logs", "command": "tail -F deploy.log", "description": "Deploy log lines.", "when": "on-skill-invoke:deplyo" }]
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// # Deploy
    /// ==> plugins/demo/monitors/monitors.json <==
    /// [{ "name": "logs", "command": "tail -F deploy.log", "description": "Deploy log lines.", "when": "on-skill-invoke:deploy" }]
    /// ```
    pub static RULE = { id: "MO004", name: "monitor-skill-unknown", family: Servers, severity: Warning, reach: Tree, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for l in super::monitor_lists(cx) {
        let Some(p) = l.plugin else { continue };
        let names: Vec<&str> = p
            .skills
            .iter()
            .flat_map(|s| {
                std::iter::once(s.name.as_str()).chain(cx.project.skill_display_name(s))
            })
            .chain(p.commands.iter().map(|c| c.name.as_str()))
            .collect();
        for m in l.list.iter().filter_map(|i| i.ok()) {
            let Some((w, span)) = m.when.spanned() else { continue };
            let Some(skill) = w.strip_prefix("on-skill-invoke:").map(str::trim) else {
                continue;
            };
            let bare = skill
                .strip_prefix(&format!("{}:", p.name))
                .unwrap_or(skill);
            if skill.is_empty() || names.contains(&bare) {
                continue;
            }
            let d = Diagnostic::new(
                &RULE,
                l.file,
                super::inside(cx, l.file, span, skill),
                format!("plugin `{}` has no skill `{bare}`: the monitor never starts", p.name),
            );
            out.push(match crate::text::suggest(bare, names.iter().copied()) {
                Some(n) => d.help(format!("did you mean `{n}`?")),
                None => d.help("name a skill of this plugin"),
            });
        }
    }
}
