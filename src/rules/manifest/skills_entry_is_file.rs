//! The `skills-entry-is-file` rule (PP004).

use super::PathKind;
use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::source;

declare_rule! {
    /// A `skills` entry names a file instead of a directory.
    ///
    /// ## What it does
    /// `skills` entries must be directories (a skill directory, or a folder of them).
    ///
    /// ## Why it matters
    /// Claude Code refuses the manifest: `skills entries must be directories containing SKILL.md`.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin. Skills: deploy.", "author": { "name": "A" }, "skills": ["./skills/deploy/SKILL.md"] }
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin. Skills: deploy.", "author": { "name": "A" }, "skills": ["./skills/deploy"] }
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ```
    pub static RULE = { id: "PP004", name: "skills-entry-is-file", family: Manifest, severity: Error, reach: Tree, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for cp in super::component_paths(cx) {
        if cp.kind == PathKind::Skills
            && let Some(target) = cp.existing(cx)
            && !cx.project.is_dir(&target)
        {
            let parent = source::parent(cp.path);
            out.push(
                Diagnostic::new(
                    &RULE,
                    cp.file,
                    cp.span,
                    format!(
                        "`skills` entry `{}` is a file; entries must be directories",
                        cp.path
                    ),
                )
                .help(format!("point at the directory: \"{parent}\"")),
            );
        }
    }
}
