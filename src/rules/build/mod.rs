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
    let mut d = Diagnostic::new(rule, f.file, f.span, f.message);
    if let Some(h) = f.help {
        d = d.help(h);
    }
    match f.fix {
        Some(fix) => d.fix(
            fix.title,
            vec![crate::rules::diag::Edit {
                file: f.file,
                span: fix.span,
                text: fix.text,
            }],
        ),
        None => d,
    }
}

#[cfg(test)]
mod tests;
