//! The typed skill source (`skills/<s>/skill.yaml`) and plugin source
//! (`plugins/<p>/plugin.yaml`). Unknown fields are errors; spans come from
//! the YAML tree the types were read from.

use indexmap::IndexMap;
use serde::Deserialize;

/// `skill.yaml`.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct SkillSource {
    /// The skill's name; must equal its directory.
    pub name: String,
    /// The frontmatter description: what the skill does and when to use it.
    pub description: String,
    /// Other frontmatter fields, rendered as given (`allowed-tools`,
    /// `argument-hint`, `model`, …).
    #[serde(default)]
    pub frontmatter: IndexMap<String, serde_json::Value>,
    /// The `#` title of SKILL.md.
    pub title: String,
    /// Prose under the title.
    #[serde(default)]
    pub intro: Option<String>,
    /// Typed inputs, as environment variables of the phase scripts.
    #[serde(default)]
    pub inputs: IndexMap<String, Input>,
    /// Ordered phases; numbering comes from the order.
    pub phases: Vec<Phase>,
    /// Files under `references/`, each with a one-line summary.
    #[serde(default)]
    pub references: Vec<Reference>,
    /// Rules that hold in every phase.
    #[serde(default)]
    pub guardrails: Vec<String>,
    /// Shell shared by the phase scripts (helper functions, constants): it
    /// opens every phase script that calls one of its functions or reads one
    /// of its variables.
    #[serde(default)]
    pub prelude: Option<String>,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum InputType {
    String,
    Path,
    KubeContext,
    Ip,
    IpList,
    Enum,
    Int,
    Bool,
}

impl InputType {
    pub fn as_str(self) -> &'static str {
        match self {
            InputType::String => "string",
            InputType::Path => "path",
            InputType::KubeContext => "kube-context",
            InputType::Ip => "ip",
            InputType::IpList => "ip-list",
            InputType::Enum => "enum",
            InputType::Int => "int",
            InputType::Bool => "bool",
        }
    }
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Input {
    #[serde(rename = "type")]
    pub kind: InputType,
    /// One line for the inputs table and the script's error message.
    pub doc: String,
    #[serde(default)]
    pub required: bool,
    #[serde(default)]
    pub default: Option<String>,
    /// Allowed values of an `enum` input.
    #[serde(default)]
    pub values: Vec<String>,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    /// Reads only (from clusters, APIs or files).
    #[default]
    ReadOnly,
    /// Changes only the local machine.
    Local,
    /// Changes a cluster or another shared system.
    Mutating,
}

impl Mode {
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::ReadOnly => "read-only",
            Mode::Local => "local",
            Mode::Mutating => "mutating",
        }
    }
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Gate {
    /// Stop and wait for explicit approval before this phase runs.
    Stop,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Phase {
    /// Stable id (used by `{phase:ID}` and the script's file name).
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub mode: Mode,
    #[serde(default)]
    pub gate: Option<Gate>,
    /// Markdown prose, inline.
    #[serde(default)]
    pub prose: Option<String>,
    /// Markdown prose from a file, relative to the skill directory.
    #[serde(default)]
    pub prose_file: Option<String>,
    /// The phase's bash script, inline.
    #[serde(default)]
    pub script: Option<String>,
    /// The phase's bash script from a file, relative to the skill directory.
    #[serde(default)]
    pub script_file: Option<String>,
    /// Nested phases (`9.1`, `9.2`).
    #[serde(default)]
    pub phases: Vec<Phase>,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    pub path: String,
    pub summary: String,
}

/// `plugin.yaml`: the fields of plugin.json (as given), with `{skills}` and
/// `{skill-count}` expanded in `description`, and the fields of the plugin's
/// marketplace entry.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(rename_all = "kebab-case")]
pub struct PluginSource {
    pub name: String,
    pub version: String,
    pub description: String,
    /// Fields only the marketplace entry carries (`category`, `tags`, …).
    #[serde(default)]
    pub marketplace: IndexMap<String, serde_json::Value>,
    /// Every other plugin.json field, in order.
    #[serde(flatten)]
    pub rest: IndexMap<String, serde_json::Value>,
}

/// What a key's value must be, as the serde types above read it.
#[derive(Debug, Clone, Copy)]
pub enum Shape {
    /// Text: any scalar (`3.2` reads as the text `3.2`).
    Text,
    /// `true` or `false`.
    Bool,
    /// A list of texts.
    Texts,
    /// One of these words.
    OneOf(&'static [&'static str]),
    /// A list of mappings of this kind.
    ListOf(&'static Object),
    /// A mapping of names to mappings of this kind.
    MapOf(&'static Object),
    /// A mapping of names to any values.
    AnyMap,
    /// A mapping whose keys are checked against this kind (an open one).
    Object(&'static Object),
    /// Any value.
    Any,
}

/// Whether a key must be there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    /// Required, and not empty.
    Required,
    /// May be left out; when written, it is not empty.
    Optional,
    /// May be left out or left empty (an `Option`).
    Nullable,
}

/// One key of a mapping.
#[derive(Debug, Clone, Copy)]
pub struct Key {
    pub name: &'static str,
    pub shape: Shape,
    pub presence: Presence,
}

/// The keys of one kind of mapping in a source, kept beside its serde type
/// (a test holds the two equal).
#[derive(Debug)]
pub struct Object {
    /// What one is called ("a phase").
    pub what: &'static str,
    pub keys: &'static [Key],
    /// Other keys are passed through (plugin.yaml's plugin.json fields);
    /// only those close to a key of `keys` or of `near` are reported.
    pub open: bool,
    /// Keys also known when `open`, for "did you mean".
    pub near: &'static [&'static str],
}

impl Object {
    pub fn key(&self, name: &str) -> Option<&Key> {
        self.keys.iter().find(|k| k.name == name)
    }
}

const fn key(name: &'static str, shape: Shape, presence: Presence) -> Key {
    Key {
        name,
        shape,
        presence,
    }
}

use Presence::{Nullable, Optional, Required};

/// The values of [`InputType`], [`Mode`] and [`Gate`].
pub const INPUT_TYPES: &[&str] = &[
    "string",
    "path",
    "kube-context",
    "ip",
    "ip-list",
    "enum",
    "int",
    "bool",
];
pub const MODES: &[&str] = &["read-only", "local", "mutating"];
pub const GATES: &[&str] = &["stop"];

/// [`SkillSource`].
pub static SKILL: Object = Object {
    what: "skill.yaml",
    keys: &[
        key("name", Shape::Text, Required),
        key("description", Shape::Text, Required),
        key("frontmatter", Shape::AnyMap, Optional),
        key("title", Shape::Text, Required),
        key("intro", Shape::Text, Nullable),
        key("inputs", Shape::MapOf(&INPUT), Optional),
        key("phases", Shape::ListOf(&PHASE), Required),
        key("references", Shape::ListOf(&REFERENCE), Optional),
        key("guardrails", Shape::Texts, Optional),
        key("prelude", Shape::Text, Nullable),
    ],
    open: false,
    near: &[],
};

/// [`Input`].
pub static INPUT: Object = Object {
    what: "an input",
    keys: &[
        key("type", Shape::OneOf(INPUT_TYPES), Required),
        key("doc", Shape::Text, Required),
        key("required", Shape::Bool, Optional),
        key("default", Shape::Text, Nullable),
        key("values", Shape::Texts, Optional),
    ],
    open: false,
    near: &[],
};

/// [`Phase`].
pub static PHASE: Object = Object {
    what: "a phase",
    keys: &[
        key("id", Shape::Text, Required),
        key("title", Shape::Text, Required),
        key("mode", Shape::OneOf(MODES), Optional),
        key("gate", Shape::OneOf(GATES), Nullable),
        key("prose", Shape::Text, Nullable),
        key("prose-file", Shape::Text, Nullable),
        key("script", Shape::Text, Nullable),
        key("script-file", Shape::Text, Nullable),
        key("phases", Shape::ListOf(&PHASE), Optional),
    ],
    open: false,
    near: &[],
};

/// [`Reference`].
pub static REFERENCE: Object = Object {
    what: "a reference",
    keys: &[
        key("path", Shape::Text, Required),
        key("summary", Shape::Text, Required),
    ],
    open: false,
    near: &[],
};

/// [`PluginSource`]: its own keys; the others are plugin.json fields.
pub static PLUGIN: Object = Object {
    what: "plugin.yaml",
    keys: &[
        key("name", Shape::Text, Required),
        key("version", Shape::Text, Required),
        key("description", Shape::Text, Required),
        key("marketplace", Shape::Object(&MARKETPLACE), Optional),
    ],
    open: true,
    near: crate::model::manifest::PluginManifest::KEYS,
};

/// `marketplace:` of a plugin.yaml: the fields of its marketplace entry.
pub static MARKETPLACE: Object = Object {
    what: "the marketplace entry",
    keys: &[],
    open: true,
    near: crate::model::manifest::EntryFields::KEYS,
};

#[cfg(test)]
mod tests {
    use super::*;
    use serde::de::{self, Deserializer, Visitor};

    /// A deserializer that records the field names (or variant names) a
    /// serde type asks for, then stops.
    struct Probe<'a>(&'a mut Vec<&'static str>);

    impl<'de> Deserializer<'de> for Probe<'_> {
        type Error = de::value::Error;
        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            Err(de::Error::custom("probe"))
        }
        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Self::Error> {
            self.0.extend(fields);
            Err(de::Error::custom("probe"))
        }
        fn deserialize_enum<V: Visitor<'de>>(
            self,
            _: &'static str,
            variants: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Self::Error> {
            self.0.extend(variants);
            Err(de::Error::custom("probe"))
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
            bytes byte_buf option unit unit_struct newtype_struct seq tuple
            tuple_struct map identifier ignored_any
        }
    }

    fn serde_names<'de, T: serde::Deserialize<'de>>() -> Vec<&'static str> {
        let mut names = Vec::new();
        let _ = T::deserialize(Probe(&mut names));
        names
    }

    fn table(o: &Object) -> Vec<&'static str> {
        o.keys.iter().map(|k| k.name).collect()
    }

    fn read<T: serde::de::DeserializeOwned>(yaml: &str) -> Result<T, String> {
        let doc = crate::parse::yaml::parse(yaml, 0).map_err(|e| e.message)?;
        crate::parse::yaml_de::from_node(doc.root.as_ref().ok_or("empty")?).map_err(|e| e.message)
    }

    /// The key tables list exactly the fields the serde types read, and the
    /// value lists exactly their variants.
    #[test]
    fn tables_equal_the_serde_types() {
        assert_eq!(table(&SKILL), serde_names::<SkillSource>());
        assert_eq!(table(&INPUT), serde_names::<Input>());
        assert_eq!(table(&PHASE), serde_names::<Phase>());
        assert_eq!(table(&REFERENCE), serde_names::<Reference>());
        assert_eq!(INPUT_TYPES, serde_names::<InputType>());
        assert_eq!(MODES, serde_names::<Mode>());
        assert_eq!(GATES, serde_names::<Gate>());
        for (i, t) in INPUT_TYPES.iter().enumerate() {
            let v: InputType = read(t).unwrap();
            assert_eq!(v.as_str(), *t);
            assert_eq!(serde_names::<InputType>()[i], *t);
        }
        for m in MODES {
            assert_eq!(read::<Mode>(m).unwrap().as_str(), *m);
        }
    }

    /// What the tables call required is what serde cannot do without, and
    /// what they call nullable serde reads empty.
    #[test]
    fn presence_equals_the_serde_types() {
        // Every key written, each with a value of its shape.
        fn value(shape: Shape) -> &'static str {
            match shape {
                Shape::Text => "x",
                Shape::Bool => "true",
                Shape::Texts => "[x]",
                Shape::OneOf(v) => v[0],
                Shape::ListOf(_) => "[]",
                Shape::MapOf(_) | Shape::AnyMap | Shape::Object(_) => "{}",
                Shape::Any => "x",
            }
        }
        fn doc(o: &Object, skip: Option<&str>, empty: Option<&str>) -> String {
            let mut out = String::new();
            for k in o.keys.iter().filter(|k| Some(k.name) != skip) {
                let v = if Some(k.name) == empty {
                    ""
                } else {
                    value(k.shape)
                };
                out.push_str(&format!("{}: {v}\n", k.name));
            }
            out
        }
        fn check<T: serde::de::DeserializeOwned + std::fmt::Debug>(o: &Object) {
            read::<T>(&doc(o, None, None)).unwrap_or_else(|e| panic!("{}: {e}", o.what));
            for k in o.keys {
                let without = read::<T>(&doc(o, Some(k.name), None));
                assert_eq!(
                    without.is_ok(),
                    k.presence != Presence::Required,
                    "{} without `{}`: {without:?}",
                    o.what,
                    k.name
                );
                let empty = read::<T>(&doc(o, None, Some(k.name)));
                assert_eq!(
                    empty.is_ok(),
                    k.presence == Presence::Nullable,
                    "{} with `{}` empty: {empty:?}",
                    o.what,
                    k.name
                );
            }
        }
        check::<SkillSource>(&SKILL);
        check::<Input>(&INPUT);
        check::<Phase>(&PHASE);
        check::<Reference>(&REFERENCE);
        // plugin.yaml: its own keys are named fields, not passed through.
        let p: PluginSource = read(&doc(&PLUGIN, None, None)).unwrap();
        assert!(p.rest.is_empty(), "{:?}", p.rest);
        for k in PLUGIN.keys {
            let without = read::<PluginSource>(&doc(&PLUGIN, Some(k.name), None));
            assert_eq!(
                without.is_ok(),
                k.presence != Presence::Required,
                "{}",
                k.name
            );
        }
    }
}
