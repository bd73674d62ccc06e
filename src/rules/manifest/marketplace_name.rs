//! MK001–MK005, MK007: the marketplace `name`.

use super::marketplace;
use super::plugin_name::{is_control, is_id_part, kebab};
use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::source::Span;

declare_rule! {
    /// marketplace.json has no `name`, or it is empty.
    ///
    /// ## What it does
    /// Reports a marketplace without a non-empty string `name`.
    ///
    /// ## Why it matters
    /// Claude Code refuses it: `Marketplace must have a name`.
    ///
    /// ## Example
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "", "description": "Demo.", "owner": { "name": "O" }, "plugins": [] }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" }, "plugins": [] }
    /// ```
    pub static MISSING = { id: "MK001", name: "marketplace-name-missing", family: Manifest, severity: Error }
}

declare_rule! {
    /// The marketplace name has a space, `/`, `\` or `..`.
    ///
    /// ## What it does
    /// Reports names that cannot be used as a directory or id.
    ///
    /// ## Why it matters
    /// Claude Code refuses the marketplace.
    ///
    /// ## Example
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo market", "description": "Demo.", "owner": { "name": "O" }, "plugins": [] }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-market", "description": "Demo.", "owner": { "name": "O" }, "plugins": [] }
    /// ```
    pub static BAD_CHARS = { id: "MK002", name: "marketplace-name-invalid", family: Manifest, severity: Error }
}

declare_rule! {
    /// The marketplace name impersonates an official Anthropic marketplace.
    ///
    /// ## What it does
    /// Applies Claude Code's impersonation test: `official` next to
    /// `anthropic`/`claude`, names starting with `anthropic-marketplace`,
    /// `claude-plugins` and the like, and any non-ASCII character.
    ///
    /// ## Why it matters
    /// Claude Code refuses to add the marketplace.
    ///
    /// ## Example
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "anthropic-official-tools", "description": "Demo.", "owner": { "name": "O" }, "plugins": [] }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "acme-tools", "description": "Demo.", "owner": { "name": "O" }, "plugins": [] }
    /// ```
    pub static IMPERSONATES = { id: "MK003", name: "marketplace-name-impersonates", family: Manifest, severity: Error }
}

declare_rule! {
    /// The marketplace name is reserved by Claude Code.
    ///
    /// ## What it does
    /// Reports `inline`, `builtin`, `skills-dir`, `synced`, `claude-plugin-test`
    /// (session names) and, as a warning, the reserved official names that only
    /// `github.com/anthropics/*` may use.
    ///
    /// ## Why it matters
    /// The marketplace cannot be added under that name.
    ///
    /// ## Example
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "builtin", "description": "Demo.", "owner": { "name": "O" }, "plugins": [] }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "acme-builtin-tools", "description": "Demo.", "owner": { "name": "O" }, "plugins": [] }
    /// ```
    pub static RESERVED = { id: "MK004", name: "marketplace-name-reserved", family: Manifest, severity: Error }
}

declare_rule! {
    /// The marketplace name cannot be part of a plugin id.
    ///
    /// ## What it does
    /// Each part of `plugin@marketplace` must match `^[A-Za-z0-9][-A-Za-z0-9._]*$`.
    ///
    /// ## Why it matters
    /// Plugins from it cannot be installed by id.
    ///
    /// ## Example
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "_tools", "description": "Demo.", "owner": { "name": "O" }, "plugins": [] }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "tools", "description": "Demo.", "owner": { "name": "O" }, "plugins": [] }
    /// ```
    pub static INVALID_ID = { id: "MK007", name: "marketplace-name-invalid-id", family: Manifest, severity: Error }
}

const SESSION_RESERVED: &[&str] = &[
    "inline",
    "builtin",
    "skills-dir",
    "synced",
    "claude-plugin-test",
];
const OFFICIAL: &[&str] = &[
    "claude-code-marketplace",
    "claude-code-plugins",
    "claude-plugins-official",
    "claude-plugins-community",
    "claude-community",
    "anthropic-marketplace",
    "anthropic-plugins",
    "agent-skills",
    "anthropic-agent-skills",
    "knowledge-work-plugins",
    "life-sciences",
    "claude-for-legal",
    "claude-for-financial-services",
    "financial-services-plugins",
    "first-party-plugins",
    "healthcare",
    "claude-tag-plugins",
    "anthropic-plugin-directory",
    "claude-plugin-directory",
];

pub fn impersonates(name: &str) -> bool {
    if OFFICIAL.contains(&name) {
        return false;
    }
    if name.chars().any(|c| !(' '..='~').contains(&c)) {
        return true;
    }
    let re = crate::regex!(
        r"(?i)official[^a-z0-9]*(anthropic|claude)|(anthropic|claude)[^a-z0-9]*official|^(anthropic|claude)[^a-z0-9]*(marketplace|plugins|official)"
    );
    re.is_match(name)
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some((jf, root)) = marketplace(cx.project) else {
        return;
    };
    let brace = Span::new(root.span.start as usize, root.span.start as usize + 1);
    let Some(node) = root.get("name") else {
        out.push(
            Diagnostic::new(&MISSING, jf.file, brace, "marketplace.json has no `name`")
                .help("add \"name\": \"my-marketplace\""),
        );
        return;
    };
    let Some(name) = node.as_str() else {
        out.push(Diagnostic::new(
            &MISSING,
            jf.file,
            node.span,
            format!("`name` must be a string, not {}", node.type_name()),
        ));
        return;
    };
    let span = node.span;
    if name.trim().is_empty() {
        out.push(
            Diagnostic::new(&MISSING, jf.file, span, "marketplace name is empty")
                .help("use a kebab-case name such as \"my-marketplace\""),
        );
        return;
    }
    if name.contains(char::is_whitespace)
        || name.contains(['/', '\\'])
        || name.contains("..")
        || name == "."
    {
        out.push(
            Diagnostic::new(
                &BAD_CHARS,
                jf.file,
                span,
                format!("marketplace name `{name}` contains a space, `/`, `\\` or `..`"),
            )
            .help(format!("use kebab-case: \"{}\"", kebab(name))),
        );
        return;
    }
    if impersonates(name) || name.chars().any(is_control) {
        out.push(
            Diagnostic::new(&IMPERSONATES, jf.file, span, format!("marketplace name `{name}` looks like an official Anthropic marketplace"))
                .help("choose a name that does not pair `anthropic`/`claude` with `official`, and use ASCII only"),
        );
        return;
    }
    if SESSION_RESERVED.contains(&name.to_ascii_lowercase().as_str()) {
        out.push(
            Diagnostic::new(
                &RESERVED,
                jf.file,
                span,
                format!("marketplace name `{name}` is reserved by Claude Code"),
            )
            .help("choose another name"),
        );
        return;
    }
    if OFFICIAL.contains(&name) {
        out.push(
            Diagnostic::new(
                &RESERVED,
                jf.file,
                span,
                format!("marketplace name `{name}` is reserved for github.com/anthropics"),
            )
            .severity(crate::rules::diag::Severity::Warning)
            .help("it can be added only from an anthropics repository; choose another name"),
        );
        return;
    }
    if !is_id_part(name) {
        out.push(
            Diagnostic::new(
                &INVALID_ID,
                jf.file,
                span,
                format!("marketplace name `{name}` cannot be part of a plugin id"),
            )
            .help(format!("start with a letter or digit: \"{}\"", kebab(name))),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn impersonation() {
        assert!(impersonates("anthropic-official-tools"));
        assert!(impersonates("claude-marketplace"));
        assert!(impersonates("märket"));
        assert!(!impersonates("claude-plugins-official"));
        assert!(!impersonates("acme-claude-tools"));
    }
}
