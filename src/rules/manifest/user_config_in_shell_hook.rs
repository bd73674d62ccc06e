//! The `user-config-in-shell-hook` rule (PP012).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// `${user_config.X}` in a shell-form hook command.
    ///
    /// ## What it does
    /// Reports `${user_config.…}` inside `command` strings of hooks that run
    /// through a shell (no `args` array), wherever a plugin writes its hooks,
    /// and in an MCP server's `headersHelper` (also run through a shell).
    ///
    /// ## Why it matters
    /// Claude Code 2.1.207 and later refuse to substitute user values into a
    /// shell command line (it would allow injection); the hook fails.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" },
    ///   "userConfig": { "token": { "type": "string", "title": "Token", "description": "API token", "sensitive": true } } }
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "SessionStart": [ { "hooks": [ { "type": "command", "command": "notify --token ${user_config.token}" } ] } ] } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" },
    ///   "userConfig": { "token": { "type": "string", "title": "Token", "description": "API token", "sensitive": true } } }
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "SessionStart": [ { "hooks": [ { "type": "command", "command": "notify", "args": ["--token", "${user_config.token}"] } ] } ] } }
    /// ```
    pub static RULE = { id: "PP012", name: "user-config-in-shell-hook", family: Manifest, severity: Error, reach: Tree, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (_, s) in super::user_config_strings(cx) {
        if !s.shell {
            continue;
        }
        for ph in super::placeholders(cx, &s) {
            out.push(
                Diagnostic::new(&RULE, s.file, ph.at, format!("`{}` in a command run through a shell", ph.all))
                    .help("pass it through `args` (exec form); shell-form substitution of user values is refused"),
            );
        }
    }
}
