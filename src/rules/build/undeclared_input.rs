//! The `undeclared-input` rule (BLD001).

use crate::declare_rule;
use crate::compile::Problem;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A phase script uses a variable that is neither an input nor set by the script.
    ///
    /// ## What it does
    /// Collects every `$NAME`/`${NAME}` in upper case that a phase script
    /// expands and reports those that are not declared under `inputs`, not
    /// assigned in the script and not standard environment (`HOME`, `PATH`, …,
    /// and `SKILL_DIR`, which the rendered script computes from its own path).
    /// Claude Code's placeholders (`CLAUDE_SKILL_DIR`, `CLAUDE_PLUGIN_ROOT`,
    /// `CLAUDE_PLUGIN_DATA`, `CLAUDE_PROJECT_DIR`, `CLAUDE_SESSION_ID`) are
    /// reported too: Claude Code replaces them in SKILL.md's text and exports
    /// none of them to the commands it runs.
    ///
    /// ## Why it matters
    /// The script runs with `set -u`: an undeclared variable stops it with
    /// "unbound variable" halfway through a phase. Inputs reach a script only
    /// as its `NAME=value` arguments.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/skill.yaml <==
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// title: Deploy
    /// phases:
    ///   - id: apply
    ///     title: Apply
    ///     mode: mutating
    ///     script: |
    ///       kubectl --context "$CTX" apply -f app.yaml
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/skill.yaml <==
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// title: Deploy
    /// inputs:
    ///   CTX: {type: kube-context, doc: The cluster's context., required: true}
    /// phases:
    ///   - id: apply
    ///     title: Apply
    ///     mode: mutating
    ///     script: |
    ///       kubectl --context "$CTX" apply -f app.yaml
    /// ```
    pub static RULE = { id: "BLD001", name: "undeclared-input", family: Build, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    super::report(cx, Problem::UndeclaredInput, out);
}
