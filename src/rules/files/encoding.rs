//! GEN003 bom, GEN004 file-too-large, GEN008 not-utf8.

use crate::declare_rule;
use crate::model::Problem;
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
    pub static BOM = { id: "GEN003", name: "byte-order-mark", family: Files, severity: Warning }
}

declare_rule! {
    /// A file is too large to be loaded.
    ///
    /// ## What it does
    /// Reports markdown files over 1 MiB (Claude Code skips skills, commands
    /// and agents above that size) and any file over skillc's 8 MiB read cap.
    ///
    /// ## Why it matters
    /// The runtime drops the file with only a debug log: the skill silently
    /// disappears.
    ///
    /// ## Example
    /// A SKILL.md of 1.5 MiB.
    ///
    /// ## Use instead
    /// Move detail into `references/` files that the skill links to.
    pub static TOO_LARGE = { id: "GEN004", name: "file-too-large", family: Files, severity: Error }
}

declare_rule! {
    /// A file is not valid UTF-8.
    ///
    /// ## What it does
    /// Reports markdown and JSON files that do not decode as UTF-8, with the
    /// offset of the first bad byte.
    ///
    /// ## Why it matters
    /// Claude Code decodes plugin files as UTF-8; invalid bytes become
    /// replacement characters or make JSON unparseable.
    ///
    /// ## Example
    /// A SKILL.md saved in Latin-1 with an `é`.
    ///
    /// ## Use instead
    /// Re-save the file as UTF-8.
    pub static NOT_UTF8 = { id: "GEN008", name: "not-utf8", family: Files, severity: Error }
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
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
    for p in &cx.project.problems {
        match p {
            Problem::NotUtf8 { file, offset } => out.push(
                Diagnostic::new(
                    &NOT_UTF8,
                    *file,
                    Span::empty(0),
                    format!("the file is not valid UTF-8 (first bad byte at offset {offset})"),
                )
                .help("re-save the file with UTF-8 encoding"),
            ),
            Problem::TooLarge { file, size, limit } => out.push(
                Diagnostic::new(
                    &TOO_LARGE,
                    *file,
                    Span::empty(0),
                    format!(
                        "the file is {size} bytes, over the {limit}-byte limit; it was not checked"
                    ),
                )
                .help("Claude Code skips markdown over 1 MiB: move detail into references/ files"),
            ),
            _ => {}
        }
    }
}

fn bom(file: crate::source::FileId) -> Diagnostic {
    Diagnostic::new(
        &BOM,
        file,
        Span::new(0, 3),
        "the file starts with a byte order mark",
    )
    .help("remove the BOM: Claude Code then sees no frontmatter, and JSON.parse rejects it")
}
