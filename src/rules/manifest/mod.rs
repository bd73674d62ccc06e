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
