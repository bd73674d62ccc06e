//! The `yaml-lenient-only` rule (SK003).

use super::components;
use crate::declare_rule;
use crate::parse::frontmatter::{FrontmatterState, QUOTE_FIX, QUOTE_HELP, YamlParse};
use crate::rules::Context;
use crate::rules::diag::{Diagnostic, Edit};

declare_rule! {
    /// The frontmatter is valid only through Claude Code's lenient retry.
    ///
    /// ## What it does
    /// Reports frontmatter that strict YAML rejects but Claude Code's retry
    /// accepts: an unquoted `: ` inside a value, a value starting with `[`,
    /// `*` or `` ` ``, tab indentation.
    ///
    /// ## Why it matters
    /// Claude Code loads it, but the Agent Skills validator (skills-ref),
    /// claude.ai and Skills API uploads, PyYAML-based tools and Claude Code
    /// 2.1.197's `plugin validate` all reject it, so the skill is dropped
    /// everywhere else.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when: shipping a release.
    /// ---
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: "Deploys the demo app. Use when: shipping a release."
    /// ---
    /// ```
    pub static RULE = { id: "SK003", name: "yaml-lenient-only", family: Frontmatter, severity: Error, spec: true, fix: true, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for d in components(cx.project) {
        let FrontmatterState::Present(fm) = &d.frontmatter else {
            continue;
        };
        let YamlParse::Lenient { error, fixed, .. } = &fm.parse else {
            continue;
        };
        let span = fixed.first().map_or(error.span, |(s, _)| *s);
        let mut diag = Diagnostic::new(&RULE, d.file, span, format!("strict YAML rejects this frontmatter ({})", error.message))
            .primary_label("quote this value")
            .help(if d.kind == crate::model::DocKind::Skill {
                format!("{QUOTE_HELP}; Claude Code's retry accepts it, but skills-ref, claude.ai uploads and PyYAML drop the file")
            } else {
                format!("{QUOTE_HELP}; Claude Code's retry accepts it, but `claude plugin validate` and YAML tools reject the file")
            });
        for (f, _) in fixed.iter().skip(1) {
            diag = diag.label(d.file, *f, "and this one");
        }
        // The fix writes what Claude Code's retry reads.
        let edits = fixed
            .iter()
            .map(|(span, text)| Edit {
                file: d.file,
                span: *span,
                text: text.clone(),
            })
            .collect();
        out.push(diag.fix(QUOTE_FIX, edits));
    }
}
