//! The `marketplace-name-invalid-id` rule (MK007).

use super::MarketplaceNameProblem;
use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// The marketplace name cannot be part of a plugin id.
    ///
    /// ## What it does
    /// Each part of `plugin@marketplace` must match `^[A-Za-z0-9][-A-Za-z0-9._]*$`.
    ///
    /// ## Why it matters
    /// Plugins from it cannot be installed by id.
    ///
    /// ## Example
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "_tools", "description": "Demo.", "owner": { "name": "O" }, "plugins": [] }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "tools", "description": "Demo.", "owner": { "name": "O" }, "plugins": [] }
    /// ```
    pub static RULE = { id: "MK007", name: "marketplace-name-invalid-id", family: Manifest, severity: Error, reach: Tree, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (jf, name, span) in
        super::marketplace_name_with(cx.project, MarketplaceNameProblem::InvalidId)
    {
        out.push(
            Diagnostic::new(
                &RULE,
                jf.file,
                span,
                format!("marketplace name `{name}` cannot be part of a plugin id"),
            )
            .help(format!("start with a letter or digit: \"{}\"", super::kebab(name))),
        );
    }
}
