//! The `entry-source-traversal` rule (MK017).

use super::LocalSource;
use crate::declare_rule;
use crate::model::manifest::Source;
use crate::model::value::Present;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A source path contains `..`.
    ///
    /// ## What it does
    /// Reports local sources (and `git-subdir` paths) that climb out.
    ///
    /// ## Why it matters
    /// Sources resolve from the marketplace root (the directory holding
    /// `.claude-plugin/`), not from marketplace.json; `..` is refused.
    ///
    /// ## Example
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "demo", "source": "../plugins/demo" }] }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "demo", "source": "./plugins/demo", "description": "The demo plugin. Skills: ." }] }
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin. Skills: .", "author": { "name": "A" } }
    /// ```
    pub static RULE = { id: "MK017", name: "entry-source-traversal", family: Manifest, severity: Error, reach: Tree, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (mf, entries) in super::entries(cx) {
    for (e, entry) in entries {
        if let Some((path, span, LocalSource::Traversal)) = super::local_source(e) {
            out.push(
                Diagnostic::new(&RULE, mf.file, span, format!("source `{path}` contains `..`"))
                    .help("sources resolve from the marketplace root (the directory holding .claude-plugin/), not from marketplace.json: use \"./plugins/…\""),
            );
        }
        if let Some(Source::Object(src)) = entry.and_then(|t| t.entry.source.val())
            && let Some((p, span)) = src.path.spanned()
            && p.split('/').any(|s| s == "..")
        {
            out.push(Diagnostic::new(
                &RULE,
                mf.file,
                span,
                format!("source path `{p}` contains `..`"),
            ));
        }
    }
    }
}
