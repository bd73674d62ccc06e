//! Shape errors found by the JSON Schemas in `schemas/`, each reported under
//! the rule for the field it concerns. Names are checked by their own rules.

use super::{marketplace, plugin_json_files};
use crate::declare_rule;
use crate::model::SchemaError;
use crate::rules::diag::Diagnostic;
use crate::rules::{Context, RuleMeta};

declare_rule! {
    /// plugin.json `author` is not an object with a non-empty `name`.
    ///
    /// ## What it does
    /// Checks that `author` is `{ "name": …, "email"?: …, "url"?: … }`.
    ///
    /// ## Why it matters
    /// A string author is a load error for the whole plugin.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": "Jane Doe" }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "Jane Doe" } }
    /// ```
    pub static AUTHOR = { id: "PJ012", name: "plugin-author-invalid", family: Manifest, severity: Error }
}

declare_rule! {
    /// A plugin.json field has the wrong type or shape.
    ///
    /// ## What it does
    /// Validates plugin.json against `schemas/plugin.schema.json` and reports
    /// fields no other rule covers: `keywords` not a list of strings,
    /// `defaultEnabled` not a boolean, a component field of the wrong type, …
    ///
    /// ## Why it matters
    /// A recognised field with the wrong type fails the load of the whole plugin.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" }, "keywords": "k8s, helm" }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" }, "keywords": ["k8s", "helm"] }
    /// ```
    pub static FIELD_TYPE = { id: "PJ013", name: "plugin-field-type", family: Manifest, severity: Error }
}

declare_rule! {
    /// A plugin dependency is malformed.
    ///
    /// ## What it does
    /// Checks each `dependencies` item: a string `name[@marketplace][@^range]`
    /// or an object with a valid `name`.
    ///
    /// ## Why it matters
    /// Claude Code rejects the manifest, and the dependency cannot resolve.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" }, "dependencies": ["not a name"] }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" }, "dependencies": ["helper@tools"] }
    /// ```
    pub static DEPENDENCY = { id: "PJ021", name: "plugin-dependency-invalid", family: Manifest, severity: Error }
}

declare_rule! {
    /// A `userConfig` option is malformed.
    ///
    /// ## What it does
    /// Checks `userConfig` keys (`^[A-Za-z_][A-Za-z0-9_]*$`) and options:
    /// `type`, `title` and `description` are required, `type` is one of
    /// string, number, boolean, directory, file, and no other keys are allowed.
    ///
    /// ## Why it matters
    /// Claude Code validates these strictly and refuses the plugin.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" },
    ///   "userConfig": { "api_url": { "type": "url", "title": "API", "description": "Endpoint" } } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" },
    ///   "userConfig": { "api_url": { "type": "string", "title": "API", "description": "Endpoint" } } }
    /// ```
    pub static USER_CONFIG = { id: "PJ024", name: "plugin-user-config-invalid", family: Manifest, severity: Error }
}

declare_rule! {
    /// A `channels` entry is malformed.
    ///
    /// ## What it does
    /// Checks that each channel is `{ "server": …, "displayName"?, "userConfig"? }`
    /// with a non-empty `server` and no other keys.
    ///
    /// ## Why it matters
    /// Claude Code validates channels strictly and refuses the plugin.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" }, "channels": [{ "server": "" }] }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" }, "channels": [{ "server": "chat" }] }
    /// ```
    pub static CHANNELS = { id: "PJ026", name: "plugin-channel-invalid", family: Manifest, severity: Error }
}

declare_rule! {
    /// A `commands` object entry has both `source` and `content`, or neither.
    ///
    /// ## What it does
    /// In the object form of `commands`, each command needs exactly one of
    /// `source` (a file) or `content` (inline markdown).
    ///
    /// ## Why it matters
    /// Claude Code refuses the manifest: `Command must have either "source"
    /// (file path) or "content" (inline markdown), but not both`.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" },
    ///   "commands": { "hello": { "description": "Say hello" } } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" },
    ///   "commands": { "hello": { "content": "Say hello to the user." } } }
    /// ```
    pub static COMMAND_OBJECT = { id: "PP007", name: "command-source-or-content", family: Manifest, severity: Error }
}

declare_rule! {
    /// marketplace.json `owner` is missing or malformed.
    ///
    /// ## What it does
    /// Checks that the marketplace has `owner: { "name": … }` with a
    /// non-empty name.
    ///
    /// ## Why it matters
    /// Without it `claude plugin marketplace add` fails.
    ///
    /// ## Example
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "plugins": [] }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "Example Owner" }, "plugins": [] }
    /// ```
    pub static OWNER = { id: "MK008", name: "marketplace-owner-invalid", family: Manifest, severity: Error }
}

declare_rule! {
    /// marketplace.json `plugins` is missing or not a list.
    ///
    /// ## What it does
    /// Checks that `plugins` is an array of entries.
    ///
    /// ## Why it matters
    /// The marketplace cannot be added without it.
    ///
    /// ## Example
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" }, "plugins": {} }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" }, "plugins": [] }
    /// ```
    pub static PLUGINS = { id: "MK009", name: "marketplace-plugins-invalid", family: Manifest, severity: Error }
}

declare_rule! {
    /// A marketplace entry's `name` is missing, empty, or has whitespace.
    ///
    /// ## What it does
    /// Checks `plugins[i].name`.
    ///
    /// ## Why it matters
    /// The entry cannot be installed: a plugin id is `name@marketplace`.
    ///
    /// ## Example
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "my demo", "source": "./plugins/demo", "description": "Demo." }] }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "demo", "source": "./plugins/demo", "description": "Demo." }] }
    /// ```
    pub static ENTRY_NAME = { id: "MK013", name: "entry-name-invalid", family: Manifest, severity: Error }
}

declare_rule! {
    /// A marketplace entry's `source` is missing or of an unknown kind.
    ///
    /// ## What it does
    /// Checks `plugins[i].source`: a relative path string, or an object whose
    /// `source` is github, url, git-subdir, npm, archive or command, with the
    /// fields that kind requires.
    ///
    /// ## Why it matters
    /// The entry cannot be installed.
    ///
    /// ## Example
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "remote", "source": { "source": "svn", "url": "https://example.com/r" } }] }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "remote", "source": { "source": "github", "repo": "example/remote" } }] }
    /// ```
    pub static SOURCE = { id: "MK015", name: "entry-source-invalid", family: Manifest, severity: Error }
}

declare_rule! {
    /// A git `sha` or archive `sha256` has the wrong form.
    ///
    /// ## What it does
    /// `sha` must be a full 40-character lowercase commit id; `sha256` 64 hex digits.
    ///
    /// ## Why it matters
    /// Claude Code refuses the entry (`Must be a full 40-character lowercase git commit SHA`).
    ///
    /// ## Example
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "remote", "source": { "source": "github", "repo": "example/remote", "sha": "abc123" } }] }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "remote", "source": { "source": "github", "repo": "example/remote", "sha": "0123456789abcdef0123456789abcdef01234567" } }] }
    /// ```
    pub static SHA = { id: "MK018", name: "entry-sha-invalid", family: Manifest, severity: Error }
}

declare_rule! {
    /// A `command` source breaks the runtime's limits.
    ///
    /// ## What it does
    /// The command must be printable ASCII of at most 500 characters,
    /// `timeout` 1–600 seconds, `mode` copy or link.
    ///
    /// ## Why it matters
    /// Claude Code refuses the entry.
    ///
    /// ## Example
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "gen", "source": { "source": "command", "command": "./fetch.sh", "timeout": 0 } }] }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "gen", "source": { "source": "command", "command": "./fetch.sh", "timeout": 60 } }] }
    /// ```
    pub static COMMAND_SOURCE = { id: "MK020", name: "entry-command-source-invalid", family: Manifest, severity: Error }
}

declare_rule! {
    /// An npm source names an invalid package.
    ///
    /// ## What it does
    /// Checks `package` and `registry` of npm sources.
    ///
    /// ## Why it matters
    /// The entry cannot be installed.
    ///
    /// ## Example
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "pkg", "source": { "source": "npm" } }] }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "pkg", "source": { "source": "npm", "package": "@example/pkg" } }] }
    /// ```
    pub static NPM = { id: "MK021", name: "entry-npm-source-invalid", family: Manifest, severity: Error }
}

declare_rule! {
    /// `relevance` signals break the documented limits.
    ///
    /// ## What it does
    /// Checks `plugins[i].relevance.signals`: at least one signal, item counts
    /// and lengths within limits, lowercase hosts.
    ///
    /// ## Why it matters
    /// Claude Code rejects the entry's relevance block.
    ///
    /// ## Example
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "demo", "source": "./plugins/demo", "description": "The demo plugin. Skills: .", "relevance": { "signals": {} } }] }
    /// ==> plugins/demo/README.md <==
    /// Demo.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "demo", "source": "./plugins/demo", "description": "The demo plugin. Skills: .", "relevance": { "signals": { "cli": ["kubectl"] } } }] }
    /// ==> plugins/demo/README.md <==
    /// Demo.
    /// ```
    pub static RELEVANCE = { id: "MK028", name: "entry-relevance-invalid", family: Manifest, severity: Error }
}

declare_rule! {
    /// A marketplace.json field has the wrong type or shape.
    ///
    /// ## What it does
    /// Validates marketplace.json against `schemas/marketplace.schema.json`
    /// and reports what no more specific rule covers (an entry's `tags` as a
    /// string, `renames` values that are not strings, …).
    ///
    /// ## Why it matters
    /// Claude Code rejects the marketplace or the entry.
    ///
    /// ## Example
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "demo", "source": "./plugins/demo", "description": "The demo plugin. Skills: .", "tags": "k8s" }] }
    /// ==> plugins/demo/README.md <==
    /// Demo.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "demo", "source": "./plugins/demo", "description": "The demo plugin. Skills: .", "tags": ["k8s"] }] }
    /// ==> plugins/demo/README.md <==
    /// Demo.
    /// ```
    pub static MARKETPLACE_FIELD = { id: "MK034", name: "marketplace-field-type", family: Manifest, severity: Error }
}

pub static RULES: &[&RuleMeta] = &[
    &AUTHOR,
    &FIELD_TYPE,
    &DEPENDENCY,
    &USER_CONFIG,
    &CHANNELS,
    &COMMAND_OBJECT,
    &OWNER,
    &PLUGINS,
    &ENTRY_NAME,
    &SOURCE,
    &SHA,
    &COMMAND_SOURCE,
    &NPM,
    &RELEVANCE,
    &MARKETPLACE_FIELD,
];

/// The pointer an error is about: for `"x" is a required property`, the
/// missing member's pointer.
fn subject(e: &SchemaError) -> String {
    let re = crate::regex!(r#""([^"]+)" is a required property"#);
    match re.captures(&e.message) {
        Some(c) => format!("{}/{}", e.pointer, &c[1]),
        None => e.pointer.clone(),
    }
}

fn plugin_rule(p: &str) -> Option<&'static RuleMeta> {
    let top = p.split('/').nth(1).unwrap_or("");
    Some(match top {
        "name" | "metadata" | "binaries" => return None,
        "author" => &AUTHOR,
        "dependencies" => &DEPENDENCY,
        "userConfig" => &USER_CONFIG,
        "channels" => &CHANNELS,
        _ => &FIELD_TYPE,
    })
}

fn marketplace_rule(p: &str, message: &str) -> Option<&'static RuleMeta> {
    let segs: Vec<&str> = p.split('/').skip(1).collect();
    Some(match segs.as_slice() {
        ["name", ..] | ["metadata", ..] => return None,
        ["owner", ..] => &OWNER,
        ["plugins"] => &PLUGINS,
        ["plugins", _, "name", ..] => &ENTRY_NAME,
        ["plugins", _, "source", rest @ ..] => match rest {
            ["sha"] | ["sha256"] => &SHA,
            ["package"] | ["registry"] => &NPM,
            ["command"] | ["timeout"] | ["mode"] => &COMMAND_SOURCE,
            _ => &SOURCE,
        },
        ["plugins", _, "relevance", ..] => &RELEVANCE,
        ["plugins", _, "commands", ..] if message.contains("valid under") => &COMMAND_OBJECT,
        _ => &MARKETPLACE_FIELD,
    })
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (jf, _) in plugin_json_files(cx.project) {
        for e in &jf.schema_errors {
            let p = subject(e);
            let rule = if p.starts_with("/commands") && e.message.contains("valid under") {
                Some(&COMMAND_OBJECT)
            } else {
                plugin_rule(&p)
            };
            if let Some(rule) = rule {
                out.push(Diagnostic::new(rule, jf.file, e.span, &e.message).help(help_for(rule)));
            }
        }
    }
    if let Some((jf, _)) = marketplace(cx.project) {
        for e in &jf.schema_errors {
            if let Some(rule) = marketplace_rule(&subject(e), &e.message) {
                out.push(Diagnostic::new(rule, jf.file, e.span, &e.message).help(help_for(rule)));
            }
        }
    }
}

fn help_for(rule: &RuleMeta) -> String {
    format!(
        "see `skillc explain {}` and schemas/ for the expected shape",
        rule.id
    )
}
