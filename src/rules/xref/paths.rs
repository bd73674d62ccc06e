//! XREF009 missing-mentioned-path: `references/…`, `scripts/…`, `assets/…`
//! written in a skill's prose or inline code must exist.

use crate::declare_rule;
use crate::diag::Diagnostic;
use crate::parse::mentions::PathBase;
use crate::rules::Context;
use crate::source;

declare_rule! {
    /// A `references/`, `scripts/` or `assets/` path named in a skill does not exist.
    ///
    /// ## What it does
    /// Finds paths under `references/`, `scripts/` and `assets/` in the prose
    /// and inline code of a skill's files (links are checked by `broken-link`)
    /// and resolves them against the skill directory; `${CLAUDE_SKILL_DIR}/…`
    /// and `${CLAUDE_PLUGIN_ROOT}/…` are resolved too.
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
    pub static MISSING = { id: "XREF009", name: "missing-mentioned-path", family: Xref, severity: Error }
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let project = cx.project;
    for doc in &project.docs {
        let skill = project.skill_of(&doc.path);
        let plugin = project.plugin_of(&doc.path).filter(|p| !p.synthetic);
        for m in &doc.md.paths {
            let path = m.path.trim_end_matches('/');
            let bases: Vec<&str> = match m.base {
                PathBase::PluginRoot => plugin.map(|p| p.dir.as_str()).into_iter().collect(),
                PathBase::SkillDir => skill.map(|(_, s)| s.dir.as_str()).into_iter().collect(),
                PathBase::Here => match skill {
                    Some((_, s)) => vec![s.dir.as_str(), source::parent(&doc.path)],
                    None => continue,
                },
            };
            if bases.is_empty() {
                continue;
            }
            let found = bases.iter().any(|b| source::join(b, path).is_some_and(|t| project.exists(&t)));
            if !found {
                let base = bases[0];
                let shown = if base.is_empty() { path.to_string() } else { format!("{base}/{path}") };
                out.push(
                    Diagnostic::new(&MISSING, doc.file, m.span, format!("`{path}` does not exist (looked for `{shown}`)"))
                        .help("fix the path, or add the file to the skill"),
                );
            }
        }
    }
}
