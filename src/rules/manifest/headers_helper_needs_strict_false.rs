//! The `headers-helper-needs-strict-false` rule (MK031).

use crate::declare_rule;
use crate::model::value::Present;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// `headersHelper` on an entry without `strict: false`.
    ///
    /// ## What it does
    /// Reports entries that set `headersHelper` but not `strict: false`.
    ///
    /// ## Why it matters
    /// Claude Code ignores the helper unless the entry is the whole definition.
    ///
    /// ## Example
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "zip", "source": { "source": "archive", "url": "https://example.com/p.zip" }, "headersHelper": "./auth.sh" }] }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "zip", "source": { "source": "archive", "url": "https://example.com/p.zip" }, "headersHelper": "./auth.sh", "strict": false }] }
    /// ```
    pub static RULE = { id: "MK031", name: "headers-helper-needs-strict-false", family: Manifest, severity: Error, reach: Tree, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (mf, entries) in super::entries(cx) {
    for (e, entry) in entries {
        let Some(entry) = entry else {
            continue;
        };
        if super::source_refused(e) {
            continue;
        }
        if let Some(key) = entry.entry.headers_helper.key_span()
            && entry.entry.strict.val() != Some(&false)
        {
            out.push(
                Diagnostic::new(
                    &RULE,
                    mf.file,
                    key,
                    "`headersHelper` needs `\"strict\": false` on the entry",
                )
                .help("add \"strict\": false"),
            );
        }
    }
    }
}
