//! The `monitor-shape` rule (MO001).

use crate::declare_rule;
use crate::model::servers::Monitor;
use crate::model::value::Present;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A monitor is not an object, lacks `name`, `command` or `description`, or has an unknown key.
    ///
    /// ## What it does
    /// Reports each monitor (in `monitors/monitors.json` or inline
    /// `experimental.monitors`) that is not an object, whose `name`,
    /// `command` or `description` is missing, empty or not a string, or
    /// that has a key other than those and `when`.
    ///
    /// ## Why it matters
    /// A monitor is a strict object with three required fields: Claude Code
    /// rejects one that is not, and the plugin's monitors do not start.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/monitors/monitors.json <==
    /// [{ "name": "deploys", "command": "tail -F deploy.log" }]
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/monitors/monitors.json <==
    /// [{ "name": "deploys", "command": "tail -F deploy.log", "description": "New lines of the deploy log." }]
    /// ```
    pub static RULE = { id: "MO001", name: "monitor-shape", family: Servers, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for l in super::monitor_lists(cx) {
        for item in l.list.iter() {
            let m = match &item.value {
                Ok(m) => m,
                Err(k) => {
                    out.push(
                        Diagnostic::new(
                            &RULE,
                            l.file,
                            item.span,
                            format!(
                                "a monitor is {}, not an object",
                                super::mcp_server_not_object::a(*k)
                            ),
                        )
                        .help("write `{ \"name\": …, \"command\": …, \"description\": … }`"),
                    );
                    continue;
                }
            };
            let label = m.name.val().map_or("a monitor".to_string(), |n| format!("monitor `{n}`"));
            for (key, f) in [
                ("name", &m.name),
                ("command", &m.command),
                ("description", &m.description),
            ] {
                let problem = match f.as_deref() {
                    None => Some((super::brace(m.span), format!("{label} has no `{key}`"))),
                    Some(f) => match &f.value {
                        Ok(v) if v.trim().is_empty() => {
                            Some((f.span, format!("{label} has an empty `{key}`")))
                        }
                        Ok(_) => None,
                        Err(k) => Some((
                            f.span,
                            format!(
                                "the `{key}` of {label} is {}, not a string",
                                super::mcp_server_not_object::a(*k)
                            ),
                        )),
                    },
                };
                if let Some((span, message)) = problem {
                    out.push(
                        Diagnostic::new(&RULE, l.file, span, message)
                            .help(format!("give the monitor a non-empty `{key}`")),
                    );
                }
            }
            for k in &m.unknown {
                let d = Diagnostic::new(
                    &RULE,
                    l.file,
                    k.span,
                    format!("{label} has unknown key `{}`; Claude Code rejects it", k.name),
                );
                out.push(match crate::text::suggest_among(&k.name, Monitor::KEYS) {
                    Some(n) => d.help(format!("did you mean `{n}`?")),
                    None => d.help("a monitor has only `name`, `command`, `description` and `when`"),
                });
            }
        }
    }
}
