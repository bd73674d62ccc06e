//! The `renames-unresolved` rule (MK027).

use crate::declare_rule;
use crate::model::JsonFile;
use crate::model::manifest::MarketplaceManifest;
use crate::model::value::{Kind, Present, Scalar};
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::rules::diag::Severity;

declare_rule! {
    /// A `renames` chain does not resolve.
    ///
    /// ## What it does
    /// Every chain of `renames` must end at `null` or at a listed plugin, without cycles.
    ///
    /// ## Why it matters
    /// Claude Code rejects the marketplace: `chain does not resolve`.
    ///
    /// ## Example
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" }, "renames": { "old-tool": "new-tool" },
    ///   "plugins": [{ "name": "tool", "source": { "source": "github", "repo": "example/tool" } }] }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" }, "renames": { "old-tool": "tool" },
    ///   "plugins": [{ "name": "tool", "source": { "source": "github", "repo": "example/tool" } }] }
    /// ```
    pub static RULE = { id: "MK027", name: "renames-unresolved", family: Manifest, severity: Error, reach: Tree, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (mf, mk) in super::marketplaces(cx.project) {
        check_one(cx, mf, mk, out);
    }
}

fn check_one(cx: &Context<'_>, mf: &JsonFile, mk: &MarketplaceManifest, out: &mut Vec<Diagnostic>) {
    let Some(renames) = mk.renames.val() else {
        return;
    };
    let listed: Vec<&str> = cx
        .project
        .entries
        .iter()
        .filter(|e| e.file == mf.file)
        .filter_map(|e| e.name.as_ref().map(|(n, _)| n.as_str()))
        .collect();
    for m in renames.iter() {
        let mut cur = m.key.as_str();
        let mut seen = vec![cur];
        let problem = loop {
            let Some(next) = renames.get(cur) else {
                break if listed.contains(&cur) {
                    None
                } else {
                    Some(format!("ends at `{cur}`, which is not a listed plugin"))
                };
            };
            match next.ok() {
                Some(Scalar {
                    kind: Kind::String,
                    text,
                }) => {
                    if listed.contains(&text.as_str()) {
                        break None;
                    }
                    if seen.contains(&text.as_str()) {
                        break Some(format!("has a cycle through `{text}`"));
                    }
                    seen.push(text);
                    cur = text;
                }
                // null ends a chain; other values are shape errors (MK034).
                _ => break None,
            }
        };
        if let Some(why) = problem {
            out.push(
                Diagnostic::new(
                    &RULE,
                    mf.file,
                    m.key_span,
                    format!("rename chain from `{}` {why}", m.key),
                )
                .severity(Severity::Error)
                .help("end every chain at a name in plugins[] or at null"),
            );
        }
    }
}
