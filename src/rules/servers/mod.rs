//! MCP servers (`.mcp.json`, inline `mcpServers`), LSP servers (`.lsp.json`,
//! inline `lspServers`) and monitors (`monitors/monitors.json`,
//! `experimental.monitors`): formats.md §9, §10, §2.2. The file and the
//! inline form of each reach the rules through one helper here, so both get
//! the same checks.

use crate::model::manifest::{Configs, PathOr};
use crate::model::servers::McpServer;
use crate::model::value::{Map, OneOrMany, Present};
use crate::model::{JsonRole, Plugin, Typed};
use crate::rules::Context;
use crate::source::{FileId, Span};

crate::declare_family! {
    mcp_server_not_object,
    mcp_command_missing,
    mcp_url_without_type,
    mcp_type_unknown,
    mcp_url_missing,
    mcp_field_type,
    mcp_unknown_key,
    mcp_oauth_invalid,
    mcp_variable_without_default,
    mcp_command_not_plugin_rooted,
    mcp_package_unpinned,
    mcp_url_plain_http,
    mcp_literal_secret,
    lsp_server_shape,
    lsp_command_invalid,
    lsp_extensions_invalid,
    lsp_option_invalid,
    lsp_extension_claimed_twice,
    monitor_shape,
    monitor_name_duplicate,
    monitor_when_invalid,
    monitor_skill_unknown,
    monitor_user_config,
}

/// The server types a plugin may declare (`stdio` is also the default).
pub const MCP_TYPES: &[&str] = &["stdio", "http", "streamable-http", "sse", "ws"];

/// A map of MCP servers as written: in an MCP file or inline in a
/// plugin.json, with the plugin around it.
pub struct McpMap<'a> {
    pub file: FileId,
    pub plugin: Option<&'a Plugin>,
    pub map: &'a Map<McpServer>,
}

/// One MCP server that is an object.
pub struct Mcp<'a> {
    pub file: FileId,
    pub plugin: Option<&'a Plugin>,
    pub name: &'a str,
    /// The server's key.
    pub key: Span,
    pub server: &'a McpServer,
}

impl Mcp<'_> {
    /// Its `type` as written, when a string.
    pub fn kind(&self) -> Option<&str> {
        self.server.server_type.val().map(String::as_str)
    }
    /// Whether it is a stdio server: `type` absent or `stdio`, and no `url`
    /// (a `url` without `type` is MC003's).
    pub fn is_stdio(&self) -> bool {
        match self.server.server_type.as_ref() {
            None => self.server.url.is_none(),
            Some(_) => self.kind() == Some("stdio"),
        }
    }
    /// Whether it is a remote server of a known remote type.
    pub fn is_remote(&self) -> bool {
        self.kind()
            .is_some_and(|t| matches!(t, "http" | "streamable-http" | "sse" | "ws"))
    }
}

/// Every map of MCP servers in the tree: each MCP file's (`.mcp.json` or a
/// file a manifest lists, in either form), then the inline `mcpServers` of
/// each plugin.json and marketplace entry.
pub fn mcp_maps<'a>(cx: &Context<'a>) -> Vec<McpMap<'a>> {
    let project = cx.project;
    let mut out = Vec::new();
    for jf in project.json.iter().filter(|j| j.role == JsonRole::Mcp) {
        if let Typed::Mcp(f) = &jf.typed
            && let Some(map) = f.servers()
        {
            out.push(McpMap {
                file: jf.file,
                plugin: project.plugin_of(cx.db.path(jf.file)),
                map,
            });
        }
    }
    for (file, p, pm) in crate::rules::manifest::holders(cx) {
        for map in inline(&pm.mcp_servers) {
            out.push(McpMap {
                file,
                plugin: Some(p),
                map,
            });
        }
    }
    out
}

/// The inline configs of a manifest config field (`{…}` or the objects of
/// a list of paths and configs).
pub fn inline<T>(field: &crate::model::value::Opt<Configs<T>>) -> Vec<&T> {
    match field.val() {
        Some(OneOrMany::One(PathOr::Inline(m))) => vec![m],
        Some(OneOrMany::Many(l)) => l
            .oks()
            .filter_map(|(p, _)| match p {
                PathOr::Inline(m) => Some(m),
                PathOr::Path(_) => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// Every MCP server of the tree that is an object.
pub fn mcp_servers<'a>(cx: &Context<'a>) -> Vec<Mcp<'a>> {
    mcp_maps(cx)
        .into_iter()
        .flat_map(|m| {
            m.map.iter().filter_map(move |e| {
                Some(Mcp {
                    file: m.file,
                    plugin: m.plugin,
                    name: &e.key,
                    key: e.key_span,
                    server: e.ok()?,
                })
            })
        })
        .collect()
}

/// The span of `needle` inside the JSON string at `span` (its first
/// occurrence as written), else the whole string: escapes in the string
/// make the decoded offsets differ from the file's.
pub fn inside(cx: &Context<'_>, file: FileId, span: Span, needle: &str) -> Span {
    let raw = cx.text(file).get(span.range()).unwrap_or("");
    match raw.find(needle) {
        Some(i) => Span::new(
            span.start as usize + i,
            span.start as usize + i + needle.len(),
        ),
        None => span,
    }
}

/// Every string a server passes on where Claude Code expands `${VAR}`:
/// `command`, `args`, `env` values, `url`, `headers` values, with spans.
pub fn expanded_strings(s: &McpServer) -> Vec<(&str, Span)> {
    let mut out: Vec<(&str, Span)> = Vec::new();
    if let Some((c, span)) = s.command.spanned() {
        out.push((c, span));
    }
    for (a, span) in s.args.val().into_iter().flat_map(|a| a.oks()) {
        out.push((a, span));
    }
    for m in [&s.env, &s.headers] {
        for e in m.val().into_iter().flat_map(|m| m.iter()) {
            if let Some(v) = e.ok() {
                out.push((v, e.span));
            }
        }
    }
    if let Some((u, span)) = s.url.spanned() {
        out.push((u, span));
    }
    out
}

/// The `{ ` of an object, where findings about what it lacks go.
pub fn brace(object: Span) -> Span {
    Span::new(object.start as usize, object.start as usize + 1)
}

/// `f` in the plugin directory `dir` (`""` for the root).
pub fn in_dir(dir: &str, f: &str) -> String {
    if dir.is_empty() {
        f.to_string()
    } else {
        format!("{dir}/{f}")
    }
}

/// A map of LSP servers as written: an LSP file's, or inline in a
/// plugin.json.
pub struct LspMap<'a> {
    pub file: FileId,
    pub plugin: Option<&'a Plugin>,
    pub map: &'a Map<crate::model::servers::LspServer>,
}

/// Every map of LSP servers in the tree: each LSP file (`.lsp.json` or a
/// file a manifest lists), then the inline `lspServers` of each plugin.json
/// and marketplace entry.
pub fn lsp_maps<'a>(cx: &Context<'a>) -> Vec<LspMap<'a>> {
    let project = cx.project;
    let mut out = Vec::new();
    for jf in project.json.iter().filter(|j| j.role == JsonRole::Lsp) {
        if let Typed::Lsp(map) = &jf.typed {
            out.push(LspMap {
                file: jf.file,
                plugin: project.plugin_of(cx.db.path(jf.file)),
                map,
            });
        }
    }
    for (file, p, pm) in crate::rules::manifest::holders(cx) {
        for map in inline(&pm.lsp_servers) {
            out.push(LspMap {
                file,
                plugin: Some(p),
                map,
            });
        }
    }
    out
}

/// One LSP server that is an object.
pub struct Lsp<'a> {
    pub file: FileId,
    pub plugin: Option<&'a Plugin>,
    pub name: &'a str,
    pub key: Span,
    pub server: &'a crate::model::servers::LspServer,
}

/// Every LSP server of the tree that is an object.
pub fn lsp_servers<'a>(cx: &Context<'a>) -> Vec<Lsp<'a>> {
    lsp_maps(cx)
        .into_iter()
        .flat_map(|m| {
            m.map.iter().filter_map(move |e| {
                Some(Lsp {
                    file: m.file,
                    plugin: m.plugin,
                    name: &e.key,
                    key: e.key_span,
                    server: e.ok()?,
                })
            })
        })
        .collect()
}

/// A list of monitors as written: `monitors/monitors.json`, or inline
/// `experimental.monitors` in a plugin.json, with the plugin around it.
pub struct Monitors<'a> {
    pub file: FileId,
    pub plugin: Option<&'a Plugin>,
    pub list: &'a crate::model::value::List<crate::model::servers::Monitor>,
}

/// Every list of monitors in the tree.
pub fn monitor_lists<'a>(cx: &Context<'a>) -> Vec<Monitors<'a>> {
    let project = cx.project;
    let mut out = Vec::new();
    for jf in project.json.iter().filter(|j| j.role == JsonRole::Monitors) {
        if let Typed::Monitors(list) = &jf.typed {
            out.push(Monitors {
                file: jf.file,
                plugin: project.plugin_of(cx.db.path(jf.file)),
                list,
            });
        }
    }
    for (file, p, pm) in crate::rules::manifest::holders(cx) {
        if let Some(PathOr::Inline(list)) = pm.experimental.val().and_then(|e| e.monitors.val()) {
            out.push(Monitors {
                file,
                plugin: Some(p),
                list,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    //! The file and the inline form reach the same rules; the flat
    //! `.mcp.json` form (no `mcpServers`) too.
    use crate::engine::testing::{check_listing, of_rule, render};

    const PLUGIN: &str = "==> plugins/demo/.claude-plugin/plugin.json <==\n{ \"name\": \"demo\", \"version\": \"1.0.0\", \"description\": \"The demo plugin.\", \"author\": { \"name\": \"A\" },\n";

    fn ids(listing: &str) -> Vec<&'static str> {
        let (_d, _l, diags) = check_listing(listing);
        let mut v: Vec<_> = diags
            .iter()
            .map(|d| d.rule.id)
            .filter(|id| id.starts_with("MC") || id.starts_with("LS") || id.starts_with("MO"))
            .collect();
        v.sort();
        v
    }

    #[test]
    fn inline_mcp_servers_get_the_file_rules() {
        let listing = format!(
            "{PLUGIN}  \"mcpServers\": {{ \"docs\": {{ \"type\": \"htp\", \"url\": \"https://mcp.example.com/mcp\" }}, \"search\": {{ \"args\": \"x\" }} }} }}\n"
        );
        assert_eq!(ids(&listing), ["MC002", "MC004", "MC006"]);
        let (_d, loaded, diags) = check_listing(&listing);
        let hits: Vec<_> = of_rule(&diags, &super::mcp_type_unknown::RULE)
            .into_iter()
            .cloned()
            .collect();
        insta::assert_snapshot!(render(&loaded, &hits));
    }

    #[test]
    fn a_list_of_inline_configs_is_read_too() {
        let listing = format!(
            "{PLUGIN}  \"mcpServers\": [\"./extra.mcp.json\", {{ \"docs\": {{ \"url\": \"https://mcp.example.com/mcp\" }} }}] }}\n==> plugins/demo/extra.mcp.json <==\n{{ \"mcpServers\": {{}} }}\n"
        );
        assert_eq!(ids(&listing), ["MC003"]);
    }

    #[test]
    fn flat_mcp_files_are_read_as_servers() {
        let listing = "==> plugins/demo/.mcp.json <==\n{ \"docs\": { \"url\": \"https://mcp.example.com/mcp\" }, \"ok\": { \"type\": \"http\", \"url\": \"https://mcp.example.com/ok\" } }\n";
        assert_eq!(ids(listing), ["MC003"]);
    }

    #[test]
    fn clean_servers_are_silent() {
        let listing = "==> plugins/demo/.mcp.json <==\n{ \"mcpServers\": {\n  \"local\": { \"command\": \"${CLAUDE_PLUGIN_ROOT}/bin/server\", \"args\": [\"--port\", \"${PORT:-8080}\"], \"env\": { \"TOKEN\": \"${user_config.token}\" } },\n  \"pinned\": { \"command\": \"npx\", \"args\": [\"-y\", \"@acme/search@1.2.3\"] },\n  \"remote\": { \"type\": \"sse\", \"url\": \"http://localhost:8080/sse\", \"headers\": { \"Authorization\": \"Bearer ${user_config.token}\" } } } }\n==> plugins/demo/.lsp.json <==\n{ \"go\": { \"command\": \"gopls\", \"extensionToLanguage\": { \".go\": \"go\" }, \"transport\": \"stdio\", \"maxRestarts\": 0 } }\n==> plugins/demo/monitors/monitors.json <==\n[{ \"name\": \"logs\", \"command\": \"tail -F app.log\", \"description\": \"App log lines.\", \"when\": \"always\" }]\n";
        assert_eq!(ids(listing), Vec::<&str>::new());
        let (_d, _l, diags) = check_listing(listing);
        assert!(
            !diags.iter().any(|d| d.rule.id == "GEN002"),
            "a monitors file is a list"
        );
    }

    #[test]
    fn inline_lsp_servers_and_monitors_get_the_file_rules() {
        let listing = format!(
            "{PLUGIN}  \"lspServers\": {{ \"go\": {{ \"command\": \"gopls serve\", \"extensionToLanguage\": {{ \".go\": \"go\" }} }} }},\n  \"experimental\": {{ \"monitors\": [{{ \"name\": \"logs\", \"command\": \"tail -F x\", \"description\": \"X.\", \"when\": \"on-skill-invoke:nope\" }}] }} }}\n"
        );
        assert_eq!(ids(&listing), ["LS002", "MO004"]);
    }
}
