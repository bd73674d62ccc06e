//! The `monitor-name-duplicate` rule (MO002).

use crate::declare_rule;
use crate::model::value::Present;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// Two monitors of a plugin share a `name`.
    ///
    /// ## What it does
    /// Reports a monitor whose `name` an earlier monitor of the same list
    /// already has.
    ///
    /// ## Why it matters
    /// Monitor names must be unique: Claude Code rejects the list and the
    /// plugin's monitors do not start.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/monitors/monitors.json <==
    /// [{ "name": "logs", "command": "tail -F app.log", "description": "App log lines." },
    ///  { "name": "logs", "command": "tail -F deploy.log", "description": "Deploy log lines." }]
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/monitors/monitors.json <==
    /// [{ "name": "app-logs", "command": "tail -F app.log", "description": "App log lines." },
    ///  { "name": "deploy-logs", "command": "tail -F deploy.log", "description": "Deploy log lines." }]
    /// ```
    pub static RULE = { id: "MO002", name: "monitor-name-duplicate", family: Servers, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for l in super::monitor_lists(cx) {
        let mut seen = std::collections::HashSet::new();
        for m in l.list.iter().filter_map(|i| i.ok()) {
            if let Some((name, span)) = m.name.spanned()
                && !seen.insert(name.as_str())
            {
                out.push(
                    Diagnostic::new(
                        &RULE,
                        l.file,
                        span,
                        format!("another monitor is already named `{name}`"),
                    )
                    .help("give each monitor its own name"),
                );
            }
        }
    }
}
