//! The `nested-reference` rule (SK021).

use crate::declare_rule;
use crate::model::links::local_link;
use crate::model::{Doc, Project, Skill};
use crate::parse::mentions::PathBase;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::source;
use std::collections::BTreeSet;

declare_rule! {
    /// A reference file links to another that SKILL.md does not link to.
    ///
    /// ## What it does
    /// Follows the links of a skill's SKILL.md to the markdown files of its
    /// directory, and their links in turn. Reports a link from such a file
    /// to another markdown file of the skill that SKILL.md neither links to
    /// nor names (`references/b.md`): a reference two levels deep. Anthropic's
    /// skill guidance keeps references one level deep from SKILL.md
    /// (formats.md §4.3).
    ///
    /// ## Why it matters
    /// Claude reads what SKILL.md points to. A file reached only through
    /// another reference is found late, if at all, and is often only
    /// previewed (its first lines), not read.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// Read [the runbook](references/runbook.md).
    /// ==> plugins/demo/skills/deploy/references/runbook.md <==
    /// # Runbook
    ///
    /// On failure, see [rollback](rollback.md).
    /// ==> plugins/demo/skills/deploy/references/rollback.md <==
    /// # Rollback
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// Read [the runbook](references/runbook.md); on failure,
    /// [rollback](references/rollback.md).
    /// ==> plugins/demo/skills/deploy/references/runbook.md <==
    /// # Runbook
    ///
    /// On failure, see [rollback](rollback.md).
    /// ==> plugins/demo/skills/deploy/references/rollback.md <==
    /// # Rollback
    /// ```
    pub static RULE = { id: "SK021", name: "nested-reference", family: Frontmatter, severity: Warning, reach: Tree, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let project = cx.project;
    for skill in project.plugins.iter().flat_map(|p| p.skills.iter()) {
        let top = project.doc(skill.doc);
        // A body a narrowed run left unparsed says nothing of its links.
        if top.light {
            continue;
        }
        let direct = named_by(project, skill, top);
        let mut seen: BTreeSet<(&str, String)> = BTreeSet::new();
        for first in direct.iter().filter_map(|p| reference(project, skill, p)) {
            for link in first.md.links.iter() {
                let Some(target) = local_link(&first.path, &link.dest).and_then(|l| l.target) else {
                    continue;
                };
                if target == *top.path
                    || target == *first.path
                    || direct.contains(&target)
                    || reference(project, skill, &target).is_none()
                    || !seen.insert((&first.path, target.clone()))
                {
                    continue;
                }
                let shown = |p: &str| p.strip_prefix(&format!("{}/", skill.dir)).unwrap_or(p).to_string();
                out.push(
                    Diagnostic::new(
                        &RULE,
                        first.file,
                        link.dest_span,
                        format!(
                            "`{}` is two levels from SKILL.md (SKILL.md → {} → {}); SKILL.md does not link to it",
                            shown(&target),
                            shown(&first.path),
                            shown(&target)
                        ),
                    )
                    .help(if generated(project, skill) {
                        "link it from skill.yaml as well ({ref:…}), or merge it into the file that links to it"
                    } else {
                        "link it from SKILL.md as well, or merge it into the file that links to it"
                    }),
                );
            }
        }
    }
}

/// The paths SKILL.md links to or names (`references/x.md`), resolved.
fn named_by(project: &Project, skill: &Skill, top: &Doc) -> BTreeSet<String> {
    let mut out: BTreeSet<String> = top
        .md
        .links
        .iter()
        .filter_map(|l| local_link(&top.path, &l.dest).and_then(|l| l.target))
        .collect();
    for m in top.md.paths.iter() {
        let path = m.path.trim_end_matches('/');
        let base = match m.base {
            PathBase::Here | PathBase::SkillDir => skill.dir.as_str(),
            PathBase::PluginRoot => continue,
        };
        out.extend(source::join(base, path).filter(|t| project.exists(t)));
    }
    out
}

/// The parsed markdown doc at `path`, when it is a file of the skill's
/// directory.
fn reference<'p>(project: &'p Project, skill: &Skill, path: &str) -> Option<&'p Doc> {
    let inside = path.strip_prefix(skill.dir.as_str())?.starts_with('/');
    let doc = project.doc_by_path.get(path).map(|&i| project.doc(i))?;
    (inside && !doc.light).then_some(doc)
}

/// Whether the skill's SKILL.md is rendered from a skill.yaml.
fn generated(project: &Project, skill: &Skill) -> bool {
    project.skill_sources.iter().any(|s| s.dir == skill.dir)
}

#[cfg(test)]
mod tests {
    use crate::engine::testing::{check_listing, of_rule};

    fn count(skill_body: &str, runbook: &str) -> usize {
        let listing = format!(
            "==> plugins/demo/skills/deploy/SKILL.md <==\n---\nname: deploy\ndescription: Deploys the demo app. Use when shipping a release.\n---\n{skill_body}\n==> plugins/demo/skills/deploy/references/runbook.md <==\n# Runbook\n\n{runbook}\n==> plugins/demo/skills/deploy/references/rollback.md <==\n# Rollback\n==> plugins/demo/skills/other/SKILL.md <==\n---\nname: other\ndescription: Does other things. Use when asked.\n---\nBody.\n"
        );
        let (_d, _l, diags) = check_listing(&listing);
        of_rule(&diags, &super::RULE).len()
    }

    #[test]
    fn one_level_deep_is_fine() {
        let runbook = "See [rollback](rollback.md).";
        // Two levels deep.
        assert_eq!(count("Read [runbook](references/runbook.md).", runbook), 1);
        // SKILL.md links or names it too: one level.
        assert_eq!(
            count("Read [runbook](references/runbook.md) and [rollback](references/rollback.md).", runbook),
            0
        );
        assert_eq!(
            count("Read [runbook](references/runbook.md); on failure `references/rollback.md`.", runbook),
            0
        );
        // Back to SKILL.md, to itself, to another skill: not a chain.
        for link in ["[top](../SKILL.md)", "[here](runbook.md#x)", "[other](../../other/SKILL.md)"] {
            assert_eq!(count("Read [runbook](references/runbook.md).", link), 0, "{link}");
        }
        // A reference SKILL.md does not reach is not looked at.
        assert_eq!(count("Body.", runbook), 0);
    }
}
