//! YAML with byte spans, built on saphyr-parser's event stream.
//!
//! The tree keeps every key and value with its file-absolute byte span,
//! records duplicate keys (which strict loaders reject), and never expands
//! aliases (so alias bombs cost nothing).

use crate::source::Span;
use saphyr_parser::{Event, Parser, ScalarStyle, ScanError};

/// Nesting deeper than this is reported as an error.
pub const MAX_DEPTH: usize = 64;

#[derive(Debug, Clone, PartialEq)]
pub enum YamlKind {
    Scalar { value: String, plain: bool },
    Seq(Vec<YamlNode>),
    Map(Vec<(YamlNode, YamlNode)>),
    Alias,
}

#[derive(Debug, Clone, PartialEq)]
pub struct YamlNode {
    pub kind: YamlKind,
    pub span: Span,
}

/// The type a scalar resolves to under the YAML 1.2 core schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScalarType {
    Str,
    Int,
    Float,
    Bool,
    Null,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    pub message: String,
    pub span: Span,
}

/// A parsed YAML document.
#[derive(Debug, Clone, PartialEq)]
pub struct YamlDoc {
    /// `None` for an empty document.
    pub root: Option<YamlNode>,
    /// `(second occurrence, first occurrence, key)`.
    pub duplicate_keys: Vec<(Span, Span, String)>,
}

impl YamlNode {
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            YamlKind::Scalar { value, .. } => Some(value),
            _ => None,
        }
    }
    pub fn entries(&self) -> &[(YamlNode, YamlNode)] {
        match &self.kind {
            YamlKind::Map(m) => m,
            _ => &[],
        }
    }
    /// The value of the first entry whose key is `key`.
    pub fn get(&self, key: &str) -> Option<&YamlNode> {
        self.entry(key).map(|(_, v)| v)
    }
    pub fn entry(&self, key: &str) -> Option<&(YamlNode, YamlNode)> {
        self.entries().iter().find(|(k, _)| k.as_str() == Some(key))
    }
    pub fn is_map(&self) -> bool {
        matches!(self.kind, YamlKind::Map(_))
    }
    pub fn type_name(&self) -> &'static str {
        match &self.kind {
            YamlKind::Scalar { .. } => match self.scalar_type() {
                Some(ScalarType::Int) | Some(ScalarType::Float) => "number",
                Some(ScalarType::Bool) => "boolean",
                Some(ScalarType::Null) => "null",
                _ => "string",
            },
            YamlKind::Seq(_) => "list",
            YamlKind::Map(_) => "mapping",
            YamlKind::Alias => "alias",
        }
    }
    /// Core-schema type of a scalar; `None` for collections.
    pub fn scalar_type(&self) -> Option<ScalarType> {
        let YamlKind::Scalar { value, plain } = &self.kind else {
            return None;
        };
        if !plain {
            return Some(ScalarType::Str);
        }
        Some(resolve_plain(value))
    }
    /// Strings of a scalar or of a list of scalars.
    pub fn string_items(&self) -> Vec<(&str, Span)> {
        match &self.kind {
            YamlKind::Scalar { value, .. } => vec![(value.as_str(), self.span)],
            YamlKind::Seq(items) => items
                .iter()
                .filter_map(|i| i.as_str().map(|s| (s, i.span)))
                .collect(),
            _ => Vec::new(),
        }
    }
}

fn resolve_plain(v: &str) -> ScalarType {
    match v {
        "" | "~" | "null" | "Null" | "NULL" => return ScalarType::Null,
        "true" | "True" | "TRUE" | "false" | "False" | "FALSE" => return ScalarType::Bool,
        ".inf" | "-.inf" | "+.inf" | ".nan" | ".NaN" | ".NAN" | ".Inf" | ".INF" => {
            return ScalarType::Float;
        }
        _ => {}
    }
    let body = v.strip_prefix(['-', '+']).unwrap_or(v);
    if !body.is_empty() && body.bytes().all(|b| b.is_ascii_digit()) {
        return ScalarType::Int;
    }
    if let Some(hex) = v.strip_prefix("0x")
        && !hex.is_empty()
        && hex.bytes().all(|b| b.is_ascii_hexdigit())
    {
        return ScalarType::Int;
    }
    if let Some(oct) = v.strip_prefix("0o")
        && !oct.is_empty()
        && oct.bytes().all(|b| (b'0'..=b'7').contains(&b))
    {
        return ScalarType::Int;
    }
    let looks_float = body.bytes().any(|b| b.is_ascii_digit())
        && body
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'-' | b'+'))
        && body.parse::<f64>().is_ok();
    if looks_float {
        return ScalarType::Float;
    }
    ScalarType::Str
}

/// Maps saphyr's character indices to byte offsets.
struct CharMap {
    bytes: Vec<u32>,
}

impl CharMap {
    fn new(text: &str) -> Self {
        let mut bytes: Vec<u32> = text.char_indices().map(|(i, _)| i as u32).collect();
        bytes.push(text.len() as u32);
        CharMap { bytes }
    }
    fn byte(&self, char_index: usize) -> usize {
        *self
            .bytes
            .get(char_index)
            .or(self.bytes.last())
            .unwrap_or(&0) as usize
    }
}

enum Frame {
    Seq(Vec<YamlNode>, usize),
    Map(Vec<(YamlNode, YamlNode)>, Option<YamlNode>, usize),
}

/// Parse `text`, whose first byte is at `base` in its file.
pub fn parse(text: &str, base: usize) -> Result<YamlDoc, YamlError> {
    let map = CharMap::new(text);
    let to_span = |s: saphyr_parser::Span| {
        Span::new(
            base + map.byte(s.start.index()),
            base + map.byte(s.end.index()),
        )
    };
    let scan_err = |e: ScanError| YamlError {
        message: e.info().to_string(),
        span: Span::empty(base + map.byte(e.marker().index())),
    };
    let mut parser = Parser::new_from_str(text);
    let mut tree = Builder::default();
    while let Some(ev) = parser.next_event() {
        let (event, sp) = ev.map_err(scan_err)?;
        tree.event(event, to_span(sp))?;
    }
    Ok(YamlDoc {
        root: tree.root,
        duplicate_keys: tree.dups,
    })
}

/// The tree being built from the events.
#[derive(Default)]
struct Builder {
    /// The collections open.
    stack: Vec<Frame>,
    root: Option<YamlNode>,
    dups: Vec<(Span, Span, String)>,
    /// Documents started.
    docs: usize,
}

impl Builder {
    /// Take in one event, at `span`.
    fn event(&mut self, event: Event<'_>, span: Span) -> Result<(), YamlError> {
        let node = match event {
            Event::StreamStart | Event::StreamEnd | Event::Nothing | Event::DocumentEnd => {
                return Ok(());
            }
            Event::DocumentStart(_) => {
                self.docs += 1;
                if self.docs > 1 {
                    return Err(YamlError {
                        message: "more than one YAML document".into(),
                        span,
                    });
                }
                return Ok(());
            }
            Event::SequenceStart(..) => {
                return self.open(Frame::Seq(Vec::new(), span.start as usize), span);
            }
            Event::MappingStart(..) => {
                return self.open(Frame::Map(Vec::new(), None, span.start as usize), span);
            }
            Event::SequenceEnd => match self.close_seq(span) {
                Some(node) => node,
                None => return Ok(()),
            },
            Event::MappingEnd => match self.close_map(span) {
                Some(node) => node,
                None => return Ok(()),
            },
            Event::Scalar(value, style, _, _) => YamlNode {
                kind: YamlKind::Scalar {
                    value: value.into_owned(),
                    plain: style == ScalarStyle::Plain,
                },
                span,
            },
            Event::Alias(_) => YamlNode {
                kind: YamlKind::Alias,
                span,
            },
        };
        self.add(node);
        Ok(())
    }

    /// Open a collection, unless that nests too deep.
    fn open(&mut self, frame: Frame, span: Span) -> Result<(), YamlError> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(YamlError {
                message: format!("nesting deeper than {MAX_DEPTH} levels"),
                span,
            });
        }
        self.stack.push(frame);
        Ok(())
    }

    /// The sequence that ends at `span`.
    fn close_seq(&mut self, span: Span) -> Option<YamlNode> {
        let Some(Frame::Seq(items, start)) = self.stack.pop() else {
            return None;
        };
        let end = items.last().map_or(span.end, |n| n.span.end.max(span.end));
        Some(YamlNode {
            kind: YamlKind::Seq(items),
            span: Span::new(start, end as usize),
        })
    }

    /// The mapping that ends at `span`.
    fn close_map(&mut self, span: Span) -> Option<YamlNode> {
        let Some(Frame::Map(entries, _, start)) = self.stack.pop() else {
            return None;
        };
        let end = entries
            .last()
            .map_or(span.end, |(_, v)| v.span.end.max(span.end));
        Some(YamlNode {
            kind: YamlKind::Map(entries),
            span: Span::new(start, end as usize),
        })
    }

    /// Put a complete node in its place: the root, an item, a key, or the
    /// value of the pending key (noting a key seen before).
    fn add(&mut self, node: YamlNode) {
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some(Frame::Seq(items, _)) => items.push(node),
            Some(Frame::Map(entries, pending, _)) => match pending.take() {
                None => *pending = Some(node),
                Some(key) => {
                    if let Some(k) = key.as_str()
                        && let Some((first, _)) =
                            entries.iter().find(|(e, _)| e.as_str() == Some(k))
                    {
                        self.dups.push((key.span, first.span, k.to_string()));
                    }
                    entries.push((key, node));
                }
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_and_types() {
        let text = "name: café\nn: 12\nlist: [a, b]\n";
        let doc = parse(text, 10).unwrap();
        let root = doc.root.unwrap();
        let (k, v) = root.entry("name").unwrap();
        assert_eq!(k.span, Span::new(10, 14));
        assert_eq!(v.as_str(), Some("café"));
        assert_eq!(v.span, Span::new(16, 21));
        assert_eq!(root.get("n").unwrap().scalar_type(), Some(ScalarType::Int));
        assert_eq!(root.get("list").unwrap().string_items().len(), 2);
    }

    #[test]
    fn colon_in_plain_value_is_an_error() {
        let e = parse("description: Use when: x\n", 0).unwrap_err();
        assert!(e.message.contains("mapping values"), "{}", e.message);
    }

    #[test]
    fn duplicates_are_found() {
        let doc = parse("a: 1\nb: 2\na: 3\n", 0).unwrap();
        assert_eq!(
            doc.duplicate_keys,
            vec![(Span::new(10, 11), Span::new(0, 1), "a".into())]
        );
    }

    #[test]
    fn deep_nesting_is_an_error() {
        let text = "[".repeat(500);
        assert!(parse(&text, 0).is_err());
    }
}
