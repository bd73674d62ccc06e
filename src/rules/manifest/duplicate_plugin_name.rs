//! The `duplicate-plugin-name` rule (MK014).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::source::{FileId, Span};
use std::collections::BTreeMap;

declare_rule! {
    /// Two marketplace entries have the same name.
    ///
    /// ## What it does
    /// Reports every entry whose `name` another entry already uses.
    ///
    /// ## Why it matters
    /// `claude plugin validate` rejects the marketplace; installs are ambiguous.
    ///
    /// ## Example
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" }, "plugins": [
    ///   { "name": "tool", "source": { "source": "github", "repo": "example/a" } },
    ///   { "name": "tool", "source": { "source": "github", "repo": "example/b" } } ] }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" }, "plugins": [
    ///   { "name": "tool-a", "source": { "source": "github", "repo": "example/a" } },
    ///   { "name": "tool-b", "source": { "source": "github", "repo": "example/b" } } ] }
    /// ```
    pub static RULE = { id: "MK014", name: "duplicate-plugin-name", family: Manifest, severity: Error, reach: Tree, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    // Every copy after the first, in each marketplace.
    let mut first: BTreeMap<(FileId, &str), Span> = BTreeMap::new();
    for e in &cx.project.entries {
        let mf = cx.project.marketplace_of(e);
        if let Some((name, span)) = &e.name {
            match first.get(&(mf.file, name.as_str())) {
                Some(prev) => out.push(
                    Diagnostic::new(
                        &RULE,
                        mf.file,
                        *span,
                        format!("plugin name `{name}` is listed twice"),
                    )
                    .label(mf.file, *prev, "first listed here")
                    .help("give each entry a unique name"),
                ),
                None => {
                    first.insert((mf.file, name), *span);
                }
            }
        }
    }
}
