//! The `marketplace-unknown-field` rule (MK012).

use crate::declare_rule;
use crate::model::JsonFile;
use crate::model::manifest::{
    EntryFields, MarketplaceManifest, MarketplaceMetadata, PluginManifest,
};
use crate::model::value::{Key, Present};
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::source::FileId;
use crate::text::suggest;

declare_rule! {
    /// marketplace.json has a key Claude Code does not know.
    ///
    /// ## What it does
    /// Reports unknown keys at the top level, in `metadata` and in entries,
    /// with the nearest known key.
    ///
    /// ## Why it matters
    /// Unknown keys are ignored: a typo silently drops the setting.
    ///
    /// ## Example
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "ownr": { "name": "O" }, "owner": { "name": "O" },
    ///   "plugins": [{ "name": "remote", "source": { "source": "github", "repo": "example/remote" } }] }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "remote", "source": { "source": "github", "repo": "example/remote" } }] }
    /// ```
    pub static RULE = { id: "MK012", name: "marketplace-unknown-field", family: Manifest, severity: Warning, reach: Tree, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (jf, mk) in super::marketplaces(cx.project) {
        check_one(jf, mk, out);
    }
}

fn check_one(jf: &JsonFile, mk: &MarketplaceManifest, out: &mut Vec<Diagnostic>) {
    report(out, jf.file, mk.undeclared_keys(), MarketplaceManifest::KEYS, "the marketplace");
    if let Some(meta) = mk.metadata.val() {
        report(out, jf.file, meta.undeclared_keys(), MarketplaceMetadata::KEYS, "`metadata`");
    }
    let entry_keys: Vec<&str> = PluginManifest::KEYS
        .iter()
        .chain(EntryFields::KEYS)
        .copied()
        .collect();
    for entry in mk.plugins.val().into_iter().flat_map(|l| l.iter()) {
        if let Some(e) = entry.ok() {
            report(out, jf.file, e.undeclared_keys(), &entry_keys, "a plugin entry");
        }
    }
}

/// Report each unknown key, with the nearest of `known`.
fn report<'a>(
    out: &mut Vec<Diagnostic>,
    file: FileId,
    unknown: impl Iterator<Item = &'a Key>,
    known: &[&str],
    where_: &str,
) {
    for k in unknown {
        let d = Diagnostic::new(
            &RULE,
            file,
            k.span,
            format!(
                "unknown field `{}` in {where_}; Claude Code ignores it",
                k.name
            ),
        );
        out.push(match suggest(&k.name, known.iter().copied()) {
            Some(s) => d.help(format!("did you mean `{s}`?")),
            None => d.help("remove it"),
        });
    }
}
