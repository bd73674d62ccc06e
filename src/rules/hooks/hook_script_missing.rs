//! The `hook-script-missing` rule (PP014).

use crate::declare_rule;
use crate::model::value::Present;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A hook, server or monitor runs a plugin file that does not exist.
    ///
    /// ## What it does
    /// Reports a path written after `${CLAUDE_PLUGIN_ROOT}` in a hook
    /// `command` or `args` (`"${CLAUDE_PLUGIN_ROOT}"/hooks/check.sh`,
    /// `python3 "${CLAUDE_PLUGIN_ROOT}/hooks/check.py"`), in a stdio MCP
    /// server's or an LSP server's `command` or `args`, or in a monitor's
    /// `command`, that is not in the plugin. Paths with globs or variables
    /// are not checked.
    ///
    /// ## Why it matters
    /// Claude Code runs the command as written and cannot find the file:
    /// the hook fails every time it fires (a blocking hook then blocks
    /// nothing), the server never starts and its tools are missing, the
    /// monitor never reports.
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
            report(cx, out, p, h.file, text, span, "hook runs");
        }
    }
    use crate::rules::servers;
    for m in servers::mcp_servers(cx).into_iter().filter(|m| m.is_stdio()) {
        let Some(p) = m.plugin.filter(|p| !p.synthetic) else {
            continue;
        };
        let what = format!("MCP server `{}` runs", m.name);
        for (text, span) in command_and_args(&m.server.command, &m.server.args) {
            report(cx, out, p, m.file, text, span, &what);
        }
    }
    for l in servers::lsp_servers(cx) {
        let Some(p) = l.plugin.filter(|p| !p.synthetic) else {
            continue;
        };
        let what = format!("LSP server `{}` runs", l.name);
        for (text, span) in command_and_args(&l.server.command, &l.server.args) {
            report(cx, out, p, l.file, text, span, &what);
        }
    }
    for list in servers::monitor_lists(cx) {
        let Some(p) = list.plugin.filter(|p| !p.synthetic) else {
            continue;
        };
        for (m, _) in list.list.oks() {
            if let Some((text, span)) = m.command.spanned() {
                let what = match m.name.val() {
                    Some(n) => format!("monitor `{n}` runs"),
                    None => "monitor runs".to_string(),
                };
                report(cx, out, p, list.file, text, span, &what);
            }
        }
    }
}

type Strings<'a> = Vec<(&'a str, crate::source::Span)>;

/// A server's `command` and `args`, with their spans.
fn command_and_args<'a>(
    command: &'a crate::model::value::Opt<String>,
    args: &'a crate::model::value::Opt<crate::model::value::List<String>>,
) -> Strings<'a> {
    command
        .spanned()
        .map(|(c, s)| (c.as_str(), s))
        .into_iter()
        .chain(args.val().into_iter().flat_map(|a| a.oks()).map(|(a, s)| (a.as_str(), s)))
        .collect()
}

/// Report each `${CLAUDE_PLUGIN_ROOT}/path` in `text` that is not in `p`.
fn report(
    cx: &Context<'_>,
    out: &mut Vec<Diagnostic>,
    p: &crate::model::Plugin,
    file: crate::source::FileId,
    text: &str,
    span: crate::source::Span,
    what: &str,
) {
    for (range, path) in super::plugin_root_paths(text) {
        let full = crate::rules::manifest::in_dir(&p.dir, path);
        if cx.project.exists(&full) {
            continue;
        }
        let at = super::span_in(cx, file, span, text, range);
        out.push(
            Diagnostic::new(&RULE, file, at, format!("{what} `{path}`, which is not in the plugin"))
                .help(format!("add `{full}`, or fix the path")),
        );
    }
}
