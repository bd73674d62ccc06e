//! PH004 duplicate-stop-gate, PH006 unknown-stop-gate.

use super::{phase_docs, scope};
use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::source::Span;
use std::collections::HashMap;

declare_rule! {
    /// Two STOP GATEs share a number.
    ///
    /// ## What it does
    /// A STOP GATE is declared by a heading or a line that starts with
    /// `STOP GATE k`. Reports numbers declared twice in one skill.
    ///
    /// ## Why it matters
    /// "Wait at STOP GATE 2" must mean one place; duplicate numbers make
    /// approvals ambiguous before destructive steps.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ## STOP GATE 1 — approve the plan
    /// ## STOP GATE 1 — approve the rollout
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ## STOP GATE 1 — approve the plan
    /// ## STOP GATE 2 — approve the rollout
    /// ```
    pub static DUPLICATE = { id: "PH004", name: "duplicate-stop-gate", family: Phase, severity: Error }
}

declare_rule! {
    /// A mention of `STOP GATE k` matches no declared gate.
    ///
    /// ## What it does
    /// In skills that declare numbered STOP GATEs, every `STOP GATE k` in the
    /// prose must be declared.
    ///
    /// ## Why it matters
    /// An instruction to stop at a gate that does not exist is an approval
    /// step that never happens.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ## STOP GATE 1 — approve the plan
    /// After the rollout, wait at STOP GATE 2.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ## STOP GATE 1 — approve the plan
    /// After the rollout, wait at STOP GATE 1.
    /// ```
    pub static UNKNOWN = { id: "PH006", name: "unknown-stop-gate", family: Phase, severity: Error }
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let project = cx.project;
    let decl_re = crate::regex!(
        r"(?m)^[ \t]*(?:#{1,6}[ \t]+.*?STOP GATE[ \t]+(\d+)(?-u:\b)|(?:>[ \t]*|[-*][ \t]+)?(?:\*\*|__)?STOP GATE[ \t]+(\d+)(?:[ \t]*(?:[—–:.)-]|\*\*|__|$)))"
    );
    let any_re = crate::regex!(r"STOP GATE[ \t]+(\d+)(?-u:\b)");
    // Each doc with its scope (skill directory, or the doc outside skills);
    // under --files/--since, only scopes with a reportable file.
    let mut docs: Vec<(&crate::model::Doc, &str)> = phase_docs(project)
        .map(|d| (d, scope(project, &d.path)))
        .collect();
    if cx.focus.is_some() {
        let wanted: std::collections::HashSet<&str> = docs
            .iter()
            .filter(|(d, _)| cx.phase_in_focus(&d.path))
            .map(|(_, s)| *s)
            .collect();
        docs.retain(|(_, s)| wanted.contains(s));
    }
    // Declarations per skill.
    let mut decls: HashMap<&str, Vec<(u32, crate::source::FileId, Span)>> = HashMap::new();
    for (doc, own) in &docs {
        let text = cx.text(doc.file);
        let body = &text[doc.body_start..];
        // The declaration pattern is anchored per line and has no literal
        // prefix for the regex engine to skip ahead with.
        if !body.contains("STOP GATE") {
            continue;
        }
        for c in decl_re.captures_iter(body) {
            let Some(n) = c.get(1).or_else(|| c.get(2)) else {
                continue;
            };
            let start = doc.body_start + n.start();
            if doc.md.in_code(start) {
                continue;
            }
            let all = c.get(0).map_or(n.start(), |a| a.start());
            let gate_at = doc.body_start + all + body[all..].find("STOP").unwrap_or(0);
            let Ok(k) = n.as_str().parse::<u32>() else {
                continue;
            };
            decls.entry(own).or_default().push((
                k,
                doc.file,
                Span::new(gate_at, doc.body_start + n.end()),
            ));
        }
    }
    for list in decls.values() {
        for (i, (k, file, span)) in list.iter().enumerate() {
            if let Some((_, f0, s0)) = list[..i].iter().find(|(k0, _, _)| k0 == k) {
                out.push(
                    Diagnostic::new(
                        &DUPLICATE,
                        *file,
                        *span,
                        format!("STOP GATE {k} is declared twice"),
                    )
                    .label(*f0, *s0, "first declared here")
                    .help("number the gates in order, each once"),
                );
            }
        }
    }
    for (doc, own) in &docs {
        let Some(list) = decls.get(own) else {
            continue;
        };
        let text = cx.text(doc.file);
        if !text.contains("STOP GATE") {
            continue;
        }
        for run in &doc.md.text {
            let Some(src) = text.get(run.range()) else {
                continue;
            };
            for c in any_re.captures_iter(src) {
                let (Some(all), Some(n)) = (c.get(0), c.get(1)) else {
                    continue;
                };
                let Ok(k) = n.as_str().parse::<u32>() else {
                    continue;
                };
                if list.iter().any(|(d, _, _)| *d == k) {
                    continue;
                }
                let declared: Vec<String> = list.iter().map(|(d, _, _)| d.to_string()).collect();
                out.push(
                    Diagnostic::new(
                        &UNKNOWN,
                        doc.file,
                        Span::new(
                            run.start as usize + all.start(),
                            run.start as usize + all.end(),
                        ),
                        format!("STOP GATE {k} is not declared in this skill"),
                    )
                    .help(format!("declared gates: {}", declared.join(", "))),
                );
            }
        }
    }
}
