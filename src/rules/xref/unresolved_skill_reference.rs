//! XREF008 unresolved-skill-reference: agents' `skills:` and `Skill(name)`
//! tool rules name skills that exist.

use crate::declare_rule;
use crate::model::{DocKind, Plugin, Project};
use crate::model::value::{Field, OneOrMany, Scalar};
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::rules::frontmatter::split_rules;
use crate::source::Span;

declare_rule! {
    /// An agent's `skills:` or a `Skill(name)` rule names a missing skill.
    ///
    /// ## What it does
    /// Resolves every entry of an agent's `skills:` list, and every
    /// `Skill(name)` in `allowed-tools`/`tools`, against the skills of the
    /// plugin (or of the plugin named in `plugin:skill`).
    ///
    /// ## Why it matters
    /// The preloaded skill silently does not load; the agent runs without
    /// the knowledge it was written for.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/agents/reviewer.md <==
    /// ---
    /// name: reviewer
    /// description: Reviews deployments.
    /// skills: [deploy-checks]
    /// ---
    /// Review the deployment.
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/agents/reviewer.md <==
    /// ---
    /// name: reviewer
    /// description: Reviews deployments.
    /// skills: [deploy]
    /// ---
    /// Review the deployment.
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ```
    pub static RULE = { id: "XREF008", name: "unresolved-skill-reference", family: Xref, severity: Error, check: check }
}

fn resolves(project: &Project, home: &Plugin, name: &str) -> Option<bool> {
    let name = name.trim().trim_start_matches('/');
    match name.split_once(':') {
        Some((plugin, skill)) => Some(
            project
                .plugin_named(plugin)?
                .skills
                .iter()
                .any(|s| s.name == skill || project.skill_display_name(s) == Some(skill)),
        ),
        None => Some(
            home.skills
                .iter()
                .any(|s| s.name == name || project.skill_display_name(s) == Some(name)),
        ),
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let project = cx.project;
    for p in project.plugins.iter().filter(|p| !p.synthetic) {
        let docs = p
            .agents
            .iter()
            .map(|a| a.doc)
            .chain(p.commands.iter().map(|c| c.doc))
            .chain(p.skills.iter().map(|s| s.doc));
        for di in docs {
            let d = project.doc(di);
            let Some(fm) = &d.fm else {
                continue;
            };
            if d.kind == DocKind::Agent
                && let Some(f) = &fm.skills
            {
                for (s, span) in scalars(f) {
                    for (off, name) in split_rules(s) {
                        let at = locate(cx, d.file, span, name, off);
                        if resolves(project, p, name) == Some(false) {
                            out.push(unresolved(d.file, at, name, p));
                        }
                    }
                }
            }
            let tools = if d.kind == DocKind::Agent {
                &fm.tools
            } else {
                &fm.allowed_tools
            };
            if let Some(f) = tools {
                for (s, span) in scalars(f) {
                    for (off, rule) in split_rules(s) {
                        let Some(name) = rule
                            .strip_prefix("Skill(")
                            .and_then(|r| r.strip_suffix(')'))
                        else {
                            continue;
                        };
                        if name.contains('*') {
                            continue;
                        }
                        if resolves(project, p, name) == Some(false) {
                            out.push(unresolved(
                                d.file,
                                locate(cx, d.file, span, rule, off),
                                name,
                                p,
                            ));
                        }
                    }
                }
            }
        }
    }
}

/// The scalar values of a string-or-list field, with their spans.
fn scalars(f: &Field<OneOrMany<Scalar>>) -> Vec<(&str, Span)> {
    f.ok().map_or(Vec::new(), |v| {
        v.values(f.span)
            .into_iter()
            .map(|(s, span)| (s.text.as_str(), span))
            .collect()
    })
}

fn locate(
    cx: &Context<'_>,
    file: crate::source::FileId,
    span: Span,
    needle: &str,
    _off: usize,
) -> Span {
    let raw = cx.text(file).get(span.range()).unwrap_or("");
    raw.find(needle).map_or(span, |i| {
        Span::new(
            span.start as usize + i,
            span.start as usize + i + needle.len(),
        )
    })
}

fn unresolved(file: crate::source::FileId, span: Span, name: &str, p: &Plugin) -> Diagnostic {
    let names: Vec<&str> = p.skills.iter().map(|s| s.name.as_str()).collect();
    let near = crate::text::suggest(name, names.iter().copied());
    let diag = Diagnostic::new(
        &RULE,
        file,
        span,
        format!("skill `{name}` does not exist"),
    );
    match near {
        Some(n) => diag.help(format!("did you mean `{n}`?")),
        None => diag.help(format!(
            "plugin `{}` has: {}",
            p.name,
            if names.is_empty() {
                "no skills".to_string()
            } else {
                names.join(", ")
            }
        )),
    }
}
