//! The `plugin-version-not-semver` rule (PJ009).

use crate::declare_rule;
use crate::model::value::Present;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

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
    pub static RULE = { id: "PJ009", name: "plugin-version-not-semver", family: Manifest, severity: Warning, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (_, jf, pm) in super::unique_manifests(cx.project) {
        if let Some((s, span)) = pm.version.spanned()
            && !super::is_semver(s)
        {
            out.push(
                Diagnostic::new(&RULE, jf.file, span, format!("version `{s}` is not semver"))
                    .help("use MAJOR.MINOR.PATCH, for example \"1.2.0\""),
            );
        }
    }
}
