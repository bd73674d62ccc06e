//! SH001 missing-context-flag.

use super::sites;
use crate::declare_rule;
use crate::parse::shell::WordKind;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A cluster command does not name its cluster.
    ///
    /// ## What it does
    /// Finds every `kubectl`, `helm`, `flux`, `cilium` and `virtctl` command in
    /// shell blocks, scripts and hooks — after `sudo`, `env`, `VAR=x`,
    /// `timeout N`, `watch`, `xargs`, inside pipelines, `$(…)`, bodies,
    /// functions and `bash -c` strings, across `\` continuations — and
    /// reports those that touch a cluster without `--context`/`--kubeconfig`
    /// (`--kube-context` for helm). Subcommands that never touch a cluster
    /// (`kubectl config`, `kubectl version --client`, `helm template`,
    /// `--dry-run=client`, …) are exempt. Words in quotes and comments are not
    /// commands.
    ///
    /// ## Why it matters
    /// Without an explicit context the command runs against whatever cluster
    /// the user's kubeconfig points at right now. Skills run commands as
    /// written: one missing flag applies a change to production.
    ///
    /// ## Example
    /// ````text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ```bash
    /// kubectl apply -f app.yaml
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
    /// kubectl --context "$CTX" apply -f app.yaml
    /// ```
    /// ````
    ///
    /// ## Configuration
    /// `[shell.context.<tool>]` in skillc.toml adds tools or changes them:
    /// `flags`, `env`, `value-flags`, `local` (exempt subcommands or flags),
    /// `cluster` (only these subcommands need the flag), `enabled`.
    pub static RULE = { id: "SH001", name: "missing-context-flag", family: Shell, severity: Error, check: check }
}

/// Variables that probably carry the flags (`$KUBECTL_ARGS`, `"$@"`).
fn carries_flags(var: &str) -> bool {
    var == "@"
        || var == "*"
        || crate::regex!(r"(?i)ctx|context|kubeconfig|flags|opts|args").is_match(var)
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let policy = cx.shell;
    for site in sites(cx.project) {
        for cmd in site.block.commands() {
            let Some((tool, what)) = policy.unscoped(&cmd) else {
                continue;
            };
            let passthrough = cmd.args().iter().any(|a| {
                matches!(
                    a.kind(),
                    WordKind::Unquoted | WordKind::Quoted | WordKind::Mixed
                ) && a.var_names().any(carries_flags)
                    && !a.raw().contains('=')
            });
            if passthrough {
                continue;
            }
            let flag = &tool.flags[0];
            let others = tool.flags[1..]
                .iter()
                .map(|f| format!("`{f}`"))
                .collect::<Vec<_>>()
                .join(" or ");
            let alt = if others.is_empty() {
                String::new()
            } else {
                format!(" (or {others})")
            };
            out.push(
                Diagnostic::new(
                    &RULE,
                    site.file,
                    cmd.name_span(),
                    format!("`{what}` runs against whatever cluster is current"),
                )
                .help(format!(
                    "add `{flag} \"$CTX\"`{alt} so the target is explicit"
                )),
            );
        }
    }
}
