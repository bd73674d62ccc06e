//! The shape of a typed source, checked against the key tables beside its
//! serde types (`model::typed_source`): every unknown key, missing key,
//! wrong type and bad value at once, each at its own node, in plain words.
//! serde still does the typed read; this explains what it would refuse.

use super::{Finding, Problem};
use crate::model::typed_source::{Object, Presence, Shape};
use crate::parse::yaml::{ScalarType, YamlKind, YamlNode};
use crate::source::{FileId, Span};
use crate::text::{suggest, suggest_among};

/// Every problem of the source `root` of `file` (a `kind`: `skill.yaml`,
/// `plugin.yaml`) against `object`.
pub(super) fn check(
    file: FileId,
    kind: &str,
    root: &YamlNode,
    object: &'static Object,
) -> Vec<Finding> {
    let mut walk = Walk {
        file,
        kind,
        out: Vec::new(),
    };
    walk.object(root, object, kind);
    walk.out
}

struct Walk<'k> {
    file: FileId,
    /// `skill.yaml` or `plugin.yaml`.
    kind: &'k str,
    out: Vec<Finding>,
}

/// How a value is written, for a message ("a list", "`x`", "nothing").
fn found(node: &YamlNode) -> String {
    match &node.kind {
        YamlKind::Scalar { value, .. } if value.is_empty() => "nothing".into(),
        YamlKind::Scalar { value, .. } => format!("`{value}`"),
        YamlKind::Seq(_) => "a list".into(),
        YamlKind::Map(_) => "a mapping".into(),
        YamlKind::Alias => "an alias".into(),
    }
}

/// A scalar that reads as null (`~`, `null`, nothing).
fn empty(node: &YamlNode) -> bool {
    node.scalar_type() == Some(ScalarType::Null)
}

/// A scalar that reads as no text at all: serde refuses it for a text.
fn blank(node: &YamlNode) -> bool {
    empty(node) && node.as_str() == Some("")
}

/// The name of the mapping at `node` in messages: a phase by its id, else
/// where it is (`references[1]`).
fn place_of(node: &YamlNode, what: &str, at: &str) -> String {
    match (what, node.get("id").and_then(YamlNode::as_str)) {
        ("a phase", Some(id)) if !id.is_empty() => format!("phase `{id}`"),
        _ => at.to_string(),
    }
}

impl Walk<'_> {
    fn push(&mut self, span: Span, message: String, help: Option<String>) {
        let mut f = Finding::new(Problem::SourceInvalid, self.file, span, message);
        f.help = help;
        self.out.push(f);
    }

    /// A mapping of kind `o`, called `place` in messages.
    fn object(&mut self, node: &YamlNode, o: &'static Object, place: &str) {
        let YamlKind::Map(entries) = &node.kind else {
            self.push(
                node.span,
                format!(
                    "{place} must be a mapping of keys to values, not {}",
                    found(node)
                ),
                None,
            );
            return;
        };
        let names: Vec<&str> = o.keys.iter().map(|k| k.name).collect();
        let written: Vec<&str> = entries.iter().filter_map(|(k, _)| k.as_str()).collect();
        let mut seen: Vec<&str> = Vec::new();
        // Keys an unknown key was taken for: not reported missing as well.
        let mut meant: Vec<&str> = Vec::new();
        for (k, v) in entries {
            let Some(name) = k.as_str() else {
                self.push(k.span, format!("a key of {place} is not text"), None);
                continue;
            };
            if seen.contains(&name) {
                self.push(
                    k.span,
                    format!("`{name}` is set twice in {place}"),
                    Some("keep one of them".into()),
                );
                continue;
            }
            seen.push(name);
            match o.key(name) {
                Some(key) => self.value(v, key.shape, key.presence, name),
                None => {
                    let near = self.unknown(k, name, o, (&names, &written), place);
                    if o.open && near.is_none() {
                        self.no_alias(v); // passed on as it is
                    }
                    meant.extend(near);
                }
            }
        }
        let missing: Vec<&str> = o
            .keys
            .iter()
            .filter(|k| k.presence == Presence::Required)
            .filter(|k| !seen.contains(&k.name) && !meant.contains(&k.name))
            .map(|k| k.name)
            .collect();
        if !missing.is_empty() {
            let required: Vec<String> = o
                .keys
                .iter()
                .filter(|k| k.presence == Presence::Required)
                .map(|k| format!("`{}`", k.name))
                .collect();
            let at = entries.first().map_or(node.span, |(k, _)| k.span);
            let list: Vec<String> = missing.iter().map(|m| format!("`{m}`")).collect();
            self.push(
                at,
                format!("{place} is missing {}", and_list(&list)),
                Some(format!("{} needs {}", capital(o.what), and_list(&required))),
            );
        }
    }

    /// A key `o` does not have (`names`: the keys it has; `written`: the
    /// keys of the mapping); the key it was meant to be, if one is near.
    fn unknown(
        &mut self,
        k: &YamlNode,
        name: &str,
        o: &'static Object,
        (names, written): (&[&'static str], &[&str]),
        place: &str,
    ) -> Option<&'static str> {
        let mut known: Vec<&str> = names.to_vec();
        known.extend(o.near.iter().filter(|n| !names.contains(n)));
        // An open mapping passes other keys on: only a near miss (by edit
        // distance, not a shared prefix: `author-team` is no `author`) is
        // reported there.
        let near = if o.open {
            suggest(name, known.iter().copied())
        } else {
            suggest_among(name, &known)
        };
        let near = near.filter(|n| *n != name);
        if o.open && (near.is_none() || o.near.contains(&name)) {
            return None; // passed through as it is
        }
        let help = match near {
            Some(n) => format!("did you mean `{n}`?"),
            None => format!("{} has the keys {}", capital(o.what), names.join(", ")),
        };
        let mut f = Finding::new(
            Problem::SourceInvalid,
            self.file,
            k.span,
            format!("unknown key `{name}` in {place}"),
        )
        .help(help);
        // Renaming the key is safe when it is the one close match and
        // not set already.
        if let Some(n) = near
            && sure(name, n, &known)
            && !written.contains(&n)
            && !matches!(k.kind, YamlKind::Scalar { plain: false, .. })
        {
            f = f.fix(format!("rename to `{n}`"), k.span, n);
        }
        self.out.push(f);
        near
    }

    /// The value of key `name`: of `shape`, present as `presence` allows.
    fn value(&mut self, v: &YamlNode, shape: Shape, presence: Presence, name: &str) {
        if matches!(v.kind, YamlKind::Alias) {
            let kind = self.kind;
            self.push(
                v.span,
                format!("`{name}` is an alias; {kind} does not read YAML aliases"),
                Some("write the value out".into()),
            );
            return;
        }
        if presence == Presence::Nullable && empty(v) {
            return;
        }
        match shape {
            Shape::Text => self.text(v, name),
            Shape::Bool => {
                let ok = matches!(
                    v.as_str(),
                    Some("true" | "True" | "TRUE" | "false" | "False" | "FALSE")
                );
                if !ok {
                    self.push(
                        v.span,
                        format!("`{name}` must be true or false, not {}", found(v)),
                        None,
                    );
                }
            }
            Shape::OneOf(values) => self.one_of(v, values, name),
            Shape::Texts => {
                if let Some(items) = self.list(v, name) {
                    for (i, item) in items.iter().enumerate() {
                        self.text(item, &format!("{name}[{i}]"));
                    }
                }
            }
            Shape::ListOf(o) => {
                if let Some(items) = self.list(v, name) {
                    for (i, item) in items.iter().enumerate() {
                        let at = format!("{name}[{i}]");
                        self.object(item, o, &place_of(item, o.what, &at));
                    }
                }
            }
            Shape::MapOf(o) => {
                if let Some(entries) = self.map(v, name) {
                    for (k, item) in entries {
                        match k.as_str() {
                            Some(key) if !blank(k) => {
                                let what =
                                    o.what.trim_start_matches("a ").trim_start_matches("an ");
                                self.object(item, o, &format!("{what} `{key}`"));
                            }
                            _ => self.push(k.span, format!("a key of `{name}` is not text"), None),
                        }
                    }
                }
            }
            Shape::AnyMap => {
                if let Some(entries) = self.map(v, name) {
                    for (k, item) in entries {
                        if k.as_str().is_none_or(|_| blank(k)) {
                            self.push(k.span, format!("a key of `{name}` is not text"), None);
                        }
                        self.no_alias(item);
                    }
                }
            }
            Shape::Object(o) => {
                if self.map(v, name).is_some() {
                    self.object(v, o, &format!("`{name}`"));
                }
            }
            Shape::Any => self.no_alias(v),
        }
    }

    /// Text: a scalar with something in it.
    fn text(&mut self, v: &YamlNode, name: &str) {
        match &v.kind {
            YamlKind::Scalar { .. } if blank(v) => {
                self.push(
                    v.span,
                    format!("`{name}` is empty"),
                    Some("write a value".into()),
                );
            }
            YamlKind::Scalar { .. } => {}
            _ => self.push(
                v.span,
                format!("`{name}` must be text, not {}", found(v)),
                None,
            ),
        }
    }

    /// One of `values`.
    fn one_of(&mut self, v: &YamlNode, values: &[&str], name: &str) {
        let got = v.as_str().filter(|_| !matches!(v.kind, YamlKind::Alias));
        if got.is_some_and(|g| values.contains(&g)) {
            return;
        }
        let message = format!(
            "`{name}` must be one of {}; got {}",
            values.join(", "),
            found(v)
        );
        let near = got.and_then(|g| suggest_among(g, values));
        let mut f = Finding::new(Problem::SourceInvalid, self.file, v.span, message);
        if let (Some(n), Some(g)) = (near, got) {
            f = f.help(format!("did you mean `{n}`?"));
            if sure(g, n, values) && !matches!(v.kind, YamlKind::Scalar { plain: false, .. }) {
                f = f.fix(format!("replace with `{n}`"), v.span, n);
            }
        }
        self.out.push(f);
    }

    /// The items of a list, or a finding.
    fn list<'n>(&mut self, v: &'n YamlNode, name: &str) -> Option<&'n [YamlNode]> {
        match &v.kind {
            YamlKind::Seq(items) => Some(items),
            _ => {
                self.push(
                    v.span,
                    format!("`{name}` must be a list, not {}", found(v)),
                    None,
                );
                None
            }
        }
    }

    /// The entries of a mapping, or a finding.
    fn map<'n>(&mut self, v: &'n YamlNode, name: &str) -> Option<&'n [(YamlNode, YamlNode)]> {
        match &v.kind {
            YamlKind::Map(entries) => Some(entries),
            _ => {
                self.push(
                    v.span,
                    format!(
                        "`{name}` must be a mapping of keys to values, not {}",
                        found(v)
                    ),
                    None,
                );
                None
            }
        }
    }

    /// Anything but an alias, at any depth.
    fn no_alias(&mut self, v: &YamlNode) {
        match &v.kind {
            YamlKind::Alias => {
                let kind = self.kind;
                self.push(
                    v.span,
                    format!("{kind} does not read YAML aliases"),
                    Some("write the value out".into()),
                );
            }
            YamlKind::Seq(items) => items.iter().for_each(|i| self.no_alias(i)),
            YamlKind::Map(entries) => entries.iter().for_each(|(k, i)| {
                self.no_alias(k);
                self.no_alias(i);
            }),
            YamlKind::Scalar { .. } => {}
        }
    }
}

/// `n` is the one candidate within two edits of `word`: a safe replacement.
fn sure(word: &str, n: &str, candidates: &[&str]) -> bool {
    let w = word.to_ascii_lowercase();
    let close: Vec<&&str> = candidates
        .iter()
        .filter(|c| strsim::levenshtein(&c.to_ascii_lowercase(), &w) <= 2)
        .collect();
    close.len() == 1 && *close[0] == n
}

/// `a`, `a and b`, `a, b and c`.
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// "a phase" → "A phase"; "skill.yaml" stays.
fn capital(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) if s.starts_with("a ") || s.starts_with("an ") || s.starts_with("the ") => {
            f.to_uppercase().chain(c).collect()
        }
        _ => s.to_string(),
    }
}
