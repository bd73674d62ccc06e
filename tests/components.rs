//! Every component a plugin ships, one defect at a time: a clean plugin
//! with hooks, MCP and LSP servers, monitors and an output style stays
//! silent, and each single defect written into it is reported by exactly
//! the rule (or rules) named for it, nothing else.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;
use std::process::Command;

/// The clean plugin: every component kind, each written as Claude Code
/// expects it.
const BASE: &[(&str, &str)] = &[
    (
        ".claude-plugin/marketplace.json",
        r#"{ "name": "m", "owner": { "name": "A" }, "metadata": { "description": "Demo plugins." }, "plugins": [ { "name": "demo", "source": "./plugins/demo", "description": "The demo plugin: /demo:hello." } ] }"#,
    ),
    (
        "plugins/demo/.claude-plugin/plugin.json",
        r#"{ "name": "demo", "version": "1.0.0", "description": "The demo plugin: /demo:hello.", "author": { "name": "A" },
  "userConfig": { "token": { "type": "string", "title": "Token", "description": "The API token.", "sensitive": true } } }"#,
    ),
    (
        "plugins/demo/hooks/hooks.json",
        r#"{ "hooks": {
  "PreToolUse": [ { "matcher": "Bash", "hooks": [ { "type": "command", "command": "\"${CLAUDE_PLUGIN_ROOT}\"/hooks/guard.sh", "timeout": 10 } ] } ],
  "PostToolUse": [ { "matcher": "Edit|Write", "hooks": [ { "type": "command", "command": "bash \"${CLAUDE_PLUGIN_ROOT}/hooks/format.sh\"" } ] } ],
  "SessionStart": [ { "matcher": "startup", "hooks": [ { "type": "command", "command": "notify", "args": ["--token", "${user_config.token}"] } ] } ],
  "Stop": [ { "hooks": [ { "type": "http", "url": "https://hooks.example.com/stop" } ] } ]
} }"#,
    ),
    ("plugins/demo/hooks/guard.sh", "#!/bin/bash\necho ok\n"),
    ("plugins/demo/hooks/format.sh", "#!/bin/bash\necho ok\n"),
    (
        "plugins/demo/.mcp.json",
        r#"{ "mcpServers": {
  "memory": { "command": "${CLAUDE_PLUGIN_ROOT}/bin/memory", "args": ["--quiet"], "env": { "TOKEN": "${user_config.token}" } },
  "docs": { "type": "http", "url": "https://mcp.example.com/mcp" }
} }"#,
    ),
    ("plugins/demo/bin/memory", "#!/bin/sh\necho memory\n"),
    (
        "plugins/demo/.lsp.json",
        r#"{ "rust": { "command": "rust-analyzer", "extensionToLanguage": { ".rs": "rust" } } }"#,
    ),
    (
        "plugins/demo/monitors/monitors.json",
        r#"[ { "name": "log", "command": "tail -F \"${CLAUDE_PLUGIN_DATA}/log\"", "description": "Follows the log.", "when": "on-skill-invoke:hello" } ]"#,
    ),
    (
        "plugins/demo/output-styles/terse.md",
        "---\nname: terse\ndescription: Short answers.\nkeep-coding-instructions: true\n---\nAnswer briefly.\n",
    ),
    (
        "plugins/demo/skills/hello/SKILL.md",
        "---\nname: hello\ndescription: Says hello. Use when the user wants a greeting.\n---\n\nSay hello.\n",
    ),
];

/// The base tree with `changes` written over it (an empty text deletes).
fn tree(changes: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in BASE {
        common::write(dir.path(), path, text);
    }
    for (path, text) in changes {
        if text.is_empty() {
            std::fs::remove_file(dir.path().join(path)).unwrap();
        } else {
            common::write(dir.path(), path, text);
        }
    }
    make_executable(dir.path(), "plugins/demo/hooks/guard.sh");
    make_executable(dir.path(), "plugins/demo/bin/memory");
    dir
}

#[cfg(unix)]
fn make_executable(root: &Path, rel: &str) {
    use std::os::unix::fs::PermissionsExt;
    let p = root.join(rel);
    if p.exists() {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
}

#[cfg(not(unix))]
fn make_executable(_: &Path, _: &str) {}

/// The rule ids skillc reports on `root`, sorted, one per finding.
fn ids(root: &Path) -> Vec<String> {
    let out = Command::new(env!("CARGO_BIN_EXE_skillc"))
        .args(["check", "--format", "json"])
        .arg(root)
        .output()
        .unwrap();
    let code = out.status.code();
    assert!(
        matches!(code, Some(0 | 1)),
        "exit {code:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let items = v
        .get("diagnostics")
        .and_then(|d| d.as_array())
        .cloned()
        .unwrap_or_default();
    let mut ids: Vec<String> = items
        .iter()
        .filter_map(|d| d.get("rule").and_then(|r| r.as_str()).map(str::to_string))
        .collect();
    ids.sort();
    ids
}

const HOOKS: &str = "plugins/demo/hooks/hooks.json";
const MCP: &str = "plugins/demo/.mcp.json";
const LSP: &str = "plugins/demo/.lsp.json";
const MONITORS: &str = "plugins/demo/monitors/monitors.json";
const STYLE: &str = "plugins/demo/output-styles/terse.md";
const PLUGIN: &str = "plugins/demo/.claude-plugin/plugin.json";
const MARKETPLACE: &str = ".claude-plugin/marketplace.json";

/// A hooks file with one handler on `event`.
fn hook(event: &str, group: &str) -> String {
    format!(r#"{{ "hooks": {{ "{event}": [ {group} ] }} }}"#)
}

/// Each defect: a name, the files it changes, the rules that must report
/// it (and nothing else).
/// One defect: its name, the files it writes, the rules that report it.
type Case = (&'static str, Vec<(&'static str, String)>, Vec<&'static str>);

fn cases() -> Vec<Case> {
    let cmd = r#"{ "type": "command", "command": "echo hi" }"#;
    let one = |h: &str| format!(r#"{{ "matcher": "Bash", "hooks": [ {h} ] }}"#);
    vec![
        ("hooks: event names are case-sensitive", vec![(HOOKS, hook("PreToolUSe", &one(cmd)))], vec!["HK002"]),
        ("hooks: no `hooks` wrapper", vec![(HOOKS, format!(r#"{{ "PreToolUse": [ {} ] }}"#, one(cmd)))], vec!["HK001"]),
        ("hooks: event not a list", vec![(HOOKS, r#"{ "hooks": { "PreToolUse": { "hooks": [] } } }"#.into())], vec!["HK003"]),
        ("hooks: handler type `comand`", vec![(HOOKS, hook("PreToolUse", &one(r#"{ "type": "comand", "command": "echo hi" }"#)))], vec!["HK004"]),
        ("hooks: command handler without `command`", vec![(HOOKS, hook("PreToolUse", &one(r#"{ "type": "command" }"#)))], vec!["HK005"]),
        ("hooks: timeout \"ten\"", vec![(HOOKS, hook("PreToolUse", &one(r#"{ "type": "command", "command": "echo hi", "timeout": "ten" }"#)))], vec!["HK006"]),
        ("hooks: timeout 0", vec![(HOOKS, hook("PreToolUse", &one(r#"{ "type": "command", "command": "echo hi", "timeout": 0 }"#)))], vec!["HK006"]),
        ("hooks: http url without scheme", vec![(HOOKS, hook("Stop", r#"{ "hooks": [ { "type": "http", "url": "hooks.example.com/stop" } ] }"#))], vec!["HK007"]),
        ("hooks: shell zsh", vec![(HOOKS, hook("PreToolUse", &one(r#"{ "type": "command", "command": "echo hi", "shell": "zsh" }"#)))], vec!["HK008"]),
        ("hooks: matcher on Stop", vec![(HOOKS, hook("Stop", &one(cmd)))], vec!["HK009"]),
        ("hooks: mcp__server without tools", vec![(HOOKS, hook("PreToolUse", &format!(r#"{{ "matcher": "mcp__github", "hooks": [ {cmd} ] }}"#)))], vec!["HK010"]),
        ("hooks: own server by its bare key", vec![(HOOKS, hook("PreToolUse", &format!(r#"{{ "matcher": "mcp__memory__.*", "hooks": [ {cmd} ] }}"#)))], vec!["HK011"]),
        ("hooks: matcher not a regex", vec![(HOOKS, hook("PreToolUse", &format!(r#"{{ "matcher": "Bash(|Write", "hooks": [ {cmd} ] }}"#)))], vec!["HK012"]),
        ("hooks: `if` on a non-tool event", vec![(HOOKS, hook("SessionStart", r#"{ "hooks": [ { "type": "command", "command": "echo hi", "if": "Bash(git *)" } ] }"#))], vec!["HK013"]),
        ("hooks: `if` not a rule", vec![(HOOKS, hook("PreToolUse", &one(r#"{ "type": "command", "command": "echo hi", "if": "Bash(git *" }"#)))], vec!["HK014"]),
        ("hooks: `once` in a hooks file", vec![(HOOKS, hook("PreToolUse", &one(r#"{ "type": "command", "command": "echo hi", "once": true }"#)))], vec!["HK015"]),
        ("hooks: args with shell", vec![(HOOKS, hook("PreToolUse", &one(r#"{ "type": "command", "command": "echo", "args": ["hi"], "shell": "bash" }"#)))], vec!["HK016"]),
        ("hooks: async permission hook", vec![(HOOKS, hook("PermissionRequest", &one(r#"{ "type": "command", "command": "echo hi", "async": true }"#)))], vec!["HK017"]),
        ("hooks: async on an http hook", vec![(HOOKS, hook("Stop", r#"{ "hooks": [ { "type": "http", "url": "https://hooks.example.com/stop", "async": true } ] }"#))], vec!["HK017"]),
        ("hooks: plugin server renamed", vec![(HOOKS, hook("PreToolUse", &format!(r#"{{ "matcher": "mcp__plugin_demo_notes__.*", "hooks": [ {cmd} ] }}"#)))], vec!["HK018"]),
        ("hooks: tool name lowercase", vec![(HOOKS, hook("PreToolUse", &format!(r#"{{ "matcher": "bash", "hooks": [ {cmd} ] }}"#)))], vec!["HK019"]),
        ("hooks: regex matching no tool", vec![(HOOKS, hook("PostToolUse", &format!(r#"{{ "matcher": "Edt.*", "hooks": [ {cmd} ] }}"#)))], vec!["HK019"]),
        ("hooks: unquoted plugin root", vec![(HOOKS, hook("PreToolUse", &one(r#"{ "type": "command", "command": "python3 ${CLAUDE_PLUGIN_ROOT}/hooks/guard.sh" }"#)))], vec!["PP011"]),
        ("hooks: user value in a shell command", vec![(HOOKS, hook("SessionStart", r#"{ "hooks": [ { "type": "command", "command": "notify --token ${user_config.token}" } ] }"#))], vec!["PP012"]),
        ("hooks: undeclared user value", vec![(HOOKS, hook("SessionStart", r#"{ "hooks": [ { "type": "command", "command": "notify", "args": ["${user_config.tokn}"] } ] }"#))], vec!["PP013"]),
        ("hooks: script missing", vec![("plugins/demo/hooks/format.sh", String::new())], vec!["PP014"]),
        ("hooks: invalid JSON", vec![(HOOKS, r#"{ "hooks": { "PreToolUse": [ } }"#.into())], vec!["GEN001"]),
        ("hooks: listed file under its own name", vec![
            (PLUGIN, r#"{ "name": "demo", "version": "1.0.0", "description": "The demo plugin: /demo:hello.", "author": { "name": "A" }, "hooks": "./config/extra-hooks.json",
  "userConfig": { "token": { "type": "string", "title": "Token", "description": "The API token.", "sensitive": true } } }"#.into()),
            ("plugins/demo/config/extra-hooks.json", hook("PreToolUSe", &one(cmd))),
        ], vec!["HK002"]),
        ("hooks: inline in the marketplace entry", vec![
            (MARKETPLACE, r#"{ "name": "m", "owner": { "name": "A" }, "metadata": { "description": "Demo plugins." }, "plugins": [ { "name": "demo", "source": "./plugins/demo", "description": "The demo plugin: /demo:hello.",
  "hooks": { "PreToolUse": [ { "matcher": "Bash", "hooks": [ { "type": "comand", "command": "echo hi" } ] } ] } } ] }"#.into()),
        ], vec!["HK004"]),
        ("hooks: args as a string", vec![(HOOKS, hook("PreToolUse", &one(r#"{ "type": "command", "command": "echo", "args": "hi" }"#)))], vec!["HK020"]),
        ("hooks: `hooks` is a list", vec![(HOOKS, r#"{ "hooks": [ { "matcher": "Bash" } ] }"#.into())], vec!["HK001"]),
        ("hooks: group without handlers", vec![(HOOKS, hook("PreToolUse", r#"{ "matcher": "Bash" }"#))], vec!["HK003"]),
        ("hooks: handler without type", vec![(HOOKS, hook("PreToolUse", &one(r#"{ "command": "echo hi" }"#)))], vec!["HK004"]),
        ("hooks: prompt hook without prompt", vec![(HOOKS, hook("Stop", r#"{ "hooks": [ { "type": "prompt" } ] }"#))], vec!["HK005"]),
        ("hooks: mcp_tool without tool", vec![(HOOKS, hook("Stop", r#"{ "hooks": [ { "type": "mcp_tool", "server": "memory" } ] }"#))], vec!["HK005"]),
        ("hooks: matcher a number", vec![(HOOKS, hook("PreToolUse", &format!(r#"{{ "matcher": 3, "hooks": [ {cmd} ] }}"#)))], vec!["HK020"]),
        ("hooks: statusMessage a number", vec![(HOOKS, hook("PreToolUse", &one(r#"{ "type": "command", "command": "echo hi", "statusMessage": 3 }"#)))], vec!["HK020"]),
        ("hooks: onFailure stop", vec![(HOOKS, hook("PreToolUse", &one(r#"{ "type": "command", "command": "echo hi", "onFailure": "stop" }"#)))], vec!["HK008"]),
        ("hooks: unknown handler key", vec![(HOOKS, hook("PreToolUse", &one(r#"{ "type": "command", "command": "echo hi", "timout": 5 }"#)))], vec!["HK021"]),
        ("hooks: inline with a wrapper", vec![
            (PLUGIN, r#"{ "name": "demo", "version": "1.0.0", "description": "The demo plugin: /demo:hello.", "author": { "name": "A" }, "hooks": { "hooks": { "Stop": [ { "hooks": [ { "type": "command", "command": "echo hi" } ] } ] } },
  "userConfig": { "token": { "type": "string", "title": "Token", "description": "The API token.", "sensitive": true } } }"#.into()),
        ], vec!["HK001"]),
        ("hooks: script not plugin-rooted", vec![(HOOKS, hook("PreToolUse", &one(r#"{ "type": "command", "command": "./hooks/guard.sh" }"#)))], vec!["HK022"]),
        ("mcp: env value a number", vec![(MCP, r#"{ "mcpServers": { "memory": { "command": "${CLAUDE_PLUGIN_ROOT}/bin/memory", "env": { "PORT": 8080 } } } }"#.into())], vec!["MC006"]),
        ("mcp: headers a list", vec![(MCP, r#"{ "mcpServers": { "docs": { "type": "http", "url": "https://mcp.example.com/mcp", "headers": ["X-A: b"] } } }"#.into())], vec!["MC006"]),
        ("mcp: timeout negative", vec![(MCP, r#"{ "mcpServers": { "memory": { "command": "${CLAUDE_PLUGIN_ROOT}/bin/memory", "timeout": -5 } } }"#.into())], vec!["MC006"]),
        ("mcp: command missing on disk", vec![("plugins/demo/bin/memory", String::new())], vec!["PP014"]),
        ("mcp: file not an object", vec![(MCP, r#"[ { "memory": {} } ]"#.into())], vec!["GEN002"]),
        ("mcp: mcpServers a list", vec![(MCP, r#"{ "mcpServers": [ { "command": "x" } ] }"#.into())], vec!["MC001"]),
        ("lsp: args a string", vec![(LSP, r#"{ "rust": { "command": "rust-analyzer", "args": "--stdio", "extensionToLanguage": { ".rs": "rust" } } }"#.into())], vec!["LS004"]),
        ("lsp: startup timeout negative", vec![(LSP, r#"{ "rust": { "command": "rust-analyzer", "extensionToLanguage": { ".rs": "rust" }, "startupTimeout": -1 } }"#.into())], vec!["LS004"]),
        ("lsp: extension without dot", vec![(LSP, r#"{ "rust": { "command": "rust-analyzer", "extensionToLanguage": { "rs": "rust" } } }"#.into())], vec!["LS003"]),
        ("lsp: server not an object", vec![(LSP, r#"{ "rust": "rust-analyzer" }"#.into())], vec!["LS001"]),
        ("monitors: not a list", vec![(MONITORS, r#"{ "name": "log", "command": "tail -F a", "description": "A." }"#.into())], vec!["GEN002"]),
        ("monitors: empty skill", vec![(MONITORS, r#"[ { "name": "log", "command": "tail -F a", "description": "A.", "when": "on-skill-invoke:" } ]"#.into())], vec!["MO003"]),
        ("monitors: unknown key", vec![(MONITORS, r#"[ { "name": "log", "command": "tail -F a", "description": "A.", "interval": 5 } ]"#.into())], vec!["MO001"]),
        ("output style: no frontmatter", vec![(STYLE, "Answer briefly.\n".into())], vec!["OS001"]),
        ("output style: force-for-plugin a string", vec![(STYLE, "---\nname: terse\ndescription: Short answers.\nforce-for-plugin: \"true\"\n---\nAnswer briefly.\n".into())], vec!["OS002"]),
        ("hooks: exec form with arguments in command", vec![(HOOKS, hook("PreToolUse", &one(r#"{ "type": "command", "command": "node fmt.js", "args": ["--fix"] }"#)))], vec!["HK023"]),
        ("hooks: header variable not allowed", vec![(HOOKS, hook("Stop", r#"{ "hooks": [ { "type": "http", "url": "https://hooks.example.com/stop", "headers": { "Authorization": "Bearer ${HOOK_TOKEN}" } } ] }"#))], vec!["HK024"]),
        ("hooks: powershell reads a bash variable", vec![(HOOKS, hook("PreToolUse", &one(r#"{ "type": "command", "shell": "powershell", "command": "& \"$CLAUDE_PROJECT_DIR\\check.ps1\"" }"#)))], vec!["HK025"]),
        ("hooks: handler setting on the group", vec![(HOOKS, hook("PreToolUse", &format!(r#"{{ "matcher": "Bash", "timeout": 5, "hooks": [ {cmd} ] }}"#)))], vec!["HK021"]),
        ("hooks: cluster call without a context", vec![(HOOKS, hook("PostToolUse", &one(r#"{ "type": "command", "command": "kubectl apply -f \\\"$(cat x)\\\"" }"#)))], vec!["SH001"]),
        ("hooks: listed file runs a script without a context", vec![
            (PLUGIN, r#"{ "name": "demo", "version": "1.0.0", "description": "The demo plugin: /demo:hello.", "author": { "name": "A" }, "hooks": "./config/extra-hooks.json",
  "userConfig": { "token": { "type": "string", "title": "Token", "description": "The API token.", "sensitive": true } } }"#.into()),
            ("plugins/demo/config/extra-hooks.json", hook("Stop", r#"{ "hooks": [ { "type": "command", "command": "bash \"${CLAUDE_PLUGIN_ROOT}/tools/sync.sh\"" } ] }"#)),
            ("plugins/demo/tools/sync.sh", "#!/bin/bash\nkubectl apply -f manifests/\n".into()),
        ], vec!["SH001"]),
        ("mcp: server not an object", vec![(MCP, r#"{ "mcpServers": { "memory": "memory-server" } }"#.into())], vec!["MC001"]),
        ("mcp: stdio without command", vec![(MCP, r#"{ "mcpServers": { "memory": { "args": ["--quiet"] } } }"#.into())], vec!["MC002"]),
        ("mcp: url without type", vec![(MCP, r#"{ "mcpServers": { "docs": { "url": "https://mcp.example.com/mcp" } } }"#.into())], vec!["MC003"]),
        ("mcp: type htp", vec![(MCP, r#"{ "mcpServers": { "docs": { "type": "htp", "url": "https://mcp.example.com/mcp" } } }"#.into())], vec!["MC004"]),
        ("mcp: remote without url", vec![(MCP, r#"{ "mcpServers": { "docs": { "type": "http" } } }"#.into())], vec!["MC005"]),
        ("mcp: args as a string", vec![(MCP, r#"{ "mcpServers": { "memory": { "command": "${CLAUDE_PLUGIN_ROOT}/bin/memory", "args": "--quiet" } } }"#.into())], vec!["MC006"]),
        ("mcp: unknown key cwd", vec![(MCP, r#"{ "mcpServers": { "memory": { "command": "${CLAUDE_PLUGIN_ROOT}/bin/memory", "cwd": "." } } }"#.into())], vec!["MC007"]),
        ("mcp: oauth port", vec![(MCP, r#"{ "mcpServers": { "docs": { "type": "http", "url": "https://mcp.example.com/mcp", "oauth": { "callbackPort": -1 } } } }"#.into())], vec!["MC008"]),
        ("mcp: variable without default", vec![(MCP, r#"{ "mcpServers": { "docs": { "type": "http", "url": "https://mcp.example.com/mcp", "headers": { "Authorization": "Bearer ${DOCS_TOKEN}" } } } }"#.into())], vec!["MC009"]),
        ("mcp: command not plugin-rooted", vec![(MCP, r#"{ "mcpServers": { "memory": { "command": "./bin/memory" } } }"#.into())], vec!["MC010"]),
        ("mcp: npx without a version", vec![(MCP, r#"{ "mcpServers": { "fs": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem"] } } }"#.into())], vec!["MC011"]),
        ("mcp: plain http", vec![(MCP, r#"{ "mcpServers": { "docs": { "type": "http", "url": "http://mcp.example.com/mcp" } } }"#.into())], vec!["MC012"]),
        ("mcp: literal secret", vec![(MCP, r#"{ "mcpServers": { "gh": { "command": "${CLAUDE_PLUGIN_ROOT}/bin/memory", "env": { "GITHUB_TOKEN": "ghp_R8xK2mQv7LpZ4nWc9TfY3hJd6sBa1Ge5Uo0i" } } } }"#.into())], vec!["MC013"]),
        ("mcp: listed file under its own name", vec![
            (PLUGIN, r#"{ "name": "demo", "version": "1.0.0", "description": "The demo plugin: /demo:hello.", "author": { "name": "A" }, "mcpServers": "./config/servers.json",
  "userConfig": { "token": { "type": "string", "title": "Token", "description": "The API token.", "sensitive": true } } }"#.into()),
            ("plugins/demo/config/servers.json", r#"{ "mcpServers": { "extra": { "type": "htp", "url": "https://mcp.example.com/x" } } }"#.into()),
        ], vec!["MC004"]),
        ("mcp: inline in a strict:false entry", vec![
            (MARKETPLACE, r#"{ "name": "m", "owner": { "name": "A" }, "metadata": { "description": "Demo plugins." }, "plugins": [ { "name": "demo", "source": "./plugins/demo", "description": "The demo plugin: /demo:hello.", "strict": false,
  "mcpServers": { "extra": { "command": "${CLAUDE_PLUGIN_ROOT}/bin/memory", "args": "--quiet" } } } ] }"#.into()),
            (PLUGIN, r#"{ "name": "demo", "version": "1.0.0", "description": "The demo plugin: /demo:hello.", "author": { "name": "A" },
  "userConfig": { "token": { "type": "string", "title": "Token", "description": "The API token.", "sensitive": true } } }"#.into()),
        ], vec!["MC006"]),
        ("lsp: unknown key", vec![(LSP, r#"{ "rust": { "command": "rust-analyzer", "extensionToLanguage": { ".rs": "rust" }, "cwd": "." } }"#.into())], vec!["LS001"]),
        ("lsp: command with a space", vec![(LSP, r#"{ "rust": { "command": "rust-analyzer --stdio", "extensionToLanguage": { ".rs": "rust" } } }"#.into())], vec!["LS002"]),
        ("lsp: no extensions", vec![(LSP, r#"{ "rust": { "command": "rust-analyzer" } }"#.into())], vec!["LS003"]),
        ("lsp: transport tcp", vec![(LSP, r#"{ "rust": { "command": "rust-analyzer", "extensionToLanguage": { ".rs": "rust" }, "transport": "tcp" } }"#.into())], vec!["LS004"]),
        ("lsp: extension claimed twice", vec![(LSP, r#"{ "rust": { "command": "rust-analyzer", "extensionToLanguage": { ".rs": "rust" } }, "ra": { "command": "ra-multiplex", "extensionToLanguage": { ".rs": "rust" } } }"#.into())], vec!["LS005"]),
        ("monitors: no description", vec![(MONITORS, r#"[ { "name": "log", "command": "tail -F log" } ]"#.into())], vec!["MO001"]),
        ("monitors: duplicate name", vec![(MONITORS, r#"[ { "name": "log", "command": "tail -F a", "description": "A." }, { "name": "log", "command": "tail -F b", "description": "B." } ]"#.into())], vec!["MO002"]),
        ("monitors: when sometimes", vec![(MONITORS, r#"[ { "name": "log", "command": "tail -F a", "description": "A.", "when": "sometimes" } ]"#.into())], vec!["MO003"]),
        ("monitors: unknown skill", vec![(MONITORS, r#"[ { "name": "log", "command": "tail -F a", "description": "A.", "when": "on-skill-invoke:helo" } ]"#.into())], vec!["MO004"]),
        ("monitors: user value in command", vec![(MONITORS, r#"[ { "name": "log", "command": "tail -F ${user_config.token}", "description": "A." } ]"#.into())], vec!["MO005"]),
        ("output style: no description", vec![(STYLE, "---\nname: terse\n---\nAnswer briefly.\n".into())], vec!["OS001"]),
        ("output style: flag not a boolean", vec![(STYLE, "---\nname: terse\ndescription: Short answers.\nkeep-coding-instructions: \"yes\"\n---\nAnswer briefly.\n".into())], vec!["OS002"]),
        ("output style: unknown key", vec![(STYLE, "---\nname: terse\ndescription: Short answers.\ncolour: blue\n---\nAnswer briefly.\n".into())], vec!["OS003"]),
    ]
}

#[test]
fn the_clean_plugin_is_silent() {
    let dir = tree(&[]);
    assert_eq!(ids(dir.path()), Vec::<String>::new());
}

#[test]
fn each_defect_is_reported_by_its_rule_alone() {
    let mut wrong = Vec::new();
    for (name, changes, expected) in cases() {
        let changes: Vec<(&str, &str)> = changes.iter().map(|(p, t)| (*p, t.as_str())).collect();
        let dir = tree(&changes);
        let got = ids(dir.path());
        // `scripts/compare-components.sh` runs other validators on the
        // same trees.
        if let Some(out) = std::env::var_os("SKILLC_CASES_OUT") {
            let slug: String = name
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
                .collect();
            let to = Path::new(&out).join(format!("{}__{slug}", expected.join("+")));
            common::copy_dir(dir.path(), &to);
        }
        if got != expected {
            wrong.push(format!("{name}: expected {expected:?}, got {got:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
