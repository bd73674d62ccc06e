//! XREF004 unknown-skill-mention: `plugin:skill` and `/plugin:skill` mentions
//! resolve to a skill, command or agent of that plugin.

use super::description_sites;
use crate::declare_rule;
use crate::model::Project;
use crate::parse::mentions::Mention;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::source::FileId;
use crate::text::suggest;

declare_rule! {
    /// A `plugin:skill` mention names a skill the plugin does not have.
    ///
    /// ## What it does
    /// Finds `plugin:name` and `/plugin:name` in prose, inline code and code
    /// blocks of every markdown file, and in manifest descriptions. When
    /// `plugin` is a plugin of this tree, `name` must be one of its skills,
    /// commands or agents. Plugin names come from the tree, never from a list.
    ///
    /// ## Why it matters
    /// A renamed skill leaves mentions that resolve to nothing: Claude tells
    /// the user to run a command that does not exist, and hand-offs between
    /// skills silently never happen.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// When a step fails, hand over to `/demo:debugger`.
    /// ==> plugins/demo/skills/debug/SKILL.md <==
    /// ---
    /// name: debug
    /// description: Investigates failed deployments. Use when a deploy fails.
    /// ---
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// When a step fails, hand over to `/demo:debug`.
    /// ==> plugins/demo/skills/debug/SKILL.md <==
    /// ---
    /// name: debug
    /// description: Investigates failed deployments. Use when a deploy fails.
    /// ---
    /// ```
    pub static RULE = { id: "XREF004", name: "unknown-skill-mention", family: Xref, severity: Error, fix: true, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let project = cx.project;
    if project.plugins_by_name.is_empty() {
        return;
    }
    for doc in &project.docs {
        for m in &doc.md.mentions {
            report(project, cx.text(doc.file), doc.file, m, out);
        }
    }
    let json: std::collections::HashMap<FileId, &crate::model::JsonFile> =
        project.json.iter().map(|j| (j.file, j)).collect();
    for site in description_sites(project) {
        let Some(jf) = json.get(&site.file) else {
            continue;
        };
        let inside = |m: &&Mention| site.span.start <= m.span.start && m.span.end <= site.span.end;
        for m in jf.mentions.iter().filter(inside) {
            report(project, cx.text(site.file), site.file, m, out);
        }
    }
}

fn report(project: &Project, src: &str, file: FileId, m: &Mention, out: &mut Vec<Diagnostic>) {
    let Some(p) = project.plugin_named(&m.plugin) else {
        return;
    };
    if project.has_component(p, &m.name) {
        return;
    }
    let names: Vec<String> = p
        .skills
        .iter()
        .map(|s| s.name.clone())
        .chain(p.commands.iter().map(|c| c.name.clone()))
        .chain(p.agents.iter().map(|a| a.name.clone()))
        .collect();
    let near = suggest(&m.name, names.iter().map(String::as_str)).or_else(|| {
        names
            .iter()
            .find(|n| n.starts_with(m.name.as_str()) || m.name.starts_with(n.as_str()))
            .map(String::as_str)
    });
    let diag = Diagnostic::new(
        &RULE,
        file,
        m.span,
        format!(
            "`{}:{}` names no skill, command or agent of plugin `{}`",
            m.plugin, m.name, p.name
        ),
    );
    // Only a single close match is a safe replacement.
    let close: Vec<&str> = names
        .iter()
        .map(String::as_str)
        .filter(|n| strsim::levenshtein(n, &m.name) <= 2)
        .collect();
    let text = crate::source::Span::new(
        (m.span.end as usize).saturating_sub(m.name.len()),
        m.span.end as usize,
    );
    out.push(match near {
        Some(n) if close == [n] && src.get(text.range()) == Some(m.name.as_str()) => {
            diag.help(format!("did you mean `{}:{n}`?", m.plugin)).fix(
                format!("replace with `{}:{n}`", m.plugin),
                vec![crate::rules::diag::Edit {
                    file,
                    span: text,
                    text: n.to_string(),
                }],
            )
        }
        Some(n) => diag.help(format!("did you mean `{}:{n}`?", m.plugin)),
        None if names.is_empty() => {
            diag.help(format!("plugin `{}` has no skills or commands", p.name))
        }
        None => diag.help(format!("`{}` has: {}", p.name, names.join(", "))),
    });
}
