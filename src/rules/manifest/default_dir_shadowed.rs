//! The `default-dir-shadowed` rule (PP008).

use crate::declare_rule;
use crate::model::value::Present;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::source;

declare_rule! {
    /// A default component directory is shadowed by a manifest field.
    ///
    /// ## What it does
    /// `commands`, `agents`, `outputStyles` and `workflows` in plugin.json
    /// *replace* the default directory. Reports a default directory that
    /// exists but is then not loaded.
    ///
    /// ## Why it matters
    /// Everything in the default directory silently disappears.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" }, "commands": ["./extra/hello.md"] }
    /// ==> plugins/demo/extra/hello.md <==
    /// ---
    /// description: Say hello.
    /// ---
    /// Say hello.
    /// ==> plugins/demo/commands/bye.md <==
    /// ---
    /// description: Say goodbye.
    /// ---
    /// Say goodbye.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" }, "commands": ["./extra/hello.md", "./commands/bye.md"] }
    /// ==> plugins/demo/extra/hello.md <==
    /// ---
    /// description: Say hello.
    /// ---
    /// Say hello.
    /// ==> plugins/demo/commands/bye.md <==
    /// ---
    /// description: Say goodbye.
    /// ---
    /// Say goodbye.
    /// ```
    pub static RULE = { id: "PP008", name: "default-dir-shadowed", family: Manifest, severity: Warning, reach: Tree, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (p, jf, pm) in super::unique_manifests(cx.project) {
        for (key, key_span, default) in [
            ("commands", pm.commands.key_span(), "commands"),
            ("agents", pm.agents.key_span(), "agents"),
            ("outputStyles", pm.output_styles.key_span(), "output-styles"),
            ("workflows", pm.workflows.key_span(), "workflows"),
        ] {
            let Some(key_span) = key_span else {
                continue;
            };
            let default_dir = super::in_dir(&p.dir, default);
            if !cx.project.is_dir(&default_dir) {
                continue;
            }
            let covered = pm.component_paths(key).iter().any(|(l, _)| {
                source::join(&p.dir, l).is_some_and(|t| {
                    t == default_dir || t.starts_with(&format!("{default_dir}/"))
                })
            });
            // Partially listed files still shadow the rest; report only when
            // nothing under it is listed.
            if !covered {
                out.push(
                    Diagnostic::new(&RULE, jf.file, key_span, format!("`{key}` replaces the default `{default}/` directory, which is then not loaded"))
                        .help(format!("add \"./{default}/\" to `{key}`, or move its files")),
                );
            }
        }
    }
}
