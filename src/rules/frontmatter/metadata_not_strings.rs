//! The `metadata-not-strings` rule (AS015).

use super::{complex_entries, mappings, type_name};
use crate::declare_rule;
use crate::model::DocKind;
use crate::model::value::{Opaque, Present};
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// `metadata` values are not strings.
    ///
    /// ## What it does
    /// The Agent Skills spec defines `metadata` as a map of string keys to
    /// string values; reports nested maps, lists and non-string scalars.
    ///
    /// ## Why it matters
    /// Other Agent Skills consumers coerce or reject them; Claude Code keeps
    /// them as they are.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// metadata:
    ///   owners:
    ///     - ops
    /// ---
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// metadata:
    ///   owners: ops
    /// ---
    /// ```
    pub static RULE = { id: "AS015", name: "metadata-not-strings", family: Frontmatter, severity: Warning, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (d, fm) in mappings(cx.project) {
        if d.kind != DocKind::Skill {
            continue;
        }
        for f in fm.readings() {
            let Some((entries, span)) = f.metadata.spanned() else {
                continue;
            };
            // Keys that are not scalars are named `?`.
            let complex = complex_entries::<Opaque>(d, span);
            let named = entries.iter().map(|e| (e, e.key.as_str()));
            for (e, key) in named.chain(complex.iter().map(|e| (e, "?"))) {
                let Some(kind) = e.ok().map(|v| v.kind).filter(|k| !k.is_scalar()) else {
                    continue;
                };
                out.push(
                    Diagnostic::new(
                        &RULE,
                        d.file,
                        e.span,
                        format!("metadata `{key}` is a {}, not a string", type_name(kind)),
                    )
                    .help("flatten it into a string value"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::testing::{check_listing, of_rule};

    /// Every entry written is checked: each value of a key written twice,
    /// and a key that is not a scalar (named `?`).
    #[test]
    fn every_entry_is_checked() {
        let listing = "==> plugins/demo/skills/deploy/SKILL.md <==
---
name: deploy
description: Deploys the demo app. Use when shipping a release.
metadata:
  owners: [a]
  owners: {b: c}
  ? [d]
  : [e]
---
";
        let (_d, _l, diags) = check_listing(listing);
        let got: Vec<&str> = of_rule(&diags, &super::RULE)
            .iter()
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(
            got,
            [
                "metadata `owners` is a list, not a string",
                "metadata `owners` is a mapping, not a string",
                "metadata `?` is a list, not a string",
            ]
        );
    }
}
