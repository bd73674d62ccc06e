//! The `hook-args-with-shell` rule (HK016).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// `shell` on a hook that runs without one.
    ///
    /// ## What it does
    /// Reports `shell` on a handler that has `args` (exec form).
    ///
    /// ## Why it matters
    /// With `args`, Claude Code runs `command` directly, with no shell;
    /// `shell` is ignored. A command written for that shell (pipes,
    /// expansions) is not interpreted as meant.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "SessionStart": [ { "hooks": [ { "type": "command", "command": "node", "args": ["start.js"], "shell": "bash" } ] } ] } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "SessionStart": [ { "hooks": [ { "type": "command", "command": "node", "args": ["start.js"] } ] } ] } }
    /// ```
    pub static RULE = { id: "HK016", name: "hook-args-with-shell", family: Hooks, severity: Warning, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for h in super::handlers(cx) {
        let (Some(shell), Some(_)) = (h.handler.shell.as_deref(), h.handler.args.as_deref()) else {
            continue;
        };
        out.push(
            Diagnostic::new(&RULE, h.file, shell.key, "`shell` is ignored: `args` runs the command without a shell")
                .help("remove `shell`, or drop `args` and write the whole command line in `command`"),
        );
    }
}
