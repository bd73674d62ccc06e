//! The `agent-field-ignored` rule (AG011).

use super::mappings;
use crate::declare_rule;
use crate::model::{DocKind, PluginKind};
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A plugin agent sets a field that plugin agents ignore.
    ///
    /// ## What it does
    /// Reports `permissionMode`, `hooks` and `mcpServers` in plugin agents.
    ///
    /// ## Why it matters
    /// Claude Code ignores them for plugin agents; the agent runs without the
    /// restriction or hook the author relied on.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/agents/reviewer.md <==
    /// ---
    /// name: reviewer
    /// description: Reviews a diff for correctness.
    /// permissionMode: plan
    /// ---
    /// Review the diff.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/agents/reviewer.md <==
    /// ---
    /// name: reviewer
    /// description: Reviews a diff for correctness.
    /// tools: Read, Grep, Glob
    /// ---
    /// Review the diff.
    /// ```
    pub static RULE = { id: "AG011", name: "agent-field-ignored", family: Frontmatter, severity: Warning, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (d, fm) in mappings(cx.project) {
        // Project agents (.claude/agents) honour these fields.
        let plugin_agent = cx
            .project
            .plugin_of(&d.path)
            .is_some_and(|p| p.kind == PluginKind::Plugin);
        if d.kind != DocKind::Agent || !plugin_agent {
            continue;
        }
        for k in &fm.keys {
            let key = k.name.as_str();
            if matches!(key, "permissionMode" | "hooks" | "mcpServers") {
                out.push(
                    Diagnostic::new(&RULE, d.file, k.span, format!("plugin agents ignore `{key}`"))
                        .help("restrict the agent with `tools`, or ship it as a project agent in .claude/agents/"),
                );
            }
        }
    }
}

#[cfg(test)]
mod kind_tests {
    use crate::engine::testing::{check_listing, of_rule};

    /// Project agents honour `permissionMode`, `hooks` and `mcpServers`;
    /// only plugin agents ignore them.
    #[test]
    fn project_agents_are_not_plugin_agents() {
        let agent = "---\nname: reviewer\ndescription: Reviews a diff.\npermissionMode: plan\n---\nReview.\n";
        let listing = format!(
            "==> plugins/demo/agents/reviewer.md <==\n{agent}==> .claude/agents/reviewer.md <==\n{agent}"
        );
        let (_d, loaded, diags) = check_listing(&listing);
        let paths: Vec<&str> = of_rule(&diags, &super::RULE)
            .iter()
            .map(|d| loaded.db.path(d.file()))
            .collect();
        assert_eq!(paths, ["plugins/demo/agents/reviewer.md"]);
    }
}
