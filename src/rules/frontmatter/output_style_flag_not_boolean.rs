//! The `output-style-flag-not-boolean` rule (OS002).

use crate::declare_rule;
use crate::model::value::Kind;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// An output style's `keep-coding-instructions` or `force-for-plugin` is not a boolean.
    ///
    /// ## What it does
    /// Reports `keep-coding-instructions` or `force-for-plugin` in an
    /// output style's frontmatter whose value is not `true` or `false`.
    ///
    /// ## Why it matters
    /// Claude Code reads the flag as a boolean: `"yes"` or `1` is not
    /// `true`, so the style drops the coding instructions (or is not
    /// forced) against what was written.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/output-styles/terse.md <==
    /// ---
    /// description: Short answers, no preamble.
    /// keep-coding-instructions: yes
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
    pub static RULE = { id: "OS002", name: "output-style-flag-not-boolean", family: Frontmatter, severity: Warning, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for d in super::output_styles(cx.project) {
        let Some(fm) = d.fm.as_deref() else { continue };
        for (key, f) in [
            ("keep-coding-instructions", &fm.keep_coding_instructions),
            ("force-for-plugin", &fm.force_for_plugin),
        ] {
            let Some(f) = f.as_deref() else { continue };
            let written = match &f.value {
                Ok(s) if s.kind == Kind::Bool => continue,
                Ok(s) => format!("`{}`", s.text),
                Err(k) => format!("a {}", k.name()),
            };
            out.push(
                Diagnostic::new(
                    &RULE,
                    d.file,
                    f.span,
                    format!("`{key}` is {written}, not `true` or `false`"),
                )
                .help(format!("write `{key}: true` or `{key}: false`")),
            );
        }
    }
}
