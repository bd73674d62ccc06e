//! Shell inside skills: context discipline, syntax, bash 3.2 portability,
//! and safety (word splitting, credentials, `curl | sh`), over fenced blocks,
//! `*.sh` scripts and hook commands.

crate::declare_family! {
    missing_context_flag,
    shell_syntax_error,
    bash_version_construct,
    word_splitting_loop,
    unquoted_list_value,
    secret_printed,
    verbose_with_credentials,
    secret_echoed,
    pipe_to_shell,
    shellcheck,
    argument_substituted_in_code,
}

use crate::model::{DocKind, Project};
use crate::parse::shell::Command;
use crate::parse::shell::{Origin, ShellBlock};
use crate::rules::Context;
use crate::source::{FileId, Span};

/// Whether the code at `span` is shown as what not to do: a comment on its
/// line or the two lines before it says so (`# Bad`, `# Wrong:`, `# ❌`,
/// `# Should be: …`, `# shellcheck disable=` one of `codes`), or the file
/// catalogues anti-patterns (`antipatterns.md`, `pitfalls.md`).
pub fn shown_as_wrong(cx: &Context<'_>, file: FileId, span: Span, codes: &[&str]) -> bool {
    let path = cx.db.path(file).to_ascii_lowercase();
    let name = path.rsplit('/').next().unwrap_or(&path);
    if ["antipattern", "anti-pattern", "pitfall", "mistake"]
        .iter()
        .any(|w| name.contains(w))
    {
        return true;
    }
    let text = cx.text(file);
    let start = (span.start as usize).min(text.len());
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let mut from = start;
    for _ in 0..3 {
        from = text[..from].rfind('\n').unwrap_or(0);
        if from == 0 {
            break;
        }
    }
    let said = crate::regex!(
        r"(?i)#.*(\bbad\b|\bwrong\b|\bproblem\b|don't|\bdo not\b|anti-?pattern|should be|incorrect|❌|✗)"
    );
    text.get(from..line_end).is_some_and(|window| {
        window.lines().any(|l| {
            said.is_match(l)
                || l.split_once("shellcheck disable=")
                    .is_some_and(|(_, list)| codes.iter().any(|c| list.contains(c)))
        })
    })
}

/// A block of shell the rules look at.
pub struct Site<'a> {
    pub file: FileId,
    pub block: &'a ShellBlock,
}

impl Site<'_> {
    /// Scripts and hooks run exactly as written, on the user's machine.
    pub fn runs_as_written(&self) -> bool {
        matches!(self.block.origin, Origin::Script | Origin::Hook)
    }
}

fn in_plugin_area(project: &Project, path: &str) -> bool {
    project.skill_of(path).is_some()
        || project.plugins.iter().any(|p| {
            let inside = if p.dir.is_empty() {
                Some(path)
            } else {
                path.strip_prefix(p.dir.as_str())
                    .and_then(|r| r.strip_prefix('/'))
            };
            inside.is_some_and(|rest| {
                rest.starts_with("commands/")
                    || rest.starts_with("agents/")
                    || rest.starts_with("scripts/")
                    || rest.starts_with("hooks/")
                    || rest.starts_with("skills/")
                    || rest.starts_with("bin/")
            })
        })
}

/// Every shell site: fenced blocks in skills (and their references),
/// commands and agents; scripts in plugins and the scripts hooks run
/// wherever they are; shell-form hook commands (hooks files, plugin.json
/// and settings `hooks`, and frontmatter `hooks:`, which come with the
/// doc's blocks).
pub fn sites(project: &Project) -> Vec<Site<'_>> {
    let mut out = Vec::new();
    for d in &project.docs {
        if d.shell.is_empty() {
            continue;
        }
        if d.kind != DocKind::Other || in_plugin_area(project, &d.path) {
            out.extend(d.shell.iter().map(|b| Site {
                file: d.file,
                block: b,
            }));
        }
    }
    for s in &project.scripts {
        if s.hook || in_plugin_area(project, &s.path) {
            out.push(Site {
                file: s.file,
                block: &s.shell,
            });
        }
    }
    for j in &project.json {
        out.extend(j.shell.iter().map(|b| Site {
            file: j.file,
            block: b,
        }));
    }
    out
}

pub fn is_secret_name(var: &str) -> bool {
    crate::regex!(r"(?i)token|secret|passw|api_?key|private_?key|credential|auth").is_match(var)
}

const PASS_SUBCOMMANDS: &[&str] = &[
    "ls", "list", "find", "search", "grep", "insert", "add", "edit", "generate", "rm", "remove",
    "delete", "mv", "rename", "cp", "copy", "git", "init", "otp", "help", "version", "--help",
    "-h",
];

/// Whether a command prints a secret when run on its own.
pub(crate) fn prints_secret(c: &Command<'_>) -> bool {
    let args = c.args();
    let first = args.first().map(|a| a.raw());
    let has = |f: &str| args.iter().any(|a| a.raw() == f);
    match c.name() {
        "pass" => match first {
            Some("show") => !has("-c") && !has("--clip") && !has("--qrcode"),
            Some(s) => !PASS_SUBCOMMANDS.contains(&s) && !s.starts_with('-'),
            None => false,
        },
        "gopass" => first == Some("show") && !has("-c") && !has("--clip"),
        "op" => first == Some("read"),
        "vault" => {
            // `-wrap-ttl` prints a wrapping token to unwrap later, not the
            // secret; `-output-curl-string` and `-output-policy` print the
            // request and the policy it needs.
            let elsewhere = args.iter().any(|a| {
                let flag = a.raw().trim_start_matches('-');
                flag.starts_with("wrap-ttl")
                    || flag.starts_with("output-curl-string")
                    || flag.starts_with("output-policy")
            });
            !elsewhere
                && (matches!(first, Some("read"))
                    || (first == Some("kv") && args.get(1).is_some_and(|a| a.raw() == "get")))
        }
        "security" => {
            first.is_some_and(|f| f.starts_with("find-") && f.ends_with("-password")) && has("-w")
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    //! Pass and fail cases for every construct the shell rules look at.
    use crate::engine::testing::{check_listing, of_rule, render};
    use crate::rules::RuleMeta;

    /// Each of `quiet` makes no finding of `rule`, each of `loud` one.
    fn quiet_and_loud(rule: &RuleMeta, quiet: &[&str], loud: &[&str]) {
        for q in quiet {
            assert_eq!(hits(&bash(q), rule), 0, "{q}");
        }
        for l in loud {
            assert_eq!(hits(&bash(l), rule), 1, "{l}");
        }
    }

    fn skill_with(block: &str) -> String {
        format!(
            "==> plugins/demo/skills/deploy/SKILL.md <==\n---\nname: deploy\ndescription: Deploys the demo app. Use when shipping a release.\n---\n{block}"
        )
    }

    fn bash(code: &str) -> String {
        skill_with(&format!("```bash\n{code}\n```\n"))
    }

    fn hits(listing: &str, rule: &RuleMeta) -> usize {
        let (_d, _l, diags) = check_listing(listing);
        of_rule(&diags, rule).len()
    }

    fn snapshot(name: &str, listing: &str, rule: &RuleMeta) {
        let (_d, loaded, diags) = check_listing(listing);
        let hits: Vec<_> = of_rule(&diags, rule).into_iter().cloned().collect();
        insta::assert_snapshot!(name, render(&loaded, &hits));
    }

    #[test]
    fn context_flag_is_required_wherever_commands_run() {
        let fail = [
            "kubectl apply -f app.yaml",
            "sudo kubectl delete pod x",
            "sudo -u admin kubectl get pods",
            "env FOO=1 kubectl get pods",
            "FOO=1 kubectl get pods",
            "time kubectl get pods",
            "timeout 30 kubectl rollout status deploy/x",
            "watch -n 5 kubectl get pods",
            "watch 'kubectl get pods'",
            "echo pod/x | xargs kubectl delete",
            "nohup kubectl port-forward svc/x 8080:80 &",
            "kubectl get pods | grep Running",
            "true && kubectl get ns",
            "x=$(kubectl get ns -o name)",
            "x=`kubectl get ns -o name`",
            "(cd /tmp && kubectl get ns)",
            "if kubectl get ns x; then echo ok; fi",
            "while ! kubectl get ns x; do sleep 1; done",
            "for i in 1 2; do kubectl get ns; done",
            "f() { kubectl get ns; }",
            "kubectl \\\n  --namespace x \\\n  get pods",
            "bash -c \"kubectl get pods\"",
            "helm install x ./chart",
            "sudo helm upgrade --install x ./chart",
            "helm -n x list",
            "flux reconcile hr x -n y",
            "kubectl -n kube-system get pods <name>",
        ];
        for case in fail {
            assert_eq!(
                hits(&bash(case), &super::missing_context_flag::RULE),
                1,
                "should fire: {case}"
            );
        }
        let pass = [
            "kubectl --context=\"$CTX\" apply -f app.yaml",
            "kubectl --context \"$CTX\" get pods",
            "kubectl --kubeconfig ./kubeconfig get pods",
            "KUBECONFIG=./kubeconfig kubectl get pods",
            "kubectl --context <CTX> get pods -n <namespace>",
            "kubectl config use-context prod",
            "kubectl config get-contexts",
            "kubectl version --client",
            "kubectl completion bash",
            "kubectl krew install ctx",
            "kubectl create secret generic x --from-literal=a=b --dry-run=client -o yaml",
            "kubectl get pods --help",
            "helm template x ./chart",
            "helm repo add x https://example.com/charts",
            "helm dependency update ./chart",
            "helm --kube-context \"$CTX\" status x",
            "echo \"kubectl apply -f app.yaml\"",
            "# kubectl apply -f app.yaml",
            "k() { kubectl --context \"$CTX\" \"$@\"; }",
            "kubectl $KUBECTL_ARGS get pods",
        ];
        for case in pass {
            assert_eq!(
                hits(&bash(case), &super::missing_context_flag::RULE),
                0,
                "should be quiet: {case}"
            );
        }
        // Inline code in prose is not shell.
        assert_eq!(
            hits(
                &skill_with("Run `kubectl apply -f app.yaml`.\n"),
                &super::missing_context_flag::RULE
            ),
            0
        );
        // Other fence languages are not shell.
        assert_eq!(
            hits(
                &skill_with("```yaml\ncommand: kubectl apply -f x\n```\n"),
                &super::missing_context_flag::RULE
            ),
            0
        );
    }

    #[test]
    fn context_snapshot_and_spans_in_indented_blocks() {
        snapshot(
            "SH001_contexts",
            &skill_with(
                "1. Apply:\n\n   ```bash\n   sudo kubectl apply \\\n     -f app.yaml && helm status x\n   ```\n",
            ),
            &super::missing_context_flag::RULE,
        );
    }

    #[test]
    fn with_the_family_off_only_blocks_with_a_skillc_comment_are_parsed() {
        // The private address in the second block is suppressed by its
        // `skillc:` comment, which must still be read.
        let listing = skill_with(
            "```bash\nkubectl apply -f app.yaml\n```\n\n```bash\ncurl http://10.143.27.88/health # skillc: disable=RD001\n```\n",
        );
        let dir = crate::engine::testing::write_listing(&listing);
        let mut off = String::from("[rules]\n");
        for r in crate::rules::registry::rules()
            .iter()
            .filter(|r| r.family == crate::rules::Family::Shell)
        {
            off.push_str(&format!("{} = \"off\"\n", r.id));
        }
        let run = |config: crate::engine::config::Config| {
            let (loaded, diags) = crate::engine::testing::check_with(dir.path(), config);
            let blocks: Vec<usize> = loaded.project.docs.iter().map(|d| d.shell.len()).collect();
            let ids: Vec<&str> = diags.iter().map(|d| d.rule.id).collect();
            (blocks.iter().sum::<usize>(), ids.join(" "))
        };
        let on = crate::engine::config::Config::default();
        assert!(
            crate::engine::Session::new(Default::default()).family_on(crate::rules::Family::Shell)
        );
        let (parsed, ids) = run(on);
        assert_eq!(parsed, 2);
        assert_eq!(ids, "SH001");
        let off = crate::engine::config::Config::parse("skillc.toml", &off).unwrap();
        let off_session = crate::engine::Session::new(off);
        assert!(!off_session.family_on(crate::rules::Family::Shell));
        let (parsed, ids) = run(off_session.config);
        assert_eq!(parsed, 1, "only the block with the comment");
        assert_eq!(ids, "", "no SH findings, and RD001 stays suppressed");
    }

    #[test]
    fn console_blocks_strip_prompts() {
        let listing = skill_with(
            "```console\n$ kubectl get pods\nNAME READY\nkubectl-output 1/1\n$ kubectl --context prod get ns\n```\n",
        );
        assert_eq!(hits(&listing, &super::missing_context_flag::RULE), 1);
    }

    #[test]
    fn hook_commands_and_scripts_are_shell() {
        let listing = "==> plugins/demo/hooks/hooks.json <==\n{ \"hooks\": { \"SessionStart\": [ { \"hooks\": [ { \"type\": \"command\", \"command\": \"kubectl get pods\" } ] } ] } }\n==> plugins/demo/scripts/check.sh <==\n#!/usr/bin/env bash\nhelm list -A\n";
        let (_d, _l, diags) = check_listing(listing);
        let h = of_rule(&diags, &super::missing_context_flag::RULE);
        assert_eq!(
            h.len(),
            2,
            "{:?}",
            h.iter().map(|d| &d.message).collect::<Vec<_>>()
        );
    }

    /// The tree of [`hook_commands_everywhere_at_their_bytes`]: hook
    /// commands in every place hooks are written, with escapes before the
    /// finding, and the scripts hooks run.
    const HOOKS: &str = r##"==> .claude-plugin/marketplace.json <==
{ "name": "m", "owner": { "name": "A" }, "plugins": [ { "name": "demo", "source": "./plugins/demo", "description": "The demo plugin." } ] }
==> plugins/demo/.claude-plugin/plugin.json <==
{ "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" },
  "hooks": { "Stop": [ { "hooks": [ { "type": "command", "command": "helm upgrade x ./c" } ] } ] } }
==> plugins/demo/hooks/hooks.json <==
{ "hooks": { "SessionStart": [ { "hooks": [
  { "type": "command", "command": "kubectl apply -f x" },
  { "type": "command", "command": "echo \"caf\u00e9\\\" \t\" && kubectl apply -f x" },
  { "type": "command", "command": "kubectl", "args": ["apply", "-f", "x"] },
  { "type": "command", "command": "kubectl apply -f x", "shell": "powershell" },
  { "type": "command", "command": "\"${CLAUDE_PLUGIN_ROOT}\"/hooks/check" },
  { "type": "command", "command": "bash \"${CLAUDE_PLUGIN_ROOT}/tools/y.sh\"" },
  { "type": "command", "command": "python3 \"${CLAUDE_PLUGIN_ROOT}/tools/z\"" }
] } ] } }
==> plugins/demo/hooks/check <==
#!/usr/bin/env bash
kubectl delete ns x
==> plugins/demo/tools/y.sh <==
#!/bin/sh
helm uninstall x
==> plugins/demo/tools/z <==
#!/usr/bin/env python3
print("kubectl apply -f x")
==> plugins/demo/tools/unused.sh <==
#!/bin/sh
helm uninstall x
==> plugins/demo/skills/s/SKILL.md <==
---
name: s
description: Does s. Use when s is needed.
hooks:
  PreToolUse:
    - matcher: Bash
      hooks:
        - type: command
          command: kubectl apply -f plain
        - type: command
          command: "echo \"\u00e9\" ; kubectl apply -f quoted"
---
Body.
==> .claude/settings.json <==
{ "hooks": { "Stop": [ { "hooks": [ { "type": "command", "command": "echo \"x\"; kubectl apply -f s" } ] } ] } }
"##;

    /// Hook commands are shell wherever hooks are written (hooks files,
    /// plugin.json, settings, frontmatter), found at their bytes in the
    /// JSON string or YAML scalar, escapes included; exec-form and
    /// PowerShell commands are not shell. The scripts hooks run are checked
    /// wherever they are in the plugin, and a file without a suffix when its
    /// `#!` line names a shell.
    #[test]
    fn hook_commands_everywhere_at_their_bytes() {
        let (_d, loaded, diags) = check_listing(HOOKS);
        let found: Vec<String> = of_rule(&diags, &super::missing_context_flag::RULE)
            .iter()
            .map(|d| {
                let text = loaded.db.text(d.file());
                let line = text[..d.span().start as usize].matches('\n').count() + 1;
                format!(
                    "{} {line} `{}`",
                    loaded.db.path(d.file()),
                    &text[d.span().range()]
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                ".claude/settings.json 1 `kubectl`",
                "plugins/demo/.claude-plugin/plugin.json 2 `helm`",
                "plugins/demo/hooks/check 2 `kubectl`",
                "plugins/demo/hooks/hooks.json 2 `kubectl`",
                "plugins/demo/hooks/hooks.json 3 `kubectl`",
                "plugins/demo/skills/s/SKILL.md 9 `kubectl`",
                "plugins/demo/skills/s/SKILL.md 11 `kubectl`",
                "plugins/demo/tools/y.sh 2 `helm`",
            ],
            "{found:#?}"
        );
        // The finding after the escapes, at its column.
        let hooks = loaded.db.find("plugins/demo/hooks/hooks.json").unwrap();
        let text = loaded.db.text(hooks);
        let escaped = of_rule(&diags, &super::missing_context_flag::RULE)
            .into_iter()
            .find(|d| {
                d.file() == hooks && text[..d.span().start as usize].matches('\n').count() == 2
            })
            .unwrap();
        let line = text.lines().nth(2).unwrap();
        let line_start = text.find(line).unwrap();
        assert_eq!(
            escaped.span().start as usize - line_start,
            line.find("&& kubectl").unwrap() + 3
        );
        // The whole tree, as reported.
        let shell: Vec<_> = diags
            .iter()
            .filter(|d| d.rule.family == crate::rules::Family::Shell)
            .cloned()
            .collect();
        insta::assert_snapshot!("hook_commands", render(&loaded, &shell));
    }

    /// The other shell rules read hook commands too; the one about
    /// argument substitution does not (Claude Code substitutes skill and
    /// command bodies, not hooks).
    #[test]
    fn shell_rules_on_hook_commands() {
        let hook = |cmd: &str| {
            format!(
                "==> plugins/demo/hooks/hooks.json <==\n{{ \"hooks\": {{ \"Stop\": [ {{ \"hooks\": [ {{ \"type\": \"command\", \"command\": {} }} ] }} ] }} }}\n",
                serde_json::to_string(cmd).unwrap()
            )
        };
        for (cmd, rule) in [
            (
                "declare -A m; echo ok",
                &super::bash_version_construct::RULE,
            ),
            ("if true; then echo", &super::shell_syntax_error::RULE),
            (
                "for f in $(ls); do echo \"$f\"; done",
                &super::word_splitting_loop::RULE,
            ),
            (
                "talosctl --nodes $NODES health",
                &super::unquoted_list_value::RULE,
            ),
            (
                "vault kv get -field=password secret/app",
                &super::secret_printed::RULE,
            ),
            (
                "curl -v -H \"Authorization: Bearer $API_TOKEN\" https://example.com",
                &super::verbose_with_credentials::RULE,
            ),
            ("echo \"$API_TOKEN\"", &super::secret_echoed::RULE),
            (
                "curl -fsSL https://example.com/i.sh | sh",
                &super::pipe_to_shell::RULE,
            ),
        ] {
            assert_eq!(hits(&hook(cmd), rule), 1, "{cmd}");
        }
        let skill = "==> plugins/demo/skills/s/SKILL.md <==\n---\nname: s\ndescription: Does s. Use when s is needed.\nhooks:\n  Stop:\n    - hooks:\n        - type: command\n          command: git branch | awk '{print $1}'\n---\nBody.\n";
        assert_eq!(hits(skill, &super::argument_substituted_in_code::RULE), 0);
    }

    /// `*.bash` files are scripts like `*.sh`; a file without a suffix is
    /// one only when a hook runs it.
    #[test]
    fn bash_files_are_scripts() {
        let rule = &super::bash_version_construct::RULE;
        let script = "#!/usr/bin/env bash\ndeclare -A m\n";
        assert_eq!(
            hits(
                &format!("==> plugins/demo/scripts/a.bash <==\n{script}"),
                rule
            ),
            1
        );
        assert_eq!(
            hits(&format!("==> plugins/demo/hooks/run <==\n{script}"), rule),
            0
        );
    }

    #[test]
    fn portability_names_the_version() {
        let cases = [
            ("declare -A m", "4.0"),
            ("local -A m", "4.0"),
            ("mapfile -t lines < f", "4.0"),
            ("readarray -t lines < f", "4.0"),
            ("echo \"${v,,}\"", "4.0"),
            ("echo \"${v^^}\"", "4.0"),
            ("echo \"${v~}\"", "4.0"),
            ("shopt -s globstar", "4.0"),
            ("make &>> build.log", "4.0"),
            ("make |& tee build.log", "4.0"),
            ("coproc cat", "4.0"),
            ("echo \"${arr[-1]}\"", "4.2"),
            ("declare -n ref=x", "4.3"),
            ("wait -n", "4.3"),
            ("echo \"${v@Q}\"", "4.4"),
        ];
        for (code, version) in cases {
            let listing =
                format!("==> plugins/demo/scripts/s.sh <==\n#!/usr/bin/env bash\n{code}\n");
            let (_d, _l, diags) = check_listing(&listing);
            let h = of_rule(&diags, &super::bash_version_construct::RULE);
            assert_eq!(h.len(), 1, "{code}");
            assert!(
                h[0].message.contains(&format!("bash {version}")),
                "{code}: {}",
                h[0].message
            );
            assert_eq!(h[0].severity, crate::rules::diag::Severity::Error);
        }
        for ok in [
            "arr=(a b); echo \"${arr[0]}\"",
            "echo \"$(printf '%s' x | tr '[:upper:]' '[:lower:]')\"",
            "declare -a list",
            "local x=1",
        ] {
            let listing = format!("==> plugins/demo/scripts/s.sh <==\n#!/usr/bin/env bash\n{ok}\n");
            assert_eq!(
                hits(&listing, &super::bash_version_construct::RULE),
                0,
                "{ok}"
            );
        }
        // In markdown blocks it is a warning.
        let (_d, _l, diags) = check_listing(&bash("declare -A m"));
        assert_eq!(
            of_rule(&diags, &super::bash_version_construct::RULE)[0].severity,
            crate::rules::diag::Severity::Warning
        );
    }

    #[test]
    fn safety_cases() {
        assert_eq!(
            hits(
                &bash("for n in $(cat nodes); do echo $n; done"),
                &super::word_splitting_loop::RULE
            ),
            1
        );
        assert_eq!(
            hits(
                &bash("for n in $NODES; do echo \"$n\"; done"),
                &super::word_splitting_loop::RULE
            ),
            1
        );
        assert_eq!(
            hits(
                &bash("for n in \"${NODES[@]}\"; do echo \"$n\"; done"),
                &super::word_splitting_loop::RULE
            ),
            0
        );
        assert_eq!(
            hits(
                &bash("for n in a b c; do echo \"$n\"; done"),
                &super::word_splitting_loop::RULE
            ),
            0
        );

        assert_eq!(
            hits(
                &bash("talosctl --nodes $NODE_IPS health"),
                &super::unquoted_list_value::RULE
            ),
            1
        );
        assert_eq!(
            hits(
                &bash("talosctl --nodes=$NODE_IPS health"),
                &super::unquoted_list_value::RULE
            ),
            1
        );
        assert_eq!(
            hits(
                &bash("talosctl --nodes \"$NODE_IPS\" health"),
                &super::unquoted_list_value::RULE
            ),
            0
        );

        assert_eq!(
            hits(&bash("pass show infra/token"), &super::secret_printed::RULE),
            1
        );
        assert_eq!(
            hits(&bash("pass infra/token"), &super::secret_printed::RULE),
            1
        );
        assert_eq!(
            hits(
                &bash("op read op://vault/item/field"),
                &super::secret_printed::RULE
            ),
            1
        );
        assert_eq!(
            hits(
                &bash("vault kv get secret/app"),
                &super::secret_printed::RULE
            ),
            1
        );
        assert_eq!(
            hits(
                &bash("TOKEN=$(pass show infra/token)"),
                &super::secret_printed::RULE
            ),
            0
        );
        assert_eq!(
            hits(
                &bash("pass show -c infra/token"),
                &super::secret_printed::RULE
            ),
            0
        );
        assert_eq!(
            hits(
                &bash("pass show infra/token | head -1 > /dev/null"),
                &super::secret_printed::RULE
            ),
            0
        );
        assert_eq!(hits(&bash("pass ls"), &super::secret_printed::RULE), 0);

        assert_eq!(
            hits(
                &bash("curl -v -H \"Authorization: Bearer $TOKEN\" https://api.example.com"),
                &super::verbose_with_credentials::RULE
            ),
            1
        );
        assert_eq!(
            hits(
                &bash("curl --verbose -u admin:$PASSWORD https://api.example.com"),
                &super::verbose_with_credentials::RULE
            ),
            1
        );
        assert_eq!(
            hits(
                &bash(
                    "set -x\ncurl -fsS -H \"Authorization: Bearer $TOKEN\" https://api.example.com"
                ),
                &super::verbose_with_credentials::RULE
            ),
            1
        );
        assert_eq!(
            hits(
                &bash("curl -v https://example.com"),
                &super::verbose_with_credentials::RULE
            ),
            0
        );
        assert_eq!(
            hits(&bash("set -x\nls"), &super::verbose_with_credentials::RULE),
            0
        );

        assert_eq!(
            hits(&bash("echo \"$API_TOKEN\""), &super::secret_echoed::RULE),
            1
        );
        assert_eq!(
            hits(
                &bash("echo \"$API_TOKEN\" > token.txt"),
                &super::secret_echoed::RULE
            ),
            0
        );
        assert_eq!(
            hits(&bash("echo \"$USER\""), &super::secret_echoed::RULE),
            0
        );

        assert_eq!(
            hits(
                &bash("curl -fsSL https://example.com/i.sh | sh"),
                &super::pipe_to_shell::RULE
            ),
            1
        );
        assert_eq!(
            hits(
                &bash("wget -qO- https://example.com/i.sh | sudo bash"),
                &super::pipe_to_shell::RULE
            ),
            1
        );
        assert_eq!(
            hits(
                &bash("curl -fsSL https://example.com/x.json | jq ."),
                &super::pipe_to_shell::RULE
            ),
            0
        );
    }

    /// Expansions that print a length or a flag, not the value, are not a
    /// secret echoed; those that print the value when it is set are.
    #[test]
    fn secret_echoed_reads_the_expansion() {
        let rule = &super::secret_echoed::RULE;
        quiet_and_loud(
            rule,
            &[
                "echo \"token: ${API_TOKEN:+[SET]}\"",
                "echo \"token: ${API_TOKEN+set}\"",
                "echo \"length: ${#API_TOKEN}\"",
                "printf '%s\\n' \"${#GITHUB_TOKEN}\"",
                ": \"${API_TOKEN:?set API_TOKEN first}\"",
            ],
            &[
                "echo \"$API_TOKEN\"",
                "echo \"${API_TOKEN:-none}\"",
                // Set, `:?` expands to the value itself.
                "echo \"${API_TOKEN:?unset}\"",
                // The alternate text is the value again.
                "echo \"${API_TOKEN:+$API_TOKEN}\"",
            ],
        );
    }

    /// Verbose output goes to standard error: where that ends up decides.
    #[test]
    fn verbose_curl_output_that_never_shows() {
        let rule = &super::verbose_with_credentials::RULE;
        let curl =
            "curl -sv -H \"Authorization: Bearer $GITHUB_TOKEN\" https://api.github.com/rate_limit";
        for quiet in [
            format!("{curl} 2>&1 | grep -i ratelimit"),
            format!("{curl} 2>&1 | grep -iE 'x-ratelimit-(limit|remaining)'"),
            format!("{curl} |& grep -i x-ratelimit"),
            format!("{curl} 2>/dev/null"),
            format!("{curl} > out.json 2>&1"),
            format!("{curl} 2> trace.log"),
            format!("x=$({curl} 2>&1)"),
            format!("{curl} 2>&1 > /tmp/out | grep -i ratelimit"),
        ] {
            assert_eq!(hits(&bash(&quiet), rule), 0, "{quiet}");
        }
        for loud in [
            curl.to_string(),
            format!("{curl} | grep -i ratelimit"),
            format!("{curl} 2>&1 | grep -i authorization"),
            format!("{curl} 2>&1 | grep -v ratelimit"),
            format!("{curl} 2>&1 | grep -B3 ratelimit"),
            format!("{curl} 2>&1 | grep '^>'"),
            format!("{curl} 2>&1 | head -20"),
            // Standard error goes where standard output went first: the pipe.
            format!("{curl} 2>&1 > /tmp/out | cat"),
        ] {
            assert_eq!(hits(&bash(&loud), rule), 1, "{loud}");
        }
    }

    /// Loops over numbers split into numbers.
    #[test]
    fn loops_over_numbers_are_safe() {
        let rule = &super::word_splitting_loop::RULE;
        quiet_and_loud(
            rule,
            &[
                "for i in $(seq 1 \"$n\"); do echo \"$i\"; done",
                "for i in $(seq \"$COUNT\"); do :; done",
                "for i in `seq 5`; do :; done",
                "for i in $(jot 5); do :; done",
                "for i in $(seq 1 10 | sort -r); do :; done",
                "for i in $(eval echo {1..$n}); do :; done",
                "for i in $(echo {1..5}); do :; done",
            ],
            &[
                "for f in $(ls); do :; done",
                "for i in $(seq -f 'node %g' 1 3); do :; done",
                "for i in $(seq 1 3; cat extra); do :; done",
                "for n in $NODES; do :; done",
            ],
        );
    }

    /// Loops over identifiers: Kubernetes names, ids a jq filter picks.
    #[test]
    fn loops_over_identifiers_are_safe() {
        let rule = &super::word_splitting_loop::RULE;
        quiet_and_loud(
            rule,
            &[
                "for n in $(kubectl --context x get nodes -o name); do :; done",
                "for n in $(kubectl --context x get nodes -o jsonpath='{.items[*].metadata.name}'); do :; done",
                "for n in $(kubectl --context x get pods -o=name | grep web); do :; done",
                "for id in $(jq -r '.[].id' vms.json); do :; done",
                "for h in $(yq '.nodes[].host' cluster.yaml); do :; done",
            ],
            &[
                "for n in $(kubectl --context x get nodes); do :; done",
                "for d in $(jq -r '.[].description' vms.json); do :; done",
                "for id in $(jq '.[].id' vms.json); do :; done",
                "for f in $(find . -name '*.md'); do :; done",
            ],
        );
    }

    /// Code shown as what not to do is not reported as if it were meant.
    #[test]
    fn code_shown_as_wrong_is_not_a_finding() {
        let rule = &super::word_splitting_loop::RULE;
        quiet_and_loud(
            rule,
            &[
                "# Bad: splits on spaces\nfor f in $(ls); do :; done",
                "for f in $(ls); do :; done  # wrong",
                "# shellcheck disable=SC2045\nfor f in $(ls); do :; done",
                "# ❌\nfor f in $(ls); do :; done",
            ],
            &[
                "# List the files\nfor f in $(ls); do :; done",
                "# shellcheck disable=SC2034\nfor f in $(ls); do :; done",
            ],
        );
    }

    /// `-wrap-ttl` wraps the secret: what is printed is a wrapping token.
    #[test]
    fn vault_wrapping_prints_no_secret() {
        let rule = &super::secret_printed::RULE;
        quiet_and_loud(
            rule,
            &[
                "vault kv get -wrap-ttl=5m secret/app",
                "vault read -wrap-ttl=60s secret/app",
                "vault kv get -wrap-ttl 5m secret/app",
                "vault kv get -output-curl-string secret/app",
            ],
            &[
                "vault kv get -field=password secret/app",
                "vault read secret/app",
            ],
        );
    }

    /// Claude Code substitutes `$N` and `$name` in skill and command
    /// bodies, code included: where they mean something else there, that
    /// breaks.
    #[test]
    fn arguments_substituted_in_code() {
        let rule = &super::argument_substituted_in_code::RULE;
        for (code, n) in [
            ("git branch -v | awk '{print $1}'", 1),
            ("awk -F: '{print $1, $3}' /etc/passwd", 2),
            ("ip -4 addr | awk '/inet/ {print $2}' | cut -d/ -f1", 1),
            ("free -g | awk 'NR==2 {print $0}'", 1),
            ("perl -pe 's/(v)(\\d+)/$2/' file", 1),
            ("awk \"{print \\$1}\" file", 1),
            ("f() { local dir=\"$1\"; ls \"$dir\"; }", 1),
            ("function g {\n  echo \"$2\"\n}", 1),
            ("bash -c 'echo \"$1\"' _ x", 1),
            ("find . -name '*.md' -exec sh -c 'wc -l \"$1\"' _ {} \\;", 1),
            (
                "#!/bin/bash\nNS=$1\nkubectl --context \"$CTX\" -n \"$NS\" get pods",
                1,
            ),
        ] {
            assert_eq!(hits(&bash(code), rule), n, "{code}");
        }
        for quiet in [
            // How arguments are meant to be passed.
            "gh pr view $1",
            "git commit -m \"$ARGUMENTS\"",
            "./scripts/run.sh $ARGUMENTS",
            // Forms the substitution leaves alone.
            "awk '{print $(1)}'",
            "awk '{print $NF}'",
            "f() { echo \"${1}\"; }",
            "awk '{print $1x}'",
            // Shell `$#`, `$@`, `$?` are not substituted.
            "f() { echo \"$# $@ $?\"; }",
        ] {
            assert_eq!(hits(&bash(quiet), rule), 0, "{quiet}");
        }
        // Injections run too.
        assert_eq!(
            hits(
                &skill_with("Branches: !`git branch | awk '{print $1}'`\n"),
                rule
            ),
            1
        );
        assert_eq!(
            hits(&skill_with("Run `awk '{print $1}'` by hand.\n"), rule),
            0
        );
        // A named argument the code uses as its own variable.
        let named = |args: &str, code: &str| {
            format!(
                "==> plugins/demo/skills/deploy/SKILL.md <==\n---\nname: deploy\ndescription: Deploys the demo app. Use when shipping a release.\narguments: {args}\n---\n```bash\n{code}\n```\n"
            )
        };
        assert_eq!(
            hits(
                &named("file", "for file in *.md; do wc -l \"$file\"; done"),
                rule
            ),
            1
        );
        assert_eq!(hits(&named("file", "wc -l \"$file\""), rule), 0);
        assert_eq!(
            hits(
                &named("file", "for file in *.md; do wc -l \"${file}\"; done"),
                rule
            ),
            0
        );
        // Commands are substituted; references and scripts are not.
        let elsewhere = "==> plugins/demo/commands/branches.md <==\n---\ndescription: Lists branches.\n---\n```bash\ngit branch | awk '{print $1}'\n```\n==> plugins/demo/skills/deploy/SKILL.md <==\n---\nname: deploy\ndescription: Deploys the demo app. Use when shipping a release.\n---\nSee references/notes.md.\n==> plugins/demo/skills/deploy/references/notes.md <==\n```bash\ngit branch | awk '{print $1}'\n```\n==> plugins/demo/skills/deploy/scripts/b.sh <==\n#!/bin/bash\ngit branch | awk '{print $1}'\n";
        let (_d, _l, diags) = check_listing(elsewhere);
        let found: Vec<&str> = of_rule(&diags, rule)
            .iter()
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("the command is invoked"), "{found:?}");
    }

    #[test]
    fn syntax_errors_are_one_per_block() {
        let listing = bash("if true; then\n  echo (\n  echo )\n");
        assert_eq!(hits(&listing, &super::shell_syntax_error::RULE), 1);
        assert_eq!(
            hits(
                &bash("kubectl --context <CTX> get <kind> <name> -o yaml"),
                &super::shell_syntax_error::RULE
            ),
            0
        );
        assert_eq!(
            hits(
                &skill_with("```zsh\nsetopt extendedglob; print -l **/*(.)\n```\n"),
                &super::shell_syntax_error::RULE
            ),
            0
        );
    }

    /// Commit messages in a `bash` fence and blocks shown as what not to
    /// write are no shell to check; a real script and a block that only
    /// mentions a commit header are.
    #[test]
    fn commit_messages_and_bad_examples_are_not_syntax_errors() {
        let rule = &super::shell_syntax_error::RULE;
        let commits = "# Feature\nfeat(auth): add login\n\n# Breaking\nfix(api)!: drop the v1 route\n\nThe old route returned `id`; it now returns `userId`.\nCloses #12\nReviewed-by: someone\n";
        assert_eq!(hits(&bash(commits), rule), 0);
        let broken = "if true; then\n  echo yes\n";
        assert_eq!(hits(&bash(&format!("# Bad: no fi\n{broken}")), rule), 0);
        assert_eq!(
            hits(&bash(&format!("# SC1046: if without fi\n{broken}")), rule),
            0
        );
        assert_eq!(
            hits(
                &skill_with(&format!("**❌ Wrong:**\n\n```bash\n{broken}```\n")),
                rule
            ),
            0
        );
        // Real shell: reported.
        assert_eq!(hits(&bash(broken), rule), 1);
        assert_eq!(
            hits(&bash(&format!("# Install the tools\n{broken}")), rule),
            1
        );
        assert_eq!(
            hits(
                &bash("feat(auth): add login\ngit log --oneline | head -n \"$N\"\n"),
                rule
            ),
            1
        );
        assert_eq!(
            hits(
                &skill_with(&format!("Install it:\n\n```bash\n{broken}```\n")),
                rule
            ),
            1
        );
        // A script runs as written whatever its comments say.
        let script = format!(
            "{}==> plugins/demo/skills/deploy/scripts/a.sh <==\n#!/bin/bash\n# Bad: no fi\n{broken}",
            skill_with("Run `scripts/a.sh`.\n")
        );
        assert_eq!(hits(&script, rule), 1);
    }

    /// A script is checked in the dialect its `#!` line names: zsh syntax
    /// and bash 4 features are no finding in a zsh script.
    #[test]
    fn scripts_are_checked_in_their_shebang_dialect() {
        let script = |shebang: &str| {
            format!(
                "{}==> plugins/demo/skills/deploy/scripts/list.sh <==\n{shebang}\nfor f (*.txt) print -- $f\ntypeset -A seen\n",
                skill_with("Run `scripts/list.sh`.\n")
            )
        };
        let syntax = &super::shell_syntax_error::RULE;
        let port = &super::bash_version_construct::RULE;
        assert_eq!(hits(&script("#!/bin/bash"), syntax), 1);
        assert_eq!(hits(&script("#!/usr/bin/env zsh"), syntax), 0);
        assert_eq!(hits(&script("#!/usr/bin/env zsh"), port), 0);
        // In markdown too, a `#!` line names the block's shell.
        assert_eq!(hits(&bash("#!/bin/zsh\ntypeset -A seen"), port), 0);
        assert_eq!(hits(&bash("#!/bin/bash\ntypeset -A seen"), port), 1);
        assert_eq!(
            hits(
                &format!(
                    "{}==> plugins/demo/skills/deploy/scripts/a.sh <==\n#!/bin/bash\ntypeset -A seen\n",
                    skill_with("Run `scripts/a.sh`.\n")
                ),
                port
            ),
            1
        );
    }

    #[test]
    fn suppression_in_shell_and_markdown() {
        let m = &super::missing_context_flag::RULE;
        assert_eq!(
            hits(&bash("kubectl get pods # skillc: disable=SH001"), m),
            0
        );
        assert_eq!(
            hits(
                &bash("# skillc: disable=missing-context-flag\nkubectl get pods\nkubectl get ns"),
                m
            ),
            1
        );
        let before_block = skill_with(
            "<!-- skillc-disable-next-line SH001 -->\n```bash\nkubectl get pods\nkubectl get ns\n```\n\n```bash\nkubectl get pods\n```\n",
        );
        assert_eq!(hits(&before_block, m), 1);
    }
}
