//! The `marketplace-name-reserved` rule (MK004).

use super::MarketplaceNameProblem;
use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::rules::diag::Severity;

declare_rule! {
    /// The marketplace name is reserved by Claude Code.
    ///
    /// ## What it does
    /// Reports `inline`, `builtin`, `skills-dir`, `synced`, `claude-plugin-test`
    /// (session names) and, as a warning, the reserved official names that only
    /// `github.com/anthropics/*` may use.
    ///
    /// ## Why it matters
    /// The marketplace cannot be added under that name.
    ///
    /// ## Example
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "builtin", "description": "Demo.", "owner": { "name": "O" }, "plugins": [] }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "acme-builtin-tools", "description": "Demo.", "owner": { "name": "O" }, "plugins": [] }
    /// ```
    pub static RULE = { id: "MK004", name: "marketplace-name-reserved", family: Manifest, severity: Error, reach: Tree, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (jf, name, span) in
        super::marketplace_name_with(cx.project, MarketplaceNameProblem::SessionReserved)
    {
        out.push(
            Diagnostic::new(
                &RULE,
                jf.file,
                span,
                format!("marketplace name `{name}` is reserved by Claude Code"),
            )
            .help("choose another name"),
        );
    }
    let theirs = super::anthropic_own(cx.project);
    for (jf, name, span) in
        super::marketplace_name_with(cx.project, MarketplaceNameProblem::Official)
            .filter(|_| !theirs)
    {
        out.push(
            Diagnostic::new(
                &RULE,
                jf.file,
                span,
                format!("marketplace name `{name}` is reserved for github.com/anthropics"),
            )
            .severity(Severity::Warning)
            .help("it can be added only from an anthropics repository; choose another name"),
        );
    }
}
