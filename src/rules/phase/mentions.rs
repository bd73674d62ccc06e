//! PH003 unknown-phase-mention, PH005 historical-phase-mention.

use super::{parse_no, phase_docs, phase_headings, show, PhaseNo};
use crate::declare_rule;
use crate::diag::Diagnostic;
use crate::model::{Doc, Project};
use crate::rules::Context;
use crate::source::Span;
use std::collections::HashMap;

declare_rule! {
    /// A mention of `Phase X` matches no phase heading.
    ///
    /// ## What it does
    /// In skills that number their phases, every `Phase N` / `Phase N.M` in
    /// the prose of SKILL.md and its references must match a phase heading of
    /// the same skill, or of the skill named just before it
    /// (`cluster-install Phase 5`).
    ///
    /// ## Why it matters
    /// Phases get folded and renumbered; instructions such as "resume at
    /// Phase 7.5" then send Claude to a step that no longer exists.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ## Phase 1 — Check
    /// If the check fails, go to Phase 4.
    /// ## Phase 2 — Apply
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ## Phase 1 — Check
    /// If the check fails, go to Phase 2.
    /// ## Phase 2 — Apply
    /// ```
    pub static UNKNOWN = { id: "PH003", name: "unknown-phase-mention", family: Phase, severity: Error }
}

declare_rule! {
    /// Prose refers to a phase that used to exist.
    ///
    /// ## What it does
    /// Reports phrases such as "what used to be Phase 7.5", "formerly Phase 3".
    ///
    /// ## Why it matters
    /// History in instructions confuses the model about which step to run;
    /// say what to do now instead. Suppress with
    /// `<!-- skillc-disable-next-line PH005 -->` where the history matters.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ## Phase 1 — Check
    /// This replaces what used to be Phase 2.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ## Phase 1 — Check
    /// Check the cluster before applying anything.
    /// ```
    pub static HISTORICAL = { id: "PH005", name: "historical-phase-mention", family: Phase, severity: Warning }
}

/// Phase numbers declared per skill directory (SKILL.md and its files).
fn declared(cx: &Context<'_>) -> HashMap<String, Vec<PhaseNo>> {
    let mut map: HashMap<String, Vec<PhaseNo>> = HashMap::new();
    for doc in phase_docs(cx.project) {
        let key = scope(cx.project, doc);
        let entry = map.entry(key).or_default();
        entry.extend(phase_headings(doc, cx.text(doc.file)).into_iter().map(|h| h.no));
    }
    map
}

/// The skill directory a doc belongs to, or the doc's own path.
fn scope(project: &Project, doc: &Doc) -> String {
    project.skill_of(&doc.path).map_or_else(|| doc.path.clone(), |(_, s)| s.dir.clone())
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let project = cx.project;
    let table = declared(cx);
    let by_name: HashMap<&str, &str> = project
        .plugins
        .iter()
        .flat_map(|p| p.skills.iter().map(|s| (s.name.as_str(), s.dir.as_str())))
        .collect();
    let re = crate::regex!(r"(?:([A-Za-z0-9][A-Za-z0-9_-]*:)?([a-z0-9][a-z0-9-]*)(?:'s|’s)?\s+)?\bPhases?\s+(\d+(?:\.\d+)?)\b");
    let hist = crate::regex!(r"(?i)\b(?:used\s+to\s+be|formerly|previously|was\s+once|the\s+old|renamed\s+from|folded\s+into|what\s+was)\s+(?:the\s+)?(?:old\s+)?Phase\s+\d+(?:\.\d+)?");
    for doc in phase_docs(project) {
        let own = scope(project, doc);
        let Some(mine) = table.get(&own).filter(|v| !v.is_empty()) else { continue };
        let text = cx.text(doc.file);
        let heading_starts: Vec<Span> = phase_headings(doc, text).into_iter().map(|h| h.span).collect();
        for run in doc.md.text.iter().chain(doc.md.inline_code.iter()) {
            let Some(src) = text.get(run.range()) else { continue };
            let base = run.start as usize;
            let mut historic: Vec<(usize, usize)> = Vec::new();
            for m in hist.find_iter(src) {
                historic.push((m.start(), m.end()));
                out.push(
                    Diagnostic::new(&HISTORICAL, doc.file, Span::new(base + m.start(), base + m.end()), format!("`{}` refers to a phase that no longer exists", m.as_str()))
                        .help("describe the current step instead of its history"),
                );
            }
            for c in re.captures_iter(src) {
                let (Some(all), Some(num)) = (c.get(0), c.get(3)) else { continue };
                let at = base + num.start();
                if historic.iter().any(|(a, b)| num.start() >= *a && num.end() <= *b) {
                    continue;
                }
                let phase_at = base + all.as_str().rfind("Phase").map_or(all.start(), |i| all.start() + i);
                if heading_starts.iter().any(|h| h.start as usize == phase_at) {
                    continue;
                }
                let Some(no) = parse_no(num.as_str()) else { continue };
                let target = c.get(2).and_then(|s| by_name.get(s.as_str())).map(|d| d.to_string());
                let (scope_dir, whose) = match &target {
                    Some(dir) => (dir.clone(), format!("skill `{}`", c.get(2).map_or("", |m| m.as_str()))),
                    None => (own.clone(), "this skill".to_string()),
                };
                let Some(list) = table.get(&scope_dir) else { continue };
                if list.is_empty() || list.contains(&no) {
                    continue;
                }
                // "Phase 4" also matches a skill with only 4.1, 4.2 …
                if no.1.is_none() && list.iter().any(|(a, _)| *a == no.0) {
                    continue;
                }
                let phase_span = Span::new(phase_at, base + num.end());
                let _ = at;
                let near = list.iter().filter(|(a, _)| *a == no.0).map(|n| show(*n)).collect::<Vec<_>>();
                let diag = Diagnostic::new(&UNKNOWN, doc.file, phase_span, format!("Phase {} does not exist in {whose}", show(no)));
                out.push(if near.is_empty() {
                    let all: Vec<String> = list.iter().map(|n| show(*n)).collect();
                    diag.help(format!("its phases are {}", all.join(", ")))
                } else {
                    diag.help(format!("did you mean Phase {}?", near.join(" or Phase ")))
                });
            }
        }
        let _ = mine;
    }
}
