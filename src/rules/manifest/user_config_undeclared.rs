//! The `user-config-undeclared` rule (PP013).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use std::collections::{BTreeSet, HashMap};

declare_rule! {
    /// `${user_config.X}` names a key `userConfig` does not declare.
    ///
    /// ## What it does
    /// Checks every `${user_config.KEY}` in a plugin's hooks and MCP server
    /// configs against the `userConfig` keys of its plugin.json and
    /// marketplace entry.
    ///
    /// ## Why it matters
    /// The placeholder is never substituted; the hook receives it literally.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" },
    ///   "userConfig": { "token": { "type": "string", "title": "Token", "description": "API token" } } }
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "SessionStart": [ { "hooks": [ { "type": "command", "command": "notify", "args": ["${user_config.tokn}"] } ] } ] } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" },
    ///   "userConfig": { "token": { "type": "string", "title": "Token", "description": "API token" } } }
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "SessionStart": [ { "hooks": [ { "type": "command", "command": "notify", "args": ["${user_config.token}"] } ] } ] } }
    /// ```
    pub static RULE = { id: "PP013", name: "user-config-undeclared", family: Manifest, severity: Warning, reach: Tree, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let mut declared: HashMap<&str, BTreeSet<&str>> = HashMap::new();
    for (p, s) in super::user_config_strings(cx) {
        let keys = declared
            .entry(p.dir.as_str())
            .or_insert_with(|| super::user_config_keys(cx, p));
        for ph in super::placeholders(cx, &s) {
            if keys.contains(ph.key) {
                continue;
            }
            let near = crate::text::suggest(ph.key, keys.iter().copied());
            let d = Diagnostic::new(
                &RULE,
                s.file,
                ph.at,
                format!("`{}` is not declared in userConfig", ph.key),
            );
            out.push(match near {
                Some(n) => d.help(format!("did you mean `{n}`?")),
                None => d.help("declare it under userConfig in plugin.json"),
            });
        }
    }
}
