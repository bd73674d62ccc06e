//! The `byte-order-mark` rule (GEN003).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::source::Span;

declare_rule! {
    /// A file starts with a UTF-8 byte order mark.
    ///
    /// ## What it does
    /// Reports a markdown or JSON file whose first bytes are `EF BB BF`; an
    /// error when it hides a skill's, command's or agent's frontmatter.
    ///
    /// ## Why it matters
    /// Claude Code looks for `---` at the first byte: with a BOM the skill's
    /// frontmatter is not seen at all, and the Agent Skills validator fails
    /// the file. `JSON.parse` rejects a BOM in manifests.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ﻿---
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
    pub static RULE = { id: "GEN003", name: "byte-order-mark", family: Files, severity: Warning, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for doc in &cx.project.docs {
        if doc.bom {
            let hides_frontmatter = cx.text(doc.file)[3..].starts_with("---")
                && doc.kind != crate::model::DocKind::Other;
            let d = bom(doc.file);
            out.push(if hides_frontmatter {
                d.severity(crate::rules::diag::Severity::Error)
                    .help("remove the BOM: Claude Code looks for --- at the first byte and sees no frontmatter, so the name, description and tools are lost")
            } else {
                d
            });
        }
    }
    for jf in &cx.project.json {
        if cx.text(jf.file).starts_with('\u{feff}') {
            out.push(bom(jf.file));
        }
    }
}

fn bom(file: crate::source::FileId) -> Diagnostic {
    Diagnostic::new(
        &RULE,
        file,
        Span::new(0, 3),
        "the file starts with a byte order mark",
    )
    .help("remove the BOM: Claude Code then sees no frontmatter, and JSON.parse rejects it")
}
