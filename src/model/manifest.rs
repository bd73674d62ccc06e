//! `.claude-plugin/marketplace.json` and `.claude-plugin/plugin.json`,
//! typed (formats.md §2–§3). Every field keeps its spans; a value of the
//! wrong type keeps its kind; keys no type declares are kept in `unknown`.

use super::hooks::HookEvents;
use super::servers::{LspServer, McpServer, Monitor};
use super::value::{
    Entry, FromTree, Item, Key, Kind, List, Map, Number, OneOrMany, Opaque, Opt, Present, Scalar,
    Tree,
};
use crate::source::Span;
use crate::typed_object;

typed_object! {
    /// An `author` or `owner`: `{name, email?, url?}`.
    pub struct Person {
        name: String = "name",
        email: String = "email",
        url: String = "url",
    }
}

typed_object! {
    /// marketplace.json `metadata`.
    pub struct MarketplaceMetadata {
        /// The directory bare source names resolve under.
        plugin_root: String = "pluginRoot",
        version: String = "version",
        description: String = "description",
    }
}

typed_object! {
    /// `.claude-plugin/marketplace.json`.
    pub struct MarketplaceManifest {
        schema: String = "$schema",
        name: String = "name",
        owner: Person = "owner",
        description: String = "description",
        version: String = "version",
        metadata: MarketplaceMetadata = "metadata",
        force_remove_deleted_plugins: bool = "forceRemoveDeletedPlugins",
        allow_cross_marketplace_dependencies_on: List<String> = "allowCrossMarketplaceDependenciesOn",
        /// Old plugin name → new name, or null for a removed plugin.
        renames: Map<Scalar> = "renames",
        plugins: List<MarketplaceEntry> = "plugins",
    }
}

typed_object! {
    /// The object form of an entry's `source` (formats.md §3.3), every
    /// kind's fields in one: `source` says which apply.
    pub struct SourceObject {
        source: String = "source",
        repo: String = "repo",
        url: String = "url",
        path: String = "path",
        git_ref: String = "ref",
        sha: String = "sha",
        sha256: String = "sha256",
        package: String = "package",
        version: String = "version",
        registry: String = "registry",
        command: String = "command",
        timeout: Number = "timeout",
        mode: String = "mode",
    }
}

/// Where a marketplace entry's plugin comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    /// A path (`./plugins/x`) or, under `metadata.pluginRoot`, a bare name.
    Path(String),
    /// github, url, git-subdir, npm, archive, command.
    Object(Box<SourceObject>),
}

impl FromTree for Source {
    fn from_tree<N: Tree>(node: &N) -> Result<Self, Kind> {
        match node.kind() {
            Kind::String => String::from_tree(node).map(Source::Path),
            Kind::Object => SourceObject::from_tree(node).map(|o| Source::Object(Box::new(o))),
            k => Err(k),
        }
    }
}

typed_object! {
    /// The fields only a marketplace entry has (the rest are plugin.json's).
    pub struct EntryFields {
        name: String = "name",
        source: Source = "source",
        category: String = "category",
        tags: List<String> = "tags",
        strict: bool = "strict",
        relevance: Opaque = "relevance",
        headers: Map<String> = "headers",
        headers_helper: String = "headersHelper",
        id: Opaque = "id",
    }
}

/// One `plugins[i]` of marketplace.json: its own fields and the plugin.json
/// fields it may carry.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MarketplaceEntry {
    pub span: Span,
    pub entry: EntryFields,
    pub plugin: PluginManifest,
    /// Keys neither an entry nor a plugin.json has.
    pub unknown: Vec<Key>,
}

impl FromTree for MarketplaceEntry {
    fn from_tree<N: Tree>(node: &N) -> Result<Self, Kind> {
        let mut entry = EntryFields::from_tree(node)?;
        let mut plugin = PluginManifest::from_tree(node)?;
        let unknown = entry
            .unknown
            .iter()
            .filter(|k| plugin.unknown.iter().any(|p| p.name == k.name))
            .cloned()
            .collect();
        entry.unknown.clear();
        plugin.unknown.clear();
        Ok(MarketplaceEntry {
            span: node.span(),
            entry,
            plugin,
            unknown,
        })
    }
}

typed_object! {
    /// One command of the object form of `commands`.
    pub struct CommandDefinition {
        source: String = "source",
        content: String = "content",
        description: String = "description",
        argument_hint: String = "argumentHint",
        model: String = "model",
        allowed_tools: List<String> = "allowedTools",
    }
}

/// `commands`: paths, or commands by name.
#[derive(Debug, Clone, PartialEq)]
pub enum Commands {
    Paths(OneOrMany<String>),
    Defined(Map<CommandDefinition>),
}

impl FromTree for Commands {
    fn from_tree<N: Tree>(node: &N) -> Result<Self, Kind> {
        match node.kind() {
            Kind::Object => Map::from_tree(node).map(Commands::Defined),
            _ => OneOrMany::from_tree(node).map(Commands::Paths),
        }
    }
}

/// A path to a config file, or the config written inline (`hooks`,
/// `mcpServers`, `lspServers`).
#[derive(Debug, Clone, PartialEq)]
pub enum PathOr<T> {
    Path(String),
    Inline(T),
}

impl<T: FromTree> FromTree for PathOr<T> {
    fn from_tree<N: Tree>(node: &N) -> Result<Self, Kind> {
        match node.kind() {
            Kind::String => String::from_tree(node).map(PathOr::Path),
            _ => T::from_tree(node).map(PathOr::Inline),
        }
    }
}

/// One config, or a list of them (each a path or inline).
pub type Configs<T> = OneOrMany<PathOr<T>>;

typed_object! {
    /// One `userConfig` option (formats.md §2.4).
    pub struct UserConfigOption {
        option_type: String = "type",
        title: String = "title",
        description: String = "description",
        required: bool = "required",
        multiple: bool = "multiple",
        sensitive: bool = "sensitive",
        /// A scalar default keeps its text (an `options` default must be one of them).
        default: Scalar = "default",
        min: Number = "min",
        max: Number = "max",
        options: List<String> = "options",
    }
}

typed_object! {
    /// One `channels` entry (formats.md §2.5).
    pub struct Channel {
        server: String = "server",
        display_name: String = "displayName",
        user_config: Map<UserConfigOption> = "userConfig",
    }
}

typed_object! {
    /// `experimental`.
    pub struct Experimental {
        themes: OneOrMany<String> = "themes",
        monitors: PathOr<List<Monitor>> = "monitors",
        output_styles: OneOrMany<String> = "outputStyles",
        evals: OneOrMany<String> = "evals",
        syntax_highlighting: Opaque = "syntaxHighlighting",
    }
}

typed_object! {
    /// `.claude-plugin/plugin.json` (formats.md §2).
    pub struct PluginManifest {
        schema: String = "$schema",
        name: String = "name",
        display_name: String = "displayName",
        version: String = "version",
        description: String = "description",
        author: Person = "author",
        homepage: String = "homepage",
        repository: Opaque = "repository",
        license: String = "license",
        keywords: List<String> = "keywords",
        default_enabled: bool = "defaultEnabled",
        dependencies: List<Opaque> = "dependencies",
        metadata: Opaque = "metadata",
        engines: Opaque = "engines",
        network: Opaque = "network",
        privacy_policy_url: String = "privacyPolicyUrl",
        icon: String = "icon",
        settings: Opaque = "settings",
        binaries: Opaque = "binaries",
        types: String = "types",
        skills: OneOrMany<String> = "skills",
        commands: Commands = "commands",
        agents: OneOrMany<String> = "agents",
        output_styles: OneOrMany<String> = "outputStyles",
        workflows: OneOrMany<String> = "workflows",
        hooks: Configs<HookEvents> = "hooks",
        mcp_servers: Configs<Map<McpServer>> = "mcpServers",
        lsp_servers: Configs<Map<LspServer>> = "lspServers",
        user_config: Map<UserConfigOption> = "userConfig",
        channels: List<Channel> = "channels",
        experimental: Experimental = "experimental",
    }
}

impl PluginManifest {
    /// The component fields it declares, by key, with their key spans
    /// (`skills`, `commands`, `agents`, `hooks`, `mcpServers`, `lspServers`,
    /// `outputStyles`, in that order).
    pub fn component_keys(&self) -> Vec<(&'static str, Span)> {
        let mut out = Vec::new();
        let mut add = |k: &'static str, s: Option<Span>| {
            if let Some(s) = s {
                out.push((k, s));
            }
        };
        add("skills", self.skills.key_span());
        add("commands", self.commands.key_span());
        add("agents", self.agents.key_span());
        add("hooks", self.hooks.key_span());
        add("mcpServers", self.mcp_servers.key_span());
        add("lspServers", self.lsp_servers.key_span());
        add("outputStyles", self.output_styles.key_span());
        out
    }

    /// The paths a component field names, with their spans: the strings of
    /// `skills`, `agents`, `outputStyles`, `workflows` (`"./x"` or
    /// `["./x", …]`), of `commands` (or the `source` of each command of its
    /// object form), and the file paths among `hooks`, `mcpServers` and
    /// `lspServers` (not their inline configs). None for another key.
    pub fn component_paths(&self, key: &str) -> Vec<(&str, Span)> {
        match key {
            "skills" => path_items(&self.skills),
            "agents" => path_items(&self.agents),
            "outputStyles" => path_items(&self.output_styles),
            "workflows" => path_items(&self.workflows),
            "commands" => return self.command_paths(),
            "hooks" => return config_paths(&self.hooks),
            "mcpServers" => return config_paths(&self.mcp_servers),
            "lspServers" => return config_paths(&self.lsp_servers),
            _ => None,
        }
        .unwrap_or_default()
    }

    /// The paths of `commands`: its strings, or each defined command's `source`.
    fn command_paths(&self) -> Vec<(&str, Span)> {
        let Some(f) = self.commands.as_ref() else {
            return Vec::new();
        };
        match &f.value {
            Ok(Commands::Paths(p)) => p
                .values(f.span)
                .into_iter()
                .map(|(s, span)| (s.as_str(), span))
                .collect(),
            Ok(Commands::Defined(m)) => m
                .iter()
                .filter_map(|c| c.ok()?.source.spanned())
                .map(|(s, span)| (s.as_str(), span))
                .collect(),
            Err(_) => Vec::new(),
        }
    }

    /// The keys written that plugin.json does not declare, every time they
    /// are written.
    pub fn undeclared_keys(&self) -> impl Iterator<Item = &Key> {
        self.keys
            .iter()
            .filter(|k| !Self::KEYS.contains(&k.name.as_str()))
    }
}

/// The file paths of a config field (`"./x.json"`, or the strings of a list
/// of paths and inline configs).
fn config_paths<T>(field: &Opt<Configs<T>>) -> Vec<(&str, Span)> {
    let Some(f) = field.as_ref() else {
        return Vec::new();
    };
    fn path<T>(p: &PathOr<T>) -> Option<&str> {
        match p {
            PathOr::Path(s) => Some(s),
            PathOr::Inline(_) => None,
        }
    }
    match &f.value {
        Ok(OneOrMany::One(p)) => path(p).map(|s| (s, f.span)).into_iter().collect(),
        Ok(OneOrMany::Many(l)) => l
            .oks()
            .filter_map(|(p, span)| path(p).map(|s| (s, span)))
            .collect(),
        Err(_) => Vec::new(),
    }
}

impl MarketplaceManifest {
    /// `plugins[index]`, as written (its value is an error when it is not
    /// an object).
    pub fn entry(&self, index: usize) -> Option<&Item<MarketplaceEntry>> {
        self.plugins.val()?.0.get(index)
    }

    /// The keys written that marketplace.json does not declare, every time
    /// they are written.
    pub fn undeclared_keys(&self) -> impl Iterator<Item = &Key> {
        self.keys
            .iter()
            .filter(|k| !Self::KEYS.contains(&k.name.as_str()))
    }

    /// Whether it has a description, at the top or in `metadata`.
    pub fn has_description(&self) -> bool {
        self.description.is_some() || self.metadata.val().is_some_and(|m| m.description.is_some())
    }
}

impl MarketplaceMetadata {
    /// The keys written that `metadata` does not declare, every time they
    /// are written.
    pub fn undeclared_keys(&self) -> impl Iterator<Item = &Key> {
        self.keys
            .iter()
            .filter(|k| !Self::KEYS.contains(&k.name.as_str()))
    }
}

impl MarketplaceEntry {
    /// The keys written that neither an entry nor a plugin.json declares,
    /// every time they are written.
    pub fn undeclared_keys(&self) -> impl Iterator<Item = &Key> {
        self.entry.keys.iter().filter(|k| {
            !EntryFields::KEYS.contains(&k.name.as_str())
                && !PluginManifest::KEYS.contains(&k.name.as_str())
        })
    }
}

impl SourceObject {
    /// Its kind (`github`, `archive`, `command`, …), when written as a string.
    pub fn kind(&self) -> Option<&str> {
        self.source.val().map(String::as_str)
    }
}

/// The string items of a component path field (`"./x"` or `["./x", …]`),
/// with their spans; `None` when the field is absent or of another type.
pub fn path_items(field: &Opt<OneOrMany<String>>) -> Option<Vec<(&str, Span)>> {
    let f = field.as_ref()?;
    let v = f.ok()?;
    Some(
        v.values(f.span)
            .into_iter()
            .map(|(s, span)| (s.as_str(), span))
            .collect(),
    )
}

/// The entries of a map field, or none.
pub fn entries<T>(field: &Opt<Map<T>>) -> &[Entry<T>] {
    field.val().map_or(&[], |m| m.0.as_slice())
}
