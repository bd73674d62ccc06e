//! The `marketplace-description-missing` rule (MK011).

use crate::declare_rule;
use crate::model::JsonFile;
use crate::model::manifest::MarketplaceManifest;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// The marketplace has no description.
    ///
    /// ## What it does
    /// Reports a marketplace with neither `description` nor `metadata.description`.
    ///
    /// ## Why it matters
    /// Users adding the marketplace see nothing about it.
    ///
    /// ## Example
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "owner": { "name": "O" }, "plugins": [{ "name": "remote", "source": { "source": "github", "repo": "example/remote" } }] }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo tools.", "owner": { "name": "O" }, "plugins": [{ "name": "remote", "source": { "source": "github", "repo": "example/remote" } }] }
    /// ```
    pub static RULE = { id: "MK011", name: "marketplace-description-missing", family: Manifest, severity: Warning, reach: Tree, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (jf, mk) in super::marketplaces(cx.project) {
        check_one(jf, mk, out);
    }
}

fn check_one(jf: &JsonFile, mk: &MarketplaceManifest, out: &mut Vec<Diagnostic>) {
    if !mk.has_description() {
        out.push(
            Diagnostic::new(
                &RULE,
                jf.file,
                super::brace(mk.span),
                "the marketplace has no description",
            )
            .help("add \"description\": \"…\""),
        );
    }
}
