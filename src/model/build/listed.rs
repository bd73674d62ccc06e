//! Component files a manifest lists under a name of their own
//! (`"hooks": "./config/hooks.json"`, `"mcpServers": "./servers.json"`,
//! `"lspServers": …`, `"experimental": {"monitors": …}`): the walk reads
//! them as plain JSON; once the manifests are built, each is parsed and
//! typed for the field that lists it, as if it had the default name.

use super::read::{Parsed, Reader};
use crate::model::manifest::{Configs, PathOr, PluginManifest};
use crate::model::value::{OneOrMany, Present};
use crate::model::{JsonFile, JsonRole, Project};
use crate::source::SourceDb;

/// Type every listed component file that has no role by its name.
pub(super) fn type_listed(project: &mut Project, db: &SourceDb, reader: &Reader<'_>) {
    let mut wanted: Vec<(String, JsonRole)> = Vec::new();
    for p in project.plugins.iter().filter(|p| !p.synthetic) {
        let mut holders: Vec<&PluginManifest> = Vec::new();
        if let Some(pm) = project.manifest(p).and_then(|jf| jf.plugin()) {
            holders.push(pm);
        }
        if let Some(ei) = p.entry
            && let Some(mk) = project.marketplace_of(&project.entries[ei]).marketplace()
            && let Some(entry) = mk.entry(project.entries[ei].index).and_then(|i| i.ok())
        {
            holders.push(&entry.plugin);
        }
        for pm in holders {
            let mut add = |path: &str, role: JsonRole| {
                if path.ends_with(".json")
                    && let Some(full) = crate::source::join(&p.dir, path)
                {
                    wanted.push((full, role));
                }
            };
            for path in paths(&pm.hooks) {
                add(path, JsonRole::Hooks);
            }
            for path in paths(&pm.mcp_servers) {
                add(path, JsonRole::Mcp);
            }
            for path in paths(&pm.lsp_servers) {
                add(path, JsonRole::Lsp);
            }
            if let Some(PathOr::Path(path)) = pm.experimental.val().and_then(|e| e.monitors.val()) {
                add(path.as_str(), JsonRole::Monitors);
            }
        }
    }
    if wanted.is_empty() {
        return;
    }
    let mut typed: std::collections::HashSet<String> = project
        .json
        .iter()
        .map(|jf| db.path(jf.file).to_string())
        .collect();
    for (path, role) in wanted {
        let Some(id) = db.find(&path) else { continue };
        if !typed.insert(path) {
            continue;
        }
        if let Parsed::Json(json) = reader.json_as(role, db.text(id)) {
            let (role, parsed, typed, shell, mentions) = *json;
            project.json.push(JsonFile {
                file: id,
                role,
                parsed,
                typed,
                schema_errors: Vec::new(),
                shell,
                mentions,
            });
        }
    }
}

/// The file paths of a config field.
fn paths<T>(field: &crate::model::value::Opt<Configs<T>>) -> Vec<&str> {
    match field.val() {
        Some(OneOrMany::One(PathOr::Path(p))) => vec![p.as_str()],
        Some(OneOrMany::Many(l)) => l
            .oks()
            .filter_map(|(p, _)| match p {
                PathOr::Path(s) => Some(s.as_str()),
                PathOr::Inline(_) => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}
