//! The `license-missing` rule (DR003).

use crate::declare_rule;
use crate::model::value::Present;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

/// The license files the directory accepts.
pub const LICENSE_NAMES: &[&str] = &[
    "LICENSE",
    "LICENSE.md",
    "LICENSE.txt",
    "LICENCE",
    "LICENCE.md",
    "COPYING",
    "COPYING.md",
    "LICENSE-MIT",
    "LICENSE-APACHE",
];

declare_rule! {
    /// A plugin has no license file and no `license` in plugin.json.
    ///
    /// ## What it does
    /// Looks for `LICENSE`, `LICENSE.md`, `LICENSE.txt`, `LICENCE`,
    /// `LICENCE.md`, `COPYING`, `COPYING.md`, `LICENSE-MIT` or
    /// `LICENSE-APACHE` in the plugin's directory and at the root of the
    /// checked tree (a repository's license covers its subfolders), and for
    /// a non-empty `license` in its plugin.json. Reports a plugin with
    /// none of them. Off unless the `directory` profile is on.
    ///
    /// ## Why it matters
    /// Without a license nobody may legally use, copy or change the plugin,
    /// and the directory does not list what its users may not install.
    /// Claude Code's validator (`claude plugin validate --profile
    /// directory`) reports `LICENSE_MISSING` as an error.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" }, "license": "MIT" }
    /// ```
    pub static RULE = { id: "DR003", name: "license-missing", family: Directory, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for l in super::listed(cx) {
        let field = l
            .manifest
            .and_then(|(_, pm)| pm.license.val())
            .is_some_and(|s| !s.trim().is_empty());
        if field {
            continue;
        }
        let has_file = |dir: &str| {
            LICENSE_NAMES
                .iter()
                .any(|n| cx.project.has_file(&super::in_dir(dir, n)))
        };
        if has_file(&l.plugin.dir) || has_file("") {
            continue;
        }
        out.push(
            Diagnostic::new(
                &RULE,
                l.file,
                l.span,
                format!(
                    "plugin `{}` has no license: no LICENSE file and no `license` field",
                    l.plugin.name
                ),
            )
            .help("add \"license\": \"MIT\" (an SPDX id) to plugin.json, or a LICENSE file"),
        );
    }
}
