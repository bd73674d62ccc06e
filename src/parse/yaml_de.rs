//! Serde deserialization from the span-preserving YAML tree, so typed
//! sources (`skill.yaml`, `plugin.yaml`) get derive-based types that reject
//! unknown fields while every error still points at its node.

use super::yaml::{ScalarType, YamlKind, YamlNode};
use crate::source::Span;
use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// A deserialization error with the span of the offending node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeError {
    pub message: String,
    pub span: Option<Span>,
}

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DeError {}

impl de::Error for DeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        DeError {
            message: msg.to_string(),
            span: None,
        }
    }
}

impl DeError {
    fn at(mut self, span: Span) -> Self {
        if self.span.is_none() {
            self.span = Some(span);
        }
        self
    }
}

/// Deserialize a `T` from `node`.
pub fn from_node<'de, T: serde::Deserialize<'de>>(node: &YamlNode) -> Result<T, DeError> {
    T::deserialize(NodeDe { node }).map_err(|e| e.at(node.span))
}

struct NodeDe<'a> {
    node: &'a YamlNode,
}

impl NodeDe<'_> {
    fn scalar(&self) -> Result<&str, DeError> {
        match &self.node.kind {
            YamlKind::Scalar { value, .. } => Ok(value),
            _ => Err(DeError {
                message: format!("expected a scalar, found a {}", self.node.type_name()),
                span: Some(self.node.span),
            }),
        }
    }
    fn err(&self, msg: String) -> DeError {
        DeError {
            message: msg,
            span: Some(self.node.span),
        }
    }
}

macro_rules! number {
    ($method:ident, $visit:ident, $t:ty) => {
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
            let s = self.scalar()?;
            let v: $t = s
                .trim()
                .parse()
                .map_err(|_| self.err(format!("expected a number, found `{s}`")))?;
            visitor.$visit(v)
        }
    };
}

impl<'de> de::Deserializer<'de> for NodeDe<'_> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match &self.node.kind {
            YamlKind::Scalar { value, .. } => match self.node.scalar_type() {
                Some(ScalarType::Null) => visitor.visit_unit(),
                Some(ScalarType::Bool) => visitor.visit_bool(value.eq_ignore_ascii_case("true")),
                Some(ScalarType::Int) => match value.parse::<i64>() {
                    Ok(i) => visitor.visit_i64(i),
                    Err(_) => visitor.visit_str(value),
                },
                Some(ScalarType::Float) => match value.parse::<f64>() {
                    Ok(f) => visitor.visit_f64(f),
                    Err(_) => visitor.visit_str(value),
                },
                _ => visitor.visit_str(value),
            },
            YamlKind::Seq(items) => visitor.visit_seq(Seq { items, i: 0 }),
            YamlKind::Map(entries) => visitor.visit_map(Map { entries, i: 0 }),
            YamlKind::Alias => Err(self.err("aliases are not supported here".into())),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.scalar()? {
            "true" | "True" | "TRUE" => visitor.visit_bool(true),
            "false" | "False" | "FALSE" => visitor.visit_bool(false),
            s => Err(self.err(format!("expected true or false, found `{s}`"))),
        }
    }

    number!(deserialize_i8, visit_i64, i64);
    number!(deserialize_i16, visit_i64, i64);
    number!(deserialize_i32, visit_i64, i64);
    number!(deserialize_i64, visit_i64, i64);
    number!(deserialize_u8, visit_u64, u64);
    number!(deserialize_u16, visit_u64, u64);
    number!(deserialize_u32, visit_u64, u64);
    number!(deserialize_u64, visit_u64, u64);
    number!(deserialize_f32, visit_f64, f64);
    number!(deserialize_f64, visit_f64, f64);

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }
    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let s = self.scalar()?;
        if self.node.scalar_type() == Some(ScalarType::Null) && s.is_empty() {
            return Err(self.err("expected a string, found nothing".into()));
        }
        visitor.visit_str(s)
    }
    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }
    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }
    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        if self.node.scalar_type() == Some(ScalarType::Null) {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }
    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_unit()
    }
    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        visitor.visit_unit()
    }
    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        visitor.visit_newtype_struct(self)
    }
    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match &self.node.kind {
            YamlKind::Seq(items) => visitor.visit_seq(Seq { items, i: 0 }),
            _ => Err(self.err(format!(
                "expected a list, found a {}",
                self.node.type_name()
            ))),
        }
    }
    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_seq(visitor)
    }
    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_seq(visitor)
    }
    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match &self.node.kind {
            YamlKind::Map(entries) => visitor.visit_map(Map { entries, i: 0 }),
            _ => Err(self.err(format!(
                "expected a mapping, found a {}",
                self.node.type_name()
            ))),
        }
    }
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_map(visitor)
    }
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        match &self.node.kind {
            YamlKind::Scalar { value, .. } => visitor
                .visit_enum(value.as_str().into_deserializer())
                .map_err(|e: DeError| e.at(self.node.span)),
            _ => Err(self.err("expected one of the listed values".into())),
        }
    }
    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_unit()
    }
}

struct Seq<'a> {
    items: &'a [YamlNode],
    i: usize,
}

impl<'de> SeqAccess<'de> for Seq<'_> {
    type Error = DeError;
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DeError> {
        let Some(node) = self.items.get(self.i) else {
            return Ok(None);
        };
        self.i += 1;
        seed.deserialize(NodeDe { node })
            .map(Some)
            .map_err(|e| e.at(node.span))
    }
    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len() - self.i)
    }
}

struct Map<'a> {
    entries: &'a [(YamlNode, YamlNode)],
    i: usize,
}

impl<'de> MapAccess<'de> for Map<'_> {
    type Error = DeError;
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        let Some((key, _)) = self.entries.get(self.i) else {
            return Ok(None);
        };
        seed.deserialize(NodeDe { node: key })
            .map(Some)
            .map_err(|e| e.at(key.span))
    }
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, DeError> {
        let (_, value) = &self.entries[self.i];
        self.i += 1;
        seed.deserialize(NodeDe { node: value })
            .map_err(|e| e.at(value.span))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct T {
        name: String,
        #[serde(default)]
        count: u32,
        items: Vec<String>,
        mode: Option<Mode>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(rename_all = "kebab-case")]
    enum Mode {
        ReadOnly,
        Mutating,
    }

    fn parse(text: &str) -> Result<T, DeError> {
        let doc = crate::parse::yaml::parse(text, 0).unwrap();
        from_node(doc.root.as_ref().unwrap())
    }

    #[test]
    fn typed_with_spans() {
        let t = parse("name: 3.2\ncount: 4\nitems: [a, b]\nmode: read-only\n").unwrap();
        assert_eq!(
            t,
            T {
                name: "3.2".into(),
                count: 4,
                items: vec!["a".into(), "b".into()],
                mode: Some(Mode::ReadOnly)
            }
        );
        let e = parse("name: x\nitems: []\nnmae: y\n").unwrap_err();
        assert!(e.message.contains("unknown field `nmae`"), "{}", e.message);
        assert_eq!(e.span, Some(Span::new(18, 22)));
        let e = parse("name: x\nitems: []\nmode: sometimes\n").unwrap_err();
        assert!(e.message.contains("unknown variant"), "{}", e.message);
        assert_eq!(e.span, Some(Span::new(24, 33)));
        let e = parse("name: x\nitems: []\ncount: many\n").unwrap_err();
        assert_eq!(e.span, Some(Span::new(25, 29)));
    }
}
