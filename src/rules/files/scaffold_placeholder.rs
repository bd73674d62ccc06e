//! The `scaffold-placeholder` rule (GEN012).

use crate::declare_rule;
use crate::model::manifest::{MarketplaceManifest, Person, PluginManifest};
use crate::model::value::{Field, FromTree, List, Present};
use crate::model::{Project, TypedSource};
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::source::{FileId, Span};
use crate::text::scaffold::{self, Found};
use std::collections::BTreeSet;

declare_rule! {
    /// Placeholder text from `skillc new` or `skillc init` left as it was written.
    ///
    /// ## What it does
    /// Reports the exact placeholders skillc's scaffolds write, where they
    /// write them: `Your Name` as an `author.name` or `owner.name`,
    /// `What NAME is for.` opening a plugin's or a marketplace's
    /// description, `What NAME does, in one or two sentences. Use when …`
    /// in a skill's description, and the first phase's prose `Say what to
    /// look at and what a healthy result looks like.`. It reads plugin.yaml
    /// and skill.yaml sources, plugin.json, marketplace.json (the top level
    /// and each entry) and SKILL.md (its description and body). A file that
    /// `skillc build` renders from a source (SKILL.md beside a skill.yaml,
    /// plugin.json beside a plugin.yaml, the marketplace entry of a
    /// plugin.yaml) is not reported: the finding is in the source, once.
    ///
    /// ## Why it matters
    /// The placeholder ships: users see `Your Name` as the author, a
    /// marketplace that says nothing about itself, and Claude picks skills
    /// by a description that says when to use none of them. Every other
    /// check passes, so nothing else says the scaffold was never filled in.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin. Skills: .", "author": { "name": "Your Name" } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin. Skills: .", "author": { "name": "Demo Team" } }
    /// ```
    pub static RULE = { id: "GEN012", name: "scaffold-placeholder", family: Files, severity: Warning, reach: Tree, check: check }
}

crate::typed_object! {
    /// What GEN012 reads of a skill.yaml: the text its scaffold writes.
    pub struct SkillText {
        description: String = "description",
        phases: List<PhaseText> = "phases",
    }
}

crate::typed_object! {
    /// A phase of a skill.yaml, as GEN012 reads it.
    pub struct PhaseText {
        id: String = "id",
        prose: String = "prose",
        phases: List<PhaseText> = "phases",
    }
}

/// What the check reads, and where its findings go.
struct Scan<'c, 'a> {
    cx: &'c Context<'a>,
    out: &'c mut Vec<Diagnostic>,
}

impl Scan<'_, '_> {
    /// Report what `find` finds in the string field `field` of `file`.
    fn field(
        &mut self,
        file: FileId,
        name: &str,
        field: &Option<Box<Field<String>>>,
        find: fn(&str) -> Option<Found>,
    ) {
        if let Some((value, span)) = field.spanned() {
            self.value(file, name, value, span, find);
        }
    }

    fn value(
        &mut self,
        file: FileId,
        name: &str,
        value: &str,
        span: Span,
        find: fn(&str) -> Option<Found>,
    ) {
        let Some(found) = find(value) else {
            return;
        };
        let text = &value[found.range.clone()];
        self.push(file, name, text, exact(self.cx.text(file), span, text), found);
    }

    fn push(&mut self, file: FileId, name: &str, text: &str, span: Span, found: Found) {
        self.out.push(
            Diagnostic::new(
                &RULE,
                file,
                span,
                format!("{name} is still the scaffold's placeholder `{text}`"),
            )
            .help(format!("replace it with {}", found.what.instead())),
        );
    }

    fn person(&mut self, file: FileId, name: &str, field: &Option<Box<Field<Person>>>) {
        if let Some(p) = field.val() {
            self.field(file, name, &p.name, scaffold::in_person);
        }
    }

    /// A plugin.json or plugin.yaml, or the plugin.json fields of an entry.
    fn plugin(&mut self, file: FileId, prefix: &str, m: &PluginManifest) {
        self.field(
            file,
            &format!("`{prefix}description`"),
            &m.description,
            scaffold::in_description,
        );
        self.person(file, &format!("`{prefix}author.name`"), &m.author);
    }

    fn phases(&mut self, file: FileId, phases: &List<PhaseText>) {
        for phase in phases.iter().filter_map(|i| i.ok()) {
            let name = match phase.id.val() {
                Some(id) => format!("the prose of phase `{id}`"),
                None => "a phase's prose".to_string(),
            };
            self.field(file, &name, &phase.prose, scaffold::in_prose);
            if let Some(nested) = phase.phases.val() {
                self.phases(file, nested);
            }
        }
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let project = cx.project;
    let mut scan = Scan { cx, out };
    for s in &project.plugin_sources {
        if let Some(m) = source_root::<PluginManifest, _>(s) {
            scan.plugin(s.file, "", &m);
        }
    }
    for s in &project.skill_sources {
        if let Some(k) = source_root::<SkillText, _>(s) {
            scan.field(
                s.file,
                "`description`",
                &k.description,
                scaffold::in_description,
            );
            if let Some(phases) = k.phases.val() {
                scan.phases(s.file, phases);
            }
        }
    }
    plugin_manifests(project, &mut scan);
    marketplaces(project, &mut scan);
    skills(project, &mut scan);
}

/// plugin.json files that `skillc build` does not render.
fn plugin_manifests(project: &Project, scan: &mut Scan<'_, '_>) {
    let mut seen = BTreeSet::new();
    for p in &project.plugins {
        let Some(jf) = project.manifest(p) else {
            continue;
        };
        if rendered_plugin(project, &p.dir) || !seen.insert(jf.file) {
            continue;
        }
        if let Some(m) = jf.plugin() {
            scan.plugin(jf.file, "", m);
        }
    }
}

/// Each marketplace's description and owner, and its entries but those
/// `skillc build` writes from a plugin.yaml.
fn marketplaces(project: &Project, scan: &mut Scan<'_, '_>) {
    for jf in project.marketplace_files() {
        let Some(mk) = jf.marketplace() else {
            continue;
        };
        top_level(jf.file, mk, scan);
        for e in project.entries.iter().filter(|e| e.file == jf.file) {
            if e.dir.as_deref().is_some_and(|d| rendered_plugin(project, d)) {
                continue;
            }
            if let Some(entry) = mk.entry(e.index).and_then(|i| i.ok()) {
                scan.plugin(jf.file, &format!("plugins[{}].", e.index), &entry.plugin);
            }
        }
    }
}

fn top_level(file: FileId, mk: &MarketplaceManifest, scan: &mut Scan<'_, '_>) {
    scan.field(
        file,
        "`description`",
        &mk.description,
        scaffold::in_description,
    );
    if let Some(meta) = mk.metadata.val() {
        scan.field(
            file,
            "`metadata.description`",
            &meta.description,
            scaffold::in_description,
        );
    }
    scan.person(file, "`owner.name`", &mk.owner);
}

/// SKILL.md files that `skillc build` does not render: the description and
/// the body.
fn skills(project: &Project, scan: &mut Scan<'_, '_>) {
    let mut seen = BTreeSet::new();
    for skill in project.plugins.iter().flat_map(|p| &p.skills) {
        if !seen.insert(skill.doc) || project.skill_sources.iter().any(|s| s.dir == skill.dir) {
            continue;
        }
        let doc = project.doc(skill.doc);
        if doc.unread {
            continue;
        }
        if let Some((d, span)) = doc.fm.as_deref().and_then(|fm| fm.description.spanned()) {
            scan.value(doc.file, "`description`", &d.text, span, scaffold::in_description);
        }
        let text = scan.cx.text(doc.file);
        if let Some(body) = text.get(doc.body_start..)
            && let Some(found) = scaffold::in_prose(body)
        {
            let span = Span::new(
                doc.body_start + found.range.start,
                doc.body_start + found.range.end,
            );
            let placeholder = &body[found.range.clone()];
            scan.push(doc.file, "the body", placeholder, span, found);
        }
    }
}

/// Whether the plugin at `dir` has a plugin.yaml its plugin.json and
/// marketplace entry are rendered from.
fn rendered_plugin(project: &Project, dir: &str) -> bool {
    project.plugin_sources.iter().any(|s| s.dir == dir)
}

/// A typed source's root, read as `T`.
fn source_root<T: FromTree, S>(s: &TypedSource<S>) -> Option<T> {
    let root = s.yaml.as_ref().ok()?.root.as_ref()?;
    T::from_tree(root).ok()
}

/// Where `needle` is inside the value at `span` (a quoted or block scalar
/// has more around it); the whole value when escapes hide it.
fn exact(text: &str, span: Span, needle: &str) -> Span {
    let (start, end) = (span.start as usize, span.end as usize);
    text.get(start..end)
        .and_then(|t| t.find(needle))
        .map_or(span, |i| Span::new(start + i, start + i + needle.len()))
}

#[cfg(test)]
mod tests {
    use crate::engine::testing::{check_listing, of_rule, render};
    use crate::text::scaffold;

    /// The text each finding points at, in order.
    fn hits(listing: &str) -> Vec<(String, String)> {
        let (_d, loaded, diags) = check_listing(listing);
        let mut v: Vec<(String, String)> = of_rule(&diags, &super::RULE)
            .iter()
            .map(|d| {
                let (s, e) = (d.span().start as usize, d.span().end as usize);
                (
                    loaded.db.path(d.file()).to_string(),
                    loaded.db.text(d.file())[s..e].to_string(),
                )
            })
            .collect();
        v.sort();
        v
    }

    const MARKETPLACE: &str = "==> .claude-plugin/marketplace.json <==\n{\n  \"name\": \"acme\",\n  \"description\": \"What acme is for.\",\n  \"owner\": {\n    \"name\": \"Your Name\"\n  },\n  \"plugins\": []\n}\n";

    #[test]
    fn a_fresh_marketplace_reports_its_description_and_owner() {
        let (_d, loaded, diags) = check_listing(MARKETPLACE);
        let found: Vec<_> = of_rule(&diags, &super::RULE).into_iter().cloned().collect();
        assert_eq!(found.len(), 2);
        insta::assert_snapshot!(render(&loaded, &found));
    }

    /// The sources as `skillc new` writes them, and what `skillc build`
    /// renders from them: each placeholder once, in the source.
    #[test]
    fn sources_are_reported_and_what_build_renders_is_not() {
        let plugin_yaml = format!(
            "name: ops\nversion: 0.1.0\ndescription: \"{}\"\nauthor:\n  name: {}\n",
            scaffold::plugin_description("ops"),
            scaffold::PERSON
        );
        let skill_yaml = format!(
            "name: deploy\ndescription: \"{}\"\ntitle: Deploy\nphases:\n  - id: inspect\n    title: Inspect\n    mode: read-only\n    prose: |\n      {}\n    phases:\n      - id: nodes\n        title: Nodes\n        prose: |\n          {}\n",
            scaffold::skill_description("deploy"),
            scaffold::PHASE_PROSE,
            scaffold::PHASE_PROSE
        );
        let skill_md = format!(
            "---\nname: deploy\ndescription: \"{}\"\nmetadata:\n  generated-by: skillc\n---\n# Deploy\n\n## Phase 1: Inspect\n\n{}\n",
            scaffold::skill_description("deploy"),
            scaffold::PHASE_PROSE
        );
        let listing = format!(
            "==> plugins/ops/plugin.yaml <==\n{plugin_yaml}==> plugins/ops/.claude-plugin/plugin.json <==\n{{ \"name\": \"ops\", \"version\": \"0.1.0\", \"description\": \"What ops is for. Skills: deploy.\", \"author\": {{ \"name\": \"Your Name\" }} }}\n==> plugins/ops/skills/deploy/skill.yaml <==\n{skill_yaml}==> plugins/ops/skills/deploy/SKILL.md <==\n{skill_md}==> .claude-plugin/marketplace.json <==\n{{ \"name\": \"acme\", \"description\": \"Acme tools.\", \"owner\": {{ \"name\": \"Acme\" }}, \"plugins\": [{{ \"name\": \"ops\", \"source\": \"./plugins/ops\", \"description\": \"What ops is for. Skills: deploy.\" }}] }}\n"
        );
        let yaml = "plugins/ops/plugin.yaml".to_string();
        let skill = "plugins/ops/skills/deploy/skill.yaml".to_string();
        assert_eq!(
            hits(&listing),
            vec![
                (yaml.clone(), "What ops is for.".to_string()),
                (yaml, scaffold::PERSON.to_string()),
                (skill.clone(), scaffold::PHASE_PROSE.to_string()),
                (skill.clone(), scaffold::PHASE_PROSE.to_string()),
                (skill, scaffold::skill_description("deploy")),
            ]
        );
    }

    /// Without sources, the same text in the files themselves is reported.
    #[test]
    fn hand_written_files_are_reported() {
        let listing = format!(
            "==> plugins/demo/skills/deploy/SKILL.md <==\n---\nname: deploy\ndescription: {}\n---\n# Deploy\n\n{}\n==> .claude-plugin/marketplace.json <==\n{{ \"name\": \"acme\", \"description\": \"Acme.\", \"owner\": {{ \"name\": \"Acme\" }}, \"plugins\": [{{ \"name\": \"demo\", \"source\": \"./plugins/demo\", \"description\": \"What demo is for.\", \"author\": {{ \"name\": \"Your Name\" }} }}] }}\n",
            scaffold::skill_description("deploy"),
            scaffold::PHASE_PROSE
        );
        let md = "plugins/demo/skills/deploy/SKILL.md".to_string();
        let mk = ".claude-plugin/marketplace.json".to_string();
        assert_eq!(
            hits(&listing),
            vec![
                (mk.clone(), "What demo is for.".to_string()),
                (mk, scaffold::PERSON.to_string()),
                (md.clone(), scaffold::PHASE_PROSE.to_string()),
                (md, scaffold::skill_description("deploy")),
            ]
        );
    }

    /// Real text that resembles the placeholders stays silent: a name in
    /// a code sample, a description that goes on, a form's field label.
    #[test]
    fn real_text_is_silent() {
        let listing = "==> plugins/demo/skills/deploy/SKILL.md <==\n---\nname: deploy\ndescription: What deploy is for. Deploys the demo app; use when shipping a release.\n---\n# Deploy\n\n```toml\nauthors = [{ name = \"Your Name\" }]\n```\n\nSay what to look at.\n==> plugins/demo/.claude-plugin/plugin.json <==\n{ \"name\": \"demo\", \"version\": \"1.0.0\", \"description\": \"What demo is for. It deploys.\", \"author\": { \"name\": \"Your Name Ltd\" },\n  \"userConfig\": { \"who\": { \"type\": \"string\", \"title\": \"Your Name\", \"description\": \"Your Name\" } } }\n";
        assert_eq!(hits(listing), Vec::<(String, String)>::new());
    }
}
