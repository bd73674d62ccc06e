//! The `output-style-description-missing` rule (OS001).

use crate::declare_rule;
use crate::model::value::Present;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::source::Span;

declare_rule! {
    /// An output style has no frontmatter or no `description`.
    ///
    /// ## What it does
    /// Reports a plugin's `output-styles/*.md` without frontmatter, or
    /// whose frontmatter has no `description` (or an empty one).
    ///
    /// ## Why it matters
    /// Claude Code lists the style in `/output-style` by its description:
    /// without one the user sees a bare name and cannot tell what the
    /// style does.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/output-styles/terse.md <==
    /// ---
    /// name: Terse
    /// ---
    /// Answer in as few words as possible.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/output-styles/terse.md <==
    /// ---
    /// name: Terse
    /// description: Short answers, no preamble.
    /// ---
    /// Answer in as few words as possible.
    /// ```
    pub static RULE = { id: "OS001", name: "output-style-description-missing", family: Frontmatter, severity: Warning, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for d in super::output_styles(cx.project) {
        let (message, help) = match d.fm.as_deref() {
            None if matches!(
                d.frontmatter,
                crate::parse::frontmatter::FrontmatterState::Missing
            ) =>
            {
                (
                    "output style has no frontmatter",
                    "start the file with `---`, `description: what the style does`, `---`",
                )
            }
            None => continue,
            Some(fm) => match fm.description.val() {
                Some(s) if !s.text.trim().is_empty() => continue,
                _ => (
                    "output style has no `description`",
                    "add `description: what the style does` to the frontmatter",
                ),
            },
        };
        out.push(
            Diagnostic::new(&RULE, d.file, Span::new(0, 0), message).help(help),
        );
    }
}
