//! The `hook-script-missing` rule (PP014).

use crate::declare_rule;
use crate::model::value::Present;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A hook runs a plugin file that does not exist.
    ///
    /// ## What it does
    /// Reports a path written after `${CLAUDE_PLUGIN_ROOT}` in a hook
    /// `command` or `args` (`"${CLAUDE_PLUGIN_ROOT}"/hooks/check.sh`,
    /// `python3 "${CLAUDE_PLUGIN_ROOT}/hooks/check.py"`) that is not in the
    /// plugin. Paths with globs or variables are not checked.
    ///
    /// ## Why it matters
    /// Claude Code runs the command as written; the shell cannot find the
    /// script and the hook fails every time it fires (a blocking hook then
    /// blocks nothing).
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "SessionStart": [ { "hooks": [ { "type": "command", "command": "\"${CLAUDE_PLUGIN_ROOT}\"/hooks/start.sh" } ] } ] } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "SessionStart": [ { "hooks": [ { "type": "command", "command": "\"${CLAUDE_PLUGIN_ROOT}\"/hooks/start.sh" } ] } ] } }
    /// ==> plugins/demo/hooks/start.sh <==
    /// #!/bin/sh
    /// echo hi
    /// ```
    pub static RULE = { id: "PP014", name: "hook-script-missing", family: Hooks, severity: Error, reach: Tree, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for h in super::handlers(cx) {
        let Some(p) = h.plugin else { continue };
        if h.handler.handler_type.val().map(String::as_str) != Some("command") {
            continue;
        }
        let strings = h
            .handler
            .command
            .spanned()
            .into_iter()
            .chain(h.handler.args.val().into_iter().flat_map(|a| a.oks()));
        for (text, span) in strings {
            for (range, path) in super::plugin_root_paths(text) {
                let full = crate::rules::manifest::in_dir(&p.dir, path);
                if cx.project.exists(&full) {
                    continue;
                }
                let at = super::span_in(cx, h.file, span, text, range);
                out.push(
                    Diagnostic::new(
                        &RULE,
                        h.file,
                        at,
                        format!("hook runs `{path}`, which is not in the plugin"),
                    )
                    .help(format!("add `{full}`, or fix the path")),
                );
            }
        }
    }
}
