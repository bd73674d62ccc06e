//! SH001 missing-context-flag.

use super::sites;
use crate::declare_rule;
use crate::model::DocKind;
use crate::parse::shell::WordKind;
use crate::parse::shell::policy::{ContextPolicy, reads_only};
use crate::rules::Context;
use crate::rules::diag::{Diagnostic, Severity};

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
    /// ## House policy
    /// Whether reads need a context too is the repository's policy. Unless
    /// `[shell] context-policy` states it (`"strict"` or `"mutating"`), it
    /// is learned from the tree: where at least 9 in 10 of the kubectl/helm
    /// lines in its skills' code (10 lines or more) name their context, the
    /// policy is strict and every call that reaches a cluster without one is
    /// an error, reads included; elsewhere (generic public skills) only
    /// calls that change a cluster are reported, as warnings, and reads such
    /// as `kubectl get`, `kubectl rollout status` or `helm status` are fine.
    /// Each finding says which policy applied and why.
    ///
    /// ## Configuration
    /// `[shell] context-policy = "auto" | "strict" | "mutating"`.
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

/// The context policy of this run and why: configured, or learned from
/// the tree's SKILL.md files.
fn policy_of(cx: &Context<'_>) -> (ContextPolicy, String) {
    if cx.shell.context != ContextPolicy::Auto {
        return (cx.shell.context, "set in skillc.toml".into());
    }
    let (total, named) = cx
        .project
        .docs
        .iter()
        .filter(|d| d.kind == DocKind::Skill)
        .fold((0u32, 0u32), |(t, n), d| (t + d.cluster_lines.0, n + d.cluster_lines.1));
    let why = format!(
        "{named} of {total} kubectl/helm lines in this tree's skills name their context"
    );
    if total >= 10 && u64::from(named) * 10 >= u64::from(total) * 9 {
        (ContextPolicy::Strict, why)
    } else {
        (ContextPolicy::Mutating, why)
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let policy = cx.shell;
    let (house, why) = policy_of(cx);
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
            let strict = house == ContextPolicy::Strict;
            // Outside strict: README and CHANGELOG-like files show commands
            // to people; Claude does not run them.
            if !strict
                && (crate::rules::xref::for_people(cx.db.path(site.file))
                    || super::shown_as_wrong(cx, site.file, cmd.name_span(), &[]))
            {
                continue;
            }
            if !strict {
                let args: Vec<&str> = cmd
                    .args()
                    .iter()
                    .map(|a| a.raw().trim_matches(['"', '\'']))
                    .collect();
                if reads_only(&what, &args) {
                    continue;
                }
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
            let (severity, verb, name) = if strict {
                (Severity::Error, "runs against", "strict: every cluster call names its context")
            } else {
                (Severity::Warning, "changes", "mutating: calls that change a cluster name their context")
            };
            out.push(
                Diagnostic::new(
                    &RULE,
                    site.file,
                    cmd.name_span(),
                    format!("`{what}` {verb} whatever cluster is current"),
                )
                .severity(severity)
                .help(format!(
                    "add `{flag} \"$CTX\"`{alt} so the target is explicit; context policy {name} ({why}; `[shell] context-policy` sets it)"
                )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::config::Config;
    use crate::engine::testing::{check_with, of_rule, write_listing};
    use crate::rules::diag::Severity;

    /// A skill with `named` kubectl lines that name their context, then a
    /// read and a change that do not.
    fn tree(named: usize) -> String {
        let lines: String = (0..named)
            .map(|i| format!("kubectl --context \"$CTX\" get pod p{i}\n"))
            .collect();
        format!(
            "==> plugins/demo/skills/deploy/SKILL.md <==\n---\nname: deploy\ndescription: Deploys the demo app. Use when shipping a release.\n---\n```bash\n{lines}kubectl rollout status deploy/app\nkubectl apply -f app.yaml\n```\n"
        )
    }

    fn findings(named: usize, config: &str) -> Vec<(String, Severity)> {
        let dir = write_listing(&tree(named));
        let config = Config::parse("skillc.toml", config).unwrap();
        let (_l, diags) = check_with(dir.path(), config);
        of_rule(&diags, &super::RULE)
            .iter()
            .map(|d| (d.message.clone(), d.severity))
            .collect()
    }

    #[test]
    fn the_house_policy_is_learned_from_the_tree() {
        // 20 of 22 lines name their context: strict, reads included.
        let strict = findings(20, "");
        assert_eq!(
            strict,
            [
                ("`kubectl rollout` runs against whatever cluster is current".into(), Severity::Error),
                ("`kubectl apply` runs against whatever cluster is current".into(), Severity::Error),
            ]
        );
        // 1 of 3: only the change is reported, as a warning.
        let lax = findings(1, "");
        assert_eq!(
            lax,
            [("`kubectl apply` changes whatever cluster is current".into(), Severity::Warning)]
        );
    }

    #[test]
    fn configuration_states_the_policy_either_way() {
        assert_eq!(findings(1, "[shell]\ncontext-policy = \"strict\"\n").len(), 2);
        assert_eq!(findings(20, "[shell]\ncontext-policy = \"mutating\"\n").len(), 1);
    }

    #[test]
    fn the_finding_says_which_policy_applied_and_why() {
        let dir = write_listing(&tree(1));
        let (_l, diags) = check_with(dir.path(), Config::default());
        let help = of_rule(&diags, &super::RULE)[0].help.clone().unwrap();
        assert!(help.contains("context policy mutating"), "{help}");
        assert!(help.contains("1 of 3 kubectl/helm lines"), "{help}");
    }
}
