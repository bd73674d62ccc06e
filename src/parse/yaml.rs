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

/// A line of a scalar's value and the place in the file that holds it as
/// written: `len` bytes from `value` in the value are the bytes from `file`
/// in the file (the line's `\n` included, which the file may write as
/// `\r\n`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ValueLine {
    pub value: usize,
    pub file: usize,
    pub len: usize,
}

/// Where the lines of scalar `node`'s value lie in `file_text` (the text of
/// the file it was parsed from): each line of a block scalar (`|`), a plain
/// scalar, a quoted one without escapes. Lines that are not written as they
/// read (folded, escaped) are left out; empty for a collection.
pub fn value_lines(file_text: &str, node: &YamlNode) -> Vec<ValueLine> {
    let Some(value) = node.as_str() else {
        return Vec::new();
    };
    let region = file_text.get(node.span.range()).unwrap_or("");
    let start = node.span.start as usize;
    // A quoted scalar on one line: the text between the quotes, unescaped.
    if region.starts_with(['"', '\'']) && !value.contains('\n') {
        let inner = region.get(1..region.len().saturating_sub(1));
        return if inner == Some(value) && region.len() >= 2 {
            vec![ValueLine {
                value: 0,
                file: start + 1,
                len: value.len(),
            }]
        } else {
            Vec::new()
        };
    }
    let mut lines = Vec::new();
    // Lines of the region after the indicator line (for `|`) or the region itself.
    let mut src_lines: Vec<(usize, &str)> = Vec::new();
    let mut off = start;
    for l in region.split_inclusive('\n') {
        src_lines.push((off, l));
        off += l.len();
    }
    let block = region.starts_with('|') || region.starts_with('>');
    let mut it = src_lines.into_iter().skip(usize::from(block));
    let mut value_off = 0usize;
    for line in value.split_inclusive('\n') {
        let content = line.trim_end_matches('\n');
        // The next source line that ends with this content.
        let mut mapped = None;
        if content.is_empty() {
            mapped = it.next().map(|(o, _)| o);
        } else {
            for (o, l) in it.by_ref() {
                let t = l.trim_end_matches(['\n', '\r']);
                if t.ends_with(content) {
                    mapped = Some(o + t.len() - content.len());
                    break;
                }
            }
        }
        if let Some(file) = mapped {
            lines.push(ValueLine {
                value: value_off,
                file,
                len: line.len(),
            });
        }
        value_off += line.len();
    }
    lines
}

/// The span in the file of bytes `range` of scalar `node`'s value, when the
/// file holds them as written (on one line); `None` otherwise (a folded or
/// escaped scalar: point at the node instead).
pub fn value_span(file_text: &str, node: &YamlNode, range: std::ops::Range<usize>) -> Option<Span> {
    let want = node.as_str()?.get(range.clone())?;
    let line = value_lines(file_text, node)
        .into_iter()
        .find(|l| l.value <= range.start && range.end <= l.value + l.len)?;
    let start = line.file + (range.start - line.value);
    let span = Span::new(start, start + want.len());
    (file_text.get(span.range()) == Some(want)).then_some(span)
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
    fn value_offsets_map_to_the_file() {
        let text = "a: plain {x} here\nb: \"quoted {x}\"\nc: |\n  line one\n  has {x}\nd: >\n  folded\n  {x}\ne: \"esc\\\"aped {x}\"\n";
        let doc = parse(text, 0).unwrap();
        let root = doc.root.unwrap();
        let find = |key: &str| {
            let node = root.get(key).unwrap();
            let at = node.as_str().unwrap().find("{x}").unwrap();
            value_span(text, node, at..at + 3).map(|s| &text[s.range()])
        };
        assert_eq!(find("a"), Some("{x}"));
        assert_eq!(find("b"), Some("{x}"));
        assert_eq!(find("c"), Some("{x}"));
        // Folded lines and escapes are not written as they read.
        assert_eq!(find("d"), None);
        assert_eq!(find("e"), None);
        let c = root.get("c").unwrap();
        let lines = value_lines(text, c);
        assert_eq!(lines.len(), 2);
        assert_eq!(&text[lines[1].file..lines[1].file + 7], "has {x}");
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
