//! The `monitor-when-invalid` rule (MO003).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A monitor's `when` is not `always` or `on-skill-invoke:<skill>`.
    ///
    /// ## What it does
    /// Reports a `when` that is neither `always` nor
    /// `on-skill-invoke:` followed by a skill name.
    ///
    /// ## Why it matters
    /// Claude Code rejects the monitor, so it never starts.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/monitors/monitors.json <==
    /// [{ "name": "logs", "command": "tail -F app.log", "description": "App log lines.", "when": "on-start" }]
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/monitors/monitors.json <==
    /// [{ "name": "logs", "command": "tail -F app.log", "description": "App log lines.", "when": "always" }]
    /// ```
    pub static RULE = { id: "MO003", name: "monitor-when-invalid", family: Servers, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for l in super::monitor_lists(cx) {
        for m in l.list.iter().filter_map(|i| i.ok()) {
            let Some(f) = m.when.as_deref() else { continue };
            let bad = match &f.value {
                Ok(w) if w == "always" => continue,
                Ok(w) if w.strip_prefix("on-skill-invoke:").is_some_and(|s| !s.trim().is_empty()) => continue,
                Ok(w) => format!("`when` is `{w}`"),
                Err(k) => format!("`when` is {}", super::mcp_server_not_object::a(*k)),
            };
            out.push(
                Diagnostic::new(
                    &RULE,
                    l.file,
                    f.span,
                    format!("{bad}, not `always` or `on-skill-invoke:<skill>`"),
                )
                .help("write `\"when\": \"always\"` (the default) or `\"when\": \"on-skill-invoke:SKILL\"`"),
            );
        }
    }
}
