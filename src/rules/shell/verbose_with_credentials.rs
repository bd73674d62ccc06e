//! The `verbose-with-credentials` rule (SH007).

use crate::declare_rule;
use super::{is_secret_name, prints_secret, sites};
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// Verbose or traced output in the presence of credentials.
    ///
    /// ## What it does
    /// Reports `curl -v`/`--verbose`/`--trace` when the command carries an
    /// `Authorization` header, `-u`/`--user`, or a secret-named variable, and
    /// `set -x` in a block or script that handles secrets.
    ///
    /// ## Why it matters
    /// Verbose curl prints request headers, tokens included; `set -x` echoes
    /// every expanded command line, secrets included.
    ///
    /// ## Example
    /// ````text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ```bash
    /// curl -v -H "Authorization: Bearer $API_TOKEN" https://api.example.com/v1/status
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
    /// curl -fsS -H "Authorization: Bearer $API_TOKEN" https://api.example.com/v1/status
    /// ```
    /// ````
    pub static RULE = { id: "SH007", name: "verbose-with-credentials", family: Shell, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for site in sites(cx.project) {
        let block = site.block;
        let mut secrets_in_block = false;
        for c in block.commands() {
            if prints_secret(&c)
                || c.args()
                    .iter()
                    .any(|a| a.var_names().any(is_secret_name) || a.raw().contains("Authorization"))
            {
                secrets_in_block = true;
            }
            // curl -v with credentials
            if c.name() == "curl" {
                let verbose = c.args().iter().any(|a| {
                    let r = a.raw();
                    r == "--verbose"
                        || r.starts_with("--trace")
                        || (r.starts_with('-') && !r.starts_with("--") && r.contains('v'))
                });
                let creds = c.args().iter().any(|a| {
                    a.raw().contains("Authorization")
                        || a.raw() == "-u"
                        || a.raw() == "--user"
                        || a.var_names().any(is_secret_name)
                        || a.raw().contains("pass show")
                });
                if verbose && creds {
                    out.push(
                        Diagnostic::new(
                            &RULE,
                            site.file,
                            c.name_span(),
                            "verbose curl prints the credentials it sends",
                        )
                        .help("drop -v/--verbose/--trace; use -fsS and print only the status"),
                    );
                }
            }
        }
        if secrets_in_block {
            for x in block.xtrace() {
                out.push(
                    Diagnostic::new(&RULE, site.file, x, "`set -x` traces command lines that carry secrets")
                        .help("remove `set -x`, or turn it off (`set +x`) around the lines that use secrets"),
                );
            }
        }
    }
}
