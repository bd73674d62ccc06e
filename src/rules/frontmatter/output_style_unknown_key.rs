//! The `output-style-unknown-key` rule (OS003).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

/// The keys an output style's frontmatter has.
const KEYS: &[&str] = &[
    "name",
    "description",
    "keep-coding-instructions",
    "force-for-plugin",
];

declare_rule! {
    /// An output style's frontmatter has a key Claude Code does not read.
    ///
    /// ## What it does
    /// Reports keys of an output style's frontmatter other than `name`,
    /// `description`, `keep-coding-instructions` and `force-for-plugin`,
    /// with the nearest known key.
    ///
    /// ## Why it matters
    /// Claude Code ignores the key: a misspelled flag or a skill's field
    /// such as `model` does nothing.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/output-styles/terse.md <==
    /// ---
    /// description: Short answers, no preamble.
    /// keep-coding-instruction: true
    /// ---
    /// Answer in as few words as possible.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/output-styles/terse.md <==
    /// ---
    /// description: Short answers, no preamble.
    /// keep-coding-instructions: true
    /// ---
    /// Answer in as few words as possible.
    /// ```
    pub static RULE = { id: "OS003", name: "output-style-unknown-key", family: Frontmatter, severity: Warning, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for d in super::output_styles(cx.project) {
        let Some(fm) = d.fm.as_deref() else { continue };
        for k in fm.keys.iter().filter(|k| !KEYS.contains(&k.name.as_str())) {
            let diag = Diagnostic::new(
                &RULE,
                d.file,
                k.span,
                format!("output styles have no `{}` key; Claude Code ignores it", k.name),
            );
            out.push(match crate::text::suggest_among(&k.name, KEYS) {
                Some(n) => diag.help(format!("did you mean `{n}`?")),
                None => diag.help(format!("an output style has only: {}", KEYS.join(", "))),
            });
        }
    }
}
