//! The `secret-echoed` rule (SH008).

use crate::declare_rule;
use super::{is_secret_name, sites};
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A secret variable is echoed to the terminal.
    ///
    /// ## What it does
    /// Reports `echo`/`printf` of a variable named like a secret (`TOKEN`,
    /// `SECRET`, `PASSWORD`, `API_KEY`, …) whose output is not piped or
    /// redirected. Expansions that do not print the value are not reported:
    /// `${#TOKEN}` (its length) and `${TOKEN:+set}` (a text of its own when
    /// it is set). `${TOKEN:?msg}` and `${TOKEN:-x}` print the value when
    /// it is set, so they are.
    ///
    /// ## Why it matters
    /// The value lands in the transcript and in Claude's context.
    ///
    /// ## Example
    /// ````text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ```bash
    /// echo "token: $API_TOKEN"
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
    /// [ -n "$API_TOKEN" ] && echo "token is set"
    /// ```
    /// ````
    pub static RULE = { id: "SH008", name: "secret-echoed", family: Shell, severity: Warning, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for site in sites(cx.project) {
        for c in site.block.commands() {
            // echo "$TOKEN"
            if matches!(c.name(), "echo" | "printf")
                && !c.piped()
                && !c.redirected()
                && !c.captured()
                && let Some(v) = c
                    .args()
                    .iter()
                    .flat_map(|a| a.value_vars())
                    .find(|v| is_secret_name(v))
            {
                out.push(
                    Diagnostic::new(
                        &RULE,
                        site.file,
                        c.span(),
                        format!("`{}` prints `${v}`", c.name()),
                    )
                    .help("check that it is set instead: [ -n \"$VAR\" ] && echo set"),
                );
            }
        }
    }
}
