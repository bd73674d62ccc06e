//! Cross-references over the whole tree: links and anchors, mentioned paths,
//! `plugin:skill` mentions, descriptions naming skills, skill-count claims,
//! agents' preloaded skills.

crate::declare_family! {
    broken_link,
    broken_anchor,
    link_leaves_plugin,
    unknown_skill_mention,
    description_misses_skill,
    skill_count_mismatch,
    unresolved_skill_reference,
    missing_mentioned_path,
    data_schema_mismatch,
}

use crate::model::links::{LocalLink, local_link};
use crate::model::value::Present;
use crate::model::{Doc, Project};
use crate::parse::markdown::Link;
use crate::source::{FileId, Span};

/// A description string in a manifest: where it is and whose it is.
pub struct DescriptionSite<'a> {
    pub file: FileId,
    pub span: Span,
    pub text: &'a str,
    /// The plugin it describes (`None` for the marketplace's own description
    /// and for entries whose plugin is not in this tree).
    pub plugin: Option<usize>,
    /// The marketplace's own description.
    pub is_marketplace: bool,
}

/// Every description in plugin.json files and in marketplace.json.
pub fn description_sites(project: &Project) -> Vec<DescriptionSite<'_>> {
    let mut out = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for (i, p) in project.plugins.iter().enumerate() {
        if p.synthetic {
            continue;
        }
        if let Some(jf) = project.manifest(p)
            && let Some((text, span)) = jf.plugin().and_then(|m| m.description.spanned())
            && seen.insert((jf.file, span))
        {
            out.push(DescriptionSite {
                file: jf.file,
                span,
                text,
                plugin: Some(i),
                is_marketplace: false,
            });
        }
    }
    for (mk, m) in project
        .marketplace_files()
        .filter_map(|jf| Some((jf, jf.marketplace()?)))
    {
        if let Some((text, span)) = m.description.spanned() {
            out.push(DescriptionSite {
                file: mk.file,
                span,
                text,
                plugin: None,
                is_marketplace: true,
            });
        }
        let items = m.plugins.val().map_or(&[][..], |l| l.0.as_slice());
        for e in project.entries.iter().filter(|e| e.file == mk.file) {
            if let Some((text, span)) = items
                .get(e.index)
                .and_then(|i| i.ok())
                .and_then(|entry| entry.plugin.description.spanned())
            {
                out.push(DescriptionSite {
                    file: mk.file,
                    span,
                    text,
                    plugin: e.plugin,
                    is_marketplace: false,
                });
            }
        }
    }
    out
}

/// Every local link of every markdown file, taken apart (the link rules
/// each read what they need of it).
pub fn local_links(project: &Project) -> impl Iterator<Item = (&Doc, &Link, LocalLink<'_>)> {
    project.docs.iter().flat_map(|doc| {
        doc.md
            .links
            .iter()
            .filter_map(move |link| local_link(&doc.path, &link.dest).map(|l| (doc, link, l)))
    })
}

pub use crate::model::links::for_people;

#[cfg(test)]
mod tests {
    //! Pass and fail cases of the link, anchor and count rules.
    use crate::engine::testing::{check_listing, of_rule};
    use crate::rules::RuleMeta;
    use crate::rules::diag::Severity;

    fn skill(body: &str) -> String {
        format!(
            "==> plugins/demo/skills/deploy/SKILL.md <==\n---\nname: deploy\ndescription: Deploys the demo app. Use when shipping a release.\n---\n{body}"
        )
    }

    /// Each finding of `rule`: its message and severity.
    fn found(listing: &str, rule: &RuleMeta) -> Vec<(String, Severity)> {
        let (_d, _l, diags) = check_listing(listing);
        of_rule(&diags, rule)
            .into_iter()
            .map(|d| (d.message.clone(), d.severity))
            .collect()
    }

    /// Template text for a generated file (`${LICENSE}` or `{{ name }}` on
    /// the line) links into the project it is filled in for.
    #[test]
    fn links_in_template_lines_are_not_checked() {
        let listing = skill(
            "Licensed under ${LICENSE} - see [LICENSE](LICENSE).\n\nBy {{ author }}: [notes](NOTES.md).\n",
        );
        assert_eq!(found(&listing, &super::broken_link::RULE), []);
        // Claude Code's own variables are expanded here: the link is checked.
        let listing = skill(
            "Run `${CLAUDE_SKILL_DIR}/run.sh`; see [LICENSE](LICENSE).\n\nSee [notes](NOTES.md) for ${{ secrets.TOKEN }}.\n",
        );
        assert_eq!(found(&listing, &super::broken_link::RULE).len(), 2);
    }

    #[test]
    fn email_autolinks_are_not_files() {
        let listing = skill("Write to <ops@example.com> or [ops](mailto:ops@example.com).\n");
        assert_eq!(found(&listing, &super::broken_link::RULE), []);
        // A relative link that looks like an address is still a path.
        let listing = skill("See [ops](ops@example.com).\n");
        assert_eq!(found(&listing, &super::broken_link::RULE).len(), 1);
    }

    #[test]
    fn explicit_ids_and_html_anchors_are_anchors() {
        let listing = format!(
            "{}==> plugins/demo/skills/deploy/references/runbook.md <==\n# Runbook\n\n## Roll back {{#rollback}}\n\n## Upgrade {{#upgrade .important}}\n\n<a id=\"restore\"></a>\n\n### Restore\n\nText <a name='drain'></a> inline.\n\n<div>\n<p><a id=unquoted></a></p>\n</div>\n\n| a | <span id=\"cell\">b</span> |\n|---|---|\n",
            skill(
                "See [1](references/runbook.md#rollback), [2](references/runbook.md#upgrade), [3](references/runbook.md#restore), [4](references/runbook.md#drain), [5](references/runbook.md#unquoted), [6](references/runbook.md#cell), [7](references/runbook.md#roll-back-rollback).\n"
            )
        );
        assert_eq!(found(&listing, &super::broken_anchor::RULE), []);
        let listing = format!(
            "{}==> plugins/demo/skills/deploy/references/runbook.md <==\n# Runbook\n\n## Roll back {{#rollback}}\n",
            skill("See [it](references/runbook.md#roll-back).\n")
        );
        assert_eq!(found(&listing, &super::broken_anchor::RULE).len(), 1);
    }

    /// Broken links and anchors are errors in what Claude reads, warnings
    /// in docs for people.
    #[test]
    fn severity_follows_who_reads_the_link() {
        let listing = format!(
            "{}==> plugins/demo/skills/deploy/references/a.md <==\n# A\n\nSee [b](b.md) and [c](c.md#nope).\n==> plugins/demo/skills/deploy/references/c.md <==\n# C\n==> plugins/demo/README.md <==\n# Demo\n\nSee [gone](docs/gone.md) and [deploy](skills/deploy/SKILL.md#nope).\n==> docs/guide.md <==\n# Guide\n\nSee [gone](gone.md).\n",
            skill("Read [a](references/a.md) and [x](references/x.md).\n")
        );
        let sev = |rule: &RuleMeta| -> Vec<Severity> {
            found(&listing, rule).into_iter().map(|(_, s)| s).collect()
        };
        let mut links = sev(&super::broken_link::RULE);
        links.sort();
        // SKILL.md → x.md and a.md → b.md: errors; README and docs: warnings.
        assert_eq!(
            links,
            [
                Severity::Warning,
                Severity::Warning,
                Severity::Error,
                Severity::Error
            ]
        );
        let mut anchors = sev(&super::broken_anchor::RULE);
        anchors.sort();
        assert_eq!(anchors, [Severity::Warning, Severity::Error]);
    }

    /// A README's link to a sibling plugin works on GitHub; a skill's does
    /// not work once installed.
    #[test]
    fn readme_links_to_sibling_plugins_are_fine() {
        let listing = format!(
            "{}==> plugins/demo/README.md <==\n# Demo\n\nSee [other](../other/), [its readme](../other/README.md) and [its skill](../other/skills/x/SKILL.md).\n==> plugins/other/README.md <==\n# Other\n==> plugins/other/skills/x/SKILL.md <==\n---\nname: x\ndescription: Does x. Use when x.\n---\nSee [demo](../../../demo/README.md).\n",
            skill("Body.\n")
        );
        let f = found(&listing, &super::link_leaves_plugin::RULE);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].0.contains("leaves plugin `other`"), "{f:?}");
    }

    #[test]
    fn counts_are_compared_only_when_they_state_the_total() {
        let rule = &super::skill_count_mismatch::RULE;
        let tree = |readme: &str| {
            format!(
                "{}==> plugins/demo/README.md <==\n{readme}",
                skill("Body.\n")
            )
        };
        for quiet in [
            "# Demo\n\nDeploys things.\n\n### Advanced Patterns (6 skills)\n\nText.\n",
            "# Demo\n\nDeploys things.\n\n## Changelog\n\n- 1.2.0: 18 skills optimized\n",
            "# Demo\n\nDeploys things.\n\n## Notes\n\nIn 1.1 we added 3 skills.\n",
            "# Demo\n\nDeploys things.\n\n## Notes\n\nLast release: 18 skills optimized for speed.\n",
            "# Demo\n\nKeep one skill source per skill.\n",
            "# Demo\n\nDeploys things.\n\n## Layout\n\n- **Kubernetes** (6 skills)\n",
            "# Demo\n\nUp to 5 skills run at once; 2 skills each per phase.\n",
            "# Demo\n\nThis plugin has 1 skill.\n",
        ] {
            assert_eq!(found(&tree(quiet), rule), [], "{quiet}");
        }
        for loud in [
            "# Demo\n\nThis plugin has 3 skills.\n",
            "# Demo\n\nThree skills for shipping the demo app.\n",
            "# Demo\n\nDeploys things.\n\n## Skills\n\n3 skills:\n\n- deploy\n",
            "# Demo\n\nDeploys things.\n\n## Layout\n\n- demo (3 skills)\n",
            "# Demo (3 skills)\n",
        ] {
            assert_eq!(found(&tree(loud), rule).len(), 1, "{loud}");
        }
    }

    #[test]
    fn descriptions_name_skills_across_case_and_separators() {
        let listing = "==> plugins/demo/.claude-plugin/plugin.json <==\n{ \"name\": \"demo\", \"version\": \"1.0.0\", \"description\": \"Adds the Self-Improving Agent and Deploy Now.\", \"author\": { \"name\": \"A\" } }\n==> plugins/demo/skills/self-improving-agent/SKILL.md <==\n---\nname: self-improving-agent\ndescription: Improves itself. Use when asked.\n---\n==> plugins/demo/skills/deploy_now/SKILL.md <==\n---\nname: deploy_now\ndescription: Deploys now. Use when shipping.\n---\n";
        assert_eq!(found(listing, &super::description_misses_skill::RULE), []);
        let missing = listing.replace("Deploy Now", "Deploy");
        assert_eq!(
            found(&missing, &super::description_misses_skill::RULE).len(),
            1
        );
    }
}
