//! MK010 marketplace-empty, MK011 marketplace-description-missing,
//! MK012 marketplace-unknown-field.

use super::marketplace;
use super::plugin_fields::KNOWN_FIELDS;
use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::source::Span;
use crate::text::suggest;

declare_rule! {
    /// The marketplace lists no plugins.
    ///
    /// ## What it does
    /// Reports `"plugins": []`.
    ///
    /// ## Why it matters
    /// There is nothing to install.
    ///
    /// ## Example
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" }, "plugins": [] }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "remote", "source": { "source": "github", "repo": "example/remote" } }] }
    /// ```
    pub static EMPTY = { id: "MK010", name: "marketplace-empty", family: Manifest, severity: Warning }
}

declare_rule! {
    /// The marketplace has no description.
    ///
    /// ## What it does
    /// Reports a marketplace with neither `description` nor `metadata.description`.
    ///
    /// ## Why it matters
    /// Users adding the marketplace see nothing about it.
    ///
    /// ## Example
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "owner": { "name": "O" }, "plugins": [{ "name": "remote", "source": { "source": "github", "repo": "example/remote" } }] }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo tools.", "owner": { "name": "O" }, "plugins": [{ "name": "remote", "source": { "source": "github", "repo": "example/remote" } }] }
    /// ```
    pub static NO_DESCRIPTION = { id: "MK011", name: "marketplace-description-missing", family: Manifest, severity: Warning }
}

declare_rule! {
    /// marketplace.json has a key Claude Code does not know.
    ///
    /// ## What it does
    /// Reports unknown keys at the top level, in `metadata` and in entries,
    /// with the nearest known key.
    ///
    /// ## Why it matters
    /// Unknown keys are ignored: a typo silently drops the setting.
    ///
    /// ## Example
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "ownr": { "name": "O" }, "owner": { "name": "O" },
    ///   "plugins": [{ "name": "remote", "source": { "source": "github", "repo": "example/remote" } }] }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "remote", "source": { "source": "github", "repo": "example/remote" } }] }
    /// ```
    pub static UNKNOWN = { id: "MK012", name: "marketplace-unknown-field", family: Manifest, severity: Warning }
}

const TOP: &[&str] = &[
    "$schema",
    "name",
    "owner",
    "plugins",
    "description",
    "version",
    "metadata",
    "forceRemoveDeletedPlugins",
    "allowCrossMarketplaceDependenciesOn",
    "renames",
];
const METADATA: &[&str] = &["pluginRoot", "version", "description"];
const ENTRY_ONLY: &[&str] = &[
    "source",
    "category",
    "tags",
    "strict",
    "relevance",
    "headers",
    "headersHelper",
    "id",
];

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some((jf, root)) = marketplace(cx.project) else {
        return;
    };
    let brace = Span::new(root.span.start as usize, root.span.start as usize + 1);
    if let Some(p) = root.member("plugins")
        && matches!(p.value.kind, crate::parse::json::JsonKind::Array(ref a) if a.is_empty())
    {
        out.push(
            Diagnostic::new(
                &EMPTY,
                jf.file,
                p.key_span,
                "the marketplace lists no plugins",
            )
            .help("add an entry for each plugin"),
        );
    }
    let has_desc = root.get("description").is_some()
        || root
            .get("metadata")
            .and_then(|m| m.get("description"))
            .is_some();
    if !has_desc {
        out.push(
            Diagnostic::new(
                &NO_DESCRIPTION,
                jf.file,
                brace,
                "the marketplace has no description",
            )
            .help("add \"description\": \"…\""),
        );
    }
    let mut unknown = |keys: &[&str], node: &crate::parse::json::JsonNode, where_: &str| {
        for m in node.members() {
            if keys.contains(&m.key.as_str()) {
                continue;
            }
            let d = Diagnostic::new(
                &UNKNOWN,
                jf.file,
                m.key_span,
                format!(
                    "unknown field `{}` in {where_}; Claude Code ignores it",
                    m.key
                ),
            );
            out.push(match suggest(&m.key, keys.iter().copied()) {
                Some(s) => d.help(format!("did you mean `{s}`?")),
                None => d.help("remove it"),
            });
        }
    };
    unknown(TOP, root, "the marketplace");
    if let Some(meta) = root.get("metadata").filter(|m| m.is_object()) {
        unknown(METADATA, meta, "`metadata`");
    }
    let entry_keys: Vec<&str> = KNOWN_FIELDS.iter().chain(ENTRY_ONLY).copied().collect();
    for e in root.get("plugins").map(|p| p.items()).unwrap_or(&[]) {
        if e.is_object() {
            unknown(&entry_keys, e, "a plugin entry");
        }
    }
}
