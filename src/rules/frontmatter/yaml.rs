//! SK002 yaml-invalid, SK003 yaml-lenient-only, SK004 frontmatter-not-mapping,
//! SK028 duplicate-frontmatter-key.

use super::{components, kind_name};
use crate::declare_rule;
use crate::parse::frontmatter::{FrontmatterState, YamlParse};
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::source::Span;

declare_rule! {
    /// The frontmatter is not valid YAML, even for Claude Code's lenient loader.
    ///
    /// ## What it does
    /// Parses the frontmatter strictly and, when that fails, the way Claude
    /// Code retries (quoting values with special characters, expanding tabs).
    /// Reports files that fail both.
    ///
    /// ## Why it matters
    /// The component loads with empty metadata: no name, no description, no
    /// allowed tools.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: "Deploys the demo app.
    /// ---
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: "Deploys the demo app. Use when shipping a release."
    /// ---
    /// ```
    pub static INVALID = { id: "SK002", name: "yaml-invalid", family: Frontmatter, severity: Error }
}

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
    pub static LENIENT = { id: "SK003", name: "yaml-lenient-only", family: Frontmatter, severity: Error }
}

declare_rule! {
    /// The frontmatter is not a mapping of keys to values.
    ///
    /// ## What it does
    /// Reports frontmatter that parses to a list, a scalar or nothing.
    ///
    /// ## Why it matters
    /// Claude Code rejects it: `Frontmatter must be a YAML mapping`.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// - deploy
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
    pub static NOT_MAPPING = { id: "SK004", name: "frontmatter-not-mapping", family: Frontmatter, severity: Error }
}

declare_rule! {
    /// A frontmatter key appears twice.
    ///
    /// ## What it does
    /// Reports repeated keys in one frontmatter mapping.
    ///
    /// ## Why it matters
    /// Strict loaders (skills-ref, claude.ai upload, js-yaml) reject the file;
    /// lenient ones keep one of the values, and which one depends on the loader.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// description: Ships releases.
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
    pub static DUPLICATE_KEY = { id: "SK028", name: "duplicate-frontmatter-key", family: Frontmatter, severity: Error }
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for d in components(cx.project) {
        let FrontmatterState::Present(fm) = &d.frontmatter else {
            continue;
        };
        let what = kind_name(d.kind);
        let point = |s: Span| {
            if s.is_empty() && (s.start as usize) < cx.text(d.file).len() {
                Span::new(s.start as usize, s.start as usize + 1)
            } else {
                s
            }
        };
        match &fm.parse {
            YamlParse::Invalid(e) => out.push(
                Diagnostic::new(
                    &INVALID,
                    d.file,
                    point(e.span),
                    format!("frontmatter is not valid YAML: {}", e.message),
                )
                .help(format!(
                    "fix the YAML; at runtime this {what} loads with empty metadata"
                )),
            ),
            YamlParse::Lenient { error, fixed, .. } => {
                let span = fixed.first().map_or(error.span, |(s, _)| *s);
                let mut diag = Diagnostic::new(&LENIENT, d.file, span, format!("strict YAML rejects this frontmatter ({})", error.message))
                    .primary_label("quote this value")
                    .help("wrap the value in double quotes; Claude Code's retry accepts it, but skills-ref, claude.ai uploads and PyYAML drop the file");
                for (f, _) in fixed.iter().skip(1) {
                    diag = diag.label(d.file, *f, "and this one");
                }
                // The fix writes what Claude Code's retry reads.
                let edits = fixed
                    .iter()
                    .map(|(span, text)| crate::rules::diag::Edit {
                        file: d.file,
                        span: *span,
                        text: text.clone(),
                    })
                    .collect();
                out.push(diag.fix("quote the value", edits));
            }
            YamlParse::Strict(_) => {}
        }
        let Some(doc) = fm.doc() else { continue };
        match &doc.root {
            Some(r) if r.is_map() => {}
            Some(r) => out.push(
                Diagnostic::new(
                    &NOT_MAPPING,
                    d.file,
                    r.span,
                    format!("frontmatter is a {}, not a mapping", r.type_name()),
                )
                .help("write key: value pairs (name: …, description: …)"),
            ),
            None => out.push(
                Diagnostic::new(&NOT_MAPPING, d.file, fm.span, "frontmatter is empty")
                    .help("add name: … and description: …"),
            ),
        }
        for (dup, first, key) in &doc.duplicate_keys {
            out.push(
                Diagnostic::new(
                    &DUPLICATE_KEY,
                    d.file,
                    *dup,
                    format!("key `{key}` appears twice"),
                )
                .label(d.file, *first, "first defined here")
                .help("keep one; strict YAML loaders reject duplicate keys"),
            );
        }
    }
}
