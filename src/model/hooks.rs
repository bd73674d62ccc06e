//! Hooks, typed (formats.md §8): `hooks/hooks.json`, the manifest's
//! inline `hooks`, and `hooks:` in skill and agent frontmatter. Events map
//! to matcher groups, which hold handlers of a `type`.

use super::value::{List, Map, Number, OneOrMany, Opaque, Scalar};
use crate::typed_object;

/// Events → matcher groups: the inline form (plugin.json `hooks`,
/// frontmatter `hooks:`) and the `hooks` of a hooks file.
pub type HookEvents = Map<List<MatcherGroup>>;

typed_object! {
    /// A hooks file: `{"description"?, "hooks": {…}}`.
    pub struct HooksFile {
        schema: String = "$schema",
        description: String = "description",
        hooks: HookEvents = "hooks",
        modules: OneOrMany<String> = "modules",
    }
}

typed_object! {
    /// One matcher group: which tools (or sources) and the handlers to run.
    pub struct MatcherGroup {
        /// A tool name, a `|` list, or a regular expression; any scalar is
        /// kept as written.
        matcher: Scalar = "matcher",
        hooks: List<Handler> = "hooks",
    }
}

typed_object! {
    /// A hook handler; `type` says which fields apply (command, http,
    /// mcp_tool, prompt, agent).
    pub struct Handler {
        handler_type: String = "type",
        command: String = "command",
        args: List<String> = "args",
        condition: String = "if",
        shell: String = "shell",
        timeout: Number = "timeout",
        status_message: String = "statusMessage",
        once: bool = "once",
        run_async: bool = "async",
        async_rewake: bool = "asyncRewake",
        on_failure: String = "onFailure",
        url: String = "url",
        headers: Map<String> = "headers",
        allowed_env_vars: List<String> = "allowedEnvVars",
        server: String = "server",
        tool: String = "tool",
        input: Opaque = "input",
        prompt: String = "prompt",
        model: String = "model",
        continue_on_block: bool = "continueOnBlock",
    }
}

/// The events of Claude Code 2.1.330 (formats.md §8), case-sensitive.
pub const EVENTS: &[&str] = &[
    "PreToolUse",
    "PostToolUse",
    "PostToolUseFailure",
    "PostToolBatch",
    "Notification",
    "UserPromptSubmit",
    "UserPromptExpansion",
    "SessionStart",
    "SessionEnd",
    "Stop",
    "StopFailure",
    "SubagentStart",
    "SubagentStop",
    "PreCompact",
    "PostCompact",
    "PermissionRequest",
    "PermissionDenied",
    "Setup",
    "TeammateIdle",
    "TaskCreated",
    "TaskCompleted",
    "Elicitation",
    "ElicitationResult",
    "ConfigChange",
    "WorktreeCreate",
    "WorktreeRemove",
    "InstructionsLoaded",
    "CwdChanged",
    "FileChanged",
    "MessageDisplay",
    "DirectoryAdded",
    "PreModelSwitch",
    "PostModelSwitch",
];
