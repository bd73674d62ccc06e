//! The frontmatter of skills, commands, agents and output styles, typed
//! (formats.md §4–§7). One type holds the keys of every kind: which keys a
//! kind knows is the rules' business (`keys` keeps every key written, in
//! order). Values are read as YAML scalars as written (`name: 123` is the
//! text `123` of kind number), so the rules can say what a loader makes of
//! them.
//!
//! A key written twice (which strict loaders reject, SK028) is read at its
//! first occurrence, as every typed object reads YAML; the later
//! occurrences are kept too ([`Frontmatter::repeats`], [`Entries`]), since
//! lenient loaders differ on which value they keep and the rules report a
//! bad value wherever it is written.

use super::hooks::MatcherGroup;
use super::value::{Entry, FromTree, Key, Kind, List, OneOrMany, Opaque, Scalar, Tree};
use crate::source::Span;

/// Declare [`Fields`] (with `typed_object!`) and the reading of one member
/// alone into it, from one list of keys.
macro_rules! fields {
    (
        $(#[$meta:meta])*
        pub struct Fields {
            $(
                $(#[$fmeta:meta])*
                $field:ident : $ty:ty = $key:literal
            ),* $(,)?
        }
    ) => {
        crate::typed_object! {
            $(#[$meta])*
            pub struct Fields {
                $($(#[$fmeta])* $field: $ty = $key),*
            }
        }

        impl Fields {
            /// One member of the mapping at `span`, read alone.
            fn member<N: Tree>(span: Span, key: &str, key_span: Span, value: &N) -> Fields {
                let mut out = Fields {
                    span,
                    ..Default::default()
                };
                let k = Key {
                    name: key.to_string(),
                    span: key_span,
                    value: value.span(),
                };
                match key {
                    $($key => super::value::read_field(&mut out.$field, key_span, value),)*
                    _ => out.unknown.push(k.clone()),
                }
                out.keys.push(k);
                out
            }
        }
    };
}

fields! {
    /// A frontmatter mapping, each key read at its first occurrence.
    pub struct Fields {
        name: Scalar = "name",
        description: Scalar = "description",
        when_to_use: Scalar = "when_to_use",
        when_to_use_dashed: Scalar = "when-to-use",
        argument_hint: Scalar = "argument-hint",
        arguments: OneOrMany<Scalar> = "arguments",
        allowed_tools: OneOrMany<Scalar> = "allowed-tools",
        disallowed_tools: OneOrMany<Scalar> = "disallowed-tools",
        disallowed_tools_camel: OneOrMany<Scalar> = "disallowedTools",
        model: Scalar = "model",
        effort: Scalar = "effort",
        disable_model_invocation: Scalar = "disable-model-invocation",
        user_invocable: Scalar = "user-invocable",
        context: Scalar = "context",
        agent: Scalar = "agent",
        background: Scalar = "background",
        /// Events → matcher groups (every event written, see [`Entries`]).
        hooks: Entries<List<MatcherGroup>> = "hooks",
        paths: OneOrMany<Scalar> = "paths",
        shell: Scalar = "shell",
        /// Free-form (every key written, see [`Entries`]).
        metadata: Entries<Opaque> = "metadata",
        license: Scalar = "license",
        compatibility: Scalar = "compatibility",
        version: Scalar = "version",
        // Agents.
        tools: OneOrMany<Scalar> = "tools",
        permission_mode: Scalar = "permissionMode",
        mcp_servers: Opaque = "mcpServers",
        max_turns: Scalar = "maxTurns",
        skills: OneOrMany<Scalar> = "skills",
        memory: Scalar = "memory",
        isolation: Scalar = "isolation",
        color: Scalar = "color",
        initial_prompt: Scalar = "initialPrompt",
        // Output styles.
        keep_coding_instructions: Scalar = "keep-coding-instructions",
        force_for_plugin: Scalar = "force-for-plugin",
    }
}

/// A frontmatter mapping: its [`Fields`] (each key at its first occurrence;
/// the struct derefs to them) and the later occurrences of keys written
/// twice.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Frontmatter {
    /// Each key read at its first occurrence; `keys` lists every key
    /// written, repeats included.
    pub first: Fields,
    /// Each later occurrence of a key written twice, read alone (its
    /// `span` is the mapping's), in the order written. Empty unless a key
    /// repeats.
    pub repeats: Vec<Fields>,
}

impl std::ops::Deref for Frontmatter {
    type Target = Fields;
    fn deref(&self) -> &Fields {
        &self.first
    }
}

impl Frontmatter {
    /// The keys the type declares, as written.
    pub const KEYS: &'static [&'static str] = Fields::KEYS;

    /// Every value written: the first reading, then each repeat. Rules on
    /// values read all of them; rules on keys by name read `keys`, which
    /// already lists every occurrence.
    pub fn readings(&self) -> impl Iterator<Item = &Fields> {
        std::iter::once(&self.first).chain(&self.repeats)
    }
}

impl FromTree for Frontmatter {
    fn from_tree<N: Tree>(node: &N) -> Result<Self, Kind> {
        let first = Fields::from_tree(node)?;
        let mut repeats = Vec::new();
        let repeated = first
            .keys
            .iter()
            .enumerate()
            .any(|(i, k)| first.keys[..i].iter().any(|e| e.name == k.name));
        if repeated {
            let mut seen: Vec<&str> = Vec::new();
            for (key, key_span, value) in node.members() {
                if seen.contains(&key) {
                    repeats.push(Fields::member(node.span(), key, key_span, value));
                } else {
                    seen.push(key);
                }
            }
        }
        Ok(Frontmatter { first, repeats })
    }
}

/// Every entry of a mapping, in the order written, a key written twice
/// twice (a [`super::value::Map`] keeps one).
#[derive(Debug, Clone, PartialEq)]
pub struct Entries<T>(pub Vec<Entry<T>>);

impl<T> Entries<T> {
    pub fn iter(&self) -> std::slice::Iter<'_, Entry<T>> {
        self.0.iter()
    }
    pub fn len(&self) -> usize {
        self.0.len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<T: FromTree> FromTree for Entries<T> {
    fn from_tree<N: Tree>(node: &N) -> Result<Self, Kind> {
        if node.kind() != Kind::Object {
            return Err(node.kind());
        }
        Ok(Entries(
            node.members()
                .map(|(key, key_span, value)| Entry {
                    key: key.to_string(),
                    key_span,
                    span: value.span(),
                    value: T::from_tree(value),
                })
                .collect(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::value::{Present, read};

    fn parse(text: &str) -> Frontmatter {
        let doc = crate::parse::yaml::parse(text, 0).unwrap();
        read(doc.root.as_ref().unwrap()).unwrap()
    }

    #[test]
    fn a_key_written_twice_is_read_first_and_kept_as_a_repeat() {
        let text = "model: sonnet\nname: a\nmodel: gpt-4\nfoo: 1\nfoo: 2\n";
        let fm = parse(text);
        assert_eq!(fm.model.val().map(|s| s.text.as_str()), Some("sonnet"));
        assert_eq!(fm.keys.len(), 5);
        assert_eq!(fm.unknown.len(), 1);
        assert_eq!(fm.repeats.len(), 2);
        let again = &fm.repeats[0];
        assert_eq!(again.model.val().map(|s| s.text.as_str()), Some("gpt-4"));
        assert_eq!(&text[again.model.value_span().unwrap().range()], "gpt-4");
        assert!(again.name.is_none());
        assert_eq!(fm.repeats[1].unknown[0].name, "foo");
        assert_eq!(fm.readings().count(), 3);
        assert!(parse("name: a\n").repeats.is_empty());
    }

    #[test]
    fn entries_keep_every_key() {
        let fm = parse("metadata:\n  a: 1\n  a: [2]\nhooks:\n  Stop: []\n  Stop: x\n");
        let meta = fm.metadata.val().unwrap();
        assert_eq!(meta.len(), 2);
        assert_eq!(meta.0[1].ok().map(|o| o.kind), Some(Kind::Array));
        let hooks = fm.hooks.val().unwrap();
        assert_eq!(hooks.0[1].value, Err(Kind::String));
    }
}
