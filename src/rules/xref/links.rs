//! XREF001 broken-link, XREF002 broken-anchor, XREF003 link-leaves-plugin.

use crate::declare_rule;
use crate::model::links::{LocalLink, local_link, percent_decode};
use crate::model::{Doc, Project};
use crate::rules::Context;
use crate::rules::diag::{Diagnostic, Severity};
use crate::source;

declare_rule! {
    /// A relative link points to a file that does not exist.
    ///
    /// ## What it does
    /// Resolves every relative link and image in every markdown file against
    /// the file's directory. A link that resolves only from the skill
    /// directory (how Claude reads it) is a warning. Extensionless targets
    /// that are not well-known files (`thumbnail_url`) and files under a
    /// `templates/` folder are treated as placeholders.
    ///
    /// ## Why it matters
    /// Claude follows these links to load references; a dead link silently
    /// drops the knowledge the skill depends on.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// Read [the runbook](references/runbok.md) first.
    /// ==> plugins/demo/skills/deploy/references/runbook.md <==
    /// # Runbook
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// Read [the runbook](references/runbook.md) first.
    /// ==> plugins/demo/skills/deploy/references/runbook.md <==
    /// # Runbook
    /// ```
    pub static BROKEN_LINK = { id: "XREF001", name: "broken-link", family: Xref, severity: Error }
}

declare_rule! {
    /// A link's `#anchor` matches no heading of its target.
    ///
    /// ## What it does
    /// Computes GitHub's anchor for every heading (lowercase, punctuation
    /// dropped, spaces to `-`, `-1` suffixes for repeats) and checks each
    /// `#fragment` of a link to a markdown file, or to the same file.
    ///
    /// ## Why it matters
    /// Renamed headings leave links that land at the top of the file, or
    /// nowhere.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// See [rollback](references/runbook.md#roll-back).
    /// ==> plugins/demo/skills/deploy/references/runbook.md <==
    /// # Runbook
    /// ## Rollback
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// See [rollback](references/runbook.md#rollback).
    /// ==> plugins/demo/skills/deploy/references/runbook.md <==
    /// # Runbook
    /// ## Rollback
    /// ```
    pub static BROKEN_ANCHOR = { id: "XREF002", name: "broken-anchor", family: Xref, severity: Error }
}

declare_rule! {
    /// A link leaves its plugin, or the repository.
    ///
    /// ## What it does
    /// Reports relative links from a plugin's files to files outside that
    /// plugin (a warning) and links that climb above the checked root (an error).
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
    pub static LEAVES = { id: "XREF003", name: "link-leaves-plugin", family: Xref, severity: Warning }
}

/// HTML anchors (`id="x"`, `name="x"`) written in a document.
fn html_anchors<'a>(doc: &Doc, text: &'a str) -> Vec<&'a str> {
    let re = crate::regex!(r#"(?:id|name)\s*=\s*["']([^"']+)["']"#);
    doc.md
        .html
        .iter()
        .flat_map(|s| {
            re.captures_iter(text.get(s.range()).unwrap_or(""))
                .filter_map(|c| c.get(1).map(|m| m.as_str()))
        })
        .collect()
}

fn anchor_ok(project: &Project, cx: &Context<'_>, target: &Doc, anchor: &str) -> bool {
    let _ = project;
    let a = percent_decode(anchor).to_lowercase();
    target.md.has_anchor(&a)
        || html_anchors(target, cx.text(target.file))
            .iter()
            .any(|h| h.eq_ignore_ascii_case(&a))
        || crate::regex!(r"^l\d+(-l\d+)?$").is_match(&a)
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let project = cx.project;
    for doc in project.docs.iter().filter(|d| !d.md.links.is_empty()) {
        let dir = source::parent(&doc.path);
        let home = project
            .plugin_of(&doc.path)
            .filter(|p| !p.synthetic && !p.dir.is_empty());
        for link in &doc.md.links {
            let Some(LocalLink {
                path_part,
                decoded,
                anchor,
                target,
            }) = local_link(&doc.path, &link.dest)
            else {
                continue;
            };
            let Some(target) = target else {
                out.push(
                    Diagnostic::new(
                        &LEAVES,
                        doc.file,
                        link.dest_span,
                        format!("link `{}` climbs above the checked root", link.dest),
                    )
                    .severity(Severity::Error)
                    .help("links must stay inside the repository; copy the target into the plugin"),
                );
                continue;
            };
            if !project.exists(&target) {
                if looks_like_placeholder(path_part) || in_template_dir(&doc.path) {
                    continue;
                }
                // Claude resolves paths from the skill directory; GitHub from the file.
                if let Some((_, skill)) = project.skill_of(&doc.path)
                    && let Some(alt) =
                        source::join(&skill.dir, &decoded).filter(|t| project.exists(t))
                {
                    out.push(
                            Diagnostic::new(&BROKEN_LINK, doc.file, link.dest_span, format!("link `{path_part}` resolves only from the skill directory, not from this file"))
                                .severity(Severity::Warning)
                                .help(format!("write `{}` so the link works when rendered too", relative_to(dir, &alt))),
                        );
                    continue;
                }
                let near = nearest_file(project, &target);
                let diag = Diagnostic::new(
                    &BROKEN_LINK,
                    doc.file,
                    link.dest_span,
                    format!("link target `{}` does not exist", path_part),
                );
                out.push(match near {
                    Some(n) => diag.help(format!("did you mean `{}`?", relative_to(dir, &n))),
                    None => diag.help("fix the path or restore the file"),
                });
                continue;
            }
            if let Some(p) = home {
                let inside = target == p.dir || target.starts_with(&format!("{}/", p.dir));
                if !inside {
                    out.push(
                        Diagnostic::new(&LEAVES, doc.file, link.dest_span, format!("link `{}` leaves plugin `{}`", link.dest, p.name))
                            .help("installed plugins are copied alone; move or copy the target into the plugin"),
                    );
                }
            }
            let Some(anchor) = anchor.filter(|a| !a.is_empty()) else {
                continue;
            };
            let Some(&ti) = project.doc_by_path.get(&target) else {
                continue;
            };
            let tdoc = &project.docs[ti];
            if !anchor_ok(project, cx, tdoc, anchor) {
                let near = crate::text::suggest(
                    &anchor.to_lowercase(),
                    tdoc.md.headings.iter().map(|h| h.anchor.as_str()),
                );
                let diag = Diagnostic::new(
                    &BROKEN_ANCHOR,
                    doc.file,
                    link.dest_span,
                    format!("`#{anchor}` matches no heading in `{}`", tdoc.path),
                );
                out.push(match near {
                    Some(n) => diag.help(format!("did you mean `#{n}`?")),
                    None => diag.help("link to an existing heading; anchors are the heading text, lowercased, spaces as -"),
                });
            }
        }
    }
}

/// Extensionless names that are not well-known files (`thumbnail_url`,
/// `internal-wiki/page`) are template placeholders more often than paths.
fn looks_like_placeholder(path: &str) -> bool {
    const KNOWN: &[&str] = &[
        "LICENSE",
        "LICENCE",
        "COPYING",
        "NOTICE",
        "README",
        "CHANGELOG",
        "AUTHORS",
        "CODEOWNERS",
        "Makefile",
        "Dockerfile",
        "CONTRIBUTING",
    ];
    if path.ends_with('/') || path.starts_with("./") || path.starts_with("../") {
        return false;
    }
    let last = path.rsplit('/').next().unwrap_or(path);
    !last.contains('.') && !KNOWN.iter().any(|k| last.eq_ignore_ascii_case(k))
}

/// Files under a `templates/` folder are instantiated elsewhere; their links
/// point at files that exist only after that.
fn in_template_dir(path: &str) -> bool {
    path.split('/')
        .any(|seg| seg == "templates" || seg == "template")
}

/// The closest existing file in the same directory.
fn nearest_file(project: &Project, target: &str) -> Option<String> {
    let dir = source::parent(target);
    let name = target.rsplit('/').next().unwrap_or(target);
    let prefix = if dir.is_empty() {
        String::new()
    } else {
        format!("{dir}/")
    };
    let siblings: Vec<&String> = project
        .files
        .range(prefix.clone()..)
        .take_while(|f| f.starts_with(&prefix))
        .filter(|f| !f[prefix.len()..].contains('/'))
        .collect();
    let best = crate::text::suggest(name, siblings.iter().map(|f| &f[prefix.len()..]))?;
    Some(format!("{prefix}{best}"))
}

/// `to` written relative to directory `from`.
pub fn relative_to(from: &str, to: &str) -> String {
    let f: Vec<&str> = from.split('/').filter(|s| !s.is_empty()).collect();
    let t: Vec<&str> = to.split('/').filter(|s| !s.is_empty()).collect();
    let common = f.iter().zip(&t).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<&str> = vec![".."; f.len() - common];
    parts.extend(&t[common..]);
    parts.join("/")
}
