//! Strict JSON with byte spans for every key and value.
//!
//! jsonc-parser does the scanning (with every JSONC/JSON5 extension turned
//! off); this module turns its AST into an owned tree that rules can query by
//! key or JSON pointer.

use crate::source::Span;
use jsonc_parser::ast;
use jsonc_parser::{CollectOptions, ParseOptions};

/// Deepest nesting accepted before parsing; deeper input is reported, not parsed.
pub const MAX_DEPTH: usize = 128;

#[derive(Debug, Clone, PartialEq)]
pub enum JsonKind {
    Null,
    Bool(bool),
    Number(String),
    String(String),
    Array(Vec<JsonNode>),
    Object(Vec<JsonMember>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct JsonMember {
    pub key: String,
    pub key_span: Span,
    pub value: JsonNode,
}

#[derive(Debug, Clone, PartialEq)]
pub struct JsonNode {
    pub kind: JsonKind,
    pub span: Span,
}

/// A JSON syntax error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    pub message: String,
    pub span: Span,
}

/// A parsed document: the tree plus keys that appear twice in one object.
#[derive(Debug, Clone)]
pub struct JsonDoc {
    pub root: JsonNode,
    /// `(second occurrence, first occurrence, key)`.
    pub duplicate_keys: Vec<(Span, Span, String)>,
}

impl JsonNode {
    pub fn type_name(&self) -> &'static str {
        match self.kind {
            JsonKind::Null => "null",
            JsonKind::Bool(_) => "boolean",
            JsonKind::Number(_) => "number",
            JsonKind::String(_) => "string",
            JsonKind::Array(_) => "array",
            JsonKind::Object(_) => "object",
        }
    }
    pub fn members(&self) -> &[JsonMember] {
        match &self.kind {
            JsonKind::Object(m) => m,
            _ => &[],
        }
    }
    pub fn items(&self) -> &[JsonNode] {
        match &self.kind {
            JsonKind::Array(a) => a,
            _ => &[],
        }
    }
    /// The last member named `key` (JSON.parse semantics: the last one wins).
    pub fn member(&self, key: &str) -> Option<&JsonMember> {
        self.members().iter().rev().find(|m| m.key == key)
    }
    pub fn get(&self, key: &str) -> Option<&JsonNode> {
        self.member(key).map(|m| &m.value)
    }
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            JsonKind::String(s) => Some(s),
            _ => None,
        }
    }
    pub fn as_bool(&self) -> Option<bool> {
        match self.kind {
            JsonKind::Bool(b) => Some(b),
            _ => None,
        }
    }
    pub fn is_object(&self) -> bool {
        matches!(self.kind, JsonKind::Object(_))
    }
    /// The string value of `key` with its span, when it is a string.
    pub fn str_at(&self, key: &str) -> Option<(&str, Span)> {
        let v = self.get(key)?;
        v.as_str().map(|s| (s, v.span))
    }
    /// Follow a JSON pointer (`/plugins/0/name`). Returns the deepest node
    /// reached, so a pointer to a missing child lands on its parent.
    pub fn pointer_best(&self, pointer: &str) -> &JsonNode {
        let mut node = self;
        for raw in pointer.split('/').skip(1) {
            let seg = raw.replace("~1", "/").replace("~0", "~");
            let next = match &node.kind {
                JsonKind::Object(_) => node.get(&seg),
                JsonKind::Array(a) => seg.parse::<usize>().ok().and_then(|i| a.get(i)),
                _ => None,
            };
            match next {
                Some(n) => node = n,
                None => break,
            }
        }
        node
    }
    /// The span of the key for the last segment of `pointer`, when it names a member.
    pub fn key_span_at(&self, pointer: &str) -> Option<Span> {
        let (parent, last) = pointer.rsplit_once('/')?;
        let last = last.replace("~1", "/").replace("~0", "~");
        let p = self.pointer_best(parent);
        p.member(&last).map(|m| m.key_span)
    }

    /// Convert to a serde_json value (for JSON Schema validation).
    pub fn to_value(&self) -> serde_json::Value {
        use serde_json::Value;
        match &self.kind {
            JsonKind::Null => Value::Null,
            JsonKind::Bool(b) => Value::Bool(*b),
            JsonKind::Number(n) => serde_json::from_str(n).unwrap_or(Value::Null),
            JsonKind::String(s) => Value::String(s.clone()),
            JsonKind::Array(a) => Value::Array(a.iter().map(JsonNode::to_value).collect()),
            JsonKind::Object(m) => {
                let mut map = serde_json::Map::new();
                for member in m {
                    map.insert(member.key.clone(), member.value.to_value());
                }
                Value::Object(map)
            }
        }
    }
}

fn strict_options() -> ParseOptions {
    ParseOptions {
        allow_comments: false,
        allow_loose_object_property_names: false,
        allow_trailing_commas: false,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    }
}

/// Nesting depth of `[`/`{` outside strings.
fn max_depth(text: &str) -> (usize, usize) {
    let (mut depth, mut max, mut at) = (0usize, 0usize, 0usize);
    let (mut in_str, mut esc) = (false, false);
    for (i, b) in text.bytes().enumerate() {
        if in_str {
            match b {
                _ if esc => esc = false,
                b'\\' => esc = true,
                b'"' => in_str = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_str = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    max = depth;
                    at = i;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    (max, at)
}

/// Parse `text` (whose first byte is at `base` in its file) as strict JSON.
pub fn parse(text: &str, base: usize) -> Result<JsonDoc, JsonError> {
    let (depth, at) = max_depth(text);
    if depth > MAX_DEPTH {
        return Err(JsonError {
            message: format!("nesting deeper than {MAX_DEPTH} levels"),
            span: Span::empty(base + at),
        });
    }
    let collect = CollectOptions::default();
    let result = jsonc_parser::parse_to_ast(text, &collect, &strict_options()).map_err(|e| {
        let r = e.range();
        JsonError {
            message: e.kind().to_string(),
            span: Span::new(base + r.start, base + r.end),
        }
    })?;
    let Some(value) = result.value else {
        return Err(JsonError {
            message: "the file holds no JSON value".into(),
            span: Span::empty(base),
        });
    };
    let mut dups = Vec::new();
    let root = convert(&value, base, &mut dups);
    Ok(JsonDoc {
        root,
        duplicate_keys: dups,
    })
}

fn span(r: jsonc_parser::common::Range, base: usize) -> Span {
    Span::new(base + r.start, base + r.end)
}

fn convert(v: &ast::Value<'_>, base: usize, dups: &mut Vec<(Span, Span, String)>) -> JsonNode {
    match v {
        ast::Value::StringLit(s) => JsonNode {
            kind: JsonKind::String(s.value.to_string()),
            span: span(s.range, base),
        },
        ast::Value::NumberLit(n) => JsonNode {
            kind: JsonKind::Number(n.value.to_string()),
            span: span(n.range, base),
        },
        ast::Value::BooleanLit(b) => JsonNode {
            kind: JsonKind::Bool(b.value),
            span: span(b.range, base),
        },
        ast::Value::NullKeyword(n) => JsonNode {
            kind: JsonKind::Null,
            span: span(n.range, base),
        },
        ast::Value::Array(a) => JsonNode {
            kind: JsonKind::Array(a.elements.iter().map(|e| convert(e, base, dups)).collect()),
            span: span(a.range, base),
        },
        ast::Value::Object(o) => {
            let mut members: Vec<JsonMember> = Vec::with_capacity(o.properties.len());
            for p in &o.properties {
                let (key, key_range) = match &p.name {
                    ast::ObjectPropName::String(s) => (s.value.to_string(), s.range),
                    ast::ObjectPropName::Word(w) => (w.value.to_string(), w.range),
                };
                let key_span = span(key_range, base);
                if let Some(first) = members.iter().find(|m| m.key == key) {
                    dups.push((key_span, first.key_span, key.clone()));
                }
                members.push(JsonMember {
                    key,
                    key_span,
                    value: convert(&p.value, base, dups),
                });
            }
            JsonNode {
                kind: JsonKind::Object(members),
                span: span(o.range, base),
            }
        }
    }
}

/// Where each byte of a JSON string's value is in the file: `raw` is the
/// string as written, quotes included, starting at `at`. The result has one
/// offset per byte of the value, and one past its end; none when `raw` is
/// not a JSON string. The bytes of an escape (`\"`, `\u00e9`) all map to its
/// backslash.
pub fn string_offsets(raw: &str, at: usize) -> Option<Vec<usize>> {
    let inner = raw.strip_prefix('"')?.strip_suffix('"')?;
    let b = inner.as_bytes();
    let mut out = Vec::with_capacity(b.len() + 1);
    let mut i = 0;
    while i < b.len() {
        let start = at + 1 + i;
        if b[i] != b'\\' {
            // Written as read: each byte is its own.
            let len = inner[i..].chars().next()?.len_utf8();
            out.extend(start..start + len);
            i += len;
            continue;
        }
        match b.get(i + 1)? {
            b'u' => {
                let hex = |j: usize| u32::from_str_radix(inner.get(j..j + 4)?, 16).ok();
                let hi = hex(i + 2)?;
                let (c, width) =
                    if (0xD800..0xDC00).contains(&hi) && inner.get(i + 6..i + 8) == Some("\\u") {
                        let lo = hex(i + 8)?;
                        let c = 0x10000 + ((hi - 0xD800) << 10) + (lo.wrapping_sub(0xDC00) & 0x3FF);
                        (char::from_u32(c), 12)
                    } else {
                        (char::from_u32(hi), 6)
                    };
                let len = c.map_or(3, char::len_utf8);
                out.extend(std::iter::repeat_n(start, len));
                i += width;
            }
            _ => {
                out.push(start);
                i += 2;
            }
        }
    }
    out.push(at + 1 + inner.len());
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_are_byte_offsets() {
        let text = "{\"é\": \"ü\", \"b\": [1, true]}";
        let doc = parse(text, 0).unwrap();
        let b = doc.root.member("b").unwrap();
        assert_eq!(&text[b.key_span.range()], "\"b\"");
        assert_eq!(&text[b.value.span.range()], "[1, true]");
        assert_eq!(doc.root.pointer_best("/b/1").as_bool(), Some(true));
    }

    #[test]
    fn rejects_jsonc() {
        assert!(parse("{\"a\": 1,}", 0).is_err());
        assert!(parse("{// c\n\"a\": 1}", 0).is_err());
        assert!(parse("{'a': 1}", 0).is_err());
        assert!(parse("", 0).is_err());
    }

    #[test]
    fn duplicate_keys_are_recorded() {
        let doc = parse("{\"a\": 1, \"a\": 2}", 0).unwrap();
        assert_eq!(doc.duplicate_keys.len(), 1);
        assert_eq!(
            doc.root.get("a").unwrap().kind,
            JsonKind::Number("2".into())
        );
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let text = "[".repeat(100_000);
        assert!(parse(&text, 0).unwrap_err().message.contains("nesting"));
    }
}
