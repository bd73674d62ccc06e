//! The `link-leaves-plugin` rule (XREF003).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::{Diagnostic, Severity};

declare_rule! {
    /// A link leaves its plugin, or the repository.
    ///
    /// ## What it does
    /// Reports relative links from what Claude reads in a plugin (skills,
    /// commands, agents, output styles, the files of a skill directory and
    /// the files they link to) to files outside that plugin (a warning), and
    /// links that climb above the checked root (an error there; a warning
    /// in other docs, where the root may not be the repository's).
    ///
    /// README, CHANGELOG and other docs that no loader reads are read on
    /// GitHub, where the whole repository is: their links to sibling plugins
    /// (`../other-plugin/`, `../other-plugin/README.md`) work, and are not
    /// reported.
    ///
    /// ## Why it matters
    /// Installed plugins are copied alone into Claude Code's cache: anything
    /// outside the plugin directory is not there.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// See [the shared guide](../../../../docs/guide.md).
    /// ==> docs/guide.md <==
    /// # Guide
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// See [the guide](references/guide.md).
    /// ==> plugins/demo/skills/deploy/references/guide.md <==
    /// # Guide
    /// ```
    pub static RULE = { id: "XREF003", name: "link-leaves-plugin", family: Xref, severity: Warning, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let project = cx.project;
    let read = &project.read_by_claude;
    for (doc, link, l) in super::local_links(project) {
        let claude_reads = read.contains(&*doc.path);
        let Some(target) = &l.target else {
            out.push(
                Diagnostic::new(
                    &RULE,
                    doc.file,
                    link.dest_span,
                    format!("link `{}` climbs above the checked root", link.dest),
                )
                .severity(if claude_reads { Severity::Error } else { Severity::Warning })
                .help("links must stay inside the repository; copy the target into the plugin"),
            );
            continue;
        };
        // README files and other docs are read on GitHub, where the whole
        // repository is there: a link to a sibling plugin works.
        if !project.exists(target) || !claude_reads {
            continue;
        }
        let Some(p) = project
            .plugin_of(&doc.path)
            .filter(|p| !p.synthetic && !p.dir.is_empty())
        else {
            continue;
        };
        let inside = *target == p.dir || target.starts_with(&format!("{}/", p.dir));
        if !inside {
            out.push(
                Diagnostic::new(&RULE, doc.file, link.dest_span, format!("link `{}` leaves plugin `{}`", link.dest, p.name))
                    .help("installed plugins are copied alone; move or copy the target into the plugin"),
            );
        }
    }
}
