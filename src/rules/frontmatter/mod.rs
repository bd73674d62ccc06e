//! Frontmatter of SKILL.md, commands/*.md and agents/*.md: presence, YAML
//! that strict loaders reject, names, descriptions, fields, tool rules.

pub mod agent;
pub mod description;
pub mod fields;
pub mod presence;
pub mod skill_name;
pub mod tools;
pub mod yaml;

use crate::model::{Doc, DocKind, Project};
use crate::parse::frontmatter::FrontmatterState;
use crate::parse::yaml::YamlNode;

/// Docs that are skills, commands or agents.
pub fn components(project: &Project) -> impl Iterator<Item = &Doc> {
    project.docs.iter().filter(|d| d.kind != DocKind::Other)
}

/// Component docs whose frontmatter parsed to a mapping, with the mapping.
pub fn mappings(project: &Project) -> impl Iterator<Item = (&Doc, &YamlNode)> {
    components(project).filter_map(|d| match &d.frontmatter {
        FrontmatterState::Present(fm) => fm.root().filter(|r| r.is_map()).map(|r| (d, r)),
        _ => None,
    })
}

pub fn kind_name(kind: DocKind) -> &'static str {
    match kind {
        DocKind::Skill => "skill",
        DocKind::Command => "command",
        DocKind::Agent => "agent",
        DocKind::Other => "file",
    }
}
