//! The `word-splitting-loop` rule (SH004).

use crate::declare_rule;
use super::sites;
use crate::parse::shell::{Command, ShellBlock};
use crate::rules::Context;
use crate::source::Span;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A `for` loop splits a command's output or a variable on whitespace.
    ///
    /// ## What it does
    /// Reports `for x in $(…)` and `for x in $VAR` (unquoted). Substitutions
    /// that print only numbers are not reported: `$(seq 1 "$n")`,
    /// `$(jot 5)`, `$(eval echo {1..$n})`, also sorted, shuffled or cut
    /// (`| sort -r`, `| head -3`); nor are substitutions that print
    /// identifiers: Kubernetes object names (`kubectl get nodes -o name`,
    /// `-o jsonpath=…`) and the ids, names or addresses a `jq -r`/`yq`
    /// filter picks (`jq -r '.[].id'`), also filtered (`| grep`, `| uniq`).
    /// Nor is a loop over a list input of a compiled skill (`for ip in
    /// $NODE_IPS` with `NODE_IPS` of type `ip-list`): the phase script has
    /// checked every item and joined them with single spaces. Nor is a loop
    /// shown as what not to do: a `# Bad`/`# Wrong`/`# ❌`
    /// comment on it or just above it, a `# shellcheck disable=SC2086` (or
    /// SC2045, SC2013, SC2044, SC2207), or a file of anti-patterns.
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
        let lists = list_inputs(cx, site.file);
        for (span, what) in site.block.split_loops() {
            let var = what.trim().trim_start_matches('$');
            let var = var.strip_prefix('{').and_then(|v| v.strip_suffix('}')).unwrap_or(var);
            if lists.contains(&var)
                || counts(site.block, span)
                || super::shown_as_wrong(cx, site.file, span, &["SC2086", "SC2045", "SC2013", "SC2044", "SC2207"])
            {
                continue;
            }
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

/// The list inputs (`ip-list`) of the skill whose generated phase script
/// `file` is: the script checks each item and joins them with single spaces,
/// so `for ip in $NODE_IPS` is the loop the input contract expects.
fn list_inputs<'a>(cx: &'a Context<'_>, file: crate::source::FileId) -> Vec<&'a str> {
    let path = cx.db.path(file);
    cx.project
        .skill_sources
        .iter()
        .filter(|s| {
            path.strip_prefix(s.dir.as_str())
                .is_some_and(|rest| rest.starts_with("/scripts/phase-"))
        })
        .filter_map(|s| s.value.as_ref()?.as_ref().ok())
        .flat_map(|src| src.inputs.iter())
        .filter(|(_, i)| i.kind == crate::model::typed_source::InputType::IpList)
        .map(|(k, _)| k.as_str())
        .collect()
}

/// Whether the loop list at `span` is a substitution that prints numbers
/// (`$(seq 1 "$n")`, `$(jot 5)`, `$(eval echo {1..$n})`, maybe sorted or
/// cut) or identifiers (`$(kubectl get nodes -o name)`, `$(jq -r '.[].id')`):
/// nothing in it splits wrongly or globs.
fn counts(block: &ShellBlock, span: Span) -> bool {
    let inner: Vec<Command<'_>> = block
        .commands()
        .filter(|c| c.captured() && span.start <= c.span().start && c.span().end <= span.end)
        .collect();
    let Some((first, rest)) = inner.split_first() else {
        return false;
    };
    (numbers(first)
        && rest
            .iter()
            .all(|c| matches!(c.name(), "sort" | "shuf" | "head" | "tail" | "tac")))
        || (identifiers(first)
            && rest.iter().all(|c| {
                matches!(
                    c.name(),
                    "sort" | "shuf" | "head" | "tail" | "tac" | "uniq" | "grep" | "cut" | "tr"
                )
            }))
}

/// A command that prints identifiers, which hold no whitespace or glob:
/// Kubernetes object names (`kubectl get … -o name`, `-o jsonpath=…`), and
/// the ids, names or addresses a `jq -r`/`yq` filter picks.
fn identifiers(c: &Command<'_>) -> bool {
    let args: Vec<&str> = c
        .args()
        .iter()
        .map(|a| a.raw().trim_matches(['"', '\'']))
        .collect();
    let output = |v: &str| v == "name" || v.starts_with("jsonpath") || v.starts_with("go-template");
    match c.name() {
        "kubectl" | "oc" => args.iter().enumerate().any(|(i, a)| {
            (matches!(*a, "-o" | "--output") && args.get(i + 1).is_some_and(|v| output(v)))
                || a.strip_prefix("-o=").or_else(|| a.strip_prefix("--output=")).is_some_and(output)
                || a.strip_prefix("-o").is_some_and(|v| !v.is_empty() && output(v))
        }),
        "jq" | "yq" | "gojq" => {
            let ids = crate::regex!(r"(?i)\.(\w*id|\w*name|ip|ips|host|hosts|address\w*|uid|key|node\w*)\b");
            (c.name() != "jq" || args.iter().any(|a| *a == "-r" || a.starts_with("--raw")))
                && args.iter().any(|a| !a.starts_with('-') && ids.is_match(a))
        }
        _ => false,
    }
}

/// A command that prints whole numbers: `seq`/`jot` without a format, or
/// `echo` (maybe under `eval`) of brace ranges (`{1..5}`, `{1..$n}`).
fn numbers(c: &Command<'_>) -> bool {
    let args: Vec<&str> = c.args().iter().map(|a| a.raw()).collect();
    let range = crate::regex!(r"^\{[0-9$A-Za-z_{}\x22]*\.\.[0-9$A-Za-z_{}\x22]*\}$");
    match c.name() {
        // A format (`seq -f`, `jot -w`/`-b`) may print words of any kind.
        "seq" | "gseq" => !args
            .iter()
            .any(|a| a.starts_with("-f") || a.starts_with("--format")),
        "jot" => !args
            .iter()
            .any(|a| a.starts_with("-w") || a.starts_with("-b")),
        "echo" => !args.is_empty() && args.iter().all(|a| range.is_match(a)),
        "eval" => {
            args.first() == Some(&"echo") && args.len() > 1 && args[1..].iter().all(|a| range.is_match(a))
        }
        _ => false,
    }
}
