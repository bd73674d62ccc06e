//! The typed model of a checked tree: marketplace → plugins → skills,
//! commands, agents; every markdown document parsed once; name indexes.

pub mod build;
pub mod focus;
pub mod frontmatter;
pub mod hooks;
pub mod links;
pub mod listing;
pub mod manifest;
pub mod schema;
pub mod servers;
pub mod settings;
pub mod tools;
pub mod typed_source;
pub mod value;

use crate::parse::frontmatter::FrontmatterState;
use crate::parse::json::{JsonDoc, JsonError, JsonNode};
use crate::parse::markdown::MdDoc;
use crate::parse::shell::ShellBlock;
use crate::source::{FileId, RelPath, Span};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// What the checked path turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RootKind {
    /// `.claude-plugin/marketplace.json` at the root.
    Marketplace,
    /// `.claude-plugin/plugin.json` at the root, no marketplace.
    Plugin,
    /// A folder of skills (or any other folder).
    Folder,
    /// A single SKILL.md (or the skill directory holding it).
    Skill,
}

/// What a JSON file is to Claude Code, by its path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonRole {
    Marketplace,
    Plugin,
    Hooks,
    Mcp,
    Lsp,
    Monitors,
    Settings,
}

impl JsonRole {
    /// The role of the JSON file at `path`, when Claude Code reads it.
    pub fn of(path: &str) -> Option<JsonRole> {
        let name = path.rsplit('/').next().unwrap_or(path);
        Some(
            if path.ends_with(".claude-plugin/marketplace.json")
                || path == ".claude-plugin/marketplace.json"
            {
                JsonRole::Marketplace
            } else if path.ends_with(".claude-plugin/plugin.json")
                || path == ".claude-plugin/plugin.json"
            {
                JsonRole::Plugin
            } else if path.ends_with("hooks/hooks.json") {
                JsonRole::Hooks
            } else if path.ends_with(".mcp.json") {
                JsonRole::Mcp
            } else if path.ends_with(".lsp.json") {
                JsonRole::Lsp
            } else if path.ends_with("monitors/monitors.json") {
                JsonRole::Monitors
            } else if (name == "settings.json" || name == "settings.local.json")
                && (path.starts_with(".claude/") || path.contains("/.claude/"))
            {
                JsonRole::Settings
            } else {
                return None;
            },
        )
    }
}

/// A JSON file read into the type its role gives it.
#[derive(Debug, Clone, PartialEq)]
pub enum Typed {
    /// Its root is not of the type its role needs, or it did not parse.
    None,
    Marketplace(Box<manifest::MarketplaceManifest>),
    Plugin(Box<manifest::PluginManifest>),
    Hooks(Box<hooks::HooksFile>),
    Mcp(Box<servers::McpFile>),
    Lsp(Box<servers::LspFile>),
    Monitors(Box<servers::MonitorsFile>),
    Settings(Box<settings::Settings>),
}

impl Typed {
    /// `root` read as `role` says.
    pub fn read(role: JsonRole, root: &JsonNode) -> Typed {
        use value::read;
        let typed = match role {
            JsonRole::Marketplace => read(root).map(|v| Typed::Marketplace(Box::new(v))),
            JsonRole::Plugin => read(root).map(|v| Typed::Plugin(Box::new(v))),
            JsonRole::Hooks => read(root).map(|v| Typed::Hooks(Box::new(v))),
            JsonRole::Mcp => read(root).map(|v| Typed::Mcp(Box::new(v))),
            JsonRole::Lsp => read(root).map(|v| Typed::Lsp(Box::new(v))),
            JsonRole::Monitors => read(root).map(|v| Typed::Monitors(Box::new(v))),
            JsonRole::Settings => read(root).map(|v| Typed::Settings(Box::new(v))),
        };
        typed.unwrap_or(Typed::None)
    }
}

/// A JSON file: its parse, its typed reading, and schema violations found
/// while loading.
#[derive(Debug)]
pub struct JsonFile {
    pub file: FileId,
    pub role: JsonRole,
    pub parsed: Result<JsonDoc, JsonError>,
    pub typed: Typed,
    pub schema_errors: Vec<SchemaError>,
    /// Shell-form hook commands, parsed (a hooks.json's, a plugin.json's
    /// inline `hooks`, a settings file's `hooks`).
    pub shell: Vec<ShellBlock>,
    /// `plugin:skill` mentions in its descriptions (a plugin.json's, the
    /// marketplace's and its entries').
    pub mentions: Vec<crate::parse::mentions::Mention>,
}

impl JsonFile {
    pub fn marketplace(&self) -> Option<&manifest::MarketplaceManifest> {
        match &self.typed {
            Typed::Marketplace(m) => Some(m),
            _ => None,
        }
    }
    pub fn plugin(&self) -> Option<&manifest::PluginManifest> {
        match &self.typed {
            Typed::Plugin(m) => Some(m),
            _ => None,
        }
    }
    pub fn hooks(&self) -> Option<&hooks::HooksFile> {
        match &self.typed {
            Typed::Hooks(h) => Some(h),
            _ => None,
        }
    }

    /// The root object, when the file parsed and its root is an object.
    pub fn root(&self) -> Option<&JsonNode> {
        self.parsed
            .as_ref()
            .ok()
            .map(|d| &d.root)
            .filter(|r| r.is_object())
    }
}

/// One JSON Schema violation, located in the file.
#[derive(Debug, Clone)]
pub struct SchemaError {
    /// JSON pointer of the offending value.
    pub pointer: String,
    pub message: String,
    pub span: Span,
    /// The id of the rule that reports it, as the schema assigns it to the
    /// place of the violation (`x-skillc-rule`); empty when no schema rule
    /// does (another rule reports it, or the schema is a data file's own).
    pub rule: String,
}

/// What kind of markdown document a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocKind {
    Skill,
    Command,
    Agent,
    Other,
}

/// A parsed markdown file.
#[derive(Debug)]
pub struct Doc {
    pub file: FileId,
    pub kind: DocKind,
    /// Relative path (`/`-separated).
    pub path: RelPath,
    pub bom: bool,
    /// The frontmatter's parse. Once [`Doc::fm`] holds its typed reading, a
    /// mapping keeps no entries (see `Frontmatter::prune`): read `fm`.
    pub frontmatter: FrontmatterState,
    /// The frontmatter mapping, typed (when the frontmatter parsed to one).
    pub fm: Option<Box<frontmatter::Frontmatter>>,
    pub body_start: usize,
    pub md: MdDoc,
    /// Phase headings, mentions and STOP GATEs of the body, when it has any.
    pub phases: Option<Box<crate::parse::phase::PhaseFacts>>,
    /// The shell-form hook commands of its frontmatter's `hooks:`
    /// (`Origin::Hook`), then its fenced shell blocks (bash, sh, shell, zsh,
    /// console), parsed.
    pub shell: Vec<ShellBlock>,
    /// In a SKILL.md: fenced lines calling kubectl or helm against a
    /// cluster, and how many name the context (the house-policy vote, see
    /// `parse::shell::policy::cluster_lines`).
    pub cluster_lines: (u32, u32),
    /// A narrowed run (`--files`, `--since`) left the body unparsed: `md` is
    /// empty. Only docs whose findings could not be reported are left so;
    /// see [`crate::load`].
    pub light: bool,
    /// A narrowed run did not even read the file (so `light` too): its text
    /// is empty and its frontmatter `Missing`. SKILL.md files and the
    /// changed files are always read.
    pub unread: bool,
}

/// A typed source file (`skill.yaml` or `plugin.yaml`): its YAML, and the
/// typed value when it deserialized.
#[derive(Debug)]
pub struct TypedSource<T> {
    pub file: FileId,
    /// The directory holding it.
    pub dir: String,
    pub yaml: Result<crate::parse::yaml::YamlDoc, crate::parse::yaml::YamlError>,
    pub value: Option<Result<T, crate::parse::yaml_de::DeError>>,
    /// The shell its scalars hold (a skill's `prelude` and phase `script`s),
    /// parsed, by the span of the scalar.
    pub scripts: Vec<(Span, ShellBlock)>,
}

impl<T: serde::de::DeserializeOwned> TypedSource<T> {
    /// A source with its YAML deserialized into `T`.
    pub fn new(
        file: FileId,
        dir: String,
        yaml: Result<crate::parse::yaml::YamlDoc, crate::parse::yaml::YamlError>,
        scripts: Vec<(Span, ShellBlock)>,
    ) -> Self {
        let value = yaml
            .as_ref()
            .ok()
            .and_then(|d| d.root.as_ref())
            .map(crate::parse::yaml_de::from_node);
        TypedSource {
            file,
            dir,
            yaml,
            value,
            scripts,
        }
    }
}

impl<T> TypedSource<T> {
    pub fn root(&self) -> Option<&crate::parse::yaml::YamlNode> {
        self.yaml.as_ref().ok().and_then(|d| d.root.as_ref())
    }
    /// The shell of the scalar at `node` (see [`TypedSource::scripts`]).
    pub fn script(&self, node: &crate::parse::yaml::YamlNode) -> Option<&ShellBlock> {
        self.scripts
            .iter()
            .find(|(span, _)| *span == node.span)
            .map(|(_, b)| b)
    }
}

/// A JSON document validated against the schema its `$schema` names.
#[derive(Debug)]
pub struct DataFile {
    pub file: FileId,
    /// The `$schema` value as written.
    pub schema: String,
    pub schema_span: Span,
    /// Violations, or why the schema could not be used.
    pub result: Result<Vec<SchemaError>, String>,
}

/// A shell script file: `*.sh`, `*.bash`, or a file a hook runs whose `#!`
/// line names a shell.
#[derive(Debug)]
pub struct Script {
    pub file: FileId,
    pub path: RelPath,
    pub shell: ShellBlock,
    /// A narrowed run has not parsed it (`shell` is empty): none of its
    /// findings can be reported (see `load::parse_deferred`).
    pub light: bool,
    /// A hook runs it (`"${CLAUDE_PLUGIN_ROOT}"/hooks/check.sh`, `bash
    /// "${CLAUDE_PLUGIN_ROOT}/x/y.sh"`), wherever it is in its plugin.
    pub hook: bool,
}

/// How a marketplace entry names its plugin's location.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntrySource {
    /// A path inside the marketplace (`./plugins/x`, or a bare name under `metadata.pluginRoot`).
    Local { path: String, span: Span },
    /// github, url, npm, … (not on disk here).
    Remote,
    /// Missing or malformed (reported by the schema rules).
    Invalid,
}

/// A `.claude-plugin/marketplace.json`: its file and its root.
#[derive(Debug, Clone)]
pub struct Marketplace {
    /// Index into `Project::json`.
    pub json: usize,
    /// The directory holding `.claude-plugin/` (`""` for the checked root):
    /// what its relative sources resolve from.
    pub dir: String,
}

/// One `plugins[i]` entry of a marketplace.json.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The marketplace that lists it (index into `Project::marketplaces`).
    pub marketplace: usize,
    /// That marketplace's file.
    pub file: FileId,
    pub index: usize,
    pub name: Option<(String, Span)>,
    pub source: EntrySource,
    /// Resolved directory of a local source (relative to the checked root;
    /// the source itself is relative to its marketplace's root), if it is
    /// inside the tree.
    pub dir: Option<String>,
    pub span: Span,
    /// The plugin this entry resolved to.
    pub plugin: Option<usize>,
}

/// A plugin: a directory with its components (and maybe a manifest).
#[derive(Debug, Clone)]
pub struct Plugin {
    /// Directory relative to the root (`""` for the root itself).
    pub dir: String,
    /// Name: plugin.json `name`, else the entry name, else the directory name.
    pub name: String,
    /// `.claude-plugin/plugin.json`, index into `Project::json`.
    pub manifest: Option<usize>,
    /// The marketplace entry that lists it.
    pub entry: Option<usize>,
    pub skills: Vec<Skill>,
    pub commands: Vec<Component>,
    pub agents: Vec<Component>,
    /// Workflow names (`workflows/*.js`).
    pub workflows: Vec<String>,
    /// A stand-in for a folder of skills with no plugin around it: manifest
    /// and marketplace rules skip it, and its name is not a mention prefix.
    pub synthetic: bool,
    /// What loads its components.
    pub kind: PluginKind,
}

/// Who loads a group of components, which decides the rules that apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PluginKind {
    /// A plugin: a directory with a plugin.json or listed by a marketplace.
    Plugin,
    /// A project's `.claude/` (skills, commands, agents): Claude Code loads
    /// them in that project.
    Project,
    /// Skills outside any plugin or project (a skills collection, a
    /// `skills/<category>/<skill>/` tree): uploaded or installed one by one.
    Standalone,
}

/// A skill: a directory holding SKILL.md.
#[derive(Debug, Clone)]
pub struct Skill {
    /// Directory name (what the command is called unless `name` renames it).
    pub name: String,
    pub dir: String,
    /// Index into `Project::docs`.
    pub doc: usize,
}

/// A command or agent file.
#[derive(Debug, Clone)]
pub struct Component {
    /// Namespaced name below the plugin (`deploy`, `ops:deploy`).
    pub name: String,
    pub doc: usize,
}

/// A set of paths relative to the root, in order: files or directories.
#[derive(Debug, Default, Clone)]
pub struct PathSet(BTreeSet<RelPath>);

impl PathSet {
    pub fn insert(&mut self, path: RelPath) -> bool {
        self.0.insert(path)
    }
    pub fn contains(&self, path: &str) -> bool {
        self.0.contains(path)
    }
    /// The path itself as held (shared), when it is in the set.
    pub fn get(&self, path: &str) -> Option<&RelPath> {
        self.0.get(path)
    }
    /// The paths that start with `prefix` (a directory with its trailing
    /// `/`, or any prefix), in order.
    pub fn starting_with<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.0
            .range::<str, _>((
                std::ops::Bound::Included(prefix),
                std::ops::Bound::Unbounded,
            ))
            .map(|p| &**p)
            .take_while(move |p| p.starts_with(prefix))
    }
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|p| &**p)
    }
    pub fn len(&self) -> usize {
        self.0.len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The whole checked tree.
#[derive(Debug)]
pub struct Project {
    pub kind: RootKind,
    /// Every `.claude-plugin/marketplace.json`, at any depth, outermost
    /// first.
    pub marketplaces: Vec<Marketplace>,
    pub entries: Vec<Entry>,
    pub plugins: Vec<Plugin>,
    pub json: Vec<JsonFile>,
    pub docs: Vec<Doc>,
    /// Every file path under the root (relative, `/`-separated).
    pub files: PathSet,
    /// Every directory under the root.
    pub dirs: PathSet,
    /// Doc index by path.
    pub doc_by_path: HashMap<RelPath, usize>,
    /// (plugin, skill) index of every skill directory.
    pub skills_by_dir: HashMap<String, (usize, usize)>,
    /// Plugin index of every plugin directory (the last plugin when several share one).
    pub plugins_by_dir: HashMap<String, usize>,
    /// Top-most excluded paths (their subtrees were not walked).
    pub excluded: BTreeSet<String>,
    /// Folders of copies (backups, archives) the walk left out by default.
    pub copies: Vec<String>,
    /// The markdown Claude reads when it uses the plugins: skills,
    /// commands, agents and output styles, the other files of a skill
    /// directory, and the files these link to (computed once at load; see
    /// `links::claude_reads`).
    pub read_by_claude: std::collections::HashSet<RelPath>,
    /// The checked root on disk, canonical: what exists is asked of the file
    /// system when the walk left a path out (git-ignored files exist too).
    pub root: std::path::PathBuf,
    /// Plugin indexes by name (several when names collide).
    pub plugins_by_name: BTreeMap<String, Vec<usize>>,
    /// Problems with paths and reads, reported by the file rules.
    pub problems: Vec<Problem>,
    /// Every `*.sh` and `*.bash` file, and the files hooks run whose `#!`
    /// line names a shell.
    pub scripts: Vec<Script>,
    /// `skill.yaml` sources.
    pub skill_sources: Vec<TypedSource<crate::model::typed_source::SkillSource>>,
    /// JSON documents that name a local `$schema`, validated against it.
    pub data: Vec<DataFile>,
    /// `plugin.yaml` sources.
    pub plugin_sources: Vec<TypedSource<crate::model::typed_source::PluginSource>>,
}

/// A file that could not be read or parsed as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    NotUtf8 { file: FileId, offset: usize },
    TooLarge { file: FileId, size: u64, limit: u64 },
    Unreadable { file: FileId, reason: String },
    SymlinkEscapes { file: FileId, target: String },
    Broken { file: FileId, reason: String },
}

impl Project {
    /// Every marketplace.json of the tree, outermost first.
    pub fn marketplace_files(&self) -> impl Iterator<Item = &JsonFile> {
        self.marketplaces.iter().map(|m| &self.json[m.json])
    }
    /// The marketplace.json at the checked root, when there is one.
    pub fn root_marketplace(&self) -> Option<&JsonFile> {
        self.marketplaces
            .iter()
            .find(|m| m.dir.is_empty())
            .map(|m| &self.json[m.json])
    }
    /// The marketplace that lists entry `e`.
    pub fn marketplace_of(&self, e: &Entry) -> &JsonFile {
        &self.json[self.marketplaces[e.marketplace].json]
    }
    pub fn manifest(&self, plugin: &Plugin) -> Option<&JsonFile> {
        plugin.manifest.map(|i| &self.json[i])
    }
    /// What declares a plugin's components, each with its file: its
    /// plugin.json, and the marketplace entry that lists it (an entry's
    /// fields are plugin.json's: merged with it, or the whole definition
    /// with `strict: false`).
    pub fn declarations(&self, p: &Plugin) -> Vec<(FileId, &manifest::PluginManifest)> {
        let mut out = Vec::new();
        if let Some(jf) = self.manifest(p)
            && let Some(pm) = jf.plugin()
        {
            out.push((jf.file, pm));
        }
        if let Some(ei) = p.entry {
            let e = &self.entries[ei];
            let mk = self.marketplace_of(e);
            if let Some(entry) = mk
                .marketplace()
                .and_then(|m| m.entry(e.index))
                .and_then(|i| i.ok())
            {
                out.push((mk.file, &entry.plugin));
            }
        }
        out
    }
    pub fn doc(&self, i: usize) -> &Doc {
        &self.docs[i]
    }
    /// Whether `path` is in the tree. Existence is the file system's: a
    /// path the walk left out (excluded, git-ignored) exists when it is on
    /// disk below the root; excluded subtrees were not walked, so nothing in
    /// them is said to be missing.
    pub fn exists(&self, path: &str) -> bool {
        path.is_empty()
            || self.files.contains(path)
            || self.dirs.contains(path)
            || self.is_excluded(path)
            || self.on_disk(path).is_some()
    }
    /// Whether `path` lies in a subtree `exclude` kept skillc out of.
    pub fn is_excluded(&self, path: &str) -> bool {
        !self.excluded.is_empty() && ancestors(path).any(|a| self.excluded.contains(a))
    }
    pub fn is_dir(&self, path: &str) -> bool {
        path.is_empty()
            || self.dirs.contains(path)
            || self.on_disk(path).is_some_and(|m| m.is_dir())
    }
    /// Whether the file at `path` (relative, inside the root; symlinks
    /// followed, never out of the root) has an execute bit, as the checkout's
    /// mode says (git may record another). `None` where file modes are not
    /// known (Windows) or when there is no such file.
    pub fn is_executable(&self, path: &str) -> Option<bool> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let meta = self.on_disk(path).filter(std::fs::Metadata::is_file)?;
            Some(meta.permissions().mode() & 0o111 != 0)
        }
        #[cfg(not(unix))]
        {
            let _ = path;
            None
        }
    }
    /// What the file system says of `path` (relative, inside the root), for
    /// paths the walk did not see. Never looks outside the root.
    fn on_disk(&self, path: &str) -> Option<std::fs::Metadata> {
        if self.root.as_os_str().is_empty()
            || path.starts_with('/')
            || path.contains('\\')
            || path.split('/').any(|s| s == ".." || s.is_empty())
        {
            return None;
        }
        let full = self.root.join(path);
        let meta = std::fs::metadata(&full).ok()?;
        // A symlink may lead out of the tree: only what stays inside counts.
        let canon = full.canonicalize().ok()?;
        canon.starts_with(&self.root).then_some(meta)
    }
    pub fn plugin_named(&self, name: &str) -> Option<&Plugin> {
        self.plugins_by_name
            .get(name)
            .and_then(|v| v.first())
            .map(|i| &self.plugins[*i])
    }
    /// The plugin whose directory holds `path` (the deepest one).
    pub fn plugin_of(&self, path: &str) -> Option<&Plugin> {
        // The innermost plugin directory at or above `path`, then the root.
        ancestors(path)
            .find_map(|a| self.plugins_by_dir.get(a))
            .and_then(|&i| self.plugins.get(i))
    }
    /// The skill whose directory holds `path`.
    pub fn skill_of(&self, path: &str) -> Option<(&Plugin, &Skill)> {
        // The innermost skill directory strictly above `path` (not the root).
        let &(pi, si) = ancestors(path)
            .skip(1)
            .filter(|a| !a.is_empty())
            .find_map(|a| self.skills_by_dir.get(a))?;
        let p = &self.plugins[pi];
        Some((p, &p.skills[si]))
    }
    /// Whether plugin `p` has a skill or command called `name`.
    /// Whether the tree holds anything skillc checks: a marketplace, a
    /// plugin, a skill, command or agent, a hooks, MCP, LSP, monitors or
    /// settings file, or a typed source.
    pub fn has_anything_to_check(&self) -> bool {
        !self.marketplaces.is_empty()
            || !self.json.is_empty()
            || !self.skill_sources.is_empty()
            || !self.plugin_sources.is_empty()
            || self.plugins.iter().any(|p| {
                !p.synthetic
                    || !p.skills.is_empty()
                    || !p.commands.is_empty()
                    || !p.agents.is_empty()
            })
    }

    pub fn has_component(&self, p: &Plugin, name: &str) -> bool {
        p.skills
            .iter()
            .any(|s| s.name == name || self.skill_display_name(s) == Some(name))
            || p.commands.iter().any(|c| c.name == name)
            || p.agents.iter().any(|a| a.name == name)
            || p.workflows.iter().any(|w| w == name)
    }
    /// The skill directory a skill name refers to (the last skill of that
    /// name when several plugins share it).
    pub fn skills_by_name(&self) -> HashMap<&str, &str> {
        self.plugins
            .iter()
            .flat_map(|p| p.skills.iter().map(|s| (s.name.as_str(), s.dir.as_str())))
            .collect()
    }
    /// The frontmatter `name` of a skill, when set.
    pub fn skill_display_name(&self, s: &Skill) -> Option<&str> {
        use value::Present;
        // Any scalar: `name: 123` names the command `123`.
        self.docs[s.doc]
            .fm
            .as_ref()?
            .name
            .val()
            .map(|n| n.text.as_str())
    }
}

/// `path`, then each directory above it, innermost first, then the root (`""`).
fn ancestors(path: &str) -> impl Iterator<Item = &str> {
    let mut next = Some(path);
    std::iter::from_fn(move || {
        let here = next?;
        next = match here.rfind('/') {
            Some(i) => Some(&here[..i]),
            None if !here.is_empty() => Some(""),
            None => None,
        };
        Some(here)
    })
}
