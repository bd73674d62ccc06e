//! marketplace.json and plugin.json: schema, names, fields, component paths,
//! entries against the tree. Every rule reads the typed manifests
//! ([`crate::model::manifest`]); the helpers here are what several share.

use crate::model::manifest::{MarketplaceEntry, MarketplaceManifest, PluginManifest};
use crate::model::value::Present;
use crate::model::{Entry, EntrySource, JsonFile, Plugin, Project, Typed};
use crate::rules::diag::Diagnostic;
use crate::rules::{Context, RuleMeta};
use crate::source::{self, FileId, Span};

crate::declare_family! {
    // marketplace.json
    marketplace_name_missing,
    marketplace_name_invalid,
    marketplace_name_impersonates,
    marketplace_name_reserved,
    marketplace_name_invalid_id,
    marketplace_owner_invalid,
    marketplace_plugins_invalid,
    marketplace_empty,
    marketplace_description_missing,
    marketplace_unknown_field,
    marketplace_field_type,
    // Its entries.
    entry_name_invalid,
    duplicate_plugin_name,
    entry_source_invalid,
    entry_source_not_relative,
    entry_source_traversal,
    entry_sha_invalid,
    entry_archive_url_invalid,
    entry_command_source_invalid,
    entry_npm_source_invalid,
    entry_source_missing,
    strict_false_conflict,
    entry_version_mismatch,
    renames_unresolved,
    entry_relevance_invalid,
    headers_helper_needs_strict_false,
    unlisted_plugin,
    entry_name_mismatch,
    marketplace_missing,
    // plugin.json
    plugin_name_missing,
    plugin_name_empty,
    plugin_name_whitespace,
    plugin_name_control_chars,
    plugin_name_not_kebab,
    plugin_name_invalid_id,
    plugin_version_missing,
    plugin_version_not_semver,
    plugin_description_missing,
    plugin_author_missing,
    plugin_author_invalid,
    plugin_field_type,
    plugin_homepage_invalid,
    plugin_unknown_field,
    plugin_marketplace_only_field,
    plugin_dependency_invalid,
    plugin_user_config_invalid,
    plugin_channel_invalid,
    plugin_claude_md_ignored,
    components_inside_claude_plugin,
    version_not_bumped,
    // Component paths, commands and hooks.
    component_path_not_relative,
    component_path_traversal,
    component_path_missing,
    skills_entry_is_file,
    agents_entry_not_markdown,
    config_path_extension,
    command_source_or_content,
    default_dir_shadowed,
    default_hooks_listed,
    user_config_options_invalid,
    channel_server_unknown,
    user_config_in_shell_hook,
    user_config_undeclared,
    skill_not_loaded,
}

// Written with PJ025, PJ027, PP012 and PP013 (e46a616) but never listed in
// the registry, so they have never run: listing them here would add their
// findings, their rows of README's rules table and their snapshots. Until
// then they are tested below, each check alone on its documented trees.

// ---------------------------------------------------------------------------
// The manifests.

/// Where a marketplace's manifest lives, relative to its root.
pub const MARKETPLACE: &str = ".claude-plugin/marketplace.json";

/// Every marketplace of the tree whose root is an object, outermost first.
pub fn marketplaces(project: &Project) -> impl Iterator<Item = (&JsonFile, &MarketplaceManifest)> {
    project
        .marketplace_files()
        .filter_map(|jf| Some((jf, jf.marketplace()?)))
}

/// Whether the tree is Anthropic's own: a marketplace owner or a plugin
/// author with an anthropic.com address. The names Claude Code reserves for
/// Anthropic (MK004, AS010) are theirs to use.
pub fn anthropic_own(project: &Project) -> bool {
    use crate::model::value::Present;
    let theirs = |p: &crate::model::manifest::Person| {
        p.email
            .val()
            .is_some_and(|e| e.to_ascii_lowercase().ends_with("@anthropic.com"))
    };
    marketplaces(project).any(|(_, m)| m.owner.val().is_some_and(theirs))
        || plugin_json_files(project).any(|(_, pm)| pm.author.val().is_some_and(theirs))
}

/// The marketplace that lists entry `e`, when its root is an object.
pub fn marketplace_of<'a>(
    project: &'a Project,
    e: &Entry,
) -> Option<(&'a JsonFile, &'a MarketplaceManifest)> {
    let jf = project.marketplace_of(e);
    Some((jf, jf.marketplace()?))
}

/// Plugins that have a plugin.json object, with it (a manifest shared by
/// several plugins, once for each).
pub fn manifests(project: &Project) -> impl Iterator<Item = (&Plugin, &JsonFile, &PluginManifest)> {
    project
        .plugins
        .iter()
        .filter(|p| !p.synthetic)
        .filter_map(move |p| {
            let jf = project.manifest(p)?;
            Some((p, jf, jf.plugin()?))
        })
}

/// Plugins that have a plugin.json object, each manifest once (with the
/// first plugin that has it).
pub fn unique_manifests(
    project: &Project,
) -> impl Iterator<Item = (&Plugin, &JsonFile, &PluginManifest)> {
    let mut seen = std::collections::BTreeSet::new();
    manifests(project).filter(move |(_, jf, _)| seen.insert(jf.file))
}

/// Every plugin.json object in the tree (listed or not), once each.
pub fn plugin_json_files(project: &Project) -> impl Iterator<Item = (&JsonFile, &PluginManifest)> {
    let mut seen = std::collections::BTreeSet::new();
    project.plugins.iter().filter_map(move |p| {
        let i = p.manifest?;
        if !seen.insert(i) {
            return None;
        }
        let jf = &project.json[i];
        Some((jf, jf.plugin()?))
    })
}

/// `f` in the plugin directory `dir` (`""` for the root).
pub fn in_dir(dir: &str, f: &str) -> String {
    if dir.is_empty() {
        f.to_string()
    } else {
        format!("{dir}/{f}")
    }
}

/// The opening brace of an object, where findings about what it lacks go.
pub fn brace(object: Span) -> Span {
    Span::new(object.start as usize, object.start as usize + 1)
}

// ---------------------------------------------------------------------------
// Schema violations.

/// Report the violations of plugin.json and marketplace.json that the
/// schemas assign to `rule` (`x-skillc-rule`, see [`crate::model::schema`]).
pub fn schema_violations(cx: &Context<'_>, rule: &'static RuleMeta, out: &mut Vec<Diagnostic>) {
    let files = plugin_json_files(cx.project)
        .map(|(jf, _)| jf)
        .chain(marketplaces(cx.project).map(|(jf, _)| jf));
    for jf in files {
        for e in jf.schema_errors.iter().filter(|e| e.rule == rule.id) {
            out.push(
                Diagnostic::new(rule, jf.file, e.span, &e.message).help(format!(
                    "see `skillc explain {}` for the expected shape",
                    rule.id
                )),
            );
        }
    }
}

// ---------------------------------------------------------------------------
// Names.

/// What is wrong with a marketplace `name`; the first that applies is
/// reported, by its rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarketplaceNameProblem {
    /// Absent, not a string, or blank (MK001).
    Missing,
    /// A space, `/`, `\` or `..` (MK002).
    BadChars,
    /// Looks official, or holds control characters (MK003).
    Impersonates,
    /// A session name of Claude Code (MK004).
    SessionReserved,
    /// An official Anthropic name (MK004, a warning).
    Official,
    /// Not an id part (MK007).
    InvalidId,
}

pub const SESSION_RESERVED: &[&str] = &[
    "inline",
    "builtin",
    "skills-dir",
    "synced",
    "claude-plugin-test",
];

pub const OFFICIAL: &[&str] = &[
    "claude-code-marketplace",
    "claude-code-plugins",
    "claude-plugins-official",
    "claude-plugins-community",
    "claude-community",
    "anthropic-marketplace",
    "anthropic-plugins",
    "agent-skills",
    "anthropic-agent-skills",
    "knowledge-work-plugins",
    "life-sciences",
    "claude-for-legal",
    "claude-for-financial-services",
    "financial-services-plugins",
    "first-party-plugins",
    "healthcare",
    "claude-tag-plugins",
    "anthropic-plugin-directory",
    "claude-plugin-directory",
];

/// The problem of a marketplace name written as a string.
pub fn marketplace_name_problem(name: &str) -> Option<MarketplaceNameProblem> {
    use MarketplaceNameProblem::*;
    Some(if name.trim().is_empty() {
        Missing
    } else if name.contains(char::is_whitespace)
        || name.contains(['/', '\\'])
        || name.contains("..")
        || name == "."
    {
        BadChars
    } else if impersonates(name) || name.chars().any(is_control) {
        Impersonates
    } else if SESSION_RESERVED.contains(&name.to_ascii_lowercase().as_str()) {
        SessionReserved
    } else if OFFICIAL.contains(&name) {
        Official
    } else if !is_id_part(name) {
        InvalidId
    } else {
        return None;
    })
}

/// The marketplace's `name` when it is a string with a problem of `kind`:
/// the file, the name and its span.
pub fn marketplace_name_with(
    project: &Project,
    kind: MarketplaceNameProblem,
) -> impl Iterator<Item = (&JsonFile, &str, Span)> {
    marketplaces(project).filter_map(move |(jf, mk)| {
        let (name, span) = mk.name.spanned()?;
        (marketplace_name_problem(name) == Some(kind)).then_some((jf, name.as_str(), span))
    })
}

/// Claude Code's impersonation test for marketplace names.
pub fn impersonates(name: &str) -> bool {
    if OFFICIAL.contains(&name) {
        return false;
    }
    if name.chars().any(|c| !(' '..='~').contains(&c)) {
        return true;
    }
    let re = crate::regex!(
        r"(?i)official[^a-z0-9]*(anthropic|claude)|(anthropic|claude)[^a-z0-9]*official|^(anthropic|claude)[^a-z0-9]*(marketplace|plugins|official)"
    );
    re.is_match(name)
}

/// What is wrong with a plugin.json `name` written as a string; the first
/// that applies is reported, by its rule (absent or not a string: PJ001).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PluginNameProblem {
    Empty,
    Control,
    Whitespace,
    InvalidId,
    NotKebab,
}

/// The problem of a plugin name written as a string.
pub fn plugin_name_problem(name: &str) -> Option<PluginNameProblem> {
    use PluginNameProblem::*;
    Some(if name.is_empty() {
        Empty
    } else if name.chars().any(is_control) {
        Control
    } else if name.chars().any(char::is_whitespace) {
        Whitespace
    } else if !is_id_part(name) {
        InvalidId
    } else if !is_kebab(name) {
        NotKebab
    } else {
        return None;
    })
}

/// Every plugin.json `name` that is a string with a problem of `kind`: the
/// file, the name and its span.
pub fn plugin_names_with(
    project: &Project,
    kind: PluginNameProblem,
) -> impl Iterator<Item = (&JsonFile, &str, Span)> {
    plugin_json_files(project).filter_map(move |(jf, pm)| {
        let (name, span) = pm.name.spanned()?;
        (plugin_name_problem(name) == Some(kind)).then_some((jf, name.as_str(), span))
    })
}

pub fn is_control(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

pub use crate::text::{is_kebab, kebab};

pub fn is_id_part(s: &str) -> bool {
    crate::regex!(r"^[A-Za-z0-9][-A-Za-z0-9._]*$").is_match(s)
}

/// Entry fields that do nothing in plugin.json (PJ016; PJ015 leaves them).
pub const MARKETPLACE_ONLY_FIELDS: &[&str] =
    &["category", "tags", "strict", "source", "id", "relevance"];

pub fn is_semver(v: &str) -> bool {
    crate::regex!(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$").is_match(v)
}

pub fn is_url(v: &str) -> bool {
    crate::regex!(r"^[A-Za-z][A-Za-z0-9+.-]*://[^\s/?#]+[^\s]*$").is_match(v)
}

// ---------------------------------------------------------------------------
// Marketplace entries.

/// A marketplace entry of the model, with its typed reading (none when it
/// is not an object).
pub type TypedEntry<'a> = (&'a Entry, Option<&'a MarketplaceEntry>);

/// The entries of each marketplace that parsed, with its file.
pub fn entries<'a>(cx: &Context<'a>) -> Vec<(&'a JsonFile, Vec<TypedEntry<'a>>)> {
    marketplaces(cx.project)
        .map(|(jf, mk)| {
            let list = cx
                .project
                .entries
                .iter()
                .filter(|e| e.file == jf.file)
                .map(|e| (e, mk.entry(e.index).and_then(|i| i.ok())))
                .collect();
            (jf, list)
        })
        .collect()
}

/// What a local source path is (`./plugins/x`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LocalSource {
    /// It has a `..` segment (MK017).
    Traversal,
    /// It does not start with `./` and resolves nowhere (MK016).
    NotRelative,
    /// It resolves; the directory is checked (MK022).
    Resolved,
}

/// The local source of an entry: its path, span and what it is.
pub fn local_source(e: &Entry) -> Option<(&str, Span, LocalSource)> {
    let EntrySource::Local { path, span } = &e.source else {
        return None;
    };
    let kind = if path.split(['/', '\\']).any(|s| s == "..") {
        LocalSource::Traversal
    } else if !(path.starts_with("./") || path == ".") && e.dir.is_none() {
        LocalSource::NotRelative
    } else {
        LocalSource::Resolved
    };
    Some((path, *span, kind))
}

/// Whether an entry's local source is refused (MK016, MK017): nothing
/// else is checked about the entry.
pub fn source_refused(e: &Entry) -> bool {
    local_source(e).is_some_and(|(_, _, k)| k != LocalSource::Resolved)
}

/// The plugin an entry resolved to, with its plugin.json object.
pub fn entry_plugin<'a>(
    project: &'a Project,
    e: &Entry,
) -> Option<(&'a Plugin, &'a JsonFile, &'a PluginManifest)> {
    let p = &project.plugins[e.plugin?];
    let jf = project.manifest(p)?;
    Some((p, jf, jf.plugin()?))
}

// ---------------------------------------------------------------------------
// Component paths.

/// What a component field's paths must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathKind {
    Skills,
    Commands,
    Agents,
    /// `hooks`, `mcpServers`, `lspServers`: config files.
    Config,
    Other,
}

/// The component fields, in the order they are checked.
pub const COMPONENT_FIELDS: &[(&str, PathKind)] = &[
    ("skills", PathKind::Skills),
    ("commands", PathKind::Commands),
    ("agents", PathKind::Agents),
    ("hooks", PathKind::Config),
    ("mcpServers", PathKind::Config),
    ("lspServers", PathKind::Config),
    ("outputStyles", PathKind::Other),
    ("workflows", PathKind::Other),
];

/// One path of a component field, in a plugin.json or a marketplace entry.
pub struct ComponentPath<'a> {
    /// The file that writes it.
    pub file: FileId,
    /// The plugin's directory.
    pub dir: &'a str,
    pub key: &'static str,
    pub kind: PathKind,
    pub path: &'a str,
    pub span: Span,
}

impl ComponentPath<'_> {
    /// A URL: not checked at all.
    pub fn is_url(&self) -> bool {
        self.path.starts_with("https://") || self.path.starts_with("http://")
    }
    /// Absolute or climbing out with `..` (PP002): nothing else is checked.
    pub fn leaves_plugin(&self) -> bool {
        let p = self.path;
        let absolute = p.starts_with('/') || p.contains(":\\") || p.starts_with('\\');
        !self.is_url() && (absolute || p.split(['/', '\\']).any(|s| s == ".."))
    }
    /// Checked for its form (PP001) and more.
    pub fn checked(&self) -> bool {
        !self.is_url() && !self.leaves_plugin()
    }
    /// Where it points in the tree, when it is checked further.
    pub fn target(&self) -> Option<String> {
        self.checked()
            .then(|| source::join(self.dir, self.path))
            .flatten()
    }
    /// An `agents` entry that is not a `.md` file (PP005).
    pub fn agent_not_md(&self) -> bool {
        self.kind == PathKind::Agents && !self.path.ends_with(".md")
    }
    /// A config file path with the wrong extension (PP006).
    pub fn bad_extension(&self) -> bool {
        let p = self.path;
        let ok = if self.key == "mcpServers" {
            p.ends_with(".json") || p.ends_with(".mcpb") || p.ends_with(".dxt")
        } else {
            p.ends_with(".json")
        };
        self.kind == PathKind::Config && !ok
    }
    /// Where it points, when it is checked for existence: checked further
    /// and of the right type.
    pub fn to_look_up(&self) -> Option<String> {
        self.target()
            .filter(|_| !self.agent_not_md() && !self.bad_extension())
    }
    /// Where it points, when that exists (and so is checked for what it is).
    pub fn existing(&self, cx: &Context<'_>) -> Option<String> {
        self.to_look_up().filter(|t| cx.project.exists(t))
    }
}

/// Every component path of every plugin, in its plugin.json and in its
/// marketplace entry (each file and entry once).
pub fn component_paths<'a>(cx: &Context<'a>) -> Vec<ComponentPath<'a>> {
    let mut out = Vec::new();
    for (file, p, holder) in holders(cx) {
        for &(key, kind) in COMPONENT_FIELDS {
            for (path, span) in holder.component_paths(key) {
                out.push(ComponentPath {
                    file,
                    dir: &p.dir,
                    key,
                    kind,
                    path,
                    span,
                });
            }
        }
    }
    out
}

/// Everything that declares a plugin's components: each plugin's
/// plugin.json (once, when several plugins share it) and the marketplace
/// entry that lists it (its fields are plugin.json's: merged with it, or
/// the whole definition with `strict: false`), each with its file.
pub fn holders<'a>(cx: &Context<'a>) -> Vec<(FileId, &'a Plugin, &'a PluginManifest)> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for p in cx.project.plugins.iter().filter(|p| !p.synthetic) {
        for (file, pm) in cx.project.declarations(p) {
            // A plugin.json several plugins share, once.
            if seen.insert(std::ptr::from_ref(pm)) {
                out.push((file, p, pm));
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------
// userConfig placeholders in hooks.

/// A string of a hook handler: its `command`, or one of its `args`.
pub struct HookString<'a> {
    pub file: FileId,
    pub text: &'a str,
    pub span: Span,
    /// A `command` run through a shell (no `args`).
    pub shell: bool,
}

/// The JSON file at `path`, when the tree has it.
pub fn json_at<'a>(cx: &Context<'a>, path: &str) -> Option<&'a JsonFile> {
    cx.project.json.iter().find(|j| cx.db.path(j.file) == path)
}

/// The strings of a plugin's configs where Claude Code substitutes
/// `${user_config.KEY}`, with the plugin: every hook handler's `command`,
/// `args`, `url` and `headers` (hooks files, inline `hooks` of plugin.json
/// and marketplace entries, skill and agent frontmatter), and its MCP
/// servers' `command`, `args`, `env`, `url`, `headers` and
/// `headersHelper`. `shell` marks where substitution is refused: a
/// shell-form hook command and `headersHelper`.
pub fn user_config_strings<'a>(cx: &Context<'a>) -> Vec<(&'a Plugin, HookString<'a>)> {
    use crate::model::value::Present;
    let mut out = Vec::new();
    for h in crate::rules::hooks::handlers(cx) {
        let Some(p) = h.plugin else { continue };
        let shell = crate::rules::hooks::shell_command(&h).is_some();
        let mut strings: Vec<(&str, Span, bool)> = Vec::new();
        if let Some((c, span)) = h.handler.command.spanned() {
            strings.push((c, span, shell));
        }
        for (a, span) in h.handler.args.val().into_iter().flat_map(|a| a.oks()) {
            strings.push((a, span, false));
        }
        if let Some((u, span)) = h.handler.url.spanned() {
            strings.push((u, span, false));
        }
        for e in h.handler.headers.val().into_iter().flat_map(|m| m.iter()) {
            if let Some(v) = e.ok() {
                strings.push((v, e.span, false));
            }
        }
        for (text, span, shell) in strings {
            out.push((
                p,
                HookString {
                    file: h.file,
                    text,
                    span,
                    shell,
                },
            ));
        }
    }
    for m in crate::rules::servers::mcp_servers(cx) {
        let Some(p) = m.plugin.filter(|p| !p.synthetic) else {
            continue;
        };
        for (text, span) in crate::rules::servers::expanded_strings(m.server) {
            out.push((
                p,
                HookString {
                    file: m.file,
                    text,
                    span,
                    shell: false,
                },
            ));
        }
        if let Some((text, span)) = m.server.headers_helper.spanned() {
            out.push((
                p,
                HookString {
                    file: m.file,
                    text,
                    span,
                    shell: true,
                },
            ));
        }
    }
    out
}

/// The `userConfig` keys a plugin declares, in its plugin.json and its
/// marketplace entry.
pub fn user_config_keys<'a>(cx: &Context<'a>, p: &Plugin) -> std::collections::BTreeSet<&'a str> {
    cx.project
        .declarations(p)
        .into_iter()
        .flat_map(|(_, pm)| {
            crate::model::manifest::entries(&pm.user_config)
                .iter()
                .map(|e| e.key.as_str())
        })
        .collect()
}

/// A `${user_config.KEY}` in a hook string: where it is, as written, and KEY.
pub struct Placeholder<'a> {
    pub at: Span,
    pub all: &'a str,
    pub key: &'a str,
}

/// The `${user_config.KEY}` placeholders of a hook string, located in the
/// file's text.
pub fn placeholders<'a>(cx: &Context<'_>, s: &HookString<'a>) -> Vec<Placeholder<'a>> {
    let re = crate::regex!(r"\$\{user_config\.([A-Za-z_][A-Za-z0-9_]*)\}");
    let raw = cx.text(s.file).get(s.span.range()).unwrap_or("");
    re.captures_iter(s.text)
        .filter_map(|c| {
            let (all, key) = (c.get(0)?, c.get(1)?);
            let at = raw.find(all.as_str()).map_or(s.span, |i| {
                Span::new(
                    s.span.start as usize + i,
                    s.span.start as usize + i + all.len(),
                )
            });
            Some(Placeholder {
                at,
                all: all.as_str(),
                key: key.as_str(),
            })
        })
        .collect()
}

/// The MCP servers a plugin defines (inline `mcpServers` and `.mcp.json`),
/// or none when they cannot be known (a path, an unreadable file).
pub fn mcp_servers(cx: &Context<'_>, p: &Plugin, pm: &PluginManifest) -> Option<Vec<String>> {
    use crate::model::manifest::PathOr;
    use crate::model::value::OneOrMany;
    let mut servers = Vec::new();
    match pm.mcp_servers.as_ref().map(|f| &f.value) {
        Some(Ok(OneOrMany::One(PathOr::Inline(m)))) => servers.extend(m.keys().map(str::to_string)),
        Some(_) => return None,
        None => {}
    }
    let mcp_path = in_dir(&p.dir, ".mcp.json");
    if let Some(mcp) = json_at(cx, &mcp_path) {
        match &mcp.typed {
            Typed::Mcp(f) => servers.extend(f.servers()?.keys().map(str::to_string)),
            _ => return None,
        }
    }
    Some(servers)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn impersonation() {
        assert!(impersonates("anthropic-official-tools"));
        assert!(impersonates("claude-marketplace"));
        assert!(impersonates("märket"));
        assert!(!impersonates("claude-plugins-official"));
        assert!(!impersonates("acme-claude-tools"));
    }

    #[test]
    fn semver_and_urls() {
        assert!(is_semver("1.2.3"));
        assert!(is_semver("1.0.0-rc.1+build.5"));
        assert!(!is_semver("v1.2.3"));
        assert!(!is_semver("1.2"));
        assert!(is_url("https://example.com/x"));
        assert!(!is_url("example.com"));
    }

    /// The unregistered rules' checks, run alone: each Example fires only
    /// its own rule, and each Use instead stays silent.

    #[test]
    fn kebab_rendering() {
        assert_eq!(kebab("DemoPlugin"), "demo-plugin");
        assert_eq!(kebab("my plugin_x"), "my-plugin-x");
        assert!(is_kebab("a-b1"));
        assert!(!is_kebab("a--b"));
    }
}
