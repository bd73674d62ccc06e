//! The `hook-command-not-plugin-rooted` rule (HK022).

use crate::declare_rule;
use crate::model::value::Present;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A plugin hook runs one of the plugin's files by a relative path.
    ///
    /// ## What it does
    /// Reports a plugin hook whose program (`./hooks/check.sh`), or the
    /// script an interpreter runs (`python3 hooks/check.py`), is a relative
    /// path to a file of the plugin, with no `${CLAUDE_PLUGIN_ROOT}` in
    /// front.
    ///
    /// ## Why it matters
    /// Claude Code runs hooks in the user's project directory, not in the
    /// plugin's. A relative path resolves against the project, where the
    /// plugin's file is not: the hook fails with "No such file or
    /// directory" on every event.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "PostToolUse": [ { "matcher": "Edit", "hooks": [ { "type": "command", "command": "bash hooks/check.sh" } ] } ] } }
    /// ==> plugins/demo/hooks/check.sh <==
    /// #!/bin/bash
    /// echo ok
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "PostToolUse": [ { "matcher": "Edit", "hooks": [ { "type": "command", "command": "bash \"${CLAUDE_PLUGIN_ROOT}/hooks/check.sh\"" } ] } ] } }
    /// ==> plugins/demo/hooks/check.sh <==
    /// #!/bin/bash
    /// echo ok
    /// ```
    pub static RULE = { id: "HK022", name: "hook-command-not-plugin-rooted", family: Hooks, severity: Warning, reach: Tree, check: check }
}

/// Programs that run the script named next.
const INTERPRETERS: &[&str] = &[
    "bash", "sh", "zsh", "dash", "python", "python3", "node", "ruby", "perl", "bun", "deno", "pwsh",
    "powershell", "php", "tsx", "ts-node",
];

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for h in super::handlers(cx) {
        if h.origin == super::HookOrigin::Settings {
            continue;
        }
        let Some(p) = h.plugin else { continue };
        if h.handler.handler_type.val().map(String::as_str) != Some("command") {
            continue;
        }
        let Some((cmd, span)) = h.handler.command.spanned() else {
            continue;
        };
        // The program, and the script when the program is an interpreter:
        // words up to the first one that is neither.
        let mut words = Vec::new();
        let mut at = 0;
        for w in cmd.split(' ') {
            if !w.is_empty() {
                words.push((at, w));
            }
            at += w.len() + 1;
        }
        let mut candidates = Vec::new();
        if let Some(&(i, first)) = words.first() {
            candidates.push((i, first));
            if INTERPRETERS.contains(&first.rsplit('/').next().unwrap_or(first))
                && let Some(&(j, second)) = words.iter().skip(1).find(|(_, w)| !w.starts_with('-'))
            {
                candidates.push((j, second));
            }
        }
        if h.handler.args.is_some() {
            candidates.truncate(1);
        }
        for (i, word) in candidates {
            let path = word.trim_matches(['"', '\'']);
            if path.contains('$') || path.starts_with('/') || path.starts_with("~") {
                continue;
            }
            let rel = path.trim_start_matches("./");
            if rel.is_empty() || rel.starts_with("../") || !rel.contains('/') && !path.starts_with("./") {
                continue;
            }
            let full = crate::rules::manifest::in_dir(&p.dir, rel);
            if !cx.project.files.contains(&full) {
                continue;
            }
            let start = i + (word.len() - word.trim_start_matches(['"', '\'']).len());
            let at = super::span_in(cx, h.file, span, cmd, start..start + path.len());
            out.push(
                Diagnostic::new(
                    &RULE,
                    h.file,
                    at,
                    format!("`{path}` is relative to the project Claude Code runs hooks in, not to the plugin"),
                )
                .help(format!("write `\"${{CLAUDE_PLUGIN_ROOT}}/{rel}\"`")),
            );
        }
    }
}
