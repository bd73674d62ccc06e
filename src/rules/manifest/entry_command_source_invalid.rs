//! The `entry-command-source-invalid` rule (MK020).

use crate::declare_rule;
use crate::model::manifest::Source;
use crate::model::value::Present;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

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
    pub static RULE = { id: "MK020", name: "entry-command-source-invalid", family: Manifest, severity: Error, reach: Tree, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    super::schema_violations(cx, &RULE, out);
    // What the schema cannot say.
    for (mf, entries) in super::entries(cx) {
    for (_, entry) in entries {
        if let Some(Source::Object(src)) = entry.and_then(|t| t.entry.source.val())
            && src.kind() == Some("command")
            && let Some((cmd, span)) = src.command.spanned()
            && cmd.contains("    ")
        {
            out.push(
                Diagnostic::new(
                    &RULE,
                    mf.file,
                    span,
                    "command source contains a run of four or more spaces",
                )
                .help("Claude Code rejects such commands; collapse the spaces"),
            );
        }
    }
    }
}
