//! PH003 unknown-phase-mention, PH005 historical-phase-mention.

use super::{PhaseNo, parse_no, phase_docs, phase_headings, scope, show};
use crate::declare_rule;
use crate::model::Doc;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
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

/// Phase headings and bold phase openings of every phase doc, by file.
fn declarations(cx: &Context<'_>) -> HashMap<crate::source::FileId, Vec<super::PhaseHeading>> {
    use rayon::prelude::*;
    let docs: Vec<&Doc> = phase_docs(cx.project).collect();
    docs.par_iter()
        .map(|doc| {
            let text = cx.text(doc.file);
            let mut heads = phase_headings(doc, text);
            heads.extend(super::bold_phases(doc, text));
            (doc.file, heads)
        })
        .collect()
}

/// Declared phases per scope (skill directory, or the file outside skills).
fn declared<'a>(
    cx: &Context<'a>,
    heads: &HashMap<crate::source::FileId, Vec<super::PhaseHeading>>,
) -> HashMap<&'a str, Vec<PhaseNo>> {
    let mut map: HashMap<&str, Vec<PhaseNo>> = HashMap::new();
    for doc in phase_docs(cx.project) {
        let entry = map.entry(scope(cx.project, &doc.path)).or_default();
        if let Some(h) = heads.get(&doc.file) {
            entry.extend(h.iter().map(|h| h.no));
        }
    }
    map
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    use rayon::prelude::*;
    let project = cx.project;
    let heads = declarations(cx);
    let table = declared(cx, &heads);
    let by_name = project.skills_by_name();
    let re = crate::regex!(r"(?-u:\b)Phases?\s+(\d+(?:\.\d+)?)(?-u:\b)");
    // The skill named just before a mention: `cluster-install Phase 5`,
    // `` `cozystack:cluster-install` Phase 5 ``, `cluster-install's Phase 5`.
    let before =
        crate::regex!(r"(?:[A-Za-z0-9][A-Za-z0-9_-]*:)?([a-z0-9][a-z0-9-]*)(?:'s|’s)?[`*_\s]*$");
    let hist = crate::regex!(
        r"(?i)(?-u:\b)(?:used\s+to\s+be|formerly|previously|was\s+once|the\s+old|renamed\s+from|folded\s+into|what\s+was)\s+(?:the\s+)?(?:old\s+)?Phase\s+\d+(?:\.\d+)?"
    );
    // Docs are independent once the tables are built.
    let docs: Vec<&crate::model::Doc> = phase_docs(project)
        .filter(|d| cx.phase_in_focus(&d.path))
        .collect();
    let found: Vec<Diagnostic> = docs
        .par_iter()
        .flat_map_iter(|doc| {
            let mut out = Vec::new();
            let own = scope(project, &doc.path);
            if table.get(own).is_none_or(|v| v.is_empty()) {
                return out;
            }
            let text = cx.text(doc.file);
            // Where the doc says "phase" at all: runs without one are skipped
            // without running the mention patterns on them.
            let said: Vec<usize> = crate::regex!(r"(?i)phase")
                .find_iter(text)
                .map(|m| m.start())
                .collect();
            if said.is_empty() {
                return out;
            }
            let heading_starts: Vec<Span> = heads
                .get(&doc.file)
                .map(|h| h.iter().map(|h| h.span).collect())
                .unwrap_or_default();
            // Scopes of this doc's plugin start with this ("" for a root plugin).
            let plugin_prefix = project.plugin_of(&doc.path).map(|p| {
                if p.dir.is_empty() {
                    String::new()
                } else {
                    format!("{}/", p.dir)
                }
            });
            for run in doc.md.text.iter().chain(doc.md.inline_code.iter()) {
                let Some(src) = text.get(run.range()) else {
                    continue;
                };
                let first = said.partition_point(|&at| at < run.start as usize);
                if said.get(first).is_none_or(|&at| at + 5 > run.end as usize) {
                    continue;
                }
                let base = run.start as usize;
                let mut historic: Vec<(usize, usize)> = Vec::new();
                for m in hist.find_iter(src) {
                    historic.push((m.start(), m.end()));
                    out.push(
                        Diagnostic::new(
                            &HISTORICAL,
                            doc.file,
                            Span::new(base + m.start(), base + m.end()),
                            format!("`{}` refers to a phase that no longer exists", m.as_str()),
                        )
                        .help("describe the current step instead of its history"),
                    );
                }
                for c in re.captures_iter(src) {
                    let (Some(all), Some(num)) = (c.get(0), c.get(1)) else {
                        continue;
                    };
                    if historic
                        .iter()
                        .any(|(a, b)| num.start() >= *a && num.end() <= *b)
                    {
                        continue;
                    }
                    let phase_at = base
                        + all
                            .as_str()
                            .rfind("Phase")
                            .map_or(all.start(), |i| all.start() + i);
                    if heading_starts.iter().any(|h| h.start as usize == phase_at) {
                        continue;
                    }
                    let Some(no) = parse_no(num.as_str()) else {
                        continue;
                    };
                    // Declares `no`; "Phase 4" also matches a list with only 4.1, 4.2 …
                    let has = |l: &Vec<PhaseNo>| {
                        l.contains(&no) || (no.1.is_none() && l.iter().any(|(a, _)| *a == no.0))
                    };
                    let phase_abs = base + all.start();
                    let mut from = phase_abs.saturating_sub(80);
                    while !text.is_char_boundary(from) {
                        from += 1;
                    }
                    let named = before
                        .captures(&text[from..phase_abs])
                        .and_then(|b| b.get(1))
                        .map(|m| m.as_str())
                        .filter(|n| by_name.contains_key(n));
                    let target: Option<&str> = named.map(|n| by_name[n]);
                    let Some(list) = table.get(target.unwrap_or(own)) else {
                        continue;
                    };
                    if list.is_empty() || has(list) {
                        continue;
                    }
                    // A skill named elsewhere on the same line that has this phase
                    // (`Phase 8 of cluster-install`, `` `cluster-install` Phase 4 + Phase 5.5 ``).
                    if target.is_none() {
                        let file = cx.db.get(doc.file);
                        let line = file.slice(file.line_span(file.line_col(phase_abs).0));
                        let elsewhere = by_name.iter().any(|(n, dir)| {
                            *dir != own
                                && crate::text::names_word(line, n)
                                && table.get(*dir).is_some_and(has)
                        });
                        if elsewhere {
                            continue;
                        }
                    }
                    let whose = match named {
                        Some(n) => format!("skill `{n}`"),
                        None if project.skill_of(&doc.path).is_some() => "this skill".to_string(),
                        None => "this file".to_string(),
                    };
                    let phase_span = Span::new(phase_at, base + num.end());
                    // Declared by another skill or command of the same plugin: the
                    // mention is ambiguous rather than dangling.
                    let owners: Vec<&&str> = match (&target, &plugin_prefix) {
                        (None, Some(prefix)) => table
                            .iter()
                            .filter(|(scope, l)| {
                                **scope != own && scope.starts_with(prefix.as_str()) && has(l)
                            })
                            .map(|(scope, _)| scope)
                            .collect(),
                        _ => Vec::new(),
                    };
                    if !owners.is_empty() {
                        let mut names: Vec<&str> = owners
                            .iter()
                            .map(|s| {
                                s.trim_end_matches("/SKILL.md")
                                    .rsplit('/')
                                    .next()
                                    .unwrap_or(s)
                            })
                            .collect();
                        names.sort();
                        out.push(
                            Diagnostic::new(
                                &UNKNOWN,
                                doc.file,
                                phase_span,
                                format!(
                                    "Phase {} is not in {whose}; it is declared by {}",
                                    show(no),
                                    names.join(", ")
                                ),
                            )
                            .severity(crate::rules::diag::Severity::Warning)
                            .help(format!(
                                "name the owner: `{} Phase {}`",
                                names[0].trim_end_matches(".md"),
                                show(no)
                            )),
                        );
                        continue;
                    }
                    let near = list
                        .iter()
                        .filter(|(a, _)| *a == no.0)
                        .map(|n| show(*n))
                        .collect::<Vec<_>>();
                    let diag = Diagnostic::new(
                        &UNKNOWN,
                        doc.file,
                        phase_span,
                        format!("Phase {} does not exist in {whose}", show(no)),
                    );
                    out.push(if near.is_empty() {
                        let all: Vec<String> = list.iter().map(|n| show(*n)).collect();
                        diag.help(format!("its phases are {}", all.join(", ")))
                    } else {
                        diag.help(format!("did you mean Phase {}?", near.join(" or Phase ")))
                    });
                }
            }
            out
        })
        .collect();
    out.extend(found);
}
