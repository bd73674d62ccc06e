//! SH002 shell-syntax-error.

use super::sites;
use crate::declare_rule;
use crate::parse::shell::Dialect;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A shell block or script does not parse.
    ///
    /// ## What it does
    /// Parses each block with a bash grammar (placeholders such as `<CTX>`
    /// count as words) and reports the first syntax error — the class of
    /// error `bash -n` reports, confirmed with `bash -n` when bash is
    /// installed — once per block. An error in scripts and hooks, a warning
    /// in markdown blocks (which are often fragments).
    ///
    /// ## Why it matters
    /// Claude runs the block as written; a stray quote or a missing `fi`
    /// fails before anything useful happens.
    ///
    /// ## Example
    /// ````text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ```bash
    /// if [ -f app.yaml ]; then
    ///   echo "found"
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
    /// if [ -f app.yaml ]; then
    ///   echo "found"
    /// fi
    /// ```
    /// ````
    pub static RULE = { id: "SH002", name: "shell-syntax-error", family: Shell, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for site in sites(cx.project) {
        if site.block.dialect == Dialect::Zsh {
            continue;
        }
        if let Some((span, msg)) = site.block.syntax_error() {
            let span = if span.is_empty() && (span.start as usize) < cx.text(site.file).len() {
                crate::source::Span::new(span.start as usize, span.start as usize + 1)
            } else {
                span
            };
            let d = Diagnostic::new(&RULE, site.file, span, msg)
                .help("fix the shell syntax; `bash -n` reports the same");
            // Markdown blocks are often fragments; scripts and hooks must parse.
            out.push(if site.runs_as_written() {
                d
            } else {
                d.severity(crate::rules::diag::Severity::Warning)
            });
        }
    }
}
