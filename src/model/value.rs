//! Typed, spanned views of JSON and YAML values.
//!
//! Manifests, hook and server configs and frontmatter are parsed once into
//! span-preserving trees ([`crate::parse::json`], [`crate::parse::yaml`]);
//! the model reads those trees into typed structs (declared with
//! [`typed_object!`]) whose fields keep where they were written and what
//! they were when they did not have the expected type. Nothing written is
//! lost: a key no struct knows is kept in `unknown`, a value of the wrong
//! type is kept as its [`Kind`], so rules report both without going back to
//! the raw tree.
//!
//! JSON and YAML are read through one trait, [`Tree`], so a hook map reads
//! the same from `hooks/hooks.json` and from a skill's frontmatter.

use crate::parse::json::{JsonKind, JsonNode};
use crate::parse::yaml::{ScalarType, YamlKind, YamlNode};
use crate::source::Span;

/// What a value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Null,
    Bool,
    Number,
    String,
    Array,
    Object,
    /// A YAML alias (never expanded).
    Alias,
}

impl Kind {
    /// The name JSON Schema and Claude Code's messages use.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Null => "null",
            Kind::Bool => "boolean",
            Kind::Number => "number",
            Kind::String => "string",
            Kind::Array => "array",
            Kind::Object => "object",
            Kind::Alias => "alias",
        }
    }
    pub fn is_scalar(self) -> bool {
        matches!(self, Kind::Null | Kind::Bool | Kind::Number | Kind::String)
    }
}

/// A node of a parsed JSON or YAML document.
pub trait Tree: Sized {
    /// Whether a key written twice means its last value (JSON, as
    /// `JSON.parse` reads it) or its first (YAML, as the frontmatter rules
    /// have always read it; strict loaders reject the file, which SK028
    /// reports).
    const LAST_WINS: bool;
    fn kind(&self) -> Kind;
    fn span(&self) -> Span;
    /// The text of a string (a YAML scalar that resolves to a string).
    fn as_str(&self) -> Option<&str>;
    /// The text of any scalar as written (YAML), or of a string or number (JSON).
    fn scalar_text(&self) -> Option<&str>;
    fn as_bool(&self) -> Option<bool>;
    /// Members of an object, in order: key, key span, value.
    fn members(&self) -> impl Iterator<Item = (&str, Span, &Self)>;
    /// Items of an array.
    fn items(&self) -> &[Self];
}

impl Tree for JsonNode {
    const LAST_WINS: bool = true;
    fn kind(&self) -> Kind {
        match self.kind {
            JsonKind::Null => Kind::Null,
            JsonKind::Bool(_) => Kind::Bool,
            JsonKind::Number(_) => Kind::Number,
            JsonKind::String(_) => Kind::String,
            JsonKind::Array(_) => Kind::Array,
            JsonKind::Object(_) => Kind::Object,
        }
    }
    fn span(&self) -> Span {
        self.span
    }
    fn as_str(&self) -> Option<&str> {
        JsonNode::as_str(self)
    }
    fn scalar_text(&self) -> Option<&str> {
        match &self.kind {
            JsonKind::String(s) | JsonKind::Number(s) => Some(s),
            _ => None,
        }
    }
    fn as_bool(&self) -> Option<bool> {
        JsonNode::as_bool(self)
    }
    fn members(&self) -> impl Iterator<Item = (&str, Span, &Self)> {
        JsonNode::members(self)
            .iter()
            .map(|m| (m.key.as_str(), m.key_span, &m.value))
    }
    fn items(&self) -> &[Self] {
        JsonNode::items(self)
    }
}

impl Tree for YamlNode {
    const LAST_WINS: bool = false;
    fn kind(&self) -> Kind {
        match &self.kind {
            YamlKind::Scalar { .. } => match self.scalar_type() {
                Some(ScalarType::Int | ScalarType::Float) => Kind::Number,
                Some(ScalarType::Bool) => Kind::Bool,
                Some(ScalarType::Null) => Kind::Null,
                _ => Kind::String,
            },
            YamlKind::Seq(_) => Kind::Array,
            YamlKind::Map(_) => Kind::Object,
            YamlKind::Alias => Kind::Alias,
        }
    }
    fn span(&self) -> Span {
        self.span
    }
    fn as_str(&self) -> Option<&str> {
        (self.kind() == Kind::String)
            .then(|| YamlNode::as_str(self))
            .flatten()
    }
    fn scalar_text(&self) -> Option<&str> {
        YamlNode::as_str(self)
    }
    fn as_bool(&self) -> Option<bool> {
        match (self.kind(), YamlNode::as_str(self)) {
            (Kind::Bool, Some(s)) => Some(s.eq_ignore_ascii_case("true")),
            _ => None,
        }
    }
    fn members(&self) -> impl Iterator<Item = (&str, Span, &Self)> {
        self.entries()
            .iter()
            .filter_map(|(k, v)| YamlNode::as_str(k).map(|key| (key, k.span, v)))
    }
    fn items(&self) -> &[Self] {
        match &self.kind {
            YamlKind::Seq(items) => items,
            _ => &[],
        }
    }
}

/// A type a value can be read as.
pub trait FromTree: Sized {
    /// The value of `node`, or the kind it has instead when it does not fit.
    fn from_tree<N: Tree>(node: &N) -> Result<Self, Kind>;
}

impl FromTree for String {
    fn from_tree<N: Tree>(node: &N) -> Result<Self, Kind> {
        node.as_str().map(str::to_string).ok_or(node.kind())
    }
}

impl FromTree for bool {
    fn from_tree<N: Tree>(node: &N) -> Result<Self, Kind> {
        node.as_bool().ok_or(node.kind())
    }
}

/// A number as written, and its value.
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    pub text: String,
    pub value: f64,
}

impl Number {
    /// The value, when it is a whole number.
    pub fn as_i64(&self) -> Option<i64> {
        self.text.parse().ok()
    }
}

impl FromTree for Number {
    fn from_tree<N: Tree>(node: &N) -> Result<Self, Kind> {
        if node.kind() != Kind::Number {
            return Err(node.kind());
        }
        let text = node.scalar_text().unwrap_or("").to_string();
        let value = text.parse().unwrap_or(f64::NAN);
        Ok(Number { text, value })
    }
}

/// Any scalar, as written, with the kind it resolves to (YAML frontmatter
/// values are read leniently: `name: 123` is the text `123`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scalar {
    pub text: String,
    pub kind: Kind,
}

impl FromTree for Scalar {
    fn from_tree<N: Tree>(node: &N) -> Result<Self, Kind> {
        let kind = node.kind();
        match node.scalar_text() {
            Some(t) if kind.is_scalar() => Ok(Scalar {
                text: t.to_string(),
                kind,
            }),
            _ if kind == Kind::Bool => Ok(Scalar {
                text: node.as_bool().unwrap_or(false).to_string(),
                kind,
            }),
            _ if kind == Kind::Null => Ok(Scalar {
                text: String::new(),
                kind,
            }),
            _ => Err(kind),
        }
    }
}

/// Any value, of which only the kind and span are kept (a field no rule
/// reads inside, such as free-form `metadata`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Opaque {
    pub kind: Kind,
}

impl FromTree for Opaque {
    fn from_tree<N: Tree>(node: &N) -> Result<Self, Kind> {
        Ok(Opaque { kind: node.kind() })
    }
}

/// One item of a list, with where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Item<T> {
    pub span: Span,
    pub value: Result<T, Kind>,
}

impl<T> Item<T> {
    pub fn ok(&self) -> Option<&T> {
        self.value.as_ref().ok()
    }
}

/// A list.
#[derive(Debug, Clone, PartialEq)]
pub struct List<T>(pub Vec<Item<T>>);

impl<T> List<T> {
    pub fn iter(&self) -> std::slice::Iter<'_, Item<T>> {
        self.0.iter()
    }
    pub fn len(&self) -> usize {
        self.0.len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// The items that have the expected type, with their spans.
    pub fn oks(&self) -> impl Iterator<Item = (&T, Span)> {
        self.0
            .iter()
            .filter_map(|i| i.value.as_ref().ok().map(|v| (v, i.span)))
    }
}

impl<T: FromTree> FromTree for List<T> {
    fn from_tree<N: Tree>(node: &N) -> Result<Self, Kind> {
        if node.kind() != Kind::Array {
            return Err(node.kind());
        }
        Ok(List(
            node.items()
                .iter()
                .map(|i| Item {
                    span: i.span(),
                    value: T::from_tree(i),
                })
                .collect(),
        ))
    }
}

/// One entry of a map with free keys (`userConfig`, `mcpServers`, events).
#[derive(Debug, Clone, PartialEq)]
pub struct Entry<T> {
    pub key: String,
    pub key_span: Span,
    pub span: Span,
    pub value: Result<T, Kind>,
}

impl<T> Entry<T> {
    pub fn ok(&self) -> Option<&T> {
        self.value.as_ref().ok()
    }
}

/// A map with free keys, in the order written (a key written twice is kept
/// once, by the format's rule: see [`Tree::LAST_WINS`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Map<T>(pub Vec<Entry<T>>);

impl<T> Map<T> {
    pub fn iter(&self) -> std::slice::Iter<'_, Entry<T>> {
        self.0.iter()
    }
    pub fn get(&self, key: &str) -> Option<&Entry<T>> {
        self.0.iter().find(|e| e.key == key)
    }
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|e| e.key.as_str())
    }
    pub fn len(&self) -> usize {
        self.0.len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<T: FromTree> FromTree for Map<T> {
    fn from_tree<N: Tree>(node: &N) -> Result<Self, Kind> {
        if node.kind() != Kind::Object {
            return Err(node.kind());
        }
        let mut out: Vec<Entry<T>> = Vec::new();
        for (key, key_span, value) in node.members() {
            let entry = Entry {
                key: key.to_string(),
                key_span,
                span: value.span(),
                value: T::from_tree(value),
            };
            match out.iter().position(|e| e.key == key) {
                Some(i) if N::LAST_WINS => out[i] = entry,
                Some(_) => {}
                None => out.push(entry),
            }
        }
        Ok(Map(out))
    }
}

/// A string or a list of strings (`allowed-tools`, component paths).
#[derive(Debug, Clone, PartialEq)]
pub enum OneOrMany<T> {
    One(T),
    Many(List<T>),
}

impl<T> OneOrMany<T> {
    /// Every value that has the expected type, with its span (`span`: the
    /// field's value span, for the single form).
    pub fn values(&self, span: Span) -> Vec<(&T, Span)> {
        match self {
            OneOrMany::One(v) => vec![(v, span)],
            OneOrMany::Many(l) => l.oks().collect(),
        }
    }
}

impl<T: FromTree> FromTree for OneOrMany<T> {
    fn from_tree<N: Tree>(node: &N) -> Result<Self, Kind> {
        if node.kind() == Kind::Array {
            return List::from_tree(node).map(OneOrMany::Many);
        }
        T::from_tree(node).map(OneOrMany::One)
    }
}

/// A key an object's type does not know, kept for the rules that report it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key {
    pub name: String,
    pub span: Span,
    /// The span of its value.
    pub value: Span,
}

/// A field's value as written: where its key and value are, and the value
/// when it has the type the field expects (else the kind it has).
#[derive(Debug, Clone, PartialEq)]
pub struct Field<T> {
    pub key: Span,
    pub span: Span,
    pub value: Result<T, Kind>,
}

impl<T> Field<T> {
    pub fn ok(&self) -> Option<&T> {
        self.value.as_ref().ok()
    }
}

/// A field of a typed object: absent, or written (boxed: most fields of
/// most objects are absent, and then cost a word).
pub type Opt<T> = Option<Box<Field<T>>>;

/// Reading an optional field.
pub trait Present<T> {
    /// The value, when the field is written and has the expected type.
    fn val(&self) -> Option<&T>;
    /// The value with the span of the value.
    fn spanned(&self) -> Option<(&T, Span)>;
    /// The field's value span, when it is written at all.
    fn value_span(&self) -> Option<Span>;
    /// The field's key span, when it is written at all.
    fn key_span(&self) -> Option<Span>;
}

impl<T> Present<T> for Option<Box<Field<T>>> {
    fn val(&self) -> Option<&T> {
        self.as_deref().and_then(Field::ok)
    }
    fn spanned(&self) -> Option<(&T, Span)> {
        self.as_ref().and_then(|f| f.ok().map(|v| (v, f.span)))
    }
    fn value_span(&self) -> Option<Span> {
        self.as_ref().map(|f| f.span)
    }
    fn key_span(&self) -> Option<Span> {
        self.as_ref().map(|f| f.key)
    }
}

/// Read field `key` of an object into `slot`, by the format's rule for a
/// key written twice.
#[doc(hidden)]
pub fn read_field<N: Tree, T: FromTree>(slot: &mut Option<Box<Field<T>>>, key: Span, node: &N) {
    if slot.is_some() && !N::LAST_WINS {
        return;
    }
    *slot = Some(Box::new(Field {
        key,
        span: node.span(),
        value: T::from_tree(node),
    }));
}

/// Declare a typed object: a struct whose fields are read from the members
/// of a JSON or YAML object by their written names, each an
/// `Option<Box<Field<T>>>` (boxed: most fields of most objects are absent,
/// and an absent field then costs a word), plus `span` (the object's), `unknown` (the keys it
/// does not declare) and `keys` (every key written, in order).
///
/// ```ignore
/// typed_object! {
///     /// The person a manifest names.
///     pub struct Person {
///         name: String = "name",
///         email: String = "email",
///     }
/// }
/// ```
#[macro_export]
macro_rules! typed_object {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $(
                $(#[$fmeta:meta])*
                $field:ident : $ty:ty = $key:literal
            ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Default)]
        pub struct $name {
            /// The whole object.
            pub span: $crate::source::Span,
            $(
                $(#[$fmeta])*
                pub $field: Option<Box<$crate::model::value::Field<$ty>>>,
            )*
            /// Keys this type does not declare.
            pub unknown: Vec<$crate::model::value::Key>,
            /// Every key written, in order (a key written twice, twice).
            pub keys: Vec<$crate::model::value::Key>,
        }

        #[allow(dead_code)]
        impl $name {
            /// The keys this type declares, as written.
            pub const KEYS: &'static [&'static str] = &[$($key),*];
        }

        impl $crate::model::value::FromTree for $name {
            fn from_tree<N: $crate::model::value::Tree>(
                node: &N,
            ) -> Result<Self, $crate::model::value::Kind> {
                if node.kind() != $crate::model::value::Kind::Object {
                    return Err(node.kind());
                }
                let mut out = $name {
                    span: node.span(),
                    ..Default::default()
                };
                for (key, key_span, value) in node.members() {
                    out.keys.push($crate::model::value::Key {
                        name: key.to_string(),
                        span: key_span,
                        value: value.span(),
                    });
                    match key {
                        $($key => $crate::model::value::read_field(&mut out.$field, key_span, value),)*
                        _ => {
                            let seen = out.unknown.iter().position(|k| k.name == key);
                            let k = $crate::model::value::Key {
                                name: key.to_string(),
                                span: key_span,
                                value: value.span(),
                            };
                            match seen {
                                Some(i) if N::LAST_WINS => out.unknown[i] = k,
                                Some(_) => {}
                                None => out.unknown.push(k),
                            }
                        }
                    }
                }
                Ok(out)
            }
        }
    };
}

/// Read `node` as `T` (a whole document's root).
pub fn read<T: FromTree, N: Tree>(node: &N) -> Result<T, Kind> {
    T::from_tree(node)
}

#[cfg(test)]
mod tests {
    use super::*;

    crate::typed_object! {
        /// A test object.
        pub struct Person {
            name: String = "name",
            age: Number = "age",
            tags: List<String> = "tags",
        }
    }

    #[test]
    fn json_objects_read_typed_fields_and_keep_the_rest() {
        let text = r#"{"name": "Ann", "age": "old", "tags": ["a", 1], "x": 1, "name": "Bo"}"#;
        let doc = crate::parse::json::parse(text, 0).unwrap();
        let p: Person = read(&doc.root).unwrap();
        // JSON: the last `name` wins.
        assert_eq!(p.name.val().map(String::as_str), Some("Bo"));
        assert_eq!(p.age.as_ref().unwrap().value, Err(Kind::String));
        let tags = p.tags.val().unwrap();
        assert_eq!(
            tags.oks().map(|(t, _)| t.as_str()).collect::<Vec<_>>(),
            ["a"]
        );
        assert_eq!(tags.0[1].value, Err(Kind::Number));
        assert_eq!(p.unknown.len(), 1);
        assert_eq!(&text[p.unknown[0].span.range()], "\"x\"");
        assert_eq!(&text[p.name.value_span().unwrap().range()], "\"Bo\"");
    }

    #[test]
    fn yaml_objects_read_the_same_way() {
        let text = "name: Ann\nage: 42\nname: Bo\ntags: a\n";
        let doc = crate::parse::yaml::parse(text, 0).unwrap();
        let p: Person = read(doc.root.as_ref().unwrap()).unwrap();
        // YAML: the first `name` is kept.
        assert_eq!(p.name.val().map(String::as_str), Some("Ann"));
        assert_eq!(p.age.val().and_then(Number::as_i64), Some(42));
        assert_eq!(p.tags.as_ref().unwrap().value, Err(Kind::String));
        let not_object: Result<Person, Kind> =
            read(&crate::parse::json::parse("[1]", 0).unwrap().root);
        assert_eq!(not_object, Err(Kind::Array));
    }
}
