//! marketplace.json and plugin.json: schema, names, fields, component paths,
//! entries against the tree.

pub mod entries;
pub mod marketplace_fields;
pub mod marketplace_name;
pub mod paths;
pub mod plugin_fields;
pub mod plugin_name;
pub mod schema;
pub mod user_config;
pub mod version_bump;

use crate::model::{JsonFile, Plugin, Project};
use crate::parse::json::JsonNode;

/// Plugins that have a parsed plugin.json object, with it.
pub fn manifests(project: &Project) -> impl Iterator<Item = (&Plugin, &JsonFile, &JsonNode)> {
    project
        .plugins
        .iter()
        .filter(|p| !p.synthetic)
        .filter_map(move |p| {
            let jf = project.manifest(p)?;
            Some((p, jf, jf.root()?))
        })
}

/// Every plugin.json in the tree (listed or not), deduplicated by file.
pub fn plugin_json_files(project: &Project) -> impl Iterator<Item = (&JsonFile, &JsonNode)> {
    let mut seen = std::collections::BTreeSet::new();
    project.plugins.iter().filter_map(move |p| {
        let i = p.manifest?;
        if !seen.insert(i) {
            return None;
        }
        let jf = &project.json[i];
        Some((jf, jf.root()?))
    })
}

/// The marketplace object, when it parsed.
pub fn marketplace(project: &Project) -> Option<(&JsonFile, &JsonNode)> {
    let jf = project.marketplace()?;
    Some((jf, jf.root()?))
}

/// Checks of several rules of this family, not yet split into a check per
/// rule (see `crate::rules::Check::Legacy`).
/// The rules of this family with a check of their own (none yet).
pub static RULES: &[&crate::rules::RuleMeta] = &[];

pub static LEGACY: &[crate::rules::LegacyCheck] = &[
    crate::rules::LegacyCheck {
        rules: &[&version_bump::NOT_BUMPED],
        run: version_bump::check,
    },
    crate::rules::LegacyCheck {
        rules: schema::RULES,
        run: schema::check,
    },
    crate::rules::LegacyCheck {
        rules: &[
            &plugin_name::MISSING,
            &plugin_name::EMPTY,
            &plugin_name::WHITESPACE,
            &plugin_name::CONTROL,
            &plugin_name::NOT_KEBAB,
            &plugin_name::INVALID_ID,
        ],
        run: plugin_name::check,
    },
    crate::rules::LegacyCheck {
        rules: &[
            &plugin_fields::VERSION_MISSING,
            &plugin_fields::VERSION_SEMVER,
            &plugin_fields::DESCRIPTION_MISSING,
            &plugin_fields::AUTHOR_MISSING,
            &plugin_fields::HOMEPAGE,
            &plugin_fields::UNKNOWN_FIELD,
            &plugin_fields::MARKETPLACE_ONLY,
            &plugin_fields::CLAUDE_MD,
            &plugin_fields::NESTED_COMPONENTS,
        ],
        run: plugin_fields::check,
    },
    crate::rules::LegacyCheck {
        rules: &[
            &paths::NOT_DOT_SLASH,
            &paths::TRAVERSAL,
            &paths::MISSING,
            &paths::SKILL_IS_FILE,
            &paths::AGENT_NOT_MD,
            &paths::EXTENSION,
            &paths::SHADOWED,
            &paths::HOOKS_LISTED,
        ],
        run: paths::check,
    },
    crate::rules::LegacyCheck {
        rules: &[
            &marketplace_name::MISSING,
            &marketplace_name::BAD_CHARS,
            &marketplace_name::IMPERSONATES,
            &marketplace_name::RESERVED,
            &marketplace_name::INVALID_ID,
        ],
        run: marketplace_name::check,
    },
    crate::rules::LegacyCheck {
        rules: &[
            &marketplace_fields::EMPTY,
            &marketplace_fields::NO_DESCRIPTION,
            &marketplace_fields::UNKNOWN,
        ],
        run: marketplace_fields::check,
    },
    crate::rules::LegacyCheck {
        rules: &[
            &entries::DUPLICATE,
            &entries::NOT_RELATIVE,
            &entries::TRAVERSAL,
            &entries::ARCHIVE_URL,
            &entries::SOURCE_MISSING,
            &entries::STRICT_CONFLICT,
            &entries::VERSION_MISMATCH,
            &entries::RENAMES,
            &entries::HEADERS_HELPER,
            &entries::ORPHAN,
            &entries::NAME_MISMATCH,
        ],
        run: entries::check,
    },
];
