//! The `monitor-user-config` rule (MO005).

use crate::declare_rule;
use crate::model::value::Present;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A monitor's `command` uses `${user_config.KEY}`.
    ///
    /// ## What it does
    /// Reports `${user_config.…}` in a monitor `command`.
    ///
    /// ## Why it matters
    /// Claude Code substitutes no user configuration into monitor commands
    /// (a value pasted into a shell command could inject code; rejected
    /// since 2.1.207): the monitor is refused.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/monitors/monitors.json <==
    /// [{ "name": "logs", "command": "tail -F ${user_config.log_file}", "description": "App log lines." }]
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/monitors/monitors.json <==
    /// [{ "name": "logs", "command": "tail -F \"${CLAUDE_PLUGIN_DATA}/app.log\"", "description": "App log lines." }]
    /// ```
    pub static RULE = { id: "MO005", name: "monitor-user-config", family: Servers, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let re = crate::regex!(r"\$\{user_config\.([A-Za-z_][A-Za-z0-9_]*)\}");
    for l in super::monitor_lists(cx) {
        for m in l.list.iter().filter_map(|i| i.ok()) {
            let Some((c, span)) = m.command.spanned() else { continue };
            for cap in re.captures_iter(c) {
                let (all, key) = (&cap[0], &cap[1]);
                out.push(
                    Diagnostic::new(
                        &RULE,
                        l.file,
                        super::inside(cx, l.file, span, all),
                        format!("monitor commands cannot use `{all}`"),
                    )
                    .help(format!(
                        "remove `${{user_config.{key}}}`: let the command find the value itself (a file under `${{CLAUDE_PLUGIN_DATA}}`)"
                    )),
                );
            }
        }
    }
}
