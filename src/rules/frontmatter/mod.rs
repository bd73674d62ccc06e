//! Frontmatter of SKILL.md, commands/*.md and agents/*.md: presence, YAML
//! that strict loaders reject, names, descriptions, fields, tool rules.

pub mod agent;
pub mod description;
pub mod fields;
pub mod skill_name;
pub mod tools;

crate::declare_family! {
    missing_frontmatter,
    unclosed_frontmatter,
    frontmatter_not_at_start,
    yaml_invalid,
    yaml_lenient_only,
    frontmatter_not_mapping,
    duplicate_frontmatter_key,
}

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

/// Checks of several rules of this family, not yet split into a check per
/// rule (see `crate::rules::Check::Legacy`).
pub static LEGACY: &[crate::rules::LegacyCheck] = &[
    crate::rules::LegacyCheck {
        rules: &[
            &skill_name::MISSING,
            &skill_name::FORMAT,
            &skill_name::MISMATCH,
            &skill_name::RESERVED,
        ],
        run: skill_name::check,
    },
    crate::rules::LegacyCheck {
        rules: &[
            &description::MISSING,
            &description::NOT_STRING,
            &description::TOO_LONG,
            &description::LISTING_CUT,
            &description::ANGLE_BRACKETS,
        ],
        run: description::check,
    },
    crate::rules::LegacyCheck {
        rules: &[
            &fields::LIST_TYPE,
            &fields::ENUM,
            &fields::FORK_ONLY,
            &fields::MODEL,
            &fields::UNKNOWN_KEY,
            &fields::COMPATIBILITY,
            &fields::COMMAND_HOOKS,
            &fields::HOOKS_SHAPE,
            &fields::METADATA_VALUES,
        ],
        run: fields::check,
    },
    crate::rules::LegacyCheck {
        rules: &[
            &agent::MISSING,
            &agent::NAME,
            &agent::VALUE,
            &agent::IGNORED,
            &agent::UNKNOWN_KEY,
        ],
        run: agent::check,
    },
    crate::rules::LegacyCheck {
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
    },
];
