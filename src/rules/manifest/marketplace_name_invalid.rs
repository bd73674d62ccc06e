//! The `marketplace-name-invalid` rule (MK002).

use super::MarketplaceNameProblem;
use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// The marketplace name has a space, `/`, `\` or `..`.
    ///
    /// ## What it does
    /// Reports names that cannot be used as a directory or id.
    ///
    /// ## Why it matters
    /// Claude Code refuses the marketplace.
    ///
    /// ## Example
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo market", "description": "Demo.", "owner": { "name": "O" }, "plugins": [] }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-market", "description": "Demo.", "owner": { "name": "O" }, "plugins": [] }
    /// ```
    pub static RULE = { id: "MK002", name: "marketplace-name-invalid", family: Manifest, severity: Error, reach: Tree, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (jf, name, span) in
        super::marketplace_name_with(cx.project, MarketplaceNameProblem::BadChars)
    {
        out.push(
            Diagnostic::new(
                &RULE,
                jf.file,
                span,
                format!("marketplace name `{name}` contains a space, `/`, `\\` or `..`"),
            )
            .help(format!("use kebab-case: \"{}\"", super::kebab(name))),
        );
    }
}
