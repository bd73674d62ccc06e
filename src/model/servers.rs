//! MCP servers (`.mcp.json`, `mcpServers`), LSP servers (`.lsp.json`,
//! `lspServers`) and monitors (`monitors/monitors.json`,
//! `experimental.monitors`), typed (formats.md §9, §10, §2.2).

use super::value::{FromTree, Kind, List, Map, Number, Opaque, Opt, Tree};
use crate::source::Span;
use crate::typed_object;

/// `.mcp.json`: `{"mcpServers": {name: server}}`, or the servers at the
/// top (`{name: server}`, the form Anthropic's own marketplace writes):
/// Claude Code reads `mcpServers` when the file has that key, and the whole
/// object otherwise.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct McpFile {
    /// The whole object.
    pub span: Span,
    /// `mcpServers` as written, when the file has it.
    pub mcp_servers: Opt<Map<McpServer>>,
    /// The servers at the top, when the file has no `mcpServers`.
    pub flat: Option<Map<McpServer>>,
}

impl McpFile {
    /// The servers, in either form (none when `mcpServers` is not an
    /// object).
    pub fn servers(&self) -> Option<&Map<McpServer>> {
        match &self.mcp_servers {
            Some(f) => f.ok(),
            None => self.flat.as_ref(),
        }
    }
}

impl FromTree for McpFile {
    fn from_tree<N: Tree>(node: &N) -> Result<Self, Kind> {
        if node.kind() != Kind::Object {
            return Err(node.kind());
        }
        let mut out = McpFile {
            span: node.span(),
            ..Default::default()
        };
        for (key, key_span, value) in node.members() {
            if key == "mcpServers" {
                super::value::read_field(&mut out.mcp_servers, key_span, value);
            }
        }
        if out.mcp_servers.is_none() {
            out.flat = Some(Map::from_tree(node)?);
        }
        Ok(out)
    }
}

typed_object! {
    /// `oauth` of a remote MCP server.
    pub struct OAuth {
        client_id: String = "clientId",
        callback_port: Number = "callbackPort",
        auth_server_metadata_url: String = "authServerMetadataUrl",
        scopes: String = "scopes",
        xaa: bool = "xaa",
    }
}

typed_object! {
    /// One MCP server: stdio (`command`, `args`, `env`) or remote (`type`,
    /// `url`, `headers`, …); every kind's fields in one.
    pub struct McpServer {
        server_type: String = "type",
        command: String = "command",
        args: List<String> = "args",
        env: Map<String> = "env",
        timeout: Number = "timeout",
        always_load: bool = "alwaysLoad",
        url: String = "url",
        headers: Map<String> = "headers",
        headers_helper: String = "headersHelper",
        oauth: OAuth = "oauth",
        tools: List<Opaque> = "tools",
        tool_permissions: Map<String> = "toolPermissions",
    }
}

typed_object! {
    /// One LSP server (a strict object: unknown keys are load errors).
    pub struct LspServer {
        command: String = "command",
        args: List<String> = "args",
        extension_to_language: Map<String> = "extensionToLanguage",
        transport: String = "transport",
        env: Map<String> = "env",
        initialization_options: Opaque = "initializationOptions",
        settings: Opaque = "settings",
        workspace_folder: String = "workspaceFolder",
        startup_timeout: Number = "startupTimeout",
        shutdown_timeout: Number = "shutdownTimeout",
        request_timeout: Number = "requestTimeout",
        restart_on_crash: bool = "restartOnCrash",
        max_restarts: Number = "maxRestarts",
        diagnostics: bool = "diagnostics",
    }
}

/// `.lsp.json`: `{name: server}`.
pub type LspFile = Map<LspServer>;

typed_object! {
    /// One monitor: a command whose output lines become notifications.
    pub struct Monitor {
        name: String = "name",
        command: String = "command",
        description: String = "description",
        /// `always` or `on-skill-invoke:<skill>`.
        when: String = "when",
    }
}

/// `monitors/monitors.json`: a list of monitors.
pub type MonitorsFile = List<Monitor>;
