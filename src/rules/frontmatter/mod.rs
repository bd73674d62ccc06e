//! Frontmatter of SKILL.md, commands/*.md and agents/*.md: presence, YAML
//! that strict loaders reject, names, descriptions, fields, tool rules.
//! The presence and YAML rules read the parse (`Doc::frontmatter`); the
//! others read the typed mapping (`Doc::fm`).

use crate::model::frontmatter::Frontmatter;
use crate::model::value::{Entry, Field, FromTree, Kind, Opaque, Present, Scalar};
use crate::model::{Doc, DocKind, Project, Skill};
use crate::parse::frontmatter::FrontmatterState;
use crate::source::Span;

crate::declare_family! {
    missing_frontmatter,
    unclosed_frontmatter,
    frontmatter_not_at_start,
    yaml_invalid,
    yaml_lenient_only,
    frontmatter_not_mapping,
    duplicate_frontmatter_key,
    skill_name_missing,
    skill_name_format,
    skill_name_mismatch,
    skill_name_reserved_word,
    description_missing,
    description_not_string,
    description_too_long,
    description_listing_cut,
    description_angle_brackets,
    field_not_string_list,
    field_value_invalid,
    fork_only_field,
    unknown_model,
    unknown_frontmatter_key,
    compatibility_invalid,
    command_hooks_ignored,
    frontmatter_hooks_invalid,
    metadata_not_strings,
    agent_field_missing,
    agent_name_invalid,
    agent_field_value_invalid,
    agent_field_ignored,
    agent_unknown_key,
}

pub mod tools;

/// Checks of several rules of this family, not yet split into a check per
/// rule (see `crate::rules::Check::Legacy`).
pub static LEGACY: &[crate::rules::LegacyCheck] = &[crate::rules::LegacyCheck {
    rules: &[
        &tools::MALFORMED,
        &tools::LOWERCASE,
        &tools::UNKNOWN,
        &tools::LEGACY,
        &tools::BASH_PREFIX,
        &tools::SPECIFIER,
        &tools::WILDCARD,
    ],
    run: tools::check,
}];

/// Docs that are skills, commands or agents.
pub fn components(project: &Project) -> impl Iterator<Item = &Doc> {
    project.docs.iter().filter(|d| d.kind != DocKind::Other)
}

/// Component docs whose frontmatter parsed to a mapping, with the mapping
/// typed.
pub fn mappings(project: &Project) -> impl Iterator<Item = (&Doc, &Frontmatter)> {
    components(project).filter_map(|d| d.fm.as_deref().map(|fm| (d, fm)))
}

pub fn kind_name(kind: DocKind) -> &'static str {
    match kind {
        DocKind::Skill => "skill",
        DocKind::Command => "command",
        DocKind::Agent => "agent",
        DocKind::Other => "file",
    }
}

/// What a value of `kind` is called in messages, in YAML's words (`list`,
/// `mapping`).
fn type_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Array => "list",
        Kind::Object => "mapping",
        k => k.name(),
    }
}

/// The kind of a field's value: the scalar's, or the one it has instead.
fn kind_of(field: &Field<Scalar>) -> Kind {
    match &field.value {
        Ok(s) => s.kind,
        Err(k) => *k,
    }
}

/// Whether a scalar is an integer under the YAML 1.2 core schema (decimal,
/// `0x…`, `0o…`), as the parser resolves it; other numbers are floats.
fn is_int(s: &Scalar) -> bool {
    if s.kind != Kind::Number {
        return false;
    }
    let t = s.text.as_str();
    let body = t.strip_prefix(['-', '+']).unwrap_or(t);
    let digits = |d: &str, ok: fn(&u8) -> bool| !d.is_empty() && d.bytes().all(|b| ok(&b));
    digits(body, u8::is_ascii_digit)
        || t.strip_prefix("0x")
            .is_some_and(|h| digits(h, u8::is_ascii_hexdigit))
        || t.strip_prefix("0o")
            .is_some_and(|o| digits(o, |b| (b'0'..=b'7').contains(b)))
}

/// Where a missing key is reported: the mapping's first key (the start of
/// the file for an empty one).
fn first_key(d: &Doc, fm: &Frontmatter) -> Span {
    let written = fm.keys.first().map(|k| k.span);
    let complex = complex_entries::<Opaque>(d, fm.span)
        .first()
        .map(|e| e.key_span);
    match (written, complex) {
        (Some(k), Some(c)) if c.start < k.start => c,
        (k, c) => k.or(c).unwrap_or(Span::empty(0)),
    }
}

/// The entries of a mapping of `d`'s frontmatter (the frontmatter itself,
/// or the value of one of its keys, found by its span `at`) whose key is
/// not a scalar (`? [a, b]`), each read as `T`, with an empty `key`.
///
/// The one raw YAML lookup of this family, because the typed model cannot
/// serve: it reads mappings through `Tree::members`, which skips such keys,
/// while the first key (AS012, AG002) and the entries of `metadata` (AS015)
/// and `hooks` (SK017) have always counted them.
fn complex_entries<T: FromTree>(d: &Doc, at: Span) -> Vec<Entry<T>> {
    let FrontmatterState::Present(block) = &d.frontmatter else {
        return Vec::new();
    };
    let Some(root) = block.root() else {
        return Vec::new();
    };
    let map = if root.span == at {
        Some(root)
    } else {
        root.entries().iter().map(|(_, v)| v).find(|v| v.span == at)
    };
    map.into_iter()
        .flat_map(|m| m.entries())
        .filter(|(k, _)| k.as_str().is_none())
        .map(|(k, v)| Entry {
            key: String::new(),
            key_span: k.span,
            span: v.span,
            value: T::from_tree(v),
        })
        .collect()
}

/// The skills of every plugin whose SKILL.md frontmatter is a mapping: the
/// doc, the skill and the mapping.
fn skills(project: &Project) -> impl Iterator<Item = (&Doc, &Skill, &Frontmatter)> {
    project
        .plugins
        .iter()
        .flat_map(|p| &p.skills)
        .filter_map(|s| {
            let d = project.doc(s.doc);
            if d.kind != DocKind::Skill {
                return None;
            }
            d.fm.as_deref().map(|fm| (d, s, fm))
        })
}

/// A skill's `name` when it can be a name: a string or an integer
/// (`name: 123`). The naming rules (AS005) report other values.
fn skill_name(name: &Field<Scalar>) -> Option<&str> {
    name.ok()
        .filter(|s| s.kind == Kind::String || is_int(s))
        .map(|s| s.text.as_str())
}

/// Why a skill `name` breaks the naming rules, if it does.
fn name_problem(name: &str) -> Option<String> {
    let n = name.chars().count();
    if n == 0 {
        return Some("is empty".into());
    }
    if n > 64 {
        return Some(format!("is {n} characters long; the limit is 64"));
    }
    if name.chars().any(|c| c.is_uppercase()) {
        return Some("has uppercase letters".into());
    }
    if let Some(c) = name
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-'))
    {
        return Some(format!("contains `{c}`; only a-z, 0-9 and - are allowed"));
    }
    if name.starts_with('-') || name.ends_with('-') {
        return Some("starts or ends with `-`".into());
    }
    if name.contains("--") {
        return Some("contains `--`".into());
    }
    None
}

/// Skills and commands with a description that is non-empty text: the doc,
/// the mapping, the text and its span.
fn descriptions(project: &Project) -> impl Iterator<Item = (&Doc, &Frontmatter, &str, Span)> {
    mappings(project)
        .filter(|(d, _)| d.kind != DocKind::Agent)
        .filter_map(|(d, fm)| {
            let (s, span) = fm.description.spanned()?;
            (!s.text.trim().is_empty()).then_some((d, fm, s.text.as_str(), span))
        })
}

/// Component docs whose frontmatter parsed to a mapping, with the raw
/// mapping (for the tool rules, not yet split).
pub fn raw_mappings(
    project: &Project,
) -> impl Iterator<Item = (&Doc, &crate::parse::yaml::YamlNode)> {
    components(project).filter_map(|d| match &d.frontmatter {
        FrontmatterState::Present(fm) => fm.root().filter(|r| r.is_map()).map(|r| (d, r)),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_are_told_from_floats() {
        let n = |t: &str| Scalar {
            text: t.into(),
            kind: Kind::Number,
        };
        for int in ["1", "-12", "+3", "0x1F", "0o17"] {
            assert!(is_int(&n(int)), "{int}");
        }
        for float in ["1.5", "1e3", ".inf", "-.inf", ".nan", "0x", "0o8"] {
            assert!(!is_int(&n(float)), "{float}");
        }
        let s = Scalar {
            text: "12".into(),
            kind: Kind::String,
        };
        assert!(!is_int(&s));
    }
}
