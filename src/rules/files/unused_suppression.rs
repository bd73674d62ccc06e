//! Suppression comments that silence nothing. The engine applies
//! suppressions after every other check and reports the unused ones under
//! this rule.

use crate::declare_rule;
use crate::rules::diag::Diagnostic;
use crate::rules::{Context, Late, UnusedWhat};

declare_rule! {
    /// A suppression comment that silences nothing.
    ///
    /// ## What it does
    /// Reports a `skillc-disable…` comment (markdown) or `# skillc: disable=…`
    /// comment (shell) naming a rule that reports nothing on the lines it
    /// covers, or naming no rule at all.
    ///
    /// ## Why it matters
    /// A suppression outlives the finding it was written for: the text is
    /// fixed, the comment stays, and later a real finding on that line is
    /// silenced without anyone deciding so. A misspelt id silences nothing
    /// while looking as if it did.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// # Deploy
    ///
    /// <!-- skillc-disable-next-line XREF001 -->
    /// See [the guide](references/guide.md).
    /// ==> plugins/demo/skills/deploy/references/guide.md <==
    /// # Guide
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
    ///
    /// See [the guide](references/guide.md).
    /// ==> plugins/demo/skills/deploy/references/guide.md <==
    /// # Guide
    /// ```
    ///
    /// ## Configuration
    /// Suppressions of rules that are turned off for the file, and of
    /// `SH010 shellcheck` when `--shellcheck` is not given, are not reported.
    pub static RULE = { id: "GEN011", name: "unused-suppression", family: Files, severity: Warning, late: check }
}

fn check(_: &Context<'_>, late: &Late<'_>, out: &mut Vec<Diagnostic>) {
    for u in late.unused {
        let d = match &u.what {
            UnusedWhat::All => Diagnostic::new(
                &RULE,
                u.file,
                u.span,
                "`all` is suppressed here but no rule reports anything",
            )
            .help("remove the suppression comment"),
            UnusedWhat::NotARule { id, near } => Diagnostic::new(
                &RULE,
                u.file,
                u.span,
                format!("`{id}` is not a rule id or name, so nothing is suppressed"),
            )
            .help(match near {
                Some(n) => format!("did you mean `{n}`?"),
                None => "`skillc rules` lists the ids and names".into(),
            }),
            UnusedWhat::Rule(rule) => Diagnostic::new(
                &RULE,
                u.file,
                u.span,
                format!(
                    "suppression of `{}` ({}) matches no finding",
                    rule.id, rule.name
                ),
            )
            .help("remove it: the finding it was written for is gone"),
        };
        out.push(d);
    }
}
