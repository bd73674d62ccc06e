//! Typed sources and the files generated from them: compile errors, and
//! generated files that drifted from what their source renders. Every rule
//! here reads one compile of the tree ([`compiled`]), shared by all.

use crate::compile::{self, Problem};
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

crate::declare_family! {
    undeclared_input,
    mutating_phase_context,
    phase_script_invalid,
    dangling_cross_reference,
    source_naming,
    source_invalid,
    generated_file_drift,
    mutating_phase_ungated,
}

/// The compile of every typed source in the tree (none without sources),
/// shared by the build rules.
pub(crate) fn compiled<'a>(cx: &'a Context<'_>) -> Option<&'a compile::Output> {
    if cx.project.skill_sources.is_empty() && cx.project.plugin_sources.is_empty() {
        return None;
    }
    Some(cx.shared.compiled.get_or_init(|| {
        let options = compile::Options {
            shell: cx.shell,
            focus: cx.focus,
        };
        compile::compile(cx.project, cx.db, &options)
    }))
}

/// Report the compile findings of one kind.
fn report(cx: &Context<'_>, problem: Problem, out: &mut Vec<Diagnostic>) {
    let Some(compiled) = compiled(cx) else {
        return;
    };
    out.extend(
        compiled
            .findings
            .iter()
            .filter(|f| f.problem == problem)
            .cloned()
            .map(diagnostic),
    );
}

/// A compile finding as the diagnostic of its rule (`skillc build` shows
/// compile errors this way too).
pub fn diagnostic(f: compile::Finding) -> Diagnostic {
    let rule = match f.problem {
        Problem::UndeclaredInput => &undeclared_input::RULE,
        Problem::MutatingContext => &mutating_phase_context::RULE,
        Problem::ScriptInvalid => &phase_script_invalid::RULE,
        Problem::Dangling => &dangling_cross_reference::RULE,
        Problem::Naming => &source_naming::RULE,
        Problem::SourceInvalid => &source_invalid::RULE,
        Problem::Ungated => &mutating_phase_ungated::RULE,
    };
    let d = Diagnostic::new(rule, f.file, f.span, f.message);
    match f.help {
        Some(h) => d.help(h),
        None => d,
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
        let hits: Vec<_> = of_rule(&diags, &super::generated_file_drift::RULE)
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
        let hits = of_rule(&diags, &super::source_invalid::RULE);
        assert_eq!(hits[0].help.as_deref(), Some("did you mean `title`?"));
    }
}
