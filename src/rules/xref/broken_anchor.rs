//! The `broken-anchor` rule (XREF002).

use crate::declare_rule;
use crate::model::Doc;
use crate::model::links::percent_decode;
use crate::rules::Context;
use crate::rules::diag::{Diagnostic, Severity};

declare_rule! {
    /// A link's `#anchor` matches no heading of its target.
    ///
    /// ## What it does
    /// Computes GitHub's anchor for every heading (lowercase, punctuation
    /// dropped, spaces to `-`, `-1` suffixes for repeats) and checks each
    /// `#fragment` of a link to a markdown file, or to the same file. An
    /// explicit heading id (`## Title {#id}`) and an HTML `id` or `name`
    /// anywhere in the target's HTML (`<a id="x"></a>`, `<a name="x">`)
    /// are anchors too.
    ///
    /// An error in what Claude reads (skills, commands, agents, output
    /// styles, the files of a skill directory and the files they link to);
    /// a warning in README, CHANGELOG and other docs that no loader reads.
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
    pub static RULE = { id: "XREF002", name: "broken-anchor", family: Xref, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let project = cx.project;
    let read = &project.read_by_claude;
    for (doc, link, l) in super::local_links(project) {
        let Some(target) = l.target.as_ref().filter(|t| project.exists(t)) else {
            continue;
        };
        let Some(anchor) = l.anchor.filter(|a| !a.is_empty()) else {
            continue;
        };
        let Some(&ti) = project.doc_by_path.get(target.as_str()) else {
            continue;
        };
        let tdoc = &project.docs[ti];
        if !anchor_ok(cx, tdoc, anchor) {
            let anchors: Vec<String> = tdoc.md.headings.iter().map(|h| tdoc.md.anchor(h, cx.text(tdoc.file))).collect();
            let near = crate::text::suggest(&anchor.to_lowercase(), anchors.iter().map(String::as_str));
            let diag = Diagnostic::new(
                &RULE,
                doc.file,
                link.dest_span,
                format!("`#{anchor}` matches no heading in `{}`", tdoc.path),
            );
            let diag = match near {
                Some(n) => diag.help(format!("did you mean `#{n}`?")),
                None => diag.help("link to an existing heading; anchors are the heading text, lowercased, spaces as -"),
            };
            out.push(if read.contains(&*doc.path) {
                diag
            } else {
                diag.severity(Severity::Warning)
            });
        }
    }
}

/// HTML anchors (`id="x"`, `name='x'`, `id=x`) written in a document's
/// HTML, block or inline, in any tag.
fn html_anchors<'a>(doc: &Doc, text: &'a str) -> Vec<&'a str> {
    let re = crate::regex!(
        r#"(?i)[\s/](?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))"#
    );
    doc.md
        .html
        .iter()
        .flat_map(|s| {
            re.captures_iter(text.get(s.range()).unwrap_or(""))
                .filter_map(|c| c.get(1).or_else(|| c.get(2)).or_else(|| c.get(3)))
                .map(|m| m.as_str())
        })
        .collect()
}

fn anchor_ok(cx: &Context<'_>, target: &Doc, anchor: &str) -> bool {
    let a = percent_decode(anchor).to_lowercase();
    target.md.has_anchor(&a, cx.text(target.file))
        || html_anchors(target, cx.text(target.file))
            .iter()
            .any(|h| h.eq_ignore_ascii_case(&a))
        || crate::regex!(r"^l\d+(-l\d+)?$").is_match(&a)
}
