//! The `marketplace-empty` rule (MK010).

use crate::declare_rule;
use crate::model::JsonFile;
use crate::model::manifest::MarketplaceManifest;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// The marketplace lists no plugins.
    ///
    /// ## What it does
    /// Reports `"plugins": []`.
    ///
    /// ## Why it matters
    /// There is nothing to install.
    ///
    /// ## Example
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" }, "plugins": [] }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "remote", "source": { "source": "github", "repo": "example/remote" } }] }
    /// ```
    pub static RULE = { id: "MK010", name: "marketplace-empty", family: Manifest, severity: Warning, reach: Tree, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (jf, mk) in super::marketplaces(cx.project) {
        check_one(jf, mk, out);
    }
}

fn check_one(jf: &JsonFile, mk: &MarketplaceManifest, out: &mut Vec<Diagnostic>) {
    if let Some(plugins) = &mk.plugins
        && plugins.ok().is_some_and(|l| l.is_empty())
    {
        out.push(
            Diagnostic::new(
                &RULE,
                jf.file,
                plugins.key,
                "the marketplace lists no plugins",
            )
            .help("add an entry for each plugin"),
        );
    }
}
