//! The `hook-unknown-key` rule (HK021).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A key Claude Code does not read in a hook handler or matcher group.
    ///
    /// ## What it does
    /// Reports a key of a matcher group or handler that is a misspelling of
    /// a key Claude Code reads (`timout`, `matchers`), a key written one
    /// level off (`matcher` inside a handler, `timeout` on the group), and a
    /// key that belongs to another handler type (`url` on a `command`
    /// hook). A key like nothing Claude Code reads is left alone: it may be
    /// newer than skillc.
    ///
    /// ## Why it matters
    /// Claude Code drops keys it does not know without a word: a
    /// misspelled `timout` leaves the default timeout of 600 seconds, and a
    /// `matcher` written inside the handler instead of its group leaves the
    /// hook running on every tool.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "PreToolUse": [ { "matcher": "Bash", "hooks": [ { "type": "command", "command": "echo hi", "timout": 5 } ] } ] } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "PreToolUse": [ { "matcher": "Bash", "hooks": [ { "type": "command", "command": "echo hi", "timeout": 5 } ] } ] } }
    /// ```
    pub static RULE = { id: "HK021", name: "hook-unknown-key", family: Hooks, severity: Warning, check: check }
}

/// The keys each handler type reads (formats.md §8).
const KEYS: &[(&str, &[&str])] = &[
    (
        "command",
        &[
            "command",
            "args",
            "shell",
            "async",
            "asyncRewake",
            "rewakeMessage",
            "rewakeSummary",
            "onFailure",
        ],
    ),
    (
        "http",
        &["url", "headers", "allowedEnvVars", "onFailure"],
    ),
    ("mcp_tool", &["server", "tool", "input", "onFailure"]),
    ("prompt", &["prompt", "model", "continueOnBlock"]),
    ("agent", &["prompt", "model"]),
];

/// Keys every handler type reads.
const COMMON: &[&str] = &["type", "if", "timeout", "statusMessage", "once"];

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (file, _, g) in super::groups(cx) {
        for k in &g.unknown {
            let near = crate::text::suggest(&k.name, ["matcher", "hooks"].into_iter());
            let handler_key = COMMON.contains(&k.name.as_str())
                || KEYS.iter().any(|(_, keys)| keys.contains(&k.name.as_str()));
            let d = Diagnostic::new(
                &RULE,
                file,
                k.span,
                format!("`{}` is not a key of a matcher group: Claude Code ignores it", k.name),
            );
            out.push(match near {
                Some(n) => d.help(format!("did you mean `{n}`?")),
                None if handler_key => d.help(format!("move `{}` into the handler, inside `hooks`", k.name)),
                // A key like nothing Claude Code reads may be newer than skillc.
                None => continue,
            });
        }
    }
    for h in super::handlers(cx) {
        let kind = h.handler.handler_type.as_deref().and_then(|f| f.ok()).map(String::as_str);
        let own = KEYS.iter().find(|(t, _)| Some(*t) == kind).map(|(_, k)| *k);
        for k in &h.handler.keys {
            let name = k.name.as_str();
            // `async` where it does nothing is HK017's.
            if COMMON.contains(&name)
                || own.is_some_and(|o| o.contains(&name))
                || matches!(name, "async" | "asyncRewake")
            {
                continue;
            }
            let owner = KEYS.iter().find(|(_, keys)| keys.contains(&name)).map(|(t, _)| *t);
            let d = match (owner, kind, own) {
                // An unknown type is HK004's; its keys are not judged.
                (_, _, None) => continue,
                (Some(t), Some(kind), Some(_)) => Diagnostic::new(
                    &RULE,
                    h.file,
                    k.span,
                    format!("`{name}` belongs to `{t}` hooks; a `{kind}` hook ignores it"),
                )
                .help(format!("remove it, or make this a `{t}` hook")),
                (None, _, Some(own)) => {
                    let all = COMMON.iter().chain(own.iter()).copied();
                    let near = crate::text::suggest(name, all);
                    let d = Diagnostic::new(
                        &RULE,
                        h.file,
                        k.span,
                        format!("`{name}` is not a hook setting: Claude Code ignores it"),
                    );
                    match near {
                        Some(n) => d.help(format!("did you mean `{n}`?")),
                        None if name == "matcher" => {
                            d.help("move `matcher` to the group around `hooks`")
                        }
                        // A key like nothing Claude Code reads may be newer
                        // than skillc: left alone.
                        None => continue,
                    }
                }
                _ => continue,
            };
            out.push(d);
        }
    }
}
