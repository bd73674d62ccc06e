//! What `skillc redact` needs beside the detectors.

use crate::model::{JsonRole, Typed};
use std::ops::Range;

/// The byte ranges of the people a manifest at `path` names (`author`,
/// `owner`): public on purpose, so their emails are left alone. Empty for
/// other files and for text that is not a manifest.
pub fn manifest_people(path: &str, text: &str) -> Vec<Range<usize>> {
    let Some(role @ (JsonRole::Marketplace | JsonRole::Plugin)) = JsonRole::of(path)
        .or_else(|| path.ends_with("plugin.json").then_some(JsonRole::Plugin))
        .or_else(|| {
            path.ends_with("marketplace.json")
                .then_some(JsonRole::Marketplace)
        })
    else {
        return Vec::new();
    };
    crate::parse::json::parse(text, 0)
        .map(|d| crate::rules::redaction::manifest_people(&Typed::read(role, &d.root)))
        .unwrap_or_default()
}
