//! The JSON Schemas in `schemas/`, compiled once and applied to manifests.
//! Violations are located through the span-preserving JSON tree.

use crate::model::SchemaError;
use crate::parse::json::{JsonKind, JsonNode};
use crate::source::Span;
use jsonschema::Validator;
use std::sync::LazyLock;

pub const PLUGIN_SCHEMA: &str = include_str!("../../schemas/plugin.schema.json");
pub const MARKETPLACE_SCHEMA: &str = include_str!("../../schemas/marketplace.schema.json");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    Plugin,
    Marketplace,
}

fn compile(text: &str) -> Option<Validator> {
    let schema: serde_json::Value = serde_json::from_str(text).ok()?;
    jsonschema::validator_for(&schema).ok()
}

static PLUGIN: LazyLock<Option<Validator>> = LazyLock::new(|| compile(PLUGIN_SCHEMA));
static MARKETPLACE: LazyLock<Option<Validator>> = LazyLock::new(|| compile(MARKETPLACE_SCHEMA));

/// Compile the manifest schemas now. A load starts this on a thread of its
/// own: compiling takes several milliseconds, which the walk and the parse
/// then hide instead of the model waiting for it.
pub fn warm() {
    LazyLock::force(&MARKETPLACE);
    LazyLock::force(&PLUGIN);
}

/// `/plugins/0/name` → `plugins[0].name`.
pub fn dotted(pointer: &str) -> String {
    let mut out = String::new();
    for seg in pointer.split('/').skip(1) {
        let seg = seg.replace("~1", "/").replace("~0", "~");
        if seg.parse::<usize>().is_ok() {
            out.push_str(&format!("[{seg}]"));
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(&seg);
        }
    }
    if out.is_empty() { "(root)".into() } else { out }
}

/// The span a diagnostic about `pointer` should underline.
pub fn span_for(root: &JsonNode, pointer: &str) -> Span {
    let node = root.pointer_best(pointer);
    match node.kind {
        JsonKind::Object(_) | JsonKind::Array(_) => root
            .key_span_at(pointer)
            .unwrap_or_else(|| Span::new(node.span.start as usize, node.span.start as usize + 1)),
        _ => node.span,
    }
}

/// Validate `root` against a schema. An uncompilable built-in schema yields nothing
/// (a test guards against that).
pub fn validate(which: Which, root: &JsonNode) -> Vec<SchemaError> {
    let validator = match which {
        Which::Plugin => &*PLUGIN,
        Which::Marketplace => &*MARKETPLACE,
    };
    match validator {
        Some(v) => errors(v, root),
        None => Vec::new(),
    }
}

/// Where `root` breaks the schema `v` compiles, sorted by place.
pub fn errors(v: &jsonschema::Validator, root: &JsonNode) -> Vec<SchemaError> {
    let value = root.to_value();
    let mut out: Vec<SchemaError> = v
        .iter_errors(&value)
        .map(|e| {
            let pointer = e.instance_path().as_str().to_string();
            let message = e.masked().to_string();
            SchemaError {
                span: span_for(root, &pointer),
                message: format!("{}: {}", dotted(&pointer), message),
                pointer,
            }
        })
        .collect();
    out.sort_by(|a, b| (a.span, &a.message).cmp(&(b.span, &b.message)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_schemas_compile() {
        assert!(PLUGIN.is_some());
        assert!(MARKETPLACE.is_some());
    }

    #[test]
    fn author_string_is_located() {
        let text = r#"{"name": "p", "author": "Jane"}"#;
        let doc = crate::parse::json::parse(text, 0).unwrap();
        let errs = validate(Which::Plugin, &doc.root);
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert_eq!(errs[0].pointer, "/author");
        assert_eq!(&text[errs[0].span.range()], "\"Jane\"");
    }

    #[test]
    fn dotted_paths() {
        assert_eq!(dotted("/plugins/0/source/sha"), "plugins[0].source.sha");
        assert_eq!(dotted(""), "(root)");
    }
}
