//! The `secret-printed` rule (SH006).

use crate::declare_rule;
use super::{prints_secret, sites};
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A command prints a secret to the terminal.
    ///
    /// ## What it does
    /// Reports `pass show`, `pass NAME`, `gopass show`, `op read`,
    /// `vault kv get`, `vault read` and `security find-generic-password -w`
    /// when their output is neither captured (`$(…)`), piped nor redirected.
    /// `vault … -wrap-ttl=…` prints a wrapping token, not the secret, and is
    /// not reported.
    ///
    /// A warning: whether the printed value is a live secret depends on the
    /// item, which skillc cannot see.
    ///
    /// ## Why it matters
    /// The secret lands in the transcript: in Claude's context, in logs and
    /// in any report the session produces.
    ///
    /// ## Example
    /// ````text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ```bash
    /// pass show infra/api-token
    /// ```
    /// ````
    ///
    /// ## Use instead
    /// ````text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ```bash
    /// curl -fsS -H "Authorization: Bearer $(pass show infra/api-token)" https://api.example.com/v1/status
    /// ```
    /// ````
    pub static RULE = { id: "SH006", name: "secret-printed", family: Shell, severity: Warning, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for site in sites(cx.project) {
        for c in site.block.commands() {
            if prints_secret(&c) && !c.captured() && !c.piped() && !c.redirected() {
                out.push(
                    Diagnostic::new(&RULE, site.file, c.name_span(), format!("`{} {}` prints the secret", c.name(), c.args().first().map_or("", |a| a.raw())))
                        .help("use it inline where it is needed: `$(pass show …)` inside the command that needs it"),
                );
            }
        }
    }
}
