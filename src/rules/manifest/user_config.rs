//! userConfig options, channels against MCP servers, and `${user_config.*}`
//! placeholders in hook commands.

use super::manifests;
use crate::declare_rule;
use crate::parse::json::{JsonKind, JsonNode};
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::source::{FileId, Span};
use std::collections::BTreeSet;

declare_rule! {
    /// A `userConfig` option's `options` list breaks the runtime's rules.
    ///
    /// ## What it does
    /// `options` is allowed only on `type: string` options that are neither
    /// `multiple` nor `sensitive`; it needs a `default` from the list or
    /// `required: true`; entries are unique (ignoring case) and 1–64 characters.
    ///
    /// ## Why it matters
    /// Claude Code rejects the plugin's configuration block.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" },
    ///   "userConfig": { "region": { "type": "string", "title": "Region", "description": "Where to deploy", "options": ["eu", "us"], "default": "ap" } } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" },
    ///   "userConfig": { "region": { "type": "string", "title": "Region", "description": "Where to deploy", "options": ["eu", "us"], "default": "eu" } } }
    /// ```
    pub static OPTIONS = { id: "PJ025", name: "user-config-options-invalid", family: Manifest, severity: Error }
}

declare_rule! {
    /// A channel names an MCP server the plugin does not define.
    ///
    /// ## What it does
    /// Each `channels[].server` must be a key of the plugin's MCP servers
    /// (`.mcp.json` or inline `mcpServers`).
    ///
    /// ## Why it matters
    /// The channel has nothing to connect to.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" },
    ///   "mcpServers": { "chat": { "command": "chat-server" } }, "channels": [{ "server": "chats" }] }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" },
    ///   "mcpServers": { "chat": { "command": "chat-server" } }, "channels": [{ "server": "chat" }] }
    /// ```
    pub static CHANNEL_SERVER = { id: "PJ027", name: "channel-server-unknown", family: Manifest, severity: Error }
}

declare_rule! {
    /// `${user_config.X}` in a shell-form hook command.
    ///
    /// ## What it does
    /// Reports `${user_config.…}` inside `command` strings of hooks that run
    /// through a shell (no `args` array).
    ///
    /// ## Why it matters
    /// Claude Code 2.1.207 and later refuse to substitute user values into a
    /// shell command line (it would allow injection); the hook fails.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" },
    ///   "userConfig": { "token": { "type": "string", "title": "Token", "description": "API token", "sensitive": true } } }
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "SessionStart": [ { "hooks": [ { "type": "command", "command": "notify --token ${user_config.token}" } ] } ] } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" },
    ///   "userConfig": { "token": { "type": "string", "title": "Token", "description": "API token", "sensitive": true } } }
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "SessionStart": [ { "hooks": [ { "type": "command", "command": "notify", "args": ["--token", "${user_config.token}"] } ] } ] } }
    /// ```
    pub static SHELL_USER_CONFIG = { id: "PP012", name: "user-config-in-shell-hook", family: Manifest, severity: Error }
}

declare_rule! {
    /// `${user_config.X}` names a key `userConfig` does not declare.
    ///
    /// ## What it does
    /// Checks every `${user_config.KEY}` in hook configs against the plugin's
    /// `userConfig` keys.
    ///
    /// ## Why it matters
    /// The placeholder is never substituted; the hook receives it literally.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" },
    ///   "userConfig": { "token": { "type": "string", "title": "Token", "description": "API token" } } }
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "SessionStart": [ { "hooks": [ { "type": "command", "command": "notify", "args": ["${user_config.tokn}"] } ] } ] } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" },
    ///   "userConfig": { "token": { "type": "string", "title": "Token", "description": "API token" } } }
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "SessionStart": [ { "hooks": [ { "type": "command", "command": "notify", "args": ["${user_config.token}"] } ] } ] } }
    /// ```
    pub static UNDECLARED = { id: "PP013", name: "user-config-undeclared", family: Manifest, severity: Warning }
}

/// Handler objects of a hooks event map (`{Event: [{hooks: [handler]}]}`).
fn handlers(events: &JsonNode) -> Vec<&JsonNode> {
    events
        .members()
        .iter()
        .flat_map(|m| m.value.items())
        .flat_map(|group| group.get("hooks").map(|h| h.items()).unwrap_or(&[]))
        .filter(|h| h.is_object())
        .collect()
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let placeholder = crate::regex!(r"\$\{user_config\.([A-Za-z_][A-Za-z0-9_]*)\}");
    for (p, jf, root) in manifests(cx.project) {
        let declared: BTreeSet<&str> = root
            .get("userConfig")
            .map(|u| u.members().iter().map(|m| m.key.as_str()).collect())
            .unwrap_or_default();
        if let Some(uc) = root.get("userConfig") {
            for m in uc.members() {
                options(out, jf.file, &m.value);
            }
        }
        // Channels against MCP servers.
        if let Some(channels) = root.get("channels") {
            let mut servers: BTreeSet<String> = BTreeSet::new();
            let mut known = true;
            match root.get("mcpServers") {
                Some(m) if m.is_object() => {
                    servers.extend(m.members().iter().map(|s| s.key.clone()))
                }
                Some(_) => known = false,
                None => {}
            }
            let mcp_path = if p.dir.is_empty() {
                ".mcp.json".to_string()
            } else {
                format!("{}/.mcp.json", p.dir)
            };
            if let Some(mcp) = cx
                .project
                .json
                .iter()
                .find(|j| cx.db.path(j.file) == mcp_path)
            {
                match mcp.root().and_then(|r| r.get("mcpServers")) {
                    Some(m) => servers.extend(m.members().iter().map(|s| s.key.clone())),
                    None => known = false,
                }
            }
            if known {
                for c in channels.items() {
                    if let Some((server, span)) = c.str_at("server")
                        && !server.is_empty()
                        && !servers.contains(server)
                    {
                        let near = crate::text::suggest(server, servers.iter().map(String::as_str));
                        let d = Diagnostic::new(
                            &CHANNEL_SERVER,
                            jf.file,
                            span,
                            format!(
                                "channel server `{server}` is not an MCP server of this plugin"
                            ),
                        );
                        out.push(match near {
                            Some(n) => d.help(format!("did you mean `{n}`?")),
                            None => d.help("define the server in .mcp.json or mcpServers"),
                        });
                    }
                }
            }
        }
        // user_config placeholders in hooks.
        let hooks_path = if p.dir.is_empty() {
            "hooks/hooks.json".to_string()
        } else {
            format!("{}/hooks/hooks.json", p.dir)
        };
        let mut maps: Vec<(FileId, &JsonNode)> = Vec::new();
        if let Some(h) = cx
            .project
            .json
            .iter()
            .find(|j| cx.db.path(j.file) == hooks_path)
            && let Some(events) = h.root().and_then(|r| r.get("hooks"))
        {
            maps.push((h.file, events));
        }
        if let Some(h) = root.get("hooks").filter(|h| h.is_object()) {
            maps.push((jf.file, h));
        }
        for (file, events) in maps {
            for h in handlers(events) {
                let shell_form = h.get("args").is_none();
                let mut strings: Vec<(&str, Span, bool)> = Vec::new();
                if let Some((c, span)) = h.str_at("command") {
                    strings.push((c, span, shell_form));
                }
                for a in h.get("args").map(|a| a.items()).unwrap_or(&[]) {
                    if let Some(s) = a.as_str() {
                        strings.push((s, a.span, false));
                    }
                }
                for (s, span, shell) in strings {
                    let raw = cx.text(file).get(span.range()).unwrap_or("");
                    for c in placeholder.captures_iter(s) {
                        let (Some(all), Some(key)) = (c.get(0), c.get(1)) else {
                            continue;
                        };
                        let at = raw.find(all.as_str()).map_or(span, |i| {
                            Span::new(span.start as usize + i, span.start as usize + i + all.len())
                        });
                        if shell {
                            out.push(
                                Diagnostic::new(&SHELL_USER_CONFIG, file, at, format!("`{}` in a shell-form hook command", all.as_str()))
                                    .help("pass it through `args` (exec form); shell-form substitution of user values is refused"),
                            );
                        }
                        if !declared.contains(key.as_str()) {
                            let near = crate::text::suggest(key.as_str(), declared.iter().copied());
                            let d = Diagnostic::new(
                                &UNDECLARED,
                                file,
                                at,
                                format!("`{}` is not declared in userConfig", key.as_str()),
                            );
                            out.push(match near {
                                Some(n) => d.help(format!("did you mean `{n}`?")),
                                None => d.help("declare it under userConfig in plugin.json"),
                            });
                        }
                    }
                }
            }
        }
    }
}

fn options(out: &mut Vec<Diagnostic>, file: FileId, opt: &JsonNode) {
    let Some(list) = opt.get("options") else {
        return;
    };
    let span = list.span;
    let is_string = opt.get("type").and_then(JsonNode::as_str) == Some("string");
    let flag = |k: &str| opt.get(k).and_then(JsonNode::as_bool) == Some(true);
    let mut problems: Vec<String> = Vec::new();
    if !is_string || flag("multiple") || flag("sensitive") {
        problems.push("`options` is only for single, non-sensitive string settings".into());
    }
    let items: Vec<&str> = list.items().iter().filter_map(JsonNode::as_str).collect();
    let mut seen = BTreeSet::new();
    for i in &items {
        if i.is_empty() || i.chars().count() > 64 || i.trim() != *i {
            problems.push(format!(
                "option `{i}` must be 1–64 characters without leading or trailing spaces"
            ));
        }
        if !seen.insert(i.to_lowercase()) {
            problems.push(format!("option `{i}` is listed twice"));
        }
    }
    match opt.get("default").map(|d| &d.kind) {
        Some(JsonKind::String(d)) if !items.contains(&d.as_str()) => {
            problems.push(format!("default `{d}` is not one of the options"))
        }
        None if !flag("required") => {
            problems.push("give a `default` from the options or set `required: true`".into())
        }
        _ => {}
    }
    for p in problems {
        out.push(
            Diagnostic::new(&OPTIONS, file, span, p)
                .help("see the userConfig rules in the plugins reference"),
        );
    }
}
