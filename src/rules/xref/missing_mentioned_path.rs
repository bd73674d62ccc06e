//! XREF009 missing-mentioned-path: `references/…`, `scripts/…`, `assets/…`
//! written in a skill's prose or inline code must exist.

use crate::declare_rule;
use crate::parse::mentions::PathBase;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::source;

declare_rule! {
    /// A `references/`, `scripts/` or `assets/` path named in a skill does not exist.
    ///
    /// ## What it does
    /// Finds paths under `references/`, `scripts/` and `assets/` in the prose
    /// and inline code of a skill's files (links are checked by `broken-link`)
    /// and resolves them against the skill directory; `${CLAUDE_SKILL_DIR}/…`
    /// and `${CLAUDE_PLUGIN_ROOT}/…` are resolved too. `references/…` is
    /// always checked; `scripts/…` and `assets/…` only when the skill has that
    /// folder, since skills often name files of the repository they work on.
    /// Paths shown as examples (a paragraph or list, or the line leading into
    /// it, that says "example", "e.g.", "such as", "for instance" or "would be
    /// helpful") are not checked.
    ///
    /// A warning, not an error: a path in prose may name a file the skill
    /// creates or one of the repository it works on; a broken link is the
    /// error (`broken-link`).
    ///
    /// ## Why it matters
    /// Claude reads the file when the skill tells it to; a deleted or renamed
    /// reference fails at the worst moment, mid-task.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// On failure, read `references/known-failures.md`.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// On failure, read `references/known-failures.md`.
    /// ==> plugins/demo/skills/deploy/references/known-failures.md <==
    /// # Known failures
    /// ```
    pub static RULE = { id: "XREF009", name: "missing-mentioned-path", family: Xref, severity: Warning, check: check }
}

/// Whether the paragraph or list holding `at` (or the line leading into it)
/// presents paths as examples rather than as files of this skill.
pub fn is_example(text: &str, at: usize) -> bool {
    let line_start = |i: usize| text[..i].rfind('\n').map_or(0, |p| p + 1);
    let mut start = line_start(at);
    let mut end = text[at..].find("\n\n").map_or(text.len(), |p| at + p);
    // Walk up to the blank line that opens the block, then take one more
    // paragraph line as the lead-in.
    let mut lead_in = false;
    while start > 0 {
        let prev_start = line_start(start - 1);
        let prev = text[prev_start..start].trim();
        if prev.is_empty() {
            if lead_in {
                break;
            }
            lead_in = true;
        }
        start = prev_start;
    }
    end = end.min(text.len());
    let block = text[start..end].to_lowercase();
    let markers = [
        "example",
        "e.g.",
        "for instance",
        "such as",
        "would be helpful",
        "hypothetical",
        "references/:",
        "scripts/:",
        "assets/:",
    ];
    markers.iter().any(|m| block.contains(m))
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let project = cx.project;
    for doc in &project.docs {
        // Mentions count where they instruct: SKILL.md, commands and agents.
        // Reference files often show other skills' layouts as examples.
        if doc.kind == crate::model::DocKind::Other {
            continue;
        }
        let skill = project.skill_of(&doc.path);
        let plugin = project.plugin_of(&doc.path).filter(|p| !p.synthetic);
        for m in &doc.md.paths {
            let path = m.path.trim_end_matches('/');
            let bases: Vec<&str> = match m.base {
                PathBase::PluginRoot => plugin.map(|p| p.dir.as_str()).into_iter().collect(),
                PathBase::SkillDir => skill.map(|(_, s)| s.dir.as_str()).into_iter().collect(),
                PathBase::Here => match skill {
                    // `scripts/` and `assets/` often name files of the repo the
                    // skill works on; check them only when the skill has that folder.
                    Some((_, s))
                        if path.starts_with("references/")
                            || project.is_dir(&format!(
                                "{}/{}",
                                s.dir,
                                path.split('/').next().unwrap_or("")
                            )) =>
                    {
                        vec![s.dir.as_str(), source::parent(&doc.path)]
                    }
                    _ => continue,
                },
            };
            if bases.is_empty() {
                continue;
            }
            let found = bases
                .iter()
                .any(|b| source::join(b, path).is_some_and(|t| project.exists(&t)));
            // Without an extension (`scripts/tools`) a path is usually prose,
            // unless a file of that stem exists (`scripts/check.py`).
            let last = path.rsplit('/').next().unwrap_or(path);
            let stem_exists = || {
                bases.iter().any(|b| {
                    source::join(b, path).is_some_and(|t| {
                        let prefix = format!("{t}.");
                        project.files.starting_with(&prefix).next().is_some()
                    })
                })
            };
            if !found
                && (last.contains('.') || stem_exists())
                && !is_example(cx.text(doc.file), m.span.start as usize)
            {
                let base = bases[0];
                let shown = if base.is_empty() {
                    path.to_string()
                } else {
                    format!("{base}/{path}")
                };
                out.push(
                    Diagnostic::new(
                        &RULE,
                        doc.file,
                        m.span,
                        format!("`{path}` does not exist (looked for `{shown}`)"),
                    )
                    .help("fix the path, or add the file to the skill"),
                );
            }
        }
    }
}
