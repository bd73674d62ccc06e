//! The plugins of a tree and their components: marketplace entries and
//! where their sources lead, plugin.json directories, skills, commands,
//! agents and workflows by the rules Claude Code's loader follows.

use super::read::is_markdown;
use crate::model::*;
use crate::parse::json::{self, JsonNode};
use crate::source;
use std::collections::{BTreeSet, HashMap};

pub(super) struct Builder {
    pub files: PathSet,
    pub dirs: PathSet,
    pub json: Vec<JsonFile>,
    pub json_by_path: HashMap<String, usize>,
    pub plugins: Vec<Plugin>,
    pub entries: Vec<Entry>,
    pub marketplaces: Vec<Marketplace>,
}

const MARKETPLACE: &str = ".claude-plugin/marketplace.json";

fn manifest_path(dir: &str) -> String {
    if dir.is_empty() {
        ".claude-plugin/plugin.json".into()
    } else {
        format!("{dir}/.claude-plugin/plugin.json")
    }
}

fn sub(dir: &str, rel: &str) -> String {
    if dir.is_empty() {
        rel.to_string()
    } else {
        format!("{dir}/{rel}")
    }
}

/// String items of a component field (`"./x"` or `["./x", …]`).
fn path_items(node: Option<&JsonNode>) -> Option<Vec<String>> {
    let node = node?;
    match node.as_str() {
        Some(s) => Some(vec![s.to_string()]),
        None if !node.items().is_empty() || matches!(node.kind, json::JsonKind::Array(_)) => Some(
            node.items()
                .iter()
                .filter_map(|i| i.as_str().map(str::to_string))
                .collect(),
        ),
        None => None,
    }
}

impl Builder {
    pub(super) fn build(
        &mut self,
        hint: Option<RootKind>,
        root_name: &str,
        docs: &[Doc],
    ) -> RootKind {
        let doc_by_path: HashMap<&str, usize> = docs
            .iter()
            .enumerate()
            .map(|(i, d)| (&*d.path, i))
            .collect();
        if hint == Some(RootKind::Skill) {
            self.skill_folder(root_name, docs);
            return RootKind::Skill;
        }
        let kind = if self.json_by_path.contains_key(MARKETPLACE) {
            RootKind::Marketplace
        } else if self.json_by_path.contains_key(".claude-plugin/plugin.json") {
            RootKind::Plugin
        } else {
            RootKind::Folder
        };
        let mut claimed: BTreeSet<String> = BTreeSet::new();
        for (dir, json) in self.marketplace_files() {
            let m = self.marketplaces.len();
            self.marketplaces.push(Marketplace { json, dir });
            self.marketplace_entries(m, &doc_by_path, &mut claimed);
        }
        self.unlisted_manifests(&doc_by_path, &mut claimed);
        self.projects(root_name, &doc_by_path);
        self.loose_skills(root_name, docs);
        kind
    }

    /// Every `.claude-plugin/marketplace.json` as (its root, its index),
    /// outermost first.
    fn marketplace_files(&self) -> Vec<(String, usize)> {
        let mut out: Vec<(String, usize)> = self
            .json_by_path
            .iter()
            .filter_map(|(p, &i)| {
                let root = if p == MARKETPLACE {
                    ""
                } else {
                    p.strip_suffix(&format!("/{MARKETPLACE}"))?
                };
                Some((root.to_string(), i))
            })
            .collect();
        out.sort_by(|a, b| {
            let depth = |d: &str| {
                if d.is_empty() {
                    0
                } else {
                    d.matches('/').count() + 1
                }
            };
            depth(&a.0).cmp(&depth(&b.0)).then_with(|| a.0.cmp(&b.0))
        });
        out
    }

    /// The skill (or skills folder) a run was pointed at, as one synthetic
    /// plugin.
    fn skill_folder(&mut self, root_name: &str, docs: &[Doc]) {
        let mut p = self.new_plugin("", root_name.to_string(), None);
        p.synthetic = true;
        p.kind = PluginKind::Standalone;
        for (i, d) in docs.iter().enumerate() {
            if d.path.ends_with("/SKILL.md") && !d.path[..d.path.len() - 9].contains('/') {
                let dir = source::parent(&d.path).to_string();
                p.skills.push(Skill {
                    name: dir.clone(),
                    dir,
                    doc: i,
                });
            }
        }
        self.plugins.push(p);
    }

    /// The entries of marketplace `m`, and the plugins their local sources
    /// lead to (resolved from the marketplace's own root).
    fn marketplace_entries(
        &mut self,
        m: usize,
        doc_by_path: &HashMap<&str, usize>,
        claimed: &mut BTreeSet<String>,
    ) {
        let Some(root) = self.json[self.marketplaces[m].json].root().cloned() else {
            return;
        };
        let plugin_root = root
            .get("metadata")
            .and_then(|m| m.get("pluginRoot"))
            .and_then(JsonNode::as_str)
            .map(str::to_string);
        for (index, e) in root
            .get("plugins")
            .map(|p| p.items())
            .unwrap_or(&[])
            .iter()
            .enumerate()
        {
            self.add_entry(m, index, e, plugin_root.as_deref(), doc_by_path, claimed);
        }
    }

    /// Every other directory with a plugin.json is a plugin too (an orphan
    /// when a marketplace exists and does not list it).
    fn unlisted_manifests(
        &mut self,
        doc_by_path: &HashMap<&str, usize>,
        claimed: &mut BTreeSet<String>,
    ) {
        let mut manifests: Vec<String> = self
            .json_by_path
            .keys()
            .filter(|p| p.ends_with(".claude-plugin/plugin.json"))
            .map(|p| source::parent(source::parent(p)).to_string())
            .collect();
        manifests.sort();
        for dir in manifests {
            if claimed.contains(&dir) {
                continue;
            }
            claimed.insert(dir.clone());
            let p = self.plugin_at(&dir, None, None, doc_by_path);
            self.plugins.push(p);
        }
    }

    /// Every `.claude/` directory is a project: its `skills/`, `commands/`
    /// and `agents/` load in that project, whether or not the repository
    /// also ships plugins.
    fn projects(&mut self, root_name: &str, doc_by_path: &HashMap<&str, usize>) {
        let dirs: Vec<String> = self
            .dirs
            .iter()
            .filter(|d| *d == ".claude" || d.ends_with("/.claude"))
            .map(str::to_string)
            .collect();
        for dir in dirs {
            let owner = source::parent(&dir);
            let name = owner.rsplit('/').next().filter(|n| !n.is_empty());
            let mut p = self.new_plugin(&dir, name.unwrap_or(root_name).to_string(), None);
            p.synthetic = true;
            p.kind = PluginKind::Project;
            for d in self.children_with_skill(&sub(&dir, "skills")) {
                if let Some(&doc) = doc_by_path.get(sub(&d, "SKILL.md").as_str()) {
                    p.skills.push(Skill {
                        name: d.rsplit('/').next().unwrap_or(&d).to_string(),
                        dir: d,
                        doc,
                    });
                }
            }
            let components = |base: &str| -> Vec<Component> {
                self.md_under(base)
                    .into_iter()
                    .filter_map(|(name, f)| {
                        doc_by_path
                            .get(f.as_str())
                            .map(|&doc| Component { name, doc })
                    })
                    .collect()
            };
            p.commands = components(&sub(&dir, "commands"));
            p.agents = components(&sub(&dir, "agents"));
            if !p.skills.is_empty() || !p.commands.is_empty() || !p.agents.is_empty() {
                self.plugins.push(p);
            }
        }
    }

    /// Every directory holding a SKILL.md that no plugin or project loads
    /// is a skill of its own (a skills collection in any layout:
    /// `skills/<category>/<skill>/`, `<dir>/<skill>/`). Skills that share a
    /// parent directory form one synthetic plugin.
    fn loose_skills(&mut self, root_name: &str, docs: &[Doc]) {
        let claimed: BTreeSet<&str> = self
            .plugins
            .iter()
            .flat_map(|p| p.skills.iter().map(|s| s.dir.as_str()))
            .collect();
        let mut groups: std::collections::BTreeMap<String, Vec<Skill>> = Default::default();
        for (i, d) in docs.iter().enumerate() {
            let Some(dir) = d.path.strip_suffix("/SKILL.md") else {
                continue;
            };
            // A starter template (`template/SKILL.md`, `name: template-skill`)
            // is copied and renamed, never loaded as it is.
            let base = dir.rsplit('/').next().unwrap_or(dir).to_ascii_lowercase();
            if claimed.contains(dir)
                || matches!(
                    base.trim_start_matches('_'),
                    "template" | "templates" | "skill-template"
                )
            {
                continue;
            }
            groups
                .entry(source::parent(dir).to_string())
                .or_default()
                .push(Skill {
                    name: dir.rsplit('/').next().unwrap_or(dir).to_string(),
                    dir: dir.to_string(),
                    doc: i,
                });
        }
        for (parent, skills) in groups {
            let name = parent.rsplit('/').next().filter(|n| !n.is_empty());
            let mut p = self.new_plugin(&parent, name.unwrap_or(root_name).to_string(), None);
            p.synthetic = true;
            p.kind = PluginKind::Standalone;
            p.skills = skills;
            self.plugins.push(p);
        }
    }
    fn new_plugin(&self, dir: &str, name: String, entry: Option<usize>) -> Plugin {
        Plugin {
            dir: dir.to_string(),
            name,
            manifest: self.json_by_path.get(&manifest_path(dir)).copied(),
            entry,
            skills: Vec::new(),
            commands: Vec::new(),
            agents: Vec::new(),
            workflows: Vec::new(),
            synthetic: false,
            kind: PluginKind::Plugin,
        }
    }

    fn add_entry(
        &mut self,
        m: usize,
        index: usize,
        e: &JsonNode,
        plugin_root: Option<&str>,
        doc_by_path: &HashMap<&str, usize>,
        claimed: &mut BTreeSet<String>,
    ) {
        let name = e.str_at("name").map(|(s, sp)| (s.to_string(), sp));
        let (source, dir) = match e.get("source") {
            Some(node) => match node.as_str() {
                Some(s) => {
                    let rel = if s.starts_with("./") || s == "." {
                        Some(s.to_string())
                    } else {
                        plugin_root
                            .filter(|_| !s.contains('/'))
                            .map(|pr| format!("{pr}/{s}"))
                    };
                    let dir = rel
                        .as_deref()
                        .and_then(|r| source::join(&self.marketplaces[m].dir, r));
                    (
                        EntrySource::Local {
                            path: s.to_string(),
                            span: node.span,
                        },
                        dir,
                    )
                }
                None if node.is_object() => (EntrySource::Remote, None),
                None => (EntrySource::Invalid, None),
            },
            None => (EntrySource::Invalid, None),
        };
        let entry_index = self.entries.len();
        let mut plugin = None;
        // A plugin another marketplace already lists is the same plugin.
        let listed_elsewhere = dir.as_ref().and_then(|d| {
            self.plugins.iter().position(|p| {
                p.dir == *d && p.entry.is_some_and(|ei| self.entries[ei].marketplace != m)
            })
        });
        if let Some(existing) = listed_elsewhere {
            plugin = Some(existing);
        } else if let Some(d) = dir
            .as_ref()
            .filter(|d| self.dirs.contains(d) || d.is_empty())
        {
            let pname = name.as_ref().map(|(n, _)| n.clone());
            let at_root = *d == self.marketplaces[m].dir;
            let p = self.plugin_at(d, pname, Some((entry_index, e, at_root)), doc_by_path);
            plugin = Some(self.plugins.len());
            self.plugins.push(p);
            claimed.insert(d.clone());
        }
        let file = self.json[self.marketplaces[m].json].file;
        self.entries.push(Entry {
            marketplace: m,
            file,
            index,
            name,
            source,
            dir,
            span: e.span,
            plugin,
        });
    }

    /// Build the plugin rooted at `dir`, with its components.
    fn plugin_at(
        &self,
        dir: &str,
        entry_name: Option<String>,
        entry: Option<(usize, &JsonNode, bool)>,
        doc_by_path: &HashMap<&str, usize>,
    ) -> Plugin {
        let fallback = entry_name.unwrap_or_else(|| {
            dir.rsplit('/')
                .next()
                .filter(|s| !s.is_empty())
                .unwrap_or("root")
                .to_string()
        });
        let mut p = self.new_plugin(dir, fallback, entry.map(|(i, _, _)| i));
        let manifest = p.manifest.and_then(|i| self.json[i].root());
        if let Some(n) = manifest
            .and_then(|m| m.get("name"))
            .and_then(JsonNode::as_str)
            && !n.is_empty()
        {
            p.name = n.to_string();
        }
        let doc = |f: &str| doc_by_path.get(f).copied();
        for d in self.skill_dirs(dir, manifest, entry.map(|(_, e, at_root)| (e, at_root))) {
            if let Some(doc) = doc(&sub(&d, "SKILL.md")) {
                p.skills.push(Skill {
                    name: d.rsplit('/').next().unwrap_or(&d).to_string(),
                    dir: d,
                    doc,
                });
            }
        }
        // A plugin that is one skill: SKILL.md at its root, when it has no
        // `skills/` folder and lists none.
        let lists_skills = manifest.is_some_and(|m| m.get("skills").is_some())
            || entry.is_some_and(|(_, e, _)| e.get("skills").is_some());
        if p.skills.is_empty()
            && !dir.is_empty()
            && !lists_skills
            && !self.dirs.contains(&sub(dir, "skills"))
            && let Some(doc) = doc(&sub(dir, "SKILL.md"))
        {
            p.skills.push(Skill {
                name: dir.rsplit('/').next().unwrap_or(dir).to_string(),
                dir: dir.to_string(),
                doc,
            });
        }
        for (name, f) in self.command_files(dir, manifest) {
            if let Some(doc) = doc(&f) {
                p.commands.push(Component { name, doc });
            }
        }
        for (name, f) in self.agent_files(dir, manifest) {
            if let Some(doc) = doc(&f) {
                p.agents.push(Component { name, doc });
            }
        }
        p.workflows = self.workflows(dir, manifest);
        p
    }

    /// Skill folders of the plugin at `dir`: the default `skills/` (unless
    /// an entry whose source is its marketplace's root lists its own), plus
    /// every path the manifest or the entry lists. Sorted, without repeats.
    fn skill_dirs(
        &self,
        dir: &str,
        manifest: Option<&JsonNode>,
        entry: Option<(&JsonNode, bool)>,
    ) -> Vec<String> {
        let root_entry_lists =
            entry.is_some_and(|(e, at_root)| at_root && e.get("skills").is_some());
        let entry = entry.map(|(e, _)| e);
        let mut dirs: Vec<String> = Vec::new();
        if !root_entry_lists {
            dirs.extend(self.children_with_skill(&sub(dir, "skills")));
        }
        let listed = [manifest, entry]
            .into_iter()
            .flatten()
            .filter_map(|src| path_items(src.get("skills")))
            .flatten();
        for rel in listed {
            if rel.contains("..") {
                continue;
            }
            let Some(d) = source::join(dir, &rel) else {
                continue;
            };
            if self.files.contains(&sub(&d, "SKILL.md")) {
                dirs.push(d);
            } else {
                dirs.extend(self.children_with_skill(&d));
            }
        }
        dirs.sort();
        dirs.dedup();
        dirs
    }

    /// Command files (name, path) of the plugin at `dir`: the default
    /// `commands/` unless the manifest replaces it with paths or an object
    /// of named sources.
    fn command_files(&self, dir: &str, manifest: Option<&JsonNode>) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        match manifest.and_then(|m| m.get("commands")) {
            Some(node) if node.is_object() => {
                for m in node.members() {
                    if let Some(src) = m.value.get("source").and_then(JsonNode::as_str)
                        && let Some(f) = source::join(dir, src)
                    {
                        out.push((m.key.clone(), f));
                    }
                }
            }
            Some(node) => {
                for rel in path_items(Some(node)).unwrap_or_default() {
                    if rel.contains("..") {
                        continue;
                    }
                    let Some(target) = source::join(dir, &rel) else {
                        continue;
                    };
                    if self.files.contains(&target) {
                        out.push((md_stem(&target), target));
                    } else {
                        out.extend(self.md_under(&target));
                    }
                }
            }
            None => out.extend(self.md_under(&sub(dir, "commands"))),
        }
        out
    }

    /// Agent files (name, path): the default `agents/` unless the manifest
    /// replaces it.
    fn agent_files(&self, dir: &str, manifest: Option<&JsonNode>) -> Vec<(String, String)> {
        match manifest.and_then(|m| path_items(m.get("agents"))) {
            Some(items) => items
                .iter()
                .filter(|r| !r.contains(".."))
                .filter_map(|r| source::join(dir, r))
                .map(|f| (md_stem(&f), f))
                .collect(),
            None => self.md_under(&sub(dir, "agents")),
        }
    }

    /// Workflow names: `.js` files of the default dir or the listed paths.
    fn workflows(&self, dir: &str, manifest: Option<&JsonNode>) -> Vec<String> {
        let listed = manifest
            .and_then(|m| path_items(m.get("workflows")))
            .unwrap_or_else(|| vec!["./workflows".into()]);
        let mut out = Vec::new();
        for rel in listed {
            let Some(target) = source::join(dir, &rel) else {
                continue;
            };
            let prefix = format!("{target}/");
            let files: Vec<&str> = if target.ends_with(".js") {
                self.files.get(&target).map(|f| &**f).into_iter().collect()
            } else {
                self.files.starting_with(&prefix).collect()
            };
            for f in files {
                if let Some(stem) = f.rsplit('/').next().and_then(|n| n.strip_suffix(".js")) {
                    out.push(stem.to_string());
                }
            }
        }
        out
    }

    /// Child directories of `base` that hold a SKILL.md.
    fn children_with_skill(&self, base: &str) -> Vec<String> {
        let prefix = format!("{base}/");
        self.files
            .starting_with(&prefix)
            .filter_map(|f| {
                let rest = &f[prefix.len()..];
                let (child, file) = rest.split_once('/')?;
                (file == "SKILL.md").then(|| format!("{prefix}{child}"))
            })
            .collect()
    }

    /// Markdown files below `base`, named by their path (`a/b.md` → `a:b`).
    fn md_under(&self, base: &str) -> Vec<(String, String)> {
        let prefix = format!("{base}/");
        self.files
            .starting_with(&prefix)
            .filter(|f| is_markdown(f))
            .map(|f| {
                let rel = &f[prefix.len()..];
                let name = rel[..rel.len() - 3].replace('/', ":");
                (name, f.to_string())
            })
            .collect()
    }
}

/// The file name of `path` without a `.md` suffix.
fn md_stem(path: &str) -> String {
    path.rsplit('/')
        .next()
        .unwrap_or(path)
        .trim_end_matches(".md")
        .to_string()
}
