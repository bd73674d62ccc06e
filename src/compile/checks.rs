//! The checks of the shell a phase script runs: inputs it reads but nobody
//! declares or sets (BLD001), cluster tools without their context in a
//! mutating phase (BLD002), and shell that is not valid for the target bash
//! (BLD003).

use super::render::Numbered;
use super::{Finding, Options, Problem};
use crate::model::typed_source::{Mode, SkillSource};
use crate::parse::shell::ShellBlock;
use crate::source::FileId;
use std::collections::BTreeSet;

/// Variables a script may read without declaring them: what a login shell's
/// environment holds when Claude Code's Bash tool runs it, what bash sets, and
/// the skill directory the rendered script computes ([`script::SKILL_DIR`]).
/// Claude Code's own placeholders are not among them: it substitutes them
/// in SKILL.md's text and exports none of them to the commands it runs.
const STANDARD_ENV: &[&str] = &[
    super::script::SKILL_DIR,
    "HOME",
    "PATH",
    "USER",
    "PWD",
    "OLDPWD",
    "SHELL",
    "TMPDIR",
    "LANG",
    "LC_ALL",
    "TERM",
    "HOSTNAME",
    "UID",
    "EUID",
    "OSTYPE",
    "BASH_SOURCE",
    "BASH_VERSION",
    "BASH_REMATCH",
    "LINENO",
    "RANDOM",
    "SECONDS",
    "IFS",
    "PIPESTATUS",
    "FUNCNAME",
    "KUBECONFIG",
    "XDG_CONFIG_HOME",
    "XDG_DATA_HOME",
    "XDG_CACHE_HOME",
    "EDITOR",
    "PAGER",
    "CI",
    "DEBUG",
    "OPTARG",
    "OPTIND",
];

/// Checks of a phase's script (`also_assigned`: what the prelude it
/// includes sets).
pub(super) fn script(
    options: &Options<'_>,
    src: &SkillSource,
    n: &Numbered<'_>,
    block: &ShellBlock,
    file: FileId,
    also_assigned: &[&str],
    findings: &mut Vec<Finding>,
) {
    undeclared_inputs(
        src,
        block,
        also_assigned,
        file,
        &format!("phase {} does not set it", n.number),
        "the script",
        findings,
    );
    if n.phase.mode == Mode::Mutating {
        let who = format!("mutating phase {}", n.number);
        mutating(options, block, file, &who, findings);
    }
    validity(
        options,
        block,
        file,
        &format!("phase {}", n.number),
        findings,
    );
}

/// Checks of the prelude, once: what a phase script checks. The phases that
/// include it may set what it reads (`assigned_by_users`); the first mutating
/// one, if any, holds it to the context rule.
pub(super) fn prelude(
    options: &Options<'_>,
    src: &SkillSource,
    block: &ShellBlock,
    mutating_user: Option<&Numbered<'_>>,
    assigned_by_users: &[String],
    file: FileId,
    findings: &mut Vec<Finding>,
) {
    let also: Vec<&str> = assigned_by_users.iter().map(String::as_str).collect();
    undeclared_inputs(
        src,
        block,
        &also,
        file,
        "neither the prelude nor a phase that uses it sets it",
        "the prelude",
        findings,
    );
    if let Some(n) = mutating_user {
        let who = format!("the prelude, which mutating phase {} uses,", n.number);
        mutating(options, block, file, &who, findings);
    }
    validity(options, block, file, "prelude", findings);
}

/// BLD002: kubectl, helm and friends without their context flag, in shell
/// that a mutating phase runs (`who`: "mutating phase 3", "the prelude, which
/// mutating phase 3 uses").
fn mutating(
    options: &Options<'_>,
    block: &ShellBlock,
    file: FileId,
    who: &str,
    findings: &mut Vec<Finding>,
) {
    for cmd in block.commands() {
        if let Some((tool, what)) = options.shell.unscoped(&cmd) {
            findings.push(
                Finding::new(
                    Problem::MutatingContext,
                    file,
                    cmd.name_span(),
                    format!("{who} runs `{what}` without naming the cluster"),
                )
                .help(format!(
                    "add `{} \"$CTX\"` and declare CTX as a kube-context input",
                    tool.flags[0]
                )),
            );
        }
    }
}

/// BLD001: variables `block` reads that look like inputs but are neither
/// declared, set in it or in `also_assigned`, nor standard environment.
fn undeclared_inputs(
    src: &SkillSource,
    block: &ShellBlock,
    also_assigned: &[&str],
    file: FileId,
    unset: &str,
    where_to_assign: &str,
    findings: &mut Vec<Finding>,
) {
    let assigned: BTreeSet<&str> = block
        .assigned()
        .chain(also_assigned.iter().copied())
        .collect();
    let mut reported = BTreeSet::new();
    for (v, span) in block.used() {
        let input_like = crate::regex!(r"^[A-Z][A-Z0-9_]*$").is_match(v);
        if input_like
            && !src.inputs.contains_key(v)
            && !assigned.contains(v)
            && !STANDARD_ENV.contains(&v)
            && reported.insert(v)
        {
            if let Some(help) = claude_variable(v) {
                findings.push(
                    Finding::new(
                        Problem::UndeclaredInput,
                        file,
                        span,
                        format!("`${v}` is not set when the script runs: Claude Code substitutes it in SKILL.md's text and exports it to no command"),
                    )
                    .help(help),
                );
                continue;
            }
            findings.push(
                Finding::new(Problem::UndeclaredInput, file, span, format!("`${v}` is not an input of this skill, and {unset}"))
                    .help(format!("declare it under `inputs:` (for example `{v}: {{type: string, doc: …}}`), or assign it in {where_to_assign}")),
            );
        }
    }
}

/// What to use instead of a Claude Code placeholder a script reads.
fn claude_variable(v: &str) -> Option<String> {
    let dir = super::script::SKILL_DIR;
    Some(match v {
        "CLAUDE_SKILL_DIR" => format!(
            "use `${dir}`: a script that reads it gets its skill directory, computed from the script's own path"
        ),
        "CLAUDE_PLUGIN_ROOT" => format!(
            "use `${dir}/../..` (the plugin's directory): a script that reads `${dir}` gets its skill directory, computed from its own path"
        ),
        "CLAUDE_PLUGIN_DATA" | "CLAUDE_PROJECT_DIR" | "CLAUDE_SESSION_ID" | "CLAUDE_EFFORT" => {
            "declare an input for the value; Claude puts it on the Run command".to_string()
        }
        _ => return None,
    })
}

/// BLD003: syntax errors, and constructs newer than the target bash, in the
/// shell of `label` (`phase 2`, `prelude`).
fn validity(
    options: &Options<'_>,
    block: &ShellBlock,
    file: FileId,
    label: &str,
    findings: &mut Vec<Finding>,
) {
    if let Some((span, msg)) = block.syntax_error() {
        findings.push(
            Finding::new(
                Problem::ScriptInvalid,
                file,
                span,
                format!("{label}: {msg}"),
            )
            .help("fix the shell syntax"),
        );
    }
    let target = options.shell.bash_target;
    for (c, span) in block.constructs() {
        if c.since() > target {
            findings.push(
                Finding::new(
                    Problem::ScriptInvalid,
                    file,
                    span,
                    format!(
                        "{label}: {} need bash {}.{}",
                        c.describe(),
                        c.since().0,
                        c.since().1
                    ),
                )
                .help(format!(
                    "{}; rendered scripts must run on bash {}.{}",
                    c.instead(),
                    target.0,
                    target.1
                )),
            );
        }
    }
}
