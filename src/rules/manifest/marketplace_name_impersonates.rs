//! The `marketplace-name-impersonates` rule (MK003).

use super::MarketplaceNameProblem;
use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// The marketplace name impersonates an official Anthropic marketplace.
    ///
    /// ## What it does
    /// Applies Claude Code's impersonation test: `official` next to
    /// `anthropic`/`claude`, names starting with `anthropic-marketplace`,
    /// `claude-plugins` and the like, and any non-ASCII character.
    ///
    /// ## Why it matters
    /// Claude Code refuses to add the marketplace.
    ///
    /// ## Example
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "anthropic-official-tools", "description": "Demo.", "owner": { "name": "O" }, "plugins": [] }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "acme-tools", "description": "Demo.", "owner": { "name": "O" }, "plugins": [] }
    /// ```
    pub static RULE = { id: "MK003", name: "marketplace-name-impersonates", family: Manifest, severity: Error, reach: Tree, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (jf, name, span) in
        super::marketplace_name_with(cx.project, MarketplaceNameProblem::Impersonates)
    {
        out.push(
            Diagnostic::new(&RULE, jf.file, span, format!("marketplace name `{name}` looks like an official Anthropic marketplace"))
                .help("choose a name that does not pair `anthropic`/`claude` with `official`, and use ASCII only"),
        );
    }
}
