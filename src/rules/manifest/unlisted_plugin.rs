//! The `unlisted-plugin` rule (MK032).

use crate::declare_rule;
use crate::model::value::Present;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::source::Span;

declare_rule! {
    /// A plugin directory that the marketplace does not list.
    ///
    /// ## What it does
    /// Reports every `.claude-plugin/plugin.json` in a marketplace tree that no
    /// entry's source resolves to.
    ///
    /// ## Why it matters
    /// The plugin is invisible: nobody can install it, and reviewers assume it ships.
    ///
    /// ## Example
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "demo", "source": "./plugins/demo", "description": "The demo plugin. Skills: ." }] }
    /// ==> plugins/demo/README.md <==
    /// Demo.
    /// ==> plugins/extra/README.md <==
    /// Extra.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/README.md <==
    /// Demo.
    /// ==> plugins/extra/README.md <==
    /// Extra.
    /// ```
    pub static RULE = { id: "MK032", name: "unlisted-plugin", family: Manifest, severity: Warning, reach: Tree, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let project = cx.project;
    // plugin.json directories no entry resolves to, below a marketplace's
    // root (the innermost one holding them).
    for p in project
        .plugins
        .iter()
        .filter(|p| p.entry.is_none() && !p.synthetic)
    {
        let Some(pj) = project.manifest(p) else {
            continue;
        };
        // A reference example or a starter kept beside the listed plugins.
        let base = p.dir.rsplit('/').next().unwrap_or(&p.dir).to_ascii_lowercase();
        if ["example", "template", "sample"]
            .iter()
            .any(|w| base.starts_with(w) || base.ends_with(&format!("-{w}")))
        {
            continue;
        }
        let Some(m) = project
            .marketplaces
            .iter()
            .rev()
            .find(|m| m.dir != p.dir && crate::model::focus::in_dir(&p.dir, &m.dir))
        else {
            continue;
        };
        let rel = if m.dir.is_empty() {
            p.dir.as_str()
        } else {
            &p.dir[m.dir.len() + 1..]
        };
        let index = if m.dir.is_empty() {
            ".claude-plugin/marketplace.json".to_string()
        } else {
            format!("{}/.claude-plugin/marketplace.json", m.dir)
        };
        let span = pj
            .plugin()
            .and_then(|m| m.name.value_span())
            .unwrap_or(Span::empty(0));
        out.push(
            Diagnostic::new(&RULE, pj.file, span, format!("plugin `{}` in `{}/` is not listed in {index}", p.name, p.dir))
                .help(format!("add {{ \"name\": \"{}\", \"source\": \"./{rel}\" }} to {index}, or delete the directory", p.name)),
        );
    }
}
