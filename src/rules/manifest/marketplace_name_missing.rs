//! The `marketplace-name-missing` rule (MK001).

use super::MarketplaceNameProblem;
use crate::declare_rule;
use crate::model::JsonFile;
use crate::model::manifest::MarketplaceManifest;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// marketplace.json has no `name`, or it is empty.
    ///
    /// ## What it does
    /// Reports a marketplace without a non-empty string `name`.
    ///
    /// ## Why it matters
    /// Claude Code refuses it: `Marketplace must have a name`.
    ///
    /// ## Example
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "", "description": "Demo.", "owner": { "name": "O" }, "plugins": [] }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" }, "plugins": [] }
    /// ```
    pub static RULE = { id: "MK001", name: "marketplace-name-missing", family: Manifest, severity: Error, reach: Tree, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (jf, mk) in super::marketplaces(cx.project) {
        check_one(jf, mk, out);
    }
}

fn check_one(jf: &JsonFile, mk: &MarketplaceManifest, out: &mut Vec<Diagnostic>) {
    let Some(name) = &mk.name else {
        out.push(
            Diagnostic::new(
                &RULE,
                jf.file,
                super::brace(mk.span),
                "marketplace.json has no `name`",
            )
            .help("add \"name\": \"my-marketplace\""),
        );
        return;
    };
    match &name.value {
        Err(kind) => out.push(Diagnostic::new(
            &RULE,
            jf.file,
            name.span,
            format!("`name` must be a string, not {}", kind.name()),
        )),
        Ok(n) if super::marketplace_name_problem(n) == Some(MarketplaceNameProblem::Missing) => {
            out.push(
                Diagnostic::new(&RULE, jf.file, name.span, "marketplace name is empty")
                    .help("use a kebab-case name such as \"my-marketplace\""),
            )
        }
        Ok(_) => {}
    }
}
