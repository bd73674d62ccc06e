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
    /// A SKILL.md without frontmatter still loads in Claude Code (a warning
    /// for target claude-code) but is rejected by claude.ai uploads, the
    /// Skills API and skills-ref (an error for agent-skills). An agent
    /// without it has no name or description (a warning). A command falls
    /// back to its first line for a description (a note).
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
    pub static RULE = { id: "SK001", name: "missing-frontmatter", family: Frontmatter, severity: Error, spec: true, check: check }
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
        // A skill without frontmatter loads in Claude Code with empty
        // metadata (an error for the Agent Skills consumers: a spec rule);
        // an agent needs its name and description; a command's first line
        // becomes its description, so frontmatter is optional there.
        out.push(match d.kind {
            DocKind::Skill => diag,
            DocKind::Command => diag.severity(Severity::Info),
            _ => diag.severity(Severity::Warning),
        });
    }
}
