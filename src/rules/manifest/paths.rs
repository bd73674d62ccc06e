//! PP001–PP006, PP008, PP009: component paths in plugin.json and in
//! marketplace entries.

use crate::declare_rule;
use crate::parse::json::JsonNode;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::source::{self, FileId, Span};

declare_rule! {
    /// A component path does not start with `./`.
    ///
    /// ## What it does
    /// Checks `skills`, `commands`, `agents`, `hooks`, `mcpServers`,
    /// `outputStyles`, `lspServers` and `workflows` paths.
    ///
    /// ## Why it matters
    /// Claude Code resolves component paths only in the `./x` form and
    /// rejects the manifest otherwise.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" }, "agents": ["agents/reviewer.md"] }
    /// ==> plugins/demo/agents/reviewer.md <==
    /// ---
    /// name: reviewer
    /// description: Reviews changes.
    /// ---
    /// Review the diff.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" }, "agents": ["./agents/reviewer.md"] }
    /// ==> plugins/demo/agents/reviewer.md <==
    /// ---
    /// name: reviewer
    /// description: Reviews changes.
    /// ---
    /// Review the diff.
    /// ```
    pub static NOT_DOT_SLASH = { id: "PP001", name: "component-path-not-relative", family: Manifest, severity: Error }
}

declare_rule! {
    /// A component path contains `..` or is absolute.
    ///
    /// ## What it does
    /// Reports component paths that climb out of the plugin.
    ///
    /// ## Why it matters
    /// Claude Code refuses them as path traversal; installed plugins are
    /// copied alone, so the target would be missing anyway.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" }, "skills": ["./../shared/skills"] }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" } }
    /// ```
    pub static TRAVERSAL = { id: "PP002", name: "component-path-traversal", family: Manifest, severity: Error }
}

declare_rule! {
    /// A component path does not exist.
    ///
    /// ## What it does
    /// Resolves each component path against the plugin directory.
    ///
    /// ## Why it matters
    /// The runtime reports a load failure for the plugin.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" }, "commands": "./cmds" }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" }, "commands": "./cmds" }
    /// ==> plugins/demo/cmds/hello.md <==
    /// ---
    /// description: Say hello.
    /// ---
    /// Say hello.
    /// ```
    pub static MISSING = { id: "PP003", name: "component-path-missing", family: Manifest, severity: Error }
}

declare_rule! {
    /// A `skills` entry names a file instead of a directory.
    ///
    /// ## What it does
    /// `skills` entries must be directories (a skill directory, or a folder of them).
    ///
    /// ## Why it matters
    /// Claude Code refuses the manifest: `skills entries must be directories containing SKILL.md`.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin. Skills: deploy.", "author": { "name": "A" }, "skills": ["./skills/deploy/SKILL.md"] }
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin. Skills: deploy.", "author": { "name": "A" }, "skills": ["./skills/deploy"] }
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ```
    pub static SKILL_IS_FILE = { id: "PP004", name: "skills-entry-is-file", family: Manifest, severity: Error }
}

declare_rule! {
    /// An `agents` entry does not end in `.md`.
    ///
    /// ## What it does
    /// Agent paths must name markdown files; directories are rejected.
    ///
    /// ## Why it matters
    /// Claude Code's schema refuses the manifest (`must end with ".md"`).
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" }, "agents": "./agents" }
    /// ==> plugins/demo/agents/reviewer.md <==
    /// ---
    /// name: reviewer
    /// description: Reviews changes.
    /// ---
    /// Review the diff.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" }, "agents": ["./agents/reviewer.md"] }
    /// ==> plugins/demo/agents/reviewer.md <==
    /// ---
    /// name: reviewer
    /// description: Reviews changes.
    /// ---
    /// Review the diff.
    /// ```
    pub static AGENT_NOT_MD = { id: "PP005", name: "agents-entry-not-markdown", family: Manifest, severity: Error }
}

declare_rule! {
    /// A hooks, MCP or LSP config path has the wrong extension.
    ///
    /// ## What it does
    /// `hooks`, `mcpServers` and `lspServers` file paths end in `.json`
    /// (MCP bundles in `.mcpb` or `.dxt`).
    ///
    /// ## Why it matters
    /// Claude Code refuses the manifest.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" }, "hooks": "./hooks/hooks.yaml" }
    /// ==> plugins/demo/hooks/hooks.yaml <==
    /// hooks: {}
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" }, "hooks": "./config/hooks.json" }
    /// ==> plugins/demo/config/hooks.json <==
    /// { "hooks": {} }
    /// ```
    pub static EXTENSION = { id: "PP006", name: "config-path-extension", family: Manifest, severity: Error }
}

declare_rule! {
    /// A default component directory is shadowed by a manifest field.
    ///
    /// ## What it does
    /// `commands`, `agents`, `outputStyles` and `workflows` in plugin.json
    /// *replace* the default directory. Reports a default directory that
    /// exists but is then not loaded.
    ///
    /// ## Why it matters
    /// Everything in the default directory silently disappears.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" }, "commands": ["./extra/hello.md"] }
    /// ==> plugins/demo/extra/hello.md <==
    /// ---
    /// description: Say hello.
    /// ---
    /// Say hello.
    /// ==> plugins/demo/commands/bye.md <==
    /// ---
    /// description: Say goodbye.
    /// ---
    /// Say goodbye.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" }, "commands": ["./extra/hello.md", "./commands/bye.md"] }
    /// ==> plugins/demo/extra/hello.md <==
    /// ---
    /// description: Say hello.
    /// ---
    /// Say hello.
    /// ==> plugins/demo/commands/bye.md <==
    /// ---
    /// description: Say goodbye.
    /// ---
    /// Say goodbye.
    /// ```
    pub static SHADOWED = { id: "PP008", name: "default-dir-shadowed", family: Manifest, severity: Warning }
}

declare_rule! {
    /// `hooks` lists the default `./hooks/hooks.json`.
    ///
    /// ## What it does
    /// Reports `"hooks": "./hooks/hooks.json"` in plugin.json.
    ///
    /// ## Why it matters
    /// That file is loaded automatically; listing it again registers each hook twice
    /// in older Claude Code versions.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" }, "hooks": "./hooks/hooks.json" }
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": {} }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" } }
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": {} }
    /// ```
    pub static HOOKS_LISTED = { id: "PP009", name: "default-hooks-listed", family: Manifest, severity: Warning }
}

/// Which field, and what its paths must be.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    Skills,
    Commands,
    Agents,
    Config,
    Other,
}

const FIELDS: &[(&str, Field)] = &[
    ("skills", Field::Skills),
    ("commands", Field::Commands),
    ("agents", Field::Agents),
    ("hooks", Field::Config),
    ("mcpServers", Field::Config),
    ("lspServers", Field::Config),
    ("outputStyles", Field::Other),
    ("workflows", Field::Other),
];

/// String paths of a field value (string, array of strings, commands object sources).
fn paths(node: &JsonNode, field: Field) -> Vec<(&str, Span)> {
    if let Some(s) = node.as_str() {
        return vec![(s, node.span)];
    }
    if field == Field::Commands && node.is_object() {
        return node
            .members()
            .iter()
            .filter_map(|m| {
                m.value
                    .get("source")
                    .and_then(|s| s.as_str().map(|t| (t, s.span)))
            })
            .collect();
    }
    node.items()
        .iter()
        .filter_map(|i| i.as_str().map(|s| (s, i.span)))
        .collect()
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let mut seen = std::collections::BTreeSet::new();
    for p in cx.project.plugins.iter().filter(|p| !p.synthetic) {
        let mut holders: Vec<(FileId, &JsonNode, bool)> = Vec::new();
        if let Some(jf) = cx.project.manifest(p)
            && let Some(root) = jf.root()
            && seen.insert((jf.file, 0usize))
        {
            holders.push((jf.file, root, true));
        }
        if let (Some(ei), Some(mk)) = (p.entry, cx.project.marketplace()) {
            let entry = &cx.project.entries[ei];
            if let Some(node) = mk
                .root()
                .and_then(|r| r.get("plugins"))
                .and_then(|ps| ps.items().get(entry.index))
                && seen.insert((mk.file, entry.index + 1))
            {
                holders.push((mk.file, node, false));
            }
        }
        for (file, holder, is_manifest) in holders {
            for (key, field) in FIELDS {
                let Some(value) = holder.get(key) else {
                    continue;
                };
                for (path, span) in paths(value, *field) {
                    check_path(
                        cx,
                        out,
                        &p.dir,
                        file,
                        key,
                        *field,
                        path,
                        span,
                        value.is_object(),
                    );
                }
            }
            if is_manifest {
                shadowing(cx, out, &p.dir, file, holder);
            }
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn check_path(
    cx: &Context<'_>,
    out: &mut Vec<Diagnostic>,
    dir: &str,
    file: FileId,
    key: &str,
    field: Field,
    path: &str,
    span: Span,
    inline_object: bool,
) {
    if field == Field::Config && inline_object {
        return;
    }
    if path.starts_with("https://") || path.starts_with("http://") {
        return;
    }
    let absolute = path.starts_with('/') || path.contains(":\\") || path.starts_with('\\');
    if absolute || path.split(['/', '\\']).any(|s| s == "..") {
        out.push(
            Diagnostic::new(&TRAVERSAL, file, span, format!("`{key}` path `{path}` leaves the plugin"))
                .help("component paths are relative to the plugin root and may not use `..`; copy the files into the plugin"),
        );
        return;
    }
    let ok_form = path.starts_with("./") || (field == Field::Skills && path == ".");
    if !ok_form {
        out.push(
            Diagnostic::new(
                &NOT_DOT_SLASH,
                file,
                span,
                format!("`{key}` path `{path}` must start with `./`"),
            )
            .help(format!("write \"./{}\"", path.trim_start_matches("./"))),
        );
    }
    let Some(target) = source::join(dir, path) else {
        return;
    };
    match field {
        Field::Agents if !path.ends_with(".md") => {
            out.push(
                Diagnostic::new(
                    &AGENT_NOT_MD,
                    file,
                    span,
                    format!("`agents` entry `{path}` is not a .md file"),
                )
                .help("list each agent file, for example \"./agents/reviewer.md\""),
            );
            return;
        }
        Field::Config => {
            let ok = if key == "mcpServers" {
                path.ends_with(".json") || path.ends_with(".mcpb") || path.ends_with(".dxt")
            } else {
                path.ends_with(".json")
            };
            if !ok {
                out.push(
                    Diagnostic::new(
                        &EXTENSION,
                        file,
                        span,
                        format!("`{key}` file `{path}` must end in .json"),
                    )
                    .help("rename the file to .json (MCP bundles may be .mcpb or .dxt)"),
                );
                return;
            }
        }
        _ => {}
    }
    if !cx.project.exists(&target) {
        out.push(
            Diagnostic::new(
                &MISSING,
                file,
                span,
                format!("`{key}` path `{path}` does not exist"),
            )
            .help(
                "fix the path or add the missing files; the runtime reports this as a load failure",
            ),
        );
        return;
    }
    if field == Field::Skills && !cx.project.is_dir(&target) {
        let parent = source::parent(path);
        out.push(
            Diagnostic::new(
                &SKILL_IS_FILE,
                file,
                span,
                format!("`skills` entry `{path}` is a file; entries must be directories"),
            )
            .help(format!("point at the directory: \"{parent}\"")),
        );
    }
    if key == "hooks" && source::normalize(path).as_deref() == Some("hooks/hooks.json") {
        out.push(
            Diagnostic::new(
                &HOOKS_LISTED,
                file,
                span,
                "`./hooks/hooks.json` is loaded automatically",
            )
            .help("remove it from `hooks`; list only additional hook files"),
        );
    }
}

fn shadowing(
    cx: &Context<'_>,
    out: &mut Vec<Diagnostic>,
    dir: &str,
    file: FileId,
    root: &JsonNode,
) {
    for (key, default) in [
        ("commands", "commands"),
        ("agents", "agents"),
        ("outputStyles", "output-styles"),
        ("workflows", "workflows"),
    ] {
        let Some(member) = root.member(key) else {
            continue;
        };
        let default_dir = if dir.is_empty() {
            default.to_string()
        } else {
            format!("{dir}/{default}")
        };
        if !cx.project.is_dir(&default_dir) {
            continue;
        }
        let listed = paths(
            &member.value,
            if key == "commands" {
                Field::Commands
            } else {
                Field::Other
            },
        );
        let covered = listed.iter().any(|(p, _)| {
            source::join(dir, p)
                .is_some_and(|t| t == default_dir || t.starts_with(&format!("{default_dir}/")))
        });
        // Partially listed files still shadow the rest; report only when nothing under it is listed.
        if !covered {
            out.push(
                Diagnostic::new(&SHADOWED, file, member.key_span, format!("`{key}` replaces the default `{default}/` directory, which is then not loaded"))
                    .help(format!("add \"./{default}/\" to `{key}`, or move its files")),
            );
        }
    }
}
