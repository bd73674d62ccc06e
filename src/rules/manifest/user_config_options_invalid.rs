//! The `user-config-options-invalid` rule (PJ025).

use crate::declare_rule;
use crate::model::manifest::{UserConfigOption, entries};
use crate::model::value::{Field, Kind, Opt, Present, Scalar};
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::source::FileId;
use std::collections::BTreeSet;

declare_rule! {
    /// A `userConfig` option's `options` list breaks the runtime's rules.
    ///
    /// ## What it does
    /// `options` is allowed only on `type: string` options that are neither
    /// `multiple` nor `sensitive`; it needs a `default` from the list or
    /// `required: true`; entries are unique (ignoring case) and 1–64 characters.
    ///
    /// ## Why it matters
    /// Claude Code rejects the plugin's configuration block.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" },
    ///   "userConfig": { "region": { "type": "string", "title": "Region", "description": "Where to deploy", "options": ["eu", "us"], "default": "ap" } } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" },
    ///   "userConfig": { "region": { "type": "string", "title": "Region", "description": "Where to deploy", "options": ["eu", "us"], "default": "eu" } } }
    /// ```
    pub static RULE = { id: "PJ025", name: "user-config-options-invalid", family: Manifest, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (_, jf, pm) in super::manifests(cx.project) {
        for option in entries(&pm.user_config).iter().filter_map(|e| e.ok()) {
            options(out, jf.file, option);
        }
    }
}

/// The problems of an option's `options` list.
fn options(out: &mut Vec<Diagnostic>, file: FileId, opt: &UserConfigOption) {
    let Some(list) = &opt.options else {
        return;
    };
    let span = list.span;
    let is_string = opt.option_type.val().map(String::as_str) == Some("string");
    let flag = |f: &Opt<bool>| f.val() == Some(&true);
    let mut problems: Vec<String> = Vec::new();
    if !is_string || flag(&opt.multiple) || flag(&opt.sensitive) {
        problems.push("`options` is only for single, non-sensitive string settings".into());
    }
    let items: Vec<&str> = list
        .ok()
        .into_iter()
        .flat_map(|l| l.oks())
        .map(|(s, _)| s.as_str())
        .collect();
    let mut seen = BTreeSet::new();
    for i in &items {
        if i.is_empty() || i.chars().count() > 64 || i.trim() != *i {
            problems.push(format!(
                "option `{i}` must be 1–64 characters without leading or trailing spaces"
            ));
        }
        if !seen.insert(i.to_lowercase()) {
            problems.push(format!("option `{i}` is listed twice"));
        }
    }
    match opt.default.as_deref() {
        Some(Field {
            value:
                Ok(Scalar {
                    kind: Kind::String,
                    text: d,
                }),
            ..
        }) if !items.contains(&d.as_str()) => {
            problems.push(format!("default `{d}` is not one of the options"))
        }
        None if !flag(&opt.required) => {
            problems.push("give a `default` from the options or set `required: true`".into())
        }
        _ => {}
    }
    for p in problems {
        out.push(
            Diagnostic::new(&RULE, file, span, p)
                .help("see the userConfig rules in the plugins reference"),
        );
    }
}
