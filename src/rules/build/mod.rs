//! Typed sources and the files generated from them: compile errors, and
//! generated files that drifted from what their source renders.

use crate::compile::{self, Problem};
use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::source::Span;

declare_rule! {
    /// A phase script uses a variable that is neither an input nor set by the script.
    ///
    /// ## What it does
    /// Collects every `$NAME`/`${NAME}` in upper case that a phase script
    /// expands and reports those that are not declared under `inputs`, not
    /// assigned in the script and not standard environment (`HOME`, `PATH`, …).
    ///
    /// ## Why it matters
    /// The script runs with `set -u`: an undeclared variable stops it with
    /// "unbound variable" halfway through a phase.
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
    pub static UNDECLARED_INPUT = { id: "BLD001", name: "undeclared-input", family: Build, severity: Error }
}

declare_rule! {
    /// A mutating phase runs a cluster tool without naming the cluster.
    ///
    /// ## What it does
    /// Applies the context policy (`missing-context-flag`) to the scripts of
    /// `mode: mutating` phases at compile time.
    ///
    /// ## Why it matters
    /// A mutating phase without `--context` changes whatever cluster is current.
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
    ///       kubectl apply -f app.yaml
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
    pub static MUTATING_CONTEXT = { id: "BLD002", name: "mutating-phase-context", family: Build, severity: Error }
}

declare_rule! {
    /// A phase script is not valid bash 3.2.
    ///
    /// ## What it does
    /// Parses every phase script and reports syntax errors and constructs
    /// newer than the configured bash (3.2 by default: macOS).
    ///
    /// ## Why it matters
    /// Rendered scripts run as written on the operator's machine.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/skill.yaml <==
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// title: Deploy
    /// phases:
    ///   - id: map
    ///     title: Map nodes
    ///     mode: local
    ///     script: |
    ///       declare -A roles
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/skill.yaml <==
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// title: Deploy
    /// phases:
    ///   - id: map
    ///     title: Map nodes
    ///     mode: local
    ///     script: |
    ///       roles=(control-plane worker)
    /// ```
    pub static SCRIPT_INVALID = { id: "BLD003", name: "phase-script-invalid", family: Build, severity: Error }
}

declare_rule! {
    /// A typed cross-reference in prose does not resolve.
    ///
    /// ## What it does
    /// Resolves `{phase:ID}`, `{gate:ID}`, `{skill:plugin:name}`,
    /// `{ref:path#anchor}` and `{input:NAME}` in prose, and checks that every
    /// listed reference file exists.
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
    ///   - id: check
    ///     title: Check
    ///     prose: If it fails, go back to {phase:prepare}.
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
    ///     prose: If it fails, go back to {phase:prepare}.
    /// ```
    pub static DANGLING = { id: "BLD004", name: "dangling-cross-reference", family: Build, severity: Error }
}

declare_rule! {
    /// A skill source breaks the naming rules.
    ///
    /// ## What it does
    /// Reports duplicate phase ids, ids and names with characters other than
    /// `[a-z0-9-]` (no `/`, no `..`), a `name` that differs from the
    /// directory, and `enum` inputs without `values` or with a default outside them.
    ///
    /// ## Why it matters
    /// Ids become file names and anchors; a `/` or `..` would write outside
    /// the skill, and duplicates make references ambiguous.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/skill.yaml <==
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// title: Deploy
    /// phases:
    ///   - id: check
    ///     title: Check
    ///   - id: check
    ///     title: Check again
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/skill.yaml <==
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// title: Deploy
    /// phases:
    ///   - id: check
    ///     title: Check
    ///   - id: recheck
    ///     title: Check again
    /// ```
    pub static NAMING = { id: "BLD005", name: "source-naming", family: Build, severity: Error }
}

declare_rule! {
    /// A skill or plugin source does not match its schema.
    ///
    /// ## What it does
    /// Reads `skill.yaml` and `plugin.yaml` strictly: unknown fields, wrong
    /// types, missing required fields and invalid YAML are errors at the
    /// offending line. Editors validate as you type with the schemas in
    /// `schemas/` (`skillc new` writes the modeline).
    ///
    /// ## Why it matters
    /// A typo in a source field would otherwise silently drop what it meant to say.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/skill.yaml <==
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// titel: Deploy
    /// phases: []
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/skill.yaml <==
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// title: Deploy
    /// phases:
    ///   - id: check
    ///     title: Check
    /// ```
    pub static SOURCE_INVALID = { id: "BLD006", name: "source-invalid", family: Build, severity: Error }
}

declare_rule! {
    /// A generated file differs from what its source renders.
    ///
    /// ## What it does
    /// Renders every source and compares SKILL.md, the phase scripts,
    /// plugin.json and the marketplace's plugin entries with the files on
    /// disk. Stale `scripts/phase-*.sh` files that no phase renders count too.
    ///
    /// ## Why it matters
    /// Someone edited the generated file, or changed the source without
    /// rebuilding: the two disagree and the next build silently reverts one.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/skill.yaml <==
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// title: Deploy
    /// phases:
    ///   - id: check
    ///     title: Check
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// # Deploy (edited by hand)
    /// ```
    ///
    /// ## Use instead
    /// Run `skillc build` after changing a source, and edit only sources.
    pub static DRIFT = { id: "BLD007", name: "generated-file-drift", family: Build, severity: Error }
}

pub static RULES: &[&crate::rules::RuleMeta] = &[
    &UNDECLARED_INPUT,
    &MUTATING_CONTEXT,
    &SCRIPT_INVALID,
    &DANGLING,
    &NAMING,
    &SOURCE_INVALID,
    &DRIFT,
];

/// A compile finding as the diagnostic of its rule (`skillc build` shows
/// compile errors this way too).
pub fn diagnostic(f: compile::Finding) -> Diagnostic {
    let rule = match f.problem {
        Problem::UndeclaredInput => &UNDECLARED_INPUT,
        Problem::MutatingContext => &MUTATING_CONTEXT,
        Problem::ScriptInvalid => &SCRIPT_INVALID,
        Problem::Dangling => &DANGLING,
        Problem::Naming => &NAMING,
        Problem::SourceInvalid => &SOURCE_INVALID,
    };
    let d = Diagnostic::new(rule, f.file, f.span, f.message);
    match f.help {
        Some(h) => d.help(h),
        None => d,
    }
}

/// `BLD*` diagnostics for `skillc check`: compile errors, drift and stale files.
pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    if cx.project.skill_sources.is_empty() && cx.project.plugin_sources.is_empty() {
        return;
    }
    let options = compile::Options {
        shell: cx.shell,
        focus: cx.focus,
    };
    let compiled = compile::compile(cx.project, cx.db, &options);
    out.extend(compiled.findings.into_iter().map(diagnostic));
    for r in &compiled.files {
        let current = cx.db.find(&r.path).map(|id| cx.db.text(id));
        if current == Some(r.text.as_str()) {
            continue;
        }
        let what = if current.is_none() {
            "is missing"
        } else {
            "differs from what its source renders"
        };
        out.push(
            Diagnostic::new(
                &DRIFT,
                r.source,
                Span::empty(0),
                format!("`{}` {what}", r.path),
            )
            .help(
                "run `skillc build` and commit the result; edit the source, not the generated file",
            ),
        );
    }
    for (path, source) in &compiled.stale {
        out.push(
            Diagnostic::new(
                &DRIFT,
                *source,
                Span::empty(0),
                format!("`{path}` is a phase script no phase renders any more"),
            )
            .help("run `skillc build` to remove it"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::testing::{check_files, of_rule, render};

    fn files(list: &[(&str, &str)]) -> Vec<(String, String)> {
        let mut v: Vec<(String, String)> = list
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        crate::engine::testing::scaffold(&mut v);
        v
    }

    const SOURCE: &str = "name: deploy\ndescription: Deploys the demo app. Use when shipping a release.\ntitle: Deploy\nphases:\n  - id: check\n    title: Check\n";

    #[test]
    fn drift_is_reported_with_the_file() {
        let tree = files(&[
            ("plugins/demo/skills/deploy/skill.yaml", SOURCE),
            (
                "plugins/demo/skills/deploy/SKILL.md",
                "---\nname: deploy\ndescription: Deploys the demo app. Use when shipping a release.\n---\n# Deploy (edited by hand)\n",
            ),
            (
                "plugins/demo/skills/deploy/scripts/phase-9-gone.sh",
                "#!/usr/bin/env bash\n",
            ),
        ]);
        let (_d, loaded, diags) = check_files(&tree);
        let hits: Vec<_> = of_rule(&diags, &super::DRIFT)
            .into_iter()
            .cloned()
            .collect();
        assert_eq!(
            hits.len(),
            2,
            "{:?}",
            hits.iter().map(|d| &d.message).collect::<Vec<_>>()
        );
        insta::assert_snapshot!("BLD007", render(&loaded, &hits));
    }

    #[test]
    fn unknown_fields_get_a_suggestion() {
        let tree = files(&[(
            "plugins/demo/skills/deploy/skill.yaml",
            "name: deploy\ndescription: D. Use when x.\ntitel: Deploy\nphases: []\n",
        )]);
        let (_d, _l, diags) = check_files(&tree);
        let hits = of_rule(&diags, &super::SOURCE_INVALID);
        assert_eq!(hits[0].help.as_deref(), Some("did you mean `title`?"));
    }
}
