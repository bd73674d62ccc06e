//! The `plugin-root-unquoted` rule (PP011).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::{Diagnostic, Edit};

declare_rule! {
    /// `${CLAUDE_PLUGIN_ROOT}` unquoted in a shell-form hook command.
    ///
    /// ## What it does
    /// Reports `${CLAUDE_PLUGIN_ROOT}`, `${CLAUDE_PLUGIN_DATA}` and
    /// `${CLAUDE_PROJECT_DIR}` (and their `$NAME` forms) outside quotes in a
    /// hook `command` that runs through a shell (no `args`). In a hooks or
    /// settings file the fix wraps the placeholder in double quotes.
    ///
    /// ## Why it matters
    /// These expand to absolute paths, which may hold spaces (a home
    /// directory, a project folder). Unquoted, the shell splits the path into
    /// several words and the hook runs the wrong program or fails.
    /// Claude Code's validator warns about it: `Shell command uses
    /// ${CLAUDE_PLUGIN_ROOT} without quotes`.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "SessionStart": [ { "hooks": [ { "type": "command", "command": "python3 ${CLAUDE_PLUGIN_ROOT}/hooks/start.py" } ] } ] } }
    /// ==> plugins/demo/hooks/start.py <==
    /// print("hi")
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "SessionStart": [ { "hooks": [ { "type": "command", "command": "python3 \"${CLAUDE_PLUGIN_ROOT}\"/hooks/start.py" } ] } ] } }
    /// ==> plugins/demo/hooks/start.py <==
    /// print("hi")
    /// ```
    pub static RULE = { id: "PP011", name: "plugin-root-unquoted", family: Hooks, severity: Warning, fix: true, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for h in super::handlers(cx) {
        let Some((cmd, span)) = super::shell_command(&h) else {
            continue;
        };
        for (range, var) in super::unquoted_dir_vars(cmd) {
            let written = &cmd[range.clone()];
            let at = super::span_in(cx, h.file, span, cmd, range);
            let mut d = Diagnostic::new(
                &RULE,
                h.file,
                at,
                format!("`{written}` is not quoted in a shell-form hook command"),
            )
            .help(format!(
                "write `\"${{{var}}}\"` (the path splits where it has a space), or use exec form with `args`"
            ));
            let json = matches!(
                h.origin,
                super::HookOrigin::File | super::HookOrigin::Manifest | super::HookOrigin::Settings
            );
            if json && cx.text(h.file).get(at.range()) == Some(written) {
                d = d.fix(
                    "quote the placeholder",
                    vec![Edit {
                        file: h.file,
                        span: at,
                        text: format!("\\\"{written}\\\""),
                    }],
                );
            }
            out.push(d);
        }
    }
}
