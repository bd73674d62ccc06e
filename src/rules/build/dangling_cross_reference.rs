//! The `dangling-cross-reference` rule (BLD004).

use crate::declare_rule;
use crate::compile::Problem;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A typed cross-reference in prose does not resolve.
    ///
    /// ## What it does
    /// Resolves `{phase:ID}`, `{gate:ID}`, `{skill:plugin:name}`,
    /// `{ref:path#anchor}` and `{input:NAME}` in prose, the intro, guardrails
    /// and reference summaries, and checks that every listed reference file
    /// exists. A reference that does not resolve is reported at the
    /// reference itself: its place in skill.yaml (a folded or escaped scalar:
    /// the whole value) or in the `prose-file`. The message says why (no such
    /// phase, a phase without `gate: stop`, no such plugin or skill, file or
    /// anchor), and the help names the nearest reference that resolves: a
    /// phase id for `{phase:…}`, a gated phase for `{gate:…}`, an input, a
    /// skill of the tree as `plugin:name`, a file under `references/` or a
    /// heading anchor of the file for `{ref:…}`. `--fix` writes that
    /// reference in place of the typo when it is the only one within two
    /// edits.
    ///
    /// ## Why it matters
    /// Typed references exist so that renaming a phase or a skill cannot leave
    /// prose pointing at nothing.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/skill.yaml <==
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// title: Deploy
    /// phases:
    ///   - id: prepare
    ///     title: Prepare
    ///   - id: check
    ///     title: Check
    ///     prose: |
    ///       Look at the logs.
    ///       If it fails, go back to {phase:prepre}.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/skill.yaml <==
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// title: Deploy
    /// phases:
    ///   - id: prepare
    ///     title: Prepare
    ///   - id: check
    ///     title: Check
    ///     prose: |
    ///       Look at the logs.
    ///       If it fails, go back to {phase:prepare}.
    /// ```
    pub static RULE = { id: "BLD004", name: "dangling-cross-reference", family: Build, severity: Error, fix: true, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    super::report(cx, Problem::Dangling, out);
}
