//! SARIF 2.1.0: rules from the registry, results with physical locations.

use crate::rules::diag::{Diagnostic, Severity};
use crate::rules::registry;
use crate::source::SourceDb;
use serde_json::{Value, json};

/// The repository whose README documents the rules.
pub const REPOSITORY: &str = "https://github.com/skillc/skillc";

/// Where a rule's documentation lives: its family's table in the README of
/// this version (`skillc explain ID` prints the same offline).
pub fn help_uri(family: crate::rules::Family) -> String {
    format!(
        "{REPOSITORY}/blob/v{}/README.md#{}",
        env!("CARGO_PKG_VERSION"),
        family.as_str()
    )
}

/// An artifact location: relative to the repository root (`%SRCROOT%`), or a
/// `file:` URI when the file lies outside it.
fn artifact(paths: &super::Paths, rel: &str) -> Value {
    let shown = paths.show(rel);
    let mut uri = String::with_capacity(shown.len());
    for c in shown.chars() {
        match c {
            ' ' => uri.push_str("%20"),
            '%' => uri.push_str("%25"),
            '#' => uri.push_str("%23"),
            '?' => uri.push_str("%3F"),
            '\\' => uri.push('/'),
            c => uri.push(c),
        }
    }
    if uri.starts_with('/') {
        json!({ "uri": format!("file://{uri}") })
    } else {
        json!({ "uri": uri, "uriBaseId": SRCROOT })
    }
}

/// The base every artifact URI is relative to: the repository root.
const SRCROOT: &str = "%SRCROOT%";

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn region(db: &SourceDb, file: crate::source::FileId, span: crate::source::Span) -> Value {
    let f = db.get(file);
    let (sl, sc) = f.line_col(span.start as usize);
    let (el, ec) = f.line_col(span.end as usize);
    json!({ "startLine": sl, "startColumn": sc, "endLine": el, "endColumn": ec.max(if el == sl { sc } else { 1 }) })
}

pub fn render(diags: &[Diagnostic], db: &SourceDb, paths: &super::Paths) -> String {
    let rules: Vec<Value> = registry::rules()
        .iter()
        .map(|r| {
            let docs = r.docs();
            let full = docs.split_once('\n').map_or("", |(_, rest)| rest.trim());
            json!({
                "id": r.id,
                "name": r.name,
                "shortDescription": { "text": r.summary() },
                "fullDescription": { "text": if full.is_empty() { r.summary() } else { full.to_string() } },
                "helpUri": help_uri(r.family),
                // A profile's rule (directory) is off unless its profile is on.
                "defaultConfiguration": if r.family.profile().is_some() {
                    json!({ "level": level(r.severity), "enabled": false })
                } else {
                    json!({ "level": level(r.severity) })
                },
                "properties": { "family": r.family.as_str() }
            })
        })
        .collect();
    let index: std::collections::HashMap<&str, usize> = registry::rules()
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id, i))
        .collect();
    let results: Vec<Value> = diags
        .iter()
        .map(|d| {
            let mut message = d.message.clone();
            if let Some(h) = &d.help {
                message = format!("{message}\n{h}");
            }
            let related: Vec<Value> = d.labels[1..]
                .iter()
                .enumerate()
                .map(|(i, l)| {
                    json!({
                        "id": i + 1,
                        "message": { "text": if l.message.is_empty() { "related".to_string() } else { l.message.clone() } },
                        "physicalLocation": {
                            "artifactLocation": artifact(paths, db.path(l.file)),
                            "region": region(db, l.file, l.span)
                        }
                    })
                })
                .collect();
            let mut result = json!({
                "ruleId": d.rule.id,
                "ruleIndex": index.get(d.rule.id).copied().unwrap_or(0),
                "level": level(d.severity),
                "message": { "text": message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": artifact(paths, db.path(d.file())),
                        "region": region(db, d.file(), d.span())
                    }
                }]
            });
            if !related.is_empty() {
                result["relatedLocations"] = Value::Array(related);
            }
            result
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "skillc",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": REPOSITORY,
                "rules": rules
            }},
            "columnKind": "unicodeCodePoints",
            "results": results
        }]
    });
    serde_json::to_string_pretty(&log).unwrap_or_default() + "\n"
}
