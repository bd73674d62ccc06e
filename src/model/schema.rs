//! The JSON Schemas in `schemas/`, compiled once and applied to manifests.
//! Violations are located through the span-preserving JSON tree, and each
//! carries the rule the schema assigns to where it was found: the innermost
//! `"x-skillc-rule"` keyword along the error's evaluation path (an empty one
//! means no schema rule: another rule reports it).

use crate::model::SchemaError;
use crate::parse::json::{JsonKind, JsonNode};
use crate::source::Span;
use jsonschema::error::ValidationErrorKind;
use jsonschema::{ValidationError, Validator};
use serde_json::Value;
use std::sync::LazyLock;

pub const PLUGIN_SCHEMA: &str = include_str!("../../schemas/plugin.schema.json");
pub const MARKETPLACE_SCHEMA: &str = include_str!("../../schemas/marketplace.schema.json");

/// A schema shipped inside the binary, for editors (`skillc schema NAME`).
#[derive(Debug, Clone, Copy)]
pub struct Bundled {
    /// What `skillc schema` calls it.
    pub name: &'static str,
    /// Its file name under `schemas/`.
    pub file: &'static str,
    /// What it describes.
    pub about: &'static str,
    pub text: &'static str,
}

/// Every schema in `schemas/`, in the binary.
pub const BUNDLED: &[Bundled] = &[
    Bundled {
        name: "plugin",
        file: "plugin.schema.json",
        about: ".claude-plugin/plugin.json",
        text: PLUGIN_SCHEMA,
    },
    Bundled {
        name: "marketplace",
        file: "marketplace.schema.json",
        about: ".claude-plugin/marketplace.json",
        text: MARKETPLACE_SCHEMA,
    },
    Bundled {
        name: "skill",
        file: "skill.schema.json",
        about: "skill.yaml, a typed skill source",
        text: include_str!("../../schemas/skill.schema.json"),
    },
    Bundled {
        name: "plugin-source",
        file: "plugin-source.schema.json",
        about: "plugin.yaml, a typed plugin source",
        text: include_str!("../../schemas/plugin-source.schema.json"),
    },
    Bundled {
        name: "config",
        file: "skillc.schema.json",
        about: "skillc.toml",
        text: include_str!("../../schemas/skillc.schema.json"),
    },
];

/// The bundled schema called `name` (or named by its file).
pub fn bundled(name: &str) -> Option<&'static Bundled> {
    BUNDLED.iter().find(|b| b.name == name || b.file == name)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    Plugin,
    Marketplace,
}

/// The keyword that names the rule reporting violations under a subschema.
pub const RULE_KEYWORD: &str = "x-skillc-rule";

/// A compiled schema, and the schema itself (to find the rule of an error).
struct Compiled {
    validator: Validator,
    schema: Value,
}

fn compile(text: &str) -> Option<Compiled> {
    let schema: Value = serde_json::from_str(text).ok()?;
    let validator = jsonschema::validator_for(&schema).ok()?;
    Some(Compiled { validator, schema })
}

static PLUGIN: LazyLock<Option<Compiled>> = LazyLock::new(|| compile(PLUGIN_SCHEMA));
static MARKETPLACE: LazyLock<Option<Compiled>> = LazyLock::new(|| compile(MARKETPLACE_SCHEMA));

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
        Some(c) => located(&c.validator, Some(&c.schema), root),
        None => Vec::new(),
    }
}

/// Where `root` breaks the schema `v` compiles, sorted by place (with no
/// rule: a schema a data file names assigns none).
pub fn errors(v: &jsonschema::Validator, root: &JsonNode) -> Vec<SchemaError> {
    located(v, None, root)
}

/// Where `root` breaks `v`, sorted by place, each with the rule `schema`
/// (the JSON `v` was compiled from) assigns to it.
fn located(v: &Validator, schema: Option<&Value>, root: &JsonNode) -> Vec<SchemaError> {
    let value = root.to_value();
    let mut out: Vec<SchemaError> = v
        .iter_errors(&value)
        .map(|e| {
            let pointer = e.instance_path().as_str().to_string();
            let message = e.masked().to_string();
            SchemaError {
                span: span_for(root, &pointer),
                message: format!("{}: {}", dotted(&pointer), message),
                rule: schema.map(|s| rule_of(s, &e)).unwrap_or_default(),
                pointer,
            }
        })
        .collect();
    out.sort_by(|a, b| (a.span, &a.message).cmp(&(b.span, &b.message)));
    out
}

/// The rule `schema` assigns to `e`: the innermost `x-skillc-rule` along the
/// error's evaluation path (which goes through `$ref`s). A missing required
/// property is looked up where its schema would be (`…/properties/name`),
/// so that `"owner" is a required property` is the owner's rule.
fn rule_of(schema: &Value, e: &ValidationError<'_>) -> String {
    let path = e.evaluation_path().as_str();
    let mut segments: Vec<String> = path.split('/').skip(1).map(unescape).collect();
    if let ValidationErrorKind::Required { property } = e.kind() {
        segments.pop();
        segments.push("properties".into());
        segments.push(match property {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        });
    }
    innermost_rule(schema, &segments).unwrap_or_default()
}

/// `~1` → `/`, `~0` → `~` (a JSON pointer segment).
fn unescape(seg: &str) -> String {
    seg.replace("~1", "/").replace("~0", "~")
}

/// Walk `schema` along `segments` (following local `#/…` references at each
/// `$ref`), and return the last `x-skillc-rule` met, if any. The walk stops
/// where the path leaves the schema (a property it does not declare).
fn innermost_rule(schema: &Value, segments: &[String]) -> Option<String> {
    let mut node = schema;
    let mut rule = annotation(node);
    for seg in segments {
        let next = if seg == "$ref" {
            node.get("$ref")
                .and_then(Value::as_str)
                .and_then(|r| r.strip_prefix('#'))
                .and_then(|pointer| schema.pointer(pointer))
        } else {
            match node {
                Value::Object(m) => m.get(seg.as_str()),
                Value::Array(a) => seg.parse::<usize>().ok().and_then(|i| a.get(i)),
                _ => None,
            }
        };
        let Some(next) = next else { break };
        node = next;
        if let Some(r) = annotation(node) {
            rule = Some(r);
        }
    }
    rule
}

/// The `x-skillc-rule` a subschema declares.
fn annotation(node: &Value) -> Option<String> {
    node.get(RULE_KEYWORD)
        .and_then(Value::as_str)
        .map(str::to_string)
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

    /// Every violation of the manifests, with its rule.
    fn rules(which: Which, text: &str) -> Vec<(String, String)> {
        let doc = crate::parse::json::parse(text, 0).unwrap();
        validate(which, &doc.root)
            .into_iter()
            .map(|e| (e.pointer, e.rule))
            .collect()
    }

    #[test]
    fn violations_carry_the_rule_of_their_schema_location() {
        // A required field: the rule of the property that is missing.
        assert_eq!(
            rules(Which::Marketplace, r#"{"name": "m", "plugins": []}"#),
            [(String::new(), "MK008".to_string())]
        );
        // …or none, when another rule reports it (names).
        assert_eq!(
            rules(Which::Plugin, r#"{"version": "1.0.0"}"#),
            [(String::new(), String::new())]
        );
        // Through a `$ref`: the same `person` is the plugin's author (PJ012)
        // and the marketplace's owner (MK008); inside an entry it is MK034.
        assert_eq!(
            rules(Which::Plugin, r#"{"name": "p", "author": {"name": 1}}"#),
            [("/author/name".to_string(), "PJ012".to_string())]
        );
        assert_eq!(
            rules(
                Which::Marketplace,
                r#"{"name": "m", "owner": {}, "plugins": [{"name": "p", "source": "./p", "author": "A"}]}"#
            ),
            [
                ("/owner".to_string(), "MK008".to_string()),
                ("/plugins/0/author".to_string(), "MK034".to_string()),
            ]
        );
        // Deep in a source object, through `$ref`, `then` and `allOf`.
        assert_eq!(
            rules(
                Which::Marketplace,
                r#"{"name": "m", "owner": {"name": "o"}, "plugins": [{"name": "p", "source": {"source": "github", "repo": "a/b", "sha": "abc"}}]}"#
            ),
            [("/plugins/0/source/sha".to_string(), "MK018".to_string())]
        );
        // A oneOf: PP007, while other errors of the same command are PJ013.
        assert_eq!(
            rules(
                Which::Plugin,
                r#"{"name": "p", "commands": {"a": {"description": "x"}, "b": {"content": "x", "x": 1}}}"#
            ),
            [
                ("/commands/a".to_string(), "PP007".to_string()),
                ("/commands/b".to_string(), "PJ013".to_string()),
            ]
        );
        // A data file's own schema assigns no rule.
        let schema =
            serde_json::json!({"type": "object", "required": ["x"], "x-skillc-rule": "MK034"});
        let v = jsonschema::validator_for(&schema).unwrap();
        let doc = crate::parse::json::parse("{}", 0).unwrap();
        assert_eq!(errors(&v, &doc.root)[0].rule, "");
    }

    #[test]
    fn dotted_paths() {
        assert_eq!(dotted("/plugins/0/source/sha"), "plugins[0].source.sha");
        assert_eq!(dotted(""), "(root)");
    }
}
