//! The `generated-file-drift` rule (BLD007).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::source::Span;

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
    pub static RULE = { id: "BLD007", name: "generated-file-drift", family: Build, severity: Error, fix: true, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(compiled) = super::compiled(cx) else {
        return;
    };
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
                &RULE,
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
                &RULE,
                *source,
                Span::empty(0),
                format!("`{path}` is a phase script no phase renders any more"),
            )
            .help("run `skillc build` to remove it"),
        );
    }
}
