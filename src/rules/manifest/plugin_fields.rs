//! plugin.json fields: version, description, author, homepage, unknown and
//! misplaced keys, files that do not belong where they are.

use super::manifests;
use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::source::Span;
use crate::text::suggest;

declare_rule! {
    /// plugin.json has no `version`.
    ///
    /// ## What it does
    /// Reports manifests without `version`.
    ///
    /// ## Why it matters
    /// Without a version Claude Code falls back to the git commit, so users
    /// are never told an update changed anything, and semver bumps cannot be
    /// enforced.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "description": "The demo plugin.", "author": { "name": "A" } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" } }
    /// ```
    pub static VERSION_MISSING = { id: "PJ008", name: "plugin-version-missing", family: Manifest, severity: Warning }
}

declare_rule! {
    /// plugin.json `version` is not semantic versioning.
    ///
    /// ## What it does
    /// Checks `version` against SemVer 2.0 (`MAJOR.MINOR.PATCH[-pre][+build]`).
    ///
    /// ## Why it matters
    /// Version comparison and the bump policy need real semver; `"banana"` loads
    /// but can never be compared.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "v1.2", "description": "The demo plugin.", "author": { "name": "A" } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.2.0", "description": "The demo plugin.", "author": { "name": "A" } }
    /// ```
    pub static VERSION_SEMVER = { id: "PJ009", name: "plugin-version-not-semver", family: Manifest, severity: Warning }
}

declare_rule! {
    /// plugin.json has no `description`.
    ///
    /// ## What it does
    /// Reports manifests without `description`.
    ///
    /// ## Why it matters
    /// The description is what users see in `/plugin` before installing.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "author": { "name": "A" } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" } }
    /// ```
    pub static DESCRIPTION_MISSING = { id: "PJ010", name: "plugin-description-missing", family: Manifest, severity: Warning }
}

declare_rule! {
    /// plugin.json has no `author`.
    ///
    /// ## What it does
    /// Reports manifests without `author`.
    ///
    /// ## Why it matters
    /// Users cannot tell who maintains the plugin; the official validator warns too.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin." }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" } }
    /// ```
    pub static AUTHOR_MISSING = { id: "PJ011", name: "plugin-author-missing", family: Manifest, severity: Info }
}

declare_rule! {
    /// plugin.json `homepage` is not a URL.
    ///
    /// ## What it does
    /// Checks that `homepage` has a scheme and a host (`https://…`).
    ///
    /// ## Why it matters
    /// Claude Code refuses the manifest: `homepage: Invalid URL`.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" }, "homepage": "example.com" }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" }, "homepage": "https://example.com" }
    /// ```
    pub static HOMEPAGE = { id: "PJ014", name: "plugin-homepage-invalid", family: Manifest, severity: Error }
}

declare_rule! {
    /// plugin.json has a field Claude Code does not know.
    ///
    /// ## What it does
    /// Reports unknown top-level keys, with the nearest known key.
    ///
    /// ## Why it matters
    /// Unknown keys are ignored at load time: a typo such as `descripton`
    /// silently drops the value.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "descripton": "The demo plugin.", "description": "The demo plugin.", "author": { "name": "A" } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" } }
    /// ```
    pub static UNKNOWN_FIELD = { id: "PJ015", name: "plugin-unknown-field", family: Manifest, severity: Warning }
}

declare_rule! {
    /// plugin.json has a field that belongs in the marketplace entry.
    ///
    /// ## What it does
    /// Reports `category`, `tags`, `strict`, `source`, `id` and `relevance` in plugin.json.
    ///
    /// ## Why it matters
    /// They are read only from marketplace.json; here they do nothing.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" }, "category": "ops" }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" } }
    /// ```
    pub static MARKETPLACE_ONLY = { id: "PJ016", name: "plugin-marketplace-only-field", family: Manifest, severity: Warning }
}

declare_rule! {
    /// A plugin ships a CLAUDE.md at its root.
    ///
    /// ## What it does
    /// Reports `CLAUDE.md` / `CLAUDE.local.md` next to `.claude-plugin/`.
    ///
    /// ## Why it matters
    /// Plugins do not load CLAUDE.md: its instructions never reach Claude.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/CLAUDE.md <==
    /// Always use kubectl --context.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/README.md <==
    /// Always use kubectl --context.
    /// ```
    pub static CLAUDE_MD = { id: "PJ028", name: "plugin-claude-md-ignored", family: Manifest, severity: Warning }
}

declare_rule! {
    /// Component directories sit inside `.claude-plugin/`.
    ///
    /// ## What it does
    /// Reports `skills/`, `commands/`, `agents/` or `hooks/` under `.claude-plugin/`.
    ///
    /// ## Why it matters
    /// Claude Code looks for them at the plugin root; inside `.claude-plugin/`
    /// they are never loaded.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ```
    pub static NESTED_COMPONENTS = { id: "PJ029", name: "components-inside-claude-plugin", family: Manifest, severity: Error }
}

pub const KNOWN_FIELDS: &[&str] = &[
    "$schema",
    "name",
    "displayName",
    "version",
    "description",
    "author",
    "homepage",
    "repository",
    "license",
    "keywords",
    "defaultEnabled",
    "dependencies",
    "metadata",
    "engines",
    "network",
    "privacyPolicyUrl",
    "icon",
    "settings",
    "binaries",
    "types",
    "skills",
    "commands",
    "agents",
    "outputStyles",
    "workflows",
    "hooks",
    "mcpServers",
    "lspServers",
    "userConfig",
    "channels",
    "experimental",
];
const MARKETPLACE_ONLY_FIELDS: &[&str] =
    &["category", "tags", "strict", "source", "id", "relevance"];

pub fn is_semver(v: &str) -> bool {
    crate::regex!(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$").is_match(v)
}

pub fn is_url(v: &str) -> bool {
    crate::regex!(r"^[A-Za-z][A-Za-z0-9+.-]*://[^\s/?#]+[^\s]*$").is_match(v)
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let mut seen = std::collections::BTreeSet::new();
    for (p, jf, root) in manifests(cx.project) {
        if !seen.insert(jf.file) {
            continue;
        }
        let brace = Span::new(root.span.start as usize, root.span.start as usize + 1);
        match root.get("version") {
            None => out.push(
                Diagnostic::new(
                    &VERSION_MISSING,
                    jf.file,
                    brace,
                    format!("plugin `{}` has no version", p.name),
                )
                .help("add \"version\": \"1.0.0\" and bump it on every change"),
            ),
            Some(v) => {
                if let Some(s) = v.as_str()
                    && !is_semver(s)
                {
                    out.push(
                        Diagnostic::new(
                            &VERSION_SEMVER,
                            jf.file,
                            v.span,
                            format!("version `{s}` is not semver"),
                        )
                        .help("use MAJOR.MINOR.PATCH, for example \"1.2.0\""),
                    );
                }
            }
        }
        if root.get("description").is_none() {
            out.push(
                Diagnostic::new(
                    &DESCRIPTION_MISSING,
                    jf.file,
                    brace,
                    format!("plugin `{}` has no description", p.name),
                )
                .help("add a one-paragraph description that names the plugin's skills"),
            );
        }
        if root.get("author").is_none() {
            out.push(
                Diagnostic::new(
                    &AUTHOR_MISSING,
                    jf.file,
                    brace,
                    format!("plugin `{}` has no author", p.name),
                )
                .help("add \"author\": { \"name\": \"…\" }"),
            );
        }
        if let Some((h, span)) = root.str_at("homepage")
            && !is_url(h)
        {
            out.push(
                Diagnostic::new(
                    &HOMEPAGE,
                    jf.file,
                    span,
                    format!("homepage `{h}` is not a URL"),
                )
                .help(format!("write the scheme: \"https://{h}\"")),
            );
        }
        for m in root.members() {
            let k = m.key.as_str();
            if KNOWN_FIELDS.contains(&k) {
                continue;
            }
            if MARKETPLACE_ONLY_FIELDS.contains(&k) {
                out.push(
                    Diagnostic::new(
                        &MARKETPLACE_ONLY,
                        jf.file,
                        m.key_span,
                        format!("`{k}` belongs in the marketplace entry, not plugin.json"),
                    )
                    .help("move it to this plugin's entry in .claude-plugin/marketplace.json"),
                );
                continue;
            }
            let hint = match k {
                "user_config" => Some("userConfig".to_string()),
                _ => suggest(k, KNOWN_FIELDS.iter().copied()).map(str::to_string),
            };
            let d = Diagnostic::new(
                &UNKNOWN_FIELD,
                jf.file,
                m.key_span,
                format!("unknown field `{k}`; Claude Code ignores it"),
            );
            out.push(match hint {
                Some(h) => d.help(format!("did you mean `{h}`?")),
                None => d.help("remove it, or move custom data under `metadata`"),
            });
        }
        // Files around the manifest.
        let dir = &p.dir;
        let at = |f: &str| {
            if dir.is_empty() {
                f.to_string()
            } else {
                format!("{dir}/{f}")
            }
        };
        for f in ["CLAUDE.md", "CLAUDE.local.md"] {
            let path = at(f);
            if let Some(&d) = cx.project.doc_by_path.get(&path) {
                out.push(
                    Diagnostic::new(
                        &CLAUDE_MD,
                        cx.project.docs[d].file,
                        Span::empty(0),
                        format!("{f} in a plugin is not loaded"),
                    )
                    .help("put the instructions into a skill, or into README.md for humans"),
                );
            }
        }
        for comp in ["skills", "commands", "agents", "hooks", "output-styles"] {
            let path = at(&format!(".claude-plugin/{comp}"));
            if cx.project.is_dir(&path) {
                out.push(
                    Diagnostic::new(
                        &NESTED_COMPONENTS,
                        jf.file,
                        brace,
                        format!("`{path}/` is inside .claude-plugin/ and is never loaded"),
                    )
                    .help(format!("move it to `{}`", at(comp))),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn semver_and_urls() {
        assert!(is_semver("1.2.3"));
        assert!(is_semver("1.0.0-rc.1+build.5"));
        assert!(!is_semver("v1.2.3"));
        assert!(!is_semver("1.2"));
        assert!(is_url("https://example.com/x"));
        assert!(!is_url("example.com"));
    }
}
