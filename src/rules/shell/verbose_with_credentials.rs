//! The `verbose-with-credentials` rule (SH007).

use crate::declare_rule;
use super::{is_secret_name, prints_secret, sites};
use crate::parse::shell::{Command, ShellBlock, Stderr};
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// Verbose or traced output in the presence of credentials.
    ///
    /// ## What it does
    /// Reports `curl -v`/`--verbose`/`--trace` when the command carries an
    /// `Authorization` header, `-u`/`--user`, or a secret-named variable, and
    /// `set -x` in a block or script that handles secrets. Verbose output
    /// goes to standard error; curl is not reported when that does not reach
    /// the terminal: discarded (`2>/dev/null`), written to a file, or joined
    /// to standard output (`2>&1`, `|&`) and piped into a filter that keeps
    /// only matching lines (`| grep -i ratelimit`; not `grep -v`, not
    /// context lines, not a pattern about auth, cookies or tokens).
    ///
    /// A warning: the credential leaks only when the command runs and its
    /// output is kept, which skillc cannot see.
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
    pub static RULE = { id: "SH007", name: "verbose-with-credentials", family: Shell, severity: Warning, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for site in sites(cx.project) {
        let block = site.block;
        let mut secrets_in_block = false;
        for (i, c) in block.commands().enumerate() {
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
                if verbose && creds && stderr_shown(block, i, &c) {
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

/// Whether what command `c` (the `i`-th of `block`) writes to standard
/// error reaches the terminal: not when it is discarded or written to a
/// file, nor when it joins standard output (`2>&1`, `|&`) and that is
/// captured or piped into a filter that keeps only lines matching a
/// pattern (`| grep -i ratelimit`).
fn stderr_shown(block: &ShellBlock, i: usize, c: &Command<'_>) -> bool {
    match c.stderr() {
        Stderr::Terminal => true,
        Stderr::Discarded | Stderr::File => false,
        // Where standard output went before its own redirections: the
        // capture, the pipe, or the terminal.
        Stderr::Stdout => {
            let filtered =
                c.piped() && next_in_pipeline(block, i, c).is_some_and(|n| keeps_matches(&n));
            !c.captured() && !filtered
        }
    }
}

/// The command that reads what command `c` (the `i`-th of `block`) pipes.
fn next_in_pipeline<'a>(block: &'a ShellBlock, i: usize, c: &Command<'_>) -> Option<Command<'a>> {
    let members = block
        .pipelines()
        .find(|m| m.first().is_some_and(|&f| f as usize <= i) && m.iter().any(|&s| s as usize > i))?;
    let next = members.iter().map(|&s| s as usize).find(|&s| s > i)?;
    // Substitutions in its words are recorded before it: the command of
    // the part is the first one captured no more than `c` is.
    (next..block.commands().len())
        .filter_map(|j| block.command(j))
        .find(|n| n.captured() == c.captured())
}

/// `grep` (and its kin) printing only the lines that match a pattern
/// that does not look for credentials: no `-v`, no context lines.
fn keeps_matches(filter: &Command<'_>) -> bool {
    if !matches!(filter.name(), "grep" | "egrep" | "fgrep" | "rg") {
        return false;
    }
    let args: Vec<&str> = filter.args().iter().map(|a| a.raw()).collect();
    let widens = |a: &str| {
        matches!(a, "--invert-match" | "--context" | "--after-context" | "--before-context")
            || a.starts_with("--context=")
            || a.starts_with("--after-context=")
            || a.starts_with("--before-context=")
            || (a.starts_with('-') && !a.starts_with("--") && a.contains(['v', 'A', 'B', 'C']))
    };
    if args.iter().any(|a| widens(a)) {
        return false;
    }
    // `>` starts the request lines of verbose output, headers included.
    let credential =
        crate::regex!(r"(?i)auth|cookie|token|bearer|secret|passw|api.?key|session|>");
    !args
        .iter()
        .filter(|a| !a.starts_with('-'))
        .any(|a| credential.is_match(a))
}
