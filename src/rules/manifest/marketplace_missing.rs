//! The `marketplace-missing` rule (MK035).

use crate::declare_rule;
use crate::model::manifest::PluginManifest;
use crate::model::value::{FromTree, Present};
use crate::model::typed_source::PluginSource;
use crate::model::{PluginKind, TypedSource};
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::source::{FileId, Span};
use std::collections::BTreeMap;

declare_rule! {
    /// Plugins in a tree that has no marketplace to list them.
    ///
    /// ## What it does
    /// Reports, once, a tree with no `.claude-plugin/marketplace.json` at
    /// all that holds two or more plugins in folders (directories with a
    /// `.claude-plugin/plugin.json`, or `plugin.yaml` sources), or any
    /// `plugin.yaml` source outside the root. The finding is on the first
    /// plugin's manifest (its source, when it has one) and names them.
    ///
    /// A repository that is one plugin at its root (`.claude-plugin/plugin.json`
    /// there) is a plugin another marketplace lists, and stays silent, as do
    /// a single plugin in a folder, `.claude/` project skills (Claude Code
    /// loads them in the project) and plugins under test, fixture, example,
    /// sample or template folders.
    ///
    /// ## Why it matters
    /// Claude Code installs plugins from a marketplace: without one, nobody
    /// can add these plugins (`/plugin marketplace add` needs a
    /// marketplace.json), and `skillc build` has nowhere to write the
    /// entries of `plugin.yaml` sources. Every other check passes, so the
    /// tree looks finished.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/alpha/.claude-plugin/plugin.json <==
    /// { "name": "alpha", "version": "1.0.0", "description": "Alpha tools.", "author": { "name": "A" } }
    /// ==> plugins/beta/.claude-plugin/plugin.json <==
    /// { "name": "beta", "version": "1.0.0", "description": "Beta tools.", "author": { "name": "A" } }
    /// ==> (no scaffold) <==
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo tools.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "alpha", "source": "./plugins/alpha", "description": "Alpha tools." },
    ///               { "name": "beta", "source": "./plugins/beta", "description": "Beta tools." }] }
    /// ==> plugins/alpha/.claude-plugin/plugin.json <==
    /// { "name": "alpha", "version": "1.0.0", "description": "Alpha tools.", "author": { "name": "A" } }
    /// ==> plugins/beta/.claude-plugin/plugin.json <==
    /// { "name": "beta", "version": "1.0.0", "description": "Beta tools.", "author": { "name": "A" } }
    /// ```
    pub static RULE = { id: "MK035", name: "marketplace-missing", family: Manifest, severity: Warning, reach: Tree, check: check }
}

/// How many plugin directories the message names before `…`.
const NAMED: usize = 3;

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let project = cx.project;
    if !project.marketplaces.is_empty() || project.exists(super::MARKETPLACE) {
        return;
    }
    // Plugin directories, each with where a finding on it goes: its
    // plugin.yaml when it has one (plugin.json is rendered from it), else
    // its plugin.json.
    let mut plugins: BTreeMap<&str, (FileId, Span)> = BTreeMap::new();
    for p in project
        .plugins
        .iter()
        .filter(|p| !p.synthetic && p.kind == PluginKind::Plugin && counts(&p.dir))
    {
        if let Some(jf) = project.manifest(p) {
            let span = jf
                .plugin()
                .and_then(|m| m.name.value_span())
                .unwrap_or(Span::empty(0));
            plugins.insert(&p.dir, (jf.file, span));
        }
    }
    let mut sources = 0;
    for s in project.plugin_sources.iter().filter(|s| counts(&s.dir)) {
        sources += 1;
        plugins.insert(&s.dir, (s.file, source_name_span(s)));
    }
    if plugins.len() < 2 && sources == 0 {
        return;
    }
    let Some((_, &(file, span))) = plugins.iter().next() else {
        return;
    };
    let dirs: Vec<String> = plugins.keys().map(|d| format!("{d}/")).collect();
    let mut named = dirs.iter().take(NAMED).cloned().collect::<Vec<_>>().join(", ");
    if dirs.len() > NAMED {
        named.push_str(", …");
    }
    let (n, them) = if dirs.len() == 1 {
        ("1 plugin".to_string(), "it")
    } else {
        (format!("{} plugins", dirs.len()), "them")
    };
    out.push(
        Diagnostic::new(
            &RULE,
            file,
            span,
            format!(
                "{n} ({named}) and no {} to list {them}",
                super::MARKETPLACE
            ),
        )
        .help(format!(
            "run `skillc new marketplace NAME` (then `skillc build` lists plugin.yaml sources in it), or write {} with an entry per plugin",
            super::MARKETPLACE
        )),
    );
}

/// Whether a plugin at `dir` is one a marketplace of this tree would list:
/// not the root (a repository that is one plugin), not below `.claude/`
/// (project skills, skills-directory plugins), not a test fixture, an
/// example or a template.
fn counts(dir: &str) -> bool {
    if dir.is_empty() {
        return false;
    }
    let segments: Vec<String> = dir.split('/').map(str::to_ascii_lowercase).collect();
    let Some((base, parents)) = segments.split_last() else {
        return false;
    };
    let aside = [
        "test",
        "tests",
        "testdata",
        "test-data",
        "fixture",
        "fixtures",
        "__fixtures__",
        "example",
        "examples",
        "sample",
        "samples",
        "template",
        "templates",
    ];
    if segments.iter().any(|s| s == ".claude")
        || parents.iter().any(|s| aside.contains(&s.as_str()))
    {
        return false;
    }
    // A reference example or a starter (as MK032 leaves them).
    !["example", "template", "sample"]
        .iter()
        .any(|w| base.starts_with(w) || base.ends_with(&format!("-{w}")))
}

/// The span of a plugin source's `name` value (the file's start without one).
fn source_name_span(s: &TypedSource<PluginSource>) -> Span {
    s.yaml
        .as_ref()
        .ok()
        .and_then(|d| d.root.as_ref())
        .and_then(|root| PluginManifest::from_tree(root).ok())
        .and_then(|m| m.name.value_span())
        .unwrap_or(Span::empty(0))
}

#[cfg(test)]
mod tests {
    use crate::engine::testing::{check_listing, of_rule};

    fn pj(name: &str) -> String {
        format!(
            "{{ \"name\": \"{name}\", \"version\": \"1.0.0\", \"description\": \"The {name} plugin.\", \"author\": {{ \"name\": \"A\" }} }}\n"
        )
    }

    fn count(listing: &str) -> usize {
        let (_d, _l, diags) = check_listing(listing);
        of_rule(&diags, &super::RULE).len()
    }

    #[test]
    fn one_plugin_at_the_root_or_in_a_folder_is_silent() {
        assert_eq!(count(&format!("==> .claude-plugin/plugin.json <==\n{}", pj("solo"))), 0);
        assert_eq!(
            count(&format!(
                "==> (no scaffold) <==\n==> plugins/solo/.claude-plugin/plugin.json <==\n{}",
                pj("solo")
            )),
            0
        );
        // A root plugin with its examples beside it.
        assert_eq!(
            count(&format!(
                "==> .claude-plugin/plugin.json <==\n{}==> examples/a/.claude-plugin/plugin.json <==\n{}==> examples/b/.claude-plugin/plugin.json <==\n{}",
                pj("solo"),
                pj("a"),
                pj("b")
            )),
            0
        );
    }

    #[test]
    fn fixtures_templates_and_project_skills_are_not_plugins_to_list() {
        for base in ["tests/fixtures", "templates", ".claude/skills"] {
            let listing = format!(
                "==> {base}/a/.claude-plugin/plugin.json <==\n{}==> {base}/b/.claude-plugin/plugin.json <==\n{}",
                pj("a"),
                pj("b")
            );
            assert_eq!(count(&listing), 0, "{base}");
        }
        let starters = format!(
            "==> plugins/plugin-template/.claude-plugin/plugin.json <==\n{}==> plugins/example-plugin/.claude-plugin/plugin.json <==\n{}",
            pj("plugin-template"),
            pj("example-plugin")
        );
        assert_eq!(count(&starters), 0);
    }

    #[test]
    fn a_marketplace_anywhere_silences_it() {
        let listing = format!(
            "==> plugins/a/.claude-plugin/plugin.json <==\n{}==> plugins/b/.claude-plugin/plugin.json <==\n{}",
            pj("a"),
            pj("b")
        );
        // The listing scaffold adds a marketplace listing both.
        assert_eq!(count(&listing), 0);
        let nested = format!(
            "==> (no scaffold) <==\n==> tools/.claude-plugin/marketplace.json <==\n{{ \"name\": \"t\", \"description\": \"T.\", \"owner\": {{ \"name\": \"O\" }}, \"plugins\": [] }}\n{listing}"
        );
        assert_eq!(count(&nested), 0);
    }

    #[test]
    fn a_plugin_source_without_a_marketplace_is_reported_on_its_name() {
        let listing = "==> (no scaffold) <==\n==> plugins/ops/plugin.yaml <==\nname: ops\nversion: 0.1.0\ndescription: \"Operations. Skills: {skills}.\"\nauthor:\n  name: A\n";
        let (_d, loaded, diags) = check_listing(listing);
        let hits = of_rule(&diags, &super::RULE);
        assert_eq!(hits.len(), 1);
        let d = hits[0];
        assert_eq!(loaded.db.path(d.file()), "plugins/ops/plugin.yaml");
        assert_eq!(
            &loaded.db.text(d.file())[d.span().start as usize..d.span().end as usize],
            "ops"
        );
        insta::assert_snapshot!(crate::engine::testing::render(&loaded, std::slice::from_ref(d)));
    }

    #[test]
    fn many_plugins_are_one_finding_that_counts_them() {
        let mut listing = String::from("==> (no scaffold) <==\n");
        for p in ["e", "d", "c", "b", "a"] {
            listing.push_str(&format!(
                "==> plugins/{p}/.claude-plugin/plugin.json <==\n{}",
                pj(p)
            ));
        }
        let (_d, loaded, diags) = check_listing(&listing);
        let hits = of_rule(&diags, &super::RULE);
        assert_eq!(hits.len(), 1);
        assert_eq!(
            loaded.db.path(hits[0].file()),
            "plugins/a/.claude-plugin/plugin.json"
        );
        assert!(
            hits[0]
                .message
                .starts_with("5 plugins (plugins/a/, plugins/b/, plugins/c/, …)"),
            "{}",
            hits[0].message
        );
    }
}
