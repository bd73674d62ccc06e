//! The `plugin-channel-invalid` rule (PJ026).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

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
    pub static RULE = { id: "PJ026", name: "plugin-channel-invalid", family: Manifest, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    super::schema_violations(cx, &RULE, out);
}
