//! MCP servers (`.mcp.json`, `mcpServers`), LSP servers (`.lsp.json`,
//! `lspServers`) and monitors (`monitors/monitors.json`,
//! `experimental.monitors`), typed (formats.md §9, §10, §2.2).

use super::value::{List, Map, Number, Opaque};
use crate::typed_object;

typed_object! {
    /// `.mcp.json`: `{"mcpServers": {name: server}}`.
    pub struct McpFile {
        mcp_servers: Map<McpServer> = "mcpServers",
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
