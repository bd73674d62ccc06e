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
}

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
        let mut kind = RootKind::Folder;
        let mut claimed: BTreeSet<String> = BTreeSet::new();
        if let Some(&mi) = self.json_by_path.get(".claude-plugin/marketplace.json") {
            kind = RootKind::Marketplace;
            self.marketplace_entries(mi, &doc_by_path, &mut claimed);
        } else if self.json_by_path.contains_key(".claude-plugin/plugin.json") {
            kind = RootKind::Plugin;
        }
        self.unlisted_manifests(&doc_by_path, &mut claimed);
        if self.plugins.is_empty() {
            self.bare_folder(root_name, docs, &doc_by_path);
        }
        kind
    }

    /// The skill (or skills folder) a run was pointed at, as one synthetic
    /// plugin.
    fn skill_folder(&mut self, root_name: &str, docs: &[Doc]) {
        let mut p = self.new_plugin("", root_name.to_string(), None);
        p.synthetic = true;
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

    /// The entries of the marketplace.json at index `mi`, and the plugins
    /// their local sources lead to.
    fn marketplace_entries(
        &mut self,
        mi: usize,
        doc_by_path: &HashMap<&str, usize>,
        claimed: &mut BTreeSet<String>,
    ) {
        let Some(root) = self.json[mi].root().cloned() else {
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
            self.add_entry(index, e, plugin_root.as_deref(), doc_by_path, claimed);
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

    /// A bare folder of skills or a project: `*/SKILL.md`, any
    /// `…/skills/*/SKILL.md` (`.claude/skills`, `.agents/skills`), and
    /// `.claude/commands`, `.claude/agents`, as one synthetic plugin.
    fn bare_folder(&mut self, root_name: &str, docs: &[Doc], doc_by_path: &HashMap<&str, usize>) {
        let mut p = self.new_plugin("", root_name.to_string(), None);
        p.synthetic = true;
        for (i, d) in docs.iter().enumerate() {
            let dir = source::parent(&d.path);
            let parent = source::parent(dir);
            let parent_name = parent.rsplit('/').next().unwrap_or(parent);
            if d.path.ends_with("/SKILL.md") && (parent.is_empty() || parent_name == "skills") {
                p.skills.push(Skill {
                    name: dir.rsplit('/').next().unwrap_or(dir).to_string(),
                    dir: dir.to_string(),
                    doc: i,
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
        p.commands.extend(components(".claude/commands"));
        p.agents.extend(components(".claude/agents"));
        if !p.skills.is_empty() || !p.commands.is_empty() || !p.agents.is_empty() {
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
        }
    }

    fn add_entry(
        &mut self,
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
                    let dir = rel.as_deref().and_then(source::normalize);
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
        if let Some(d) = dir
            .as_ref()
            .filter(|d| self.dirs.contains(d) || d.is_empty())
        {
            let pname = name.as_ref().map(|(n, _)| n.clone());
            let p = self.plugin_at(d, pname, Some((entry_index, e)), doc_by_path);
            plugin = Some(self.plugins.len());
            self.plugins.push(p);
            claimed.insert(d.clone());
        }
        self.entries.push(Entry {
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
        entry: Option<(usize, &JsonNode)>,
        doc_by_path: &HashMap<&str, usize>,
    ) -> Plugin {
        let fallback = entry_name.unwrap_or_else(|| {
            dir.rsplit('/')
                .next()
                .filter(|s| !s.is_empty())
                .unwrap_or("root")
                .to_string()
        });
        let mut p = self.new_plugin(dir, fallback, entry.map(|(i, _)| i));
        let manifest = p.manifest.and_then(|i| self.json[i].root());
        if let Some(n) = manifest
            .and_then(|m| m.get("name"))
            .and_then(JsonNode::as_str)
            && !n.is_empty()
        {
            p.name = n.to_string();
        }
        let entry_node = entry.map(|(_, e)| e);
        let doc = |f: &str| doc_by_path.get(f).copied();
        for d in self.skill_dirs(dir, manifest, entry_node) {
            if let Some(doc) = doc(&sub(&d, "SKILL.md")) {
                p.skills.push(Skill {
                    name: d.rsplit('/').next().unwrap_or(&d).to_string(),
                    dir: d,
                    doc,
                });
            }
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
    /// an entry at the marketplace root lists its own), plus every path the
    /// manifest or the entry lists. Sorted, without repeats.
    fn skill_dirs(
        &self,
        dir: &str,
        manifest: Option<&JsonNode>,
        entry: Option<&JsonNode>,
    ) -> Vec<String> {
        let entry_lists = entry.is_some_and(|e| e.get("skills").is_some());
        let mut dirs: Vec<String> = Vec::new();
        if !(dir.is_empty() && entry_lists) {
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
