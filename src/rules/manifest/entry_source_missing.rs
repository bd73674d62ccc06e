//! The `entry-source-missing` rule (MK022).

use super::LocalSource;
use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A local source directory is missing or holds no plugin.
    ///
    /// ## What it does
    /// Resolves each `./path` source against the marketplace root and checks
    /// that the directory exists and holds a plugin.json or components.
    ///
    /// ## Why it matters
    /// `claude plugin validate` does not report this; installs fail with
    /// `Plugin directory not found`.
    ///
    /// ## Example
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "demo", "source": "./plugins/demo", "description": "Demo." }] }
    /// ==> (no scaffold) <==
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "demo", "source": "./plugins/demo", "description": "The demo plugin. Skills: ." }] }
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin. Skills: .", "author": { "name": "A" } }
    /// ```
    pub static RULE = { id: "MK022", name: "entry-source-missing", family: Manifest, severity: Error, reach: Tree, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (mf, entries) in super::entries(cx) {
    for (e, entry) in entries {
        let Some((path, span, LocalSource::Resolved)) = super::local_source(e) else {
            continue;
        };
        match &e.dir {
            Some(d) if !cx.project.is_dir(d) => out.push(
                Diagnostic::new(
                    &RULE,
                    mf.file,
                    span,
                    format!("source directory `{d}` does not exist"),
                )
                .help("fix the path; it resolves from the marketplace root"),
            ),
            Some(_) => {
                if let Some(pi) = e.plugin {
                    let p = &cx.project.plugins[pi];
                    let has_components =
                        !p.skills.is_empty() || !p.commands.is_empty() || !p.agents.is_empty();
                    let entry_defines =
                        entry.is_some_and(|t| !t.plugin.component_keys().is_empty());
                    if p.manifest.is_none()
                        && !has_components
                        && !entry_defines
                        && !has_hooks_or_mcp(cx, &p.dir)
                    {
                        out.push(
                            Diagnostic::new(&RULE, mf.file, span, format!("source `{path}` holds no plugin: no .claude-plugin/plugin.json and no components"))
                                .help("add .claude-plugin/plugin.json and the plugin's skills, or fix the path"),
                        );
                    }
                }
            }
            None => {}
        }
    }
    }
}

fn has_hooks_or_mcp(cx: &Context<'_>, dir: &str) -> bool {
    cx.project
        .files
        .contains(&super::in_dir(dir, "hooks/hooks.json"))
        || cx.project.files.contains(&super::in_dir(dir, ".mcp.json"))
}
