//! The `word-splitting-loop` rule (SH004).

use crate::declare_rule;
use super::sites;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A `for` loop splits a command's output or a variable on whitespace.
    ///
    /// ## What it does
    /// Reports `for x in $(…)` and `for x in $VAR` (unquoted).
    ///
    /// ## Why it matters
    /// Word splitting breaks on names with spaces and globs `*` in the
    /// output; an empty result silently skips the loop.
    ///
    /// ## Example
    /// ````text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ```bash
    /// for f in $(ls manifests); do echo "$f"; done
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
    /// for f in manifests/*; do echo "$f"; done
    /// ```
    /// ````
    pub static RULE = { id: "SH004", name: "word-splitting-loop", family: Shell, severity: Warning, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for site in sites(cx.project) {
        for (span, what) in site.block.split_loops() {
            let first = what
                .lines()
                .next()
                .unwrap_or("")
                .trim_end_matches('\\')
                .trim_end();
            let shown: String =
                if first.chars().count() > 40 || first.len() < what.trim_end().len() {
                    format!("{}…", first.chars().take(40).collect::<String>())
                } else {
                    first.to_string()
                };
            out.push(
                Diagnostic::new(&RULE, site.file, span, format!("`for … in {shown}` splits on whitespace and expands globs"))
                    .help("read lines with `while IFS= read -r x; do …; done < <(cmd)`, or loop over a quoted array"),
            );
        }
    }
}
