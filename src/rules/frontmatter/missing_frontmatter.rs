//! The `missing-frontmatter` rule (SK001).

use super::{components, kind_name};
use crate::declare_rule;
use crate::model::DocKind;
use crate::parse::frontmatter::FrontmatterState;
use crate::rules::Context;
use crate::rules::diag::{Diagnostic, Severity};
use crate::source::Span;

declare_rule! {
    /// A skill, command or agent has no YAML frontmatter.
    ///
    /// ## What it does
    /// Reports component files that do not start with a `---` block. An error
    /// for SKILL.md (the Agent Skills spec requires `name` and `description`),
    /// a warning for commands and agents (Claude Code falls back to the file
    /// name and the first paragraph).
    ///
    /// ## Why it matters
    /// Without a description Claude does not know when to use the component.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// # Deploy
    ///
    /// Deploys the demo app.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// # Deploy
    /// ```
    pub static RULE = { id: "SK001", name: "missing-frontmatter", family: Frontmatter, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for d in components(cx.project) {
        if !matches!(d.frontmatter, FrontmatterState::Missing) {
            continue;
        }
        let what = kind_name(d.kind);
        let text = cx.text(d.file);
        let end = text.find('\n').unwrap_or(text.len()).min(text.len());
        let diag = Diagnostic::new(
            &RULE,
            d.file,
            Span::new(d.body_start, end.max(d.body_start)),
            format!("this {what} has no YAML frontmatter"),
        )
        .help("start the file with ---, name: …, description: …, ---");
        out.push(if d.kind == DocKind::Skill {
            diag
        } else {
            diag.severity(Severity::Warning)
        });
    }
}
