//! Marketplace entries against each other and against the tree: duplicate
//! names, local sources, missing or empty plugin directories, orphans,
//! version and name drift, strict-mode conflicts, renames, archive URLs.

use super::marketplace;
use crate::declare_rule;
use crate::model::EntrySource;
use crate::parse::json::JsonNode;
use crate::rules::Context;
use crate::rules::diag::{Diagnostic, Severity};
use crate::source::Span;
use std::collections::BTreeMap;

declare_rule! {
    /// Two marketplace entries have the same name.
    ///
    /// ## What it does
    /// Reports every entry whose `name` another entry already uses.
    ///
    /// ## Why it matters
    /// `claude plugin validate` rejects the marketplace; installs are ambiguous.
    ///
    /// ## Example
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" }, "plugins": [
    ///   { "name": "tool", "source": { "source": "github", "repo": "example/a" } },
    ///   { "name": "tool", "source": { "source": "github", "repo": "example/b" } } ] }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" }, "plugins": [
    ///   { "name": "tool-a", "source": { "source": "github", "repo": "example/a" } },
    ///   { "name": "tool-b", "source": { "source": "github", "repo": "example/b" } } ] }
    /// ```
    pub static DUPLICATE = { id: "MK014", name: "duplicate-plugin-name", family: Manifest, severity: Error }
}

declare_rule! {
    /// A relative source does not start with `./`.
    ///
    /// ## What it does
    /// Local sources are `./path` from the marketplace root; bare names are
    /// allowed only under `metadata.pluginRoot`.
    ///
    /// ## Why it matters
    /// Claude Code rejects the entry (`plugins.0.source: Invalid input`).
    ///
    /// ## Example
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "demo", "source": "plugins/demo", "description": "The demo plugin. Skills: ." }] }
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin. Skills: .", "author": { "name": "A" } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "demo", "source": "./plugins/demo", "description": "The demo plugin. Skills: ." }] }
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin. Skills: .", "author": { "name": "A" } }
    /// ```
    pub static NOT_RELATIVE = { id: "MK016", name: "entry-source-not-relative", family: Manifest, severity: Error }
}

declare_rule! {
    /// A source path contains `..`.
    ///
    /// ## What it does
    /// Reports local sources (and `git-subdir` paths) that climb out.
    ///
    /// ## Why it matters
    /// Sources resolve from the marketplace root (the directory holding
    /// `.claude-plugin/`), not from marketplace.json; `..` is refused.
    ///
    /// ## Example
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "demo", "source": "../plugins/demo" }] }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "demo", "source": "./plugins/demo", "description": "The demo plugin. Skills: ." }] }
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin. Skills: .", "author": { "name": "A" } }
    /// ```
    pub static TRAVERSAL = { id: "MK017", name: "entry-source-traversal", family: Manifest, severity: Error }
}

declare_rule! {
    /// An archive source URL is not https, or points at a local or metadata host.
    ///
    /// ## What it does
    /// `archive` URLs must be `https://` and must not name loopback,
    /// link-local or cloud-metadata hosts.
    ///
    /// ## Why it matters
    /// Claude Code refuses to download it.
    ///
    /// ## Example
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "zip", "source": { "source": "archive", "url": "http://example.com/p.zip" } }] }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "zip", "source": { "source": "archive", "url": "https://example.com/p.zip" } }] }
    /// ```
    pub static ARCHIVE_URL = { id: "MK019", name: "entry-archive-url-invalid", family: Manifest, severity: Error }
}

declare_rule! {
    /// A local source directory is missing or holds no plugin.
    ///
    /// ## What it does
    /// Resolves each `./path` source against the marketplace root and checks
    /// that the directory exists and holds a plugin.json or components.
    ///
    /// ## Why it matters
    /// `claude plugin validate` does not report this; installs fail with
    /// `Plugin directory not found`.
    ///
    /// ## Example
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "demo", "source": "./plugins/demo", "description": "Demo." }] }
    /// ==> (no scaffold) <==
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "demo", "source": "./plugins/demo", "description": "The demo plugin. Skills: ." }] }
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin. Skills: .", "author": { "name": "A" } }
    /// ```
    pub static SOURCE_MISSING = { id: "MK022", name: "entry-source-missing", family: Manifest, severity: Error }
}

declare_rule! {
    /// Entry `strict: false` conflicts with components in plugin.json.
    ///
    /// ## What it does
    /// With `strict: false` the entry is the whole definition; a plugin.json
    /// that also declares components is a load error.
    ///
    /// ## Why it matters
    /// `claude plugin validate` passes it, but the runtime refuses to load:
    /// `Plugin p has conflicting manifests`.
    ///
    /// ## Example
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "demo", "source": "./plugins/demo", "description": "The demo plugin. Skills: .", "strict": false, "commands": ["./commands/hi.md"] }] }
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin. Skills: .", "author": { "name": "A" }, "commands": ["./commands/hi.md"] }
    /// ==> plugins/demo/commands/hi.md <==
    /// ---
    /// description: Say hi.
    /// ---
    /// Say hi.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "demo", "source": "./plugins/demo", "description": "The demo plugin. Skills: .", "strict": false, "commands": ["./commands/hi.md"] }] }
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin. Skills: .", "author": { "name": "A" } }
    /// ==> plugins/demo/commands/hi.md <==
    /// ---
    /// description: Say hi.
    /// ---
    /// Say hi.
    /// ```
    pub static STRICT_CONFLICT = { id: "MK024", name: "strict-false-conflict", family: Manifest, severity: Error }
}

declare_rule! {
    /// An entry's `version` differs from its plugin.json.
    ///
    /// ## What it does
    /// Compares `plugins[i].version` with the `version` of the plugin.json it
    /// points at; the diagnostic labels both files.
    ///
    /// ## Why it matters
    /// plugin.json wins at install time, so the marketplace advertises a
    /// version users never get.
    ///
    /// ## Example
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "demo", "source": "./plugins/demo", "description": "The demo plugin. Skills: .", "version": "2.0.0" }] }
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin. Skills: .", "author": { "name": "A" } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "demo", "source": "./plugins/demo", "description": "The demo plugin. Skills: ." }] }
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin. Skills: .", "author": { "name": "A" } }
    /// ```
    pub static VERSION_MISMATCH = { id: "MK025", name: "entry-version-mismatch", family: Manifest, severity: Warning }
}

declare_rule! {
    /// A `renames` chain does not resolve.
    ///
    /// ## What it does
    /// Every chain of `renames` must end at `null` or at a listed plugin, without cycles.
    ///
    /// ## Why it matters
    /// Claude Code rejects the marketplace: `chain does not resolve`.
    ///
    /// ## Example
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" }, "renames": { "old-tool": "new-tool" },
    ///   "plugins": [{ "name": "tool", "source": { "source": "github", "repo": "example/tool" } }] }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" }, "renames": { "old-tool": "tool" },
    ///   "plugins": [{ "name": "tool", "source": { "source": "github", "repo": "example/tool" } }] }
    /// ```
    pub static RENAMES = { id: "MK027", name: "renames-unresolved", family: Manifest, severity: Error }
}

declare_rule! {
    /// `headersHelper` on an entry without `strict: false`.
    ///
    /// ## What it does
    /// Reports entries that set `headersHelper` but not `strict: false`.
    ///
    /// ## Why it matters
    /// Claude Code ignores the helper unless the entry is the whole definition.
    ///
    /// ## Example
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "zip", "source": { "source": "archive", "url": "https://example.com/p.zip" }, "headersHelper": "./auth.sh" }] }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "zip", "source": { "source": "archive", "url": "https://example.com/p.zip" }, "headersHelper": "./auth.sh", "strict": false }] }
    /// ```
    pub static HEADERS_HELPER = { id: "MK031", name: "headers-helper-needs-strict-false", family: Manifest, severity: Error }
}

declare_rule! {
    /// A plugin directory that the marketplace does not list.
    ///
    /// ## What it does
    /// Reports every `.claude-plugin/plugin.json` in a marketplace tree that no
    /// entry's source resolves to.
    ///
    /// ## Why it matters
    /// The plugin is invisible: nobody can install it, and reviewers assume it ships.
    ///
    /// ## Example
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "demo", "source": "./plugins/demo", "description": "The demo plugin. Skills: ." }] }
    /// ==> plugins/demo/README.md <==
    /// Demo.
    /// ==> plugins/extra/README.md <==
    /// Extra.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/README.md <==
    /// Demo.
    /// ==> plugins/extra/README.md <==
    /// Extra.
    /// ```
    pub static ORPHAN = { id: "MK032", name: "unlisted-plugin", family: Manifest, severity: Warning }
}

declare_rule! {
    /// An entry's `name` differs from its plugin.json `name`.
    ///
    /// ## What it does
    /// Compares the entry name with the name in the plugin.json it points at.
    ///
    /// ## Why it matters
    /// Users install `entry-name@marketplace` but the commands appear as
    /// `/plugin-json-name:…`; mentions and docs disagree with what loads.
    ///
    /// ## Example
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "demo-tools", "source": "./plugins/demo", "description": "The demo plugin. Skills: ." }] }
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin. Skills: .", "author": { "name": "A" } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "demo", "source": "./plugins/demo", "description": "The demo plugin. Skills: ." }] }
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin. Skills: .", "author": { "name": "A" } }
    /// ```
    pub static NAME_MISMATCH = { id: "MK033", name: "entry-name-mismatch", family: Manifest, severity: Warning }
}

const COMPONENT_KEYS: &[&str] = &[
    "skills",
    "commands",
    "agents",
    "hooks",
    "mcpServers",
    "lspServers",
    "outputStyles",
];

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some((mf, root)) = marketplace(cx.project) else {
        return;
    };
    let items = root.get("plugins").map(|p| p.items()).unwrap_or(&[]);

    // Duplicate names: every copy after the first.
    let mut first: BTreeMap<&str, Span> = BTreeMap::new();
    for e in &cx.project.entries {
        if let Some((name, span)) = &e.name {
            match first.get(name.as_str()) {
                Some(prev) => out.push(
                    Diagnostic::new(
                        &DUPLICATE,
                        mf.file,
                        *span,
                        format!("plugin name `{name}` is listed twice"),
                    )
                    .label(mf.file, *prev, "first listed here")
                    .help("give each entry a unique name"),
                ),
                None => {
                    first.insert(name, *span);
                }
            }
        }
    }

    for e in &cx.project.entries {
        let Some(node) = items.get(e.index) else {
            continue;
        };
        if let EntrySource::Local { path, span } = &e.source {
            let parts: Vec<&str> = path.split(['/', '\\']).collect();
            if parts.contains(&"..") {
                out.push(
                    Diagnostic::new(&TRAVERSAL, mf.file, *span, format!("source `{path}` contains `..`"))
                        .help("sources resolve from the marketplace root (the directory holding .claude-plugin/), not from marketplace.json: use \"./plugins/…\""),
                );
                continue;
            }
            if !(path.starts_with("./") || path == ".") && e.dir.is_none() {
                out.push(
                    Diagnostic::new(
                        &NOT_RELATIVE,
                        mf.file,
                        *span,
                        format!("source `{path}` must start with `./`"),
                    )
                    .help(format!(
                        "write \"./{path}\" (bare names need metadata.pluginRoot)"
                    )),
                );
                continue;
            }
            match &e.dir {
                Some(d) if !cx.project.is_dir(d) => out.push(
                    Diagnostic::new(
                        &SOURCE_MISSING,
                        mf.file,
                        *span,
                        format!("source directory `{d}` does not exist"),
                    )
                    .help("fix the path; it resolves from the marketplace root"),
                ),
                Some(_) => {
                    if let Some(pi) = e.plugin {
                        let p = &cx.project.plugins[pi];
                        let has_components =
                            !p.skills.is_empty() || !p.commands.is_empty() || !p.agents.is_empty();
                        let entry_defines = COMPONENT_KEYS.iter().any(|k| node.get(k).is_some());
                        if p.manifest.is_none()
                            && !has_components
                            && !entry_defines
                            && !has_hooks_or_mcp(cx, &p.dir)
                        {
                            out.push(
                                Diagnostic::new(&SOURCE_MISSING, mf.file, *span, format!("source `{path}` holds no plugin: no .claude-plugin/plugin.json and no components"))
                                    .help("add .claude-plugin/plugin.json and the plugin's skills, or fix the path"),
                            );
                        }
                    }
                }
                None => {}
            }
        }
        if let Some(src) = node.get("source").filter(|s| s.is_object()) {
            if let Some(p) = src.get("path").and_then(JsonNode::as_str)
                && p.split('/').any(|s| s == "..")
            {
                out.push(Diagnostic::new(
                    &TRAVERSAL,
                    mf.file,
                    src.get("path").map_or(src.span, |n| n.span),
                    format!("source path `{p}` contains `..`"),
                ));
            }
            if src.get("source").and_then(JsonNode::as_str) == Some("command")
                && let Some((cmd, span)) = src.str_at("command")
                && cmd.contains("    ")
            {
                out.push(
                    Diagnostic::new(
                        &super::schema::COMMAND_SOURCE,
                        mf.file,
                        span,
                        "command source contains a run of four or more spaces",
                    )
                    .help("Claude Code rejects such commands; collapse the spaces"),
                );
            }
            if src.get("source").and_then(JsonNode::as_str) == Some("archive")
                && let Some((url, span)) = src.str_at("url")
                && let Some(why) = bad_archive_url(url)
            {
                out.push(
                    Diagnostic::new(
                        &ARCHIVE_URL,
                        mf.file,
                        span,
                        format!("archive URL `{url}` {why}"),
                    )
                    .help("serve the archive over https from a public host"),
                );
            }
        }
        let strict_false = node.get("strict").and_then(JsonNode::as_bool) == Some(false);
        if node.get("headersHelper").is_some() && !strict_false {
            let span = node
                .member("headersHelper")
                .map_or(node.span, |m| m.key_span);
            out.push(
                Diagnostic::new(
                    &HEADERS_HELPER,
                    mf.file,
                    span,
                    "`headersHelper` needs `\"strict\": false` on the entry",
                )
                .help("add \"strict\": false"),
            );
        }
        let Some(p) = e.plugin.map(|i| &cx.project.plugins[i]) else {
            continue;
        };
        let Some(pj) = cx.project.manifest(p) else {
            continue;
        };
        let Some(pj_root) = pj.root() else { continue };
        if strict_false {
            let entry_has = COMPONENT_KEYS.iter().any(|k| node.get(k).is_some());
            if let Some(k) = COMPONENT_KEYS.iter().find(|k| pj_root.get(k).is_some())
                && entry_has
            {
                let key_span = pj_root.member(k).map_or(pj_root.span, |m| m.key_span);
                let strict_span = node.member("strict").map_or(node.span, |m| m.key_span);
                out.push(
                        Diagnostic::new(&STRICT_CONFLICT, mf.file, strict_span, format!("`strict: false` entry `{}` and its plugin.json both declare components", p.name))
                            .label(pj.file, key_span, "plugin.json declares components here")
                            .help("set strict: true on the entry, or remove the component fields from one of the two files"),
                    );
            }
        }
        if let (Some((ev, espan)), Some((pv, pspan))) =
            (node.str_at("version"), pj_root.str_at("version"))
            && ev != pv
        {
            out.push(
                Diagnostic::new(
                    &VERSION_MISMATCH,
                    mf.file,
                    espan,
                    format!("entry says version `{ev}` but plugin.json says `{pv}`"),
                )
                .primary_label("marketplace entry")
                .label(pj.file, pspan, "plugin.json wins at install time")
                .help("remove `version` from the entry, or keep the two equal"),
            );
        }
        if let (Some((en, espan)), Some((pn, pspan))) = (e.name.as_ref(), pj_root.str_at("name"))
            && en != pn
            && !pn.is_empty()
        {
            out.push(
                Diagnostic::new(
                    &NAME_MISMATCH,
                    mf.file,
                    *espan,
                    format!("entry `{en}` points at plugin.json named `{pn}`"),
                )
                .primary_label("marketplace entry")
                .label(pj.file, pspan, "plugin.json name")
                .help("use the same name in both files"),
            );
        }
    }

    // Orphans: plugin.json directories no entry resolves to.
    for p in cx
        .project
        .plugins
        .iter()
        .filter(|p| p.entry.is_none() && !p.synthetic)
    {
        let Some(pj) = cx.project.manifest(p) else {
            continue;
        };
        if p.dir.is_empty() {
            continue;
        }
        let span = pj
            .root()
            .and_then(|r| r.member("name"))
            .map_or(Span::empty(0), |m| m.value.span);
        out.push(
            Diagnostic::new(&ORPHAN, pj.file, span, format!("plugin `{}` in `{}/` is not listed in marketplace.json", p.name, p.dir))
                .help(format!("add {{ \"name\": \"{}\", \"source\": \"./{}\" }} to .claude-plugin/marketplace.json, or delete the directory", p.name, p.dir)),
        );
    }

    renames(cx, out, mf.file, root);
}

fn has_hooks_or_mcp(cx: &Context<'_>, dir: &str) -> bool {
    let at = |f: &str| {
        if dir.is_empty() {
            f.to_string()
        } else {
            format!("{dir}/{f}")
        }
    };
    cx.project.files.contains(&at("hooks/hooks.json"))
        || cx.project.files.contains(&at(".mcp.json"))
}

fn bad_archive_url(url: &str) -> Option<&'static str> {
    let Some(rest) = url.strip_prefix("https://") else {
        return Some("is not https");
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host
        .trim_start_matches('[')
        .split(']')
        .next()
        .unwrap_or(host);
    let host_no_port = if host.contains(':') && !host.contains("::") {
        host.split(':').next().unwrap_or(host)
    } else {
        host
    };
    let h = host_no_port.to_ascii_lowercase();
    let local = h == "localhost"
        || h.ends_with(".localhost")
        || h.starts_with("127.")
        || h == "::1"
        || h == "0.0.0.0"
        || h.starts_with("169.254.")
        || h.starts_with("fe80:")
        || h == "metadata.google.internal"
        || h == "metadata";
    local.then_some("points at a loopback, link-local or metadata host")
}

fn renames(
    cx: &Context<'_>,
    out: &mut Vec<Diagnostic>,
    file: crate::source::FileId,
    root: &JsonNode,
) {
    let Some(r) = root.get("renames").filter(|r| r.is_object()) else {
        return;
    };
    let listed: Vec<&str> = cx
        .project
        .entries
        .iter()
        .filter_map(|e| e.name.as_ref().map(|(n, _)| n.as_str()))
        .collect();
    for m in r.members() {
        let mut cur = m.key.as_str();
        let mut seen = vec![cur];
        let problem = loop {
            let Some(next) = r.get(cur) else {
                break if listed.contains(&cur) {
                    None
                } else {
                    Some(format!("ends at `{cur}`, which is not a listed plugin"))
                };
            };
            match &next.kind {
                crate::parse::json::JsonKind::Null => break None,
                crate::parse::json::JsonKind::String(t) => {
                    if listed.contains(&t.as_str()) {
                        break None;
                    }
                    if seen.contains(&t.as_str()) {
                        break Some(format!("has a cycle through `{t}`"));
                    }
                    seen.push(t);
                    cur = t;
                }
                _ => break None, // shape errors: MK034
            }
        };
        if let Some(why) = problem {
            out.push(
                Diagnostic::new(
                    &RENAMES,
                    file,
                    m.key_span,
                    format!("rename chain from `{}` {why}", m.key),
                )
                .severity(Severity::Error)
                .help("end every chain at a name in plugins[] or at null"),
            );
        }
    }
}
