//! Hooks, typed (formats.md §8): `hooks/hooks.json`, the manifest's
//! inline `hooks`, and `hooks:` in skill and agent frontmatter. Events map
//! to matcher groups, which hold handlers of a `type`.

use super::value::{List, Map, Number, OneOrMany, Opaque, Present, Scalar};
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

/// Whether a handler runs its `command` through bash: a `command` handler
/// without `args` (exec form) and not `shell: powershell`. The build parses
/// these as shell, and the hook rules read them as shell.
pub fn is_shell_form(handler_type: Option<&str>, has_args: bool, shell: Option<&str>) -> bool {
    handler_type == Some("command") && !has_args && shell != Some("powershell")
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

/// The plugin files a hook string names through `${CLAUDE_PLUGIN_ROOT}`
/// (quoted or not): the byte range of each path after the placeholder and
/// the path, relative to the plugin. Paths with globs, variables or
/// `..` are left out.
pub fn plugin_root_paths(cmd: &str) -> Vec<(std::ops::Range<usize>, &str)> {
    let re = crate::regex!(
        r#"\$(?:\{CLAUDE_PLUGIN_ROOT\}|CLAUDE_PLUGIN_ROOT\b)"?/([A-Za-z0-9._@+/-]*[A-Za-z0-9_@+-])"#
    );
    re.captures_iter(cmd)
        .filter_map(|c| {
            let m = c.get(1)?;
            let end = m.end();
            let next = cmd[end..].chars().next();
            // A path that goes on with a glob or a variable is not a file name.
            if matches!(next, Some('*' | '?' | '[' | '$' | '{' | '`' | '/' | '.')) {
                return None;
            }
            let p = m.as_str();
            if p.split('/').any(|s| s == "..") {
                return None;
            }
            Some((m.range(), p))
        })
        .collect()
}

/// The handlers of an event map (a hooks file's `hooks`, inline `hooks`,
/// frontmatter `hooks:`) that have the expected shape.
pub fn handlers_in<'a>(
    events: impl IntoIterator<Item = &'a super::value::Entry<List<MatcherGroup>>>,
) -> impl Iterator<Item = &'a Handler> {
    events
        .into_iter()
        .filter_map(|e| e.ok())
        .flat_map(|l| l.iter().filter_map(|g| g.ok()))
        .flat_map(|g| g.hooks.val().into_iter().flat_map(|l| l.iter()))
        .filter_map(|h| h.ok())
}

/// The strings of a `command` handler that name what it runs: `command`,
/// and `args` in exec form.
pub fn command_strings(h: &Handler) -> impl Iterator<Item = (&String, crate::source::Span)> {
    let command = h.handler_type.val().is_some_and(|t| t == "command");
    h.command
        .spanned()
        .into_iter()
        .chain(h.args.val().into_iter().flat_map(|a| a.oks()))
        .filter(move |_| command)
}
