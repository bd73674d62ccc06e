//! SK001 missing-frontmatter, SK027 unclosed-frontmatter, AS001 frontmatter-not-at-start.

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
    pub static MISSING = { id: "SK001", name: "missing-frontmatter", family: Frontmatter, severity: Error }
}

declare_rule! {
    /// The frontmatter's opening `---` is never closed.
    ///
    /// ## What it does
    /// Reports a file that starts with `---` but has no closing `---` line.
    ///
    /// ## Why it matters
    /// Every loader reads the whole file as frontmatter or none of it: the
    /// component loses its metadata.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    ///
    /// # Deploy
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    ///
    /// # Deploy
    /// ```
    pub static UNCLOSED = { id: "SK027", name: "unclosed-frontmatter", family: Frontmatter, severity: Error }
}

declare_rule! {
    /// The frontmatter does not start at the first byte of the file.
    ///
    /// ## What it does
    /// Reports a `---` block preceded by blank lines.
    ///
    /// ## Why it matters
    /// Claude Code and the Agent Skills validator look for `---` at byte 0;
    /// a leading blank line means the block is read as body text and the
    /// metadata is lost.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    ///
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ```
    pub static NOT_AT_START = { id: "AS001", name: "frontmatter-not-at-start", family: Frontmatter, severity: Error }
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for d in components(cx.project) {
        let what = kind_name(d.kind);
        match &d.frontmatter {
            FrontmatterState::Missing => {
                let text = cx.text(d.file);
                let end = text.find('\n').unwrap_or(text.len()).min(text.len());
                let diag = Diagnostic::new(
                    &MISSING,
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
            FrontmatterState::Unclosed { span } => out.push(
                Diagnostic::new(
                    &UNCLOSED,
                    d.file,
                    *span,
                    "frontmatter opened here is never closed",
                )
                .help("add a line with --- after the last frontmatter key"),
            ),
            FrontmatterState::NotAtStart { span } => out.push(
                Diagnostic::new(
                    &NOT_AT_START,
                    d.file,
                    *span,
                    "frontmatter must start at the first line of the file",
                )
                .help("delete the blank lines before ---; loaders see no frontmatter otherwise"),
            ),
            FrontmatterState::Present(_) => {}
        }
    }
}
