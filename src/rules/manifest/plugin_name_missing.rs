//! The `plugin-name-missing` rule (PJ001).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// plugin.json has no `name`, or it is not a string.
    ///
    /// ## What it does
    /// Reports a plugin manifest without a string `name`.
    ///
    /// ## Why it matters
    /// `name` is the only required field: without it the plugin does not load.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" } }
    /// ```
    pub static RULE = { id: "PJ001", name: "plugin-name-missing", family: Manifest, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (jf, pm) in super::plugin_json_files(cx.project) {
        let Some(name) = &pm.name else {
            out.push(
                Diagnostic::new(
                    &RULE,
                    jf.file,
                    super::brace(pm.span),
                    "plugin.json has no `name`",
                )
                .help("add \"name\": \"my-plugin\" (kebab-case)"),
            );
            continue;
        };
        if let Err(kind) = &name.value {
            out.push(
                Diagnostic::new(
                    &RULE,
                    jf.file,
                    name.span,
                    format!("`name` must be a string, not {}", kind.name()),
                )
                .help("use a kebab-case string such as \"my-plugin\""),
            );
        }
    }
}
