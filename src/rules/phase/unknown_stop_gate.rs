//! The `unknown-stop-gate` rule (PH006).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::source::Span;

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
    pub static RULE = { id: "PH006", name: "unknown-stop-gate", family: Phase, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let gates = super::gates(cx);
    let any_re = crate::regex!(r"STOP GATE[ \t]+(\d+)(?-u:\b)");
    for (doc, own) in &gates.docs {
        let Some(list) = gates.decls.get(own) else {
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
                        &RULE,
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
