//! SH003 bash-version-construct.

use super::sites;
use crate::declare_rule;
use crate::parse::shell::Dialect;
use crate::rules::Context;
use crate::rules::diag::{Diagnostic, Severity};

declare_rule! {
    /// A bash feature newer than the target bash (3.2, macOS's default).
    ///
    /// ## What it does
    /// Reports constructs that bash 3.2 does not have, naming the version
    /// that introduced each: `declare -A` and `local -A`, `mapfile` /
    /// `readarray`, `${v,,}` `${v^^}` `${v~}`, `shopt -s globstar`, `&>>`,
    /// `|&`, `coproc`, `;&` (4.0); negative subscripts and `[[ -v ]]` (4.2);
    /// `declare -n` and `wait -n` (4.3); `${v@Q}` and friends (4.4). An error
    /// in scripts and hooks, a warning in markdown blocks.
    ///
    /// ## Why it matters
    /// macOS ships bash 3.2; a helper script with `declare -A` dies there with
    /// `declare: -A: invalid option`.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/scripts/nodes.sh <==
    /// #!/usr/bin/env bash
    /// declare -A roles
    /// roles[cp1]=control-plane
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/scripts/nodes.sh <==
    /// #!/usr/bin/env bash
    /// nodes=(cp1)
    /// roles=(control-plane)
    /// ```
    ///
    /// ## Configuration
    /// `[shell] bash-version = "4.4"` raises the target.
    pub static RULE = { id: "SH003", name: "bash-version-construct", family: Shell, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let target = cx.shell.bash_target;
    for site in sites(cx.project) {
        if site.block.dialect == Dialect::Zsh {
            continue;
        }
        for (c, span) in site.block.constructs() {
            let since = c.since();
            if since <= target {
                continue;
            }
            let d = Diagnostic::new(
                &RULE,
                site.file,
                span,
                format!(
                    "{} need bash {}.{}; the target is bash {}.{}",
                    c.describe(),
                    since.0,
                    since.1,
                    target.0,
                    target.1
                ),
            )
            .help(format!("{}; macOS ships bash 3.2", c.instead()));
            out.push(if site.runs_as_written() {
                d
            } else {
                d.severity(Severity::Warning)
            });
        }
    }
}
