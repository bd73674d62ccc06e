//! Hooks (formats.md §8): `hooks/hooks.json`, the inline `hooks` of
//! plugin.json, `hooks:` in skill and agent frontmatter, and the `hooks` of
//! `.claude/settings.json`. Every rule reads the typed hooks
//! ([`crate::model::hooks`]); the walk over them is here.

use crate::model::hooks::{Handler, MatcherGroup};
use crate::model::value::{Entry, List, Present};
use crate::model::{JsonRole, Plugin, Typed};
use crate::rules::Context;
use crate::source::{FileId, Span};

crate::declare_family! {
    hooks_wrapper_missing,
    hook_event_unknown,
    hook_event_shape,
    hook_type_unknown,
    hook_field_missing,
    hook_timeout_invalid,
    hook_matcher_ignored,
    hook_matcher_mcp_server,
    hook_matcher_invalid,
    plugin_root_unquoted,
    hook_script_missing,
    hook_option_invalid,
    hook_if_ignored,
    hook_if_invalid,
    hook_once_ignored,
    hook_args_with_shell,
    hook_url_invalid,
    hook_matcher_bare_server,
    hook_matcher_server_unknown,
    hook_matcher_tool_unknown,
    hook_async_ignored,
    hook_field_type,
    hook_unknown_key,
    hook_command_not_plugin_rooted,
    hook_exec_command_has_arguments,
    hook_header_variable_not_allowed,
    hook_powershell_variable,
    hook_script_not_executable,
}

/// Where a set of hooks is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HookOrigin {
    /// A hooks file (`hooks/hooks.json`).
    File,
    /// plugin.json's inline `hooks`.
    Manifest,
    /// `hooks:` in a skill's (or command's) frontmatter.
    Frontmatter,
    /// `hooks:` in an agent's frontmatter.
    Agent,
    /// `hooks` in `.claude/settings.json`.
    Settings,
}

/// One event map: where it is written and its events, in order.
pub struct Events<'a> {
    pub file: FileId,
    pub origin: HookOrigin,
    /// The plugin that ships it, when one does.
    pub plugin: Option<&'a Plugin>,
    pub events: Vec<&'a Entry<List<MatcherGroup>>>,
    /// The key of a `hooks` wrapper written around an inline event map
    /// (which has none): its events are not read.
    pub wrapper: Option<Span>,
}

/// Every event map of the tree.
pub fn event_maps<'a>(cx: &Context<'a>) -> Vec<Events<'a>> {
    let project = cx.project;
    let mut out = Vec::new();
    for jf in &project.json {
        let path = cx.db.path(jf.file);
        let plugin = project.plugin_of(path).filter(|p| !p.synthetic);
        match (&jf.typed, jf.role) {
            (Typed::Hooks(h), JsonRole::Hooks) => {
                if let Some(m) = h.hooks.val()
                    && loaded_hooks_file(cx, path)
                {
                    out.push(Events {
                        file: jf.file,
                        origin: HookOrigin::File,
                        plugin,
                        events: m.iter().collect(),
                        wrapper: None,
                    });
                }
            }
            (Typed::Settings(s), JsonRole::Settings) => {
                if let Some(m) = s.hooks.val() {
                    out.push(inline_events(
                        jf.file,
                        HookOrigin::Settings,
                        plugin,
                        m.iter(),
                    ));
                }
            }
            _ => {}
        }
    }
    for (file, p, pm) in crate::rules::manifest::holders(cx) {
        for m in crate::rules::servers::inline(&pm.hooks) {
            out.push(inline_events(file, HookOrigin::Manifest, Some(p), m.iter()));
        }
    }
    for d in &project.docs {
        if let Some(fm) = d.fm.as_deref()
            && let Some(m) = fm.hooks.val()
        {
            let origin = if d.kind == crate::model::DocKind::Agent {
                HookOrigin::Agent
            } else {
                HookOrigin::Frontmatter
            };
            let plugin = project.plugin_of(&d.path).filter(|p| !p.synthetic);
            out.push(inline_events(d.file, origin, plugin, m.iter()));
        }
    }
    out
}

/// An inline event map: a `hooks` key in it is a wrapper written by
/// mistake, kept apart from the events.
fn inline_events<'a>(
    file: FileId,
    origin: HookOrigin,
    plugin: Option<&'a Plugin>,
    all: impl Iterator<Item = &'a Entry<List<MatcherGroup>>>,
) -> Events<'a> {
    let (wrappers, events): (Vec<_>, Vec<_>) = all.partition(|e| e.key == "hooks");
    Events {
        file,
        origin,
        plugin,
        events,
        wrapper: wrappers.first().map(|e| e.key_span),
    }
}

/// Whether Claude Code loads the hooks file at `path`: a plugin's
/// `hooks/hooks.json`, or a file its plugin.json or entry lists in `hooks`.
pub fn loaded_hooks_file(cx: &Context<'_>, path: &str) -> bool {
    let Some(p) = cx.project.plugin_of(path).filter(|p| !p.synthetic) else {
        return false;
    };
    path == crate::rules::manifest::in_dir(&p.dir, "hooks/hooks.json")
        || crate::rules::manifest::component_paths(cx)
            .iter()
            .any(|cp| cp.key == "hooks" && cp.target().as_deref() == Some(path))
}

/// One handler, with the event and group it sits in.
pub struct Hook<'a> {
    pub file: FileId,
    pub origin: HookOrigin,
    pub plugin: Option<&'a Plugin>,
    /// The event's name as written.
    pub event: &'a str,
    pub group: &'a MatcherGroup,
    pub handler: &'a Handler,
}

/// Every handler of every event map that has the expected shape.
pub fn handlers<'a>(cx: &Context<'a>) -> Vec<Hook<'a>> {
    let mut out = Vec::new();
    for m in event_maps(cx) {
        for e in &m.events {
            for g in e
                .ok()
                .into_iter()
                .flat_map(|l| l.iter())
                .filter_map(|g| g.ok())
            {
                for h in g.hooks.val().into_iter().flat_map(|l| l.iter()) {
                    if let Some(handler) = h.ok() {
                        out.push(Hook {
                            file: m.file,
                            origin: m.origin,
                            plugin: m.plugin,
                            event: &e.key,
                            group: g,
                            handler,
                        });
                    }
                }
            }
        }
    }
    out
}

/// Every matcher group, with its event.
pub fn groups<'a>(cx: &Context<'a>) -> Vec<(FileId, &'a str, &'a MatcherGroup)> {
    let mut out = Vec::new();
    for m in event_maps(cx) {
        for e in &m.events {
            for g in e
                .ok()
                .into_iter()
                .flat_map(|l| l.iter())
                .filter_map(|g| g.ok())
            {
                out.push((m.file, e.key.as_str(), g));
            }
        }
    }
    out
}

pub use crate::model::hooks::EVENTS;

/// Events whose hooks always fire: a `matcher` on them is ignored (the
/// hooks reference, "Matcher patterns").
pub const NO_MATCHER: &[&str] = &[
    "UserPromptSubmit",
    "Stop",
    "TeammateIdle",
    "TaskCreated",
    "TaskCompleted",
    "WorktreeCreate",
    "WorktreeRemove",
    "CwdChanged",
];

/// Events whose matcher is a tool name.
pub const TOOL_EVENTS: &[&str] = &[
    "PreToolUse",
    "PostToolUse",
    "PostToolUseFailure",
    "PermissionRequest",
    "PermissionDenied",
];

/// The handler types and the fields each requires.
pub const TYPES: &[(&str, &[&str])] = &[
    ("command", &["command"]),
    ("http", &["url"]),
    ("mcp_tool", &["server", "tool"]),
    ("prompt", &["prompt"]),
    ("agent", &["prompt"]),
];

/// Whether Claude Code reads `matcher` as a regular expression rather than
/// an exact name or a `|`/`,` list.
pub fn matcher_is_regex(m: &str) -> bool {
    !(m.is_empty()
        || m == "*"
        || m.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | ' ' | ',' | '|')))
}

/// The names in an exact matcher (`Bash`, `Edit|Write`, `Read, Grep`),
/// each with its byte range in the matcher; none for a regex matcher.
pub fn exact_names(m: &str) -> Vec<(std::ops::Range<usize>, &str)> {
    if matcher_is_regex(m) || m.trim().is_empty() || m == "*" {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut at = 0;
    for part in m.split(['|', ',']) {
        let start = at + (part.len() - part.trim_start().len());
        at += part.len() + 1;
        let name = part.trim();
        if !name.is_empty() {
            out.push((start..start + name.len(), name));
        }
    }
    out
}

/// The MCP server names a matcher writes literally after `mcp__` (in an
/// exact name or a regex: `mcp__memory__.*` → `memory`), with their ranges.
/// A server written with regex syntax is left out.
pub fn mcp_servers_named(m: &str) -> Vec<(std::ops::Range<usize>, &str)> {
    let re = crate::regex!(r"mcp__([A-Za-z0-9-]+(?:_[A-Za-z0-9-]+)*)(?:__|$|\||,)");
    re.captures_iter(m)
        .filter_map(|c| {
            let g = c.get(1)?;
            // `mcp__a.*`: the server name goes on with regex syntax.
            Some((g.range(), g.as_str()))
        })
        .collect()
}

/// How Claude Code writes a plugin or server name inside a tool name:
/// characters outside `[A-Za-z0-9_-]` become `_`.
pub fn tool_name_part(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// The MCP servers each plugin of the tree ships (`.mcp.json`, MCP files
/// its manifest or entry lists, inline `mcpServers`), by plugin directory,
/// with names as tool names write them. `None` for a plugin whose servers
/// are not all known here (an `.mcpb` bundle, a URL).
pub fn shipped_servers(
    cx: &Context<'_>,
) -> std::collections::HashMap<String, Option<std::collections::BTreeSet<String>>> {
    use std::collections::{BTreeSet, HashMap};
    let mut out: HashMap<String, Option<BTreeSet<String>>> = HashMap::new();
    for p in cx.project.plugins.iter().filter(|p| !p.synthetic) {
        out.insert(p.dir.clone(), Some(BTreeSet::new()));
    }
    for cp in crate::rules::manifest::component_paths(cx) {
        if cp.key == "mcpServers" && !cp.path.ends_with(".json") {
            out.insert(cp.dir.to_string(), None);
        }
    }
    for m in crate::rules::servers::mcp_maps(cx) {
        let Some(p) = m.plugin.filter(|p| !p.synthetic) else {
            continue;
        };
        if let Some(Some(set)) = out.get_mut(&p.dir) {
            set.extend(m.map.iter().map(|e| tool_name_part(&e.key)));
        }
    }
    out
}

pub use crate::parse::json::string_offsets as json_string_offsets;

/// The span in the file of bytes `range` of a string value written at
/// `span`: exact inside a JSON string (escapes included) or a plain YAML
/// scalar; the whole value otherwise.
pub fn span_in(
    cx: &Context<'_>,
    file: FileId,
    span: Span,
    value: &str,
    range: std::ops::Range<usize>,
) -> Span {
    let raw = cx.text(file).get(span.range()).unwrap_or("");
    if raw == value {
        return Span::new(
            span.start as usize + range.start,
            span.start as usize + range.end,
        );
    }
    if let Some(map) = json_string_offsets(raw, span.start as usize)
        && map.len() == value.len() + 1
        && range.end < map.len()
    {
        return Span::new(map[range.start], map[range.end]);
    }
    span
}

/// The directory placeholders Claude Code gives hook commands.
pub const DIR_VARS: &[&str] = &[
    "CLAUDE_PLUGIN_ROOT",
    "CLAUDE_PLUGIN_DATA",
    "CLAUDE_PROJECT_DIR",
];

/// A shell-form `command` handler: its command and where it is written.
pub fn shell_command<'a>(h: &Hook<'a>) -> Option<(&'a str, Span)> {
    let x = h.handler;
    let kind = x.handler_type.val().map(String::as_str);
    let shell = x.shell.val().map(String::as_str);
    if !crate::model::hooks::is_shell_form(kind, x.args.is_some(), shell) {
        return None;
    }
    x.command.spanned().map(|(c, s)| (c.as_str(), s))
}

/// The `${CLAUDE_PLUGIN_ROOT}`-family placeholders (`$VAR` too) a shell
/// command expands outside quotes, where the shell splits them: each with
/// its byte range and whether it is written with braces.
pub fn unquoted_dir_vars(cmd: &str) -> Vec<(std::ops::Range<usize>, &'static str)> {
    let b = cmd.as_bytes();
    let mut out = Vec::new();
    let (mut single, mut double) = (false, false);
    // The current word started at an assignment (`X=…`): no splitting there.
    let mut word_start = true;
    let mut assignment = false;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if single {
            single = c != b'\'';
            i += 1;
            continue;
        }
        match c {
            b'\\' => {
                i += 2;
                word_start = false;
                continue;
            }
            b'\'' if !double => single = true,
            b'"' => double = !double,
            b'#' if !double && word_start => {
                // A comment runs to the end of the line.
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'$' if !double && !assignment => {
                let rest = &cmd[i + 1..];
                let mut matched = false;
                for v in DIR_VARS {
                    let len = if rest.starts_with('{')
                        && rest[1..].starts_with(v)
                        && rest[1 + v.len()..].starts_with('}')
                    {
                        v.len() + 3
                    } else if rest.starts_with(v)
                        && !rest[v.len()..]
                            .starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_')
                    {
                        v.len() + 1
                    } else {
                        continue;
                    };
                    out.push((i..i + len, *v));
                    i += len;
                    word_start = false;
                    matched = true;
                    break;
                }
                if matched {
                    continue;
                }
            }
            b'=' if !double && !word_start => {
                // `NAME=value`: the value is not split.
                let start = cmd[..i]
                    .rfind(|c: char| c.is_whitespace() || matches!(c, ';' | '&' | '|' | '('))
                    .map_or(0, |j| j + 1);
                let name = &cmd[start..i];
                if !name.is_empty()
                    && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                    && !name.starts_with(|c: char| c.is_ascii_digit())
                {
                    assignment = true;
                }
            }
            _ => {}
        }
        let blank =
            !double && (c.is_ascii_whitespace() || matches!(c, b';' | b'&' | b'|' | b'(' | b')'));
        if blank {
            word_start = true;
            assignment = false;
        } else {
            word_start = false;
        }
        i += 1;
    }
    out
}

pub use crate::model::hooks::plugin_root_paths;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_follow_escapes() {
        let raw = r#""a\"b\u00e9c""#;
        let map = json_string_offsets(raw, 10).unwrap();
        // a " b é(2 bytes) c, and the end.
        assert_eq!(map, vec![11, 12, 14, 15, 15, 21, 22]);
        assert!(json_string_offsets("abc", 0).is_none());
    }

    #[test]
    fn unquoted_placeholders() {
        let found = |c: &str| {
            unquoted_dir_vars(c)
                .into_iter()
                .map(|(r, _)| r)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            found("python3 ${CLAUDE_PLUGIN_ROOT}/hooks/x.py"),
            vec![8..29]
        );
        assert_eq!(found("$CLAUDE_PROJECT_DIR/x"), vec![0..19]);
        assert!(found("\"${CLAUDE_PLUGIN_ROOT}\"/hooks/x.sh").is_empty());
        assert!(found("python3 \"${CLAUDE_PLUGIN_ROOT}/hooks/x.py\"").is_empty());
        assert!(found("echo '${CLAUDE_PLUGIN_ROOT}'").is_empty());
        assert!(found("ROOT=${CLAUDE_PLUGIN_ROOT} run").is_empty());
        assert!(found("echo $CLAUDE_PLUGIN_ROOTX").is_empty());
        assert_eq!(found("cd x && ${CLAUDE_PLUGIN_DATA}/y"), vec![8..29]);
        // A `$` that starts no placeholder, after a word has begun.
        assert!(found("kubectl apply -f \\\"$(cat x)\\\"").is_empty());
        assert!(found("a$b x$").is_empty());
    }

    #[test]
    fn plugin_root_paths_found() {
        let paths = |c: &str| {
            plugin_root_paths(c)
                .into_iter()
                .map(|(_, p)| p.to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            paths("\"${CLAUDE_PLUGIN_ROOT}\"/hooks/x.sh"),
            vec!["hooks/x.sh"]
        );
        assert_eq!(
            paths("python3 \"${CLAUDE_PLUGIN_ROOT}/hooks/x.py\" --a"),
            vec!["hooks/x.py"]
        );
        assert_eq!(
            paths("node $CLAUDE_PLUGIN_ROOT/dist/i.js"),
            vec!["dist/i.js"]
        );
        assert!(paths("bash ${CLAUDE_PLUGIN_ROOT}/hooks/*.sh").is_empty());
        assert!(paths("cd ${CLAUDE_PLUGIN_ROOT}/").is_empty());
    }

    /// Frontmatter, inline and settings hooks are read like hooks files;
    /// `once` is fine in a skill and ignored in an agent; an escaped
    /// placeholder is located exactly.
    #[test]
    fn every_place_hooks_are_written() {
        use crate::engine::testing::check_listing;
        let listing = r#"==> .claude-plugin/marketplace.json <==
{ "name": "m", "owner": { "name": "A" }, "plugins": [ { "name": "demo", "source": "./plugins/demo", "description": "The demo plugin." } ] }
==> plugins/demo/.claude-plugin/plugin.json <==
{ "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" },
  "hooks": { "Stop": [ { "matcher": "x", "hooks": [ { "type": "command", "command": "echo \"a\" ${CLAUDE_PLUGIN_ROOT}/b" } ] } ] } }
==> plugins/demo/skills/s/SKILL.md <==
---
name: s
description: Does s. Use when s is needed.
hooks:
  PreToolUSe:
    - hooks:
        - type: command
          command: echo hi
          once: true
---
Body.
==> plugins/demo/agents/a.md <==
---
name: a
description: Does a. Use when a is needed.
hooks:
  SessionStart:
    - hooks:
        - type: command
          command: echo hi
          once: true
---
Body.
==> .claude/settings.json <==
{ "hooks": { "PreToolUse": [ { "matcher": "Bash(", "hooks": [ { "type": "command", "command": "echo hi" } ] } ] } }
"#;
        let (_d, loaded, diags) = check_listing(listing);
        let found: Vec<String> = diags
            .iter()
            .filter(|d| d.rule.family == crate::rules::Family::Hooks)
            .map(|d| {
                let span = d.span();
                let text = loaded.db.text(d.file());
                format!(
                    "{} {} `{}`",
                    d.rule.id,
                    loaded.db.path(d.file()),
                    &text[span.range()]
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                "HK012 .claude/settings.json `(`",
                "HK009 plugins/demo/.claude-plugin/plugin.json `\"x\"`",
                "PP011 plugins/demo/.claude-plugin/plugin.json `${CLAUDE_PLUGIN_ROOT}`",
                "PP014 plugins/demo/.claude-plugin/plugin.json `b`",
                "HK015 plugins/demo/agents/a.md `once`",
                "HK002 plugins/demo/skills/s/SKILL.md `PreToolUSe`",
            ]
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>(),
            "{found:#?}"
        );
    }

    #[test]
    fn regex_matchers() {
        assert!(!matcher_is_regex("Bash|Write"));
        assert!(!matcher_is_regex("mcp__memory"));
        assert!(!matcher_is_regex("*"));
        assert!(matcher_is_regex("Edit.*"));
        assert!(matcher_is_regex("Bash(|Write"));
    }
}
